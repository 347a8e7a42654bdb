import fc from 'fast-check';

/**
 * CI runs every property with a fixed seed, so a failure there is the same failure on any machine.
 * `npm run fuzz` runs many more cases with a fresh seed (printed, so a failure can be replayed with
 * FUZZ_SEED=<seed> FUZZ_RUNS=<n>).
 */
const seedText = process.env.FUZZ_SEED ?? '20261130';
export const FUZZ_SEED = seedText === 'random' ? Date.now() % 2 ** 31 : Number(seedText);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

fc.configureGlobal({ seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true });
if (process.env.FUZZ_RUNS) console.log(`fuzz: seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs per property (replay with FUZZ_SEED=${FUZZ_SEED})`);

export const runs = (scale = 1) => ({ numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)) });

/** Text a hostile or broken source sends: controls, NUL, lone surrogates, ZPL and HTML specials, long runs. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '\uDFFF', '^XZ', '~HS', '^FD^FS', '\\&', '\\\\', '_7E', '<script>', "'; DROP TABLE orders; --",
    '\u202E', '\u200B', '🇩🇪', 'Zoë Müller', '東京都', 'a'.repeat(5000), '9'.repeat(400), '%', '"*', '!!!'),
);

/** a longer run needs longer than a test's usual 30 s */
export const FUZZ_TIMEOUT_MS = Math.max(30_000, FUZZ_RUNS * 500);
