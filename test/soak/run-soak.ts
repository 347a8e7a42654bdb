// `npm run soak`: a scripted day at the bench against the real browser station, with SIGKILLs of the
// station, printer faults and a frozen browser tab. At the end the database is checked: the ledger
// adds up, every change the station acknowledged is there exactly once, and every packed order has
// exactly one label the printer confirmed. Prints its figures; exits 1 on any loss or double.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { journalResult, labelProblems, ledgerProblems } from './checks';
import { OPERATIONS } from './operations';
import { createSoakClient, type Outcome } from './soak-client';
import type { Journal, SoakContext } from './soak-types';
import { createStationProcess } from './station-process';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '300' }, seed: { type: 'string', default: String(Date.now() % 100000) }, keep: { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const root = new URL('../..', import.meta.url).pathname;
if (!existsSync(join(root, 'out/main/serve.js'))) {
  console.error('soak: out/main/serve.js is missing: run `npm run build` first (npm run soak does).');
  process.exit(2);
}

function prng(s: number) {
  let state = s >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const between = (lo: number, hi: number) => lo + random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const entries: Array<{ kind: string; key: string; acked: boolean }> = [];
const journal: Journal = { record: (kind, key, acked) => void entries.push({ kind, key, acked }), entries: () => entries };

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'packbench-soak-'));
  const port = await freePort();
  const token = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const station = createStationProcess({ dataDir, port, token });
  const printer = await startZplPrinterEmulator();
  const origin = `http://127.0.0.1:${port}`;
  const client = createSoakClient(() => `ws://127.0.0.1:${port}/api?token=${token}`, () => origin);
  const figures = { operations: 0, kills: 0, faults: 0, frozenClients: 0, lostCalls: 0, maxStationRssMb: 0 };
  const latencies: number[] = [];
  let id = 0;
  const ctx: SoakContext = {
    client, printer, journal, random,
    pick: (list) => list[Math.floor(random() * list.length)]!,
    nextId: () => ++id,
    ok<T>(o: Outcome<T>) { return o.kind === 'ok' ? o.result : undefined; },
  };

  await station.start();
  await client.connect();
  const saved = await client.call('printers.save', { name: 'Soak Zebra', kind: 'tcp', host: printer.host, port: printer.port, isDefault: true });
  if (saved.kind !== 'ok') throw new Error(`could not set up the printer: ${JSON.stringify(saved)}`);

  const started = Date.now();
  const endAt = started + seconds * 1000;
  let running = true;
  const chaos: Array<Promise<void>> = [];

  // the station is killed at random moments and started again, as a power cut and a restart would
  chaos.push((async () => {
    while (running) {
      await sleep(between(4000, 9000));
      if (!running) break;
      await station.kill();
      figures.kills++;
      await station.start();
    }
  })());

  // the printer runs out of paper, hangs (accepts and never reads), is switched off, prints slowly
  chaos.push((async () => {
    while (running) {
      await sleep(between(2000, 6000));
      if (!running) break;
      const fault = ctx.pick(['paperOut', 'acceptNeverRead', 'off', 'slow'] as const);
      figures.faults++;
      if (fault === 'off') await printer.stop();
      else if (fault === 'slow') printer.setState({ printMs: 1500 });
      else printer.setState({ [fault]: true });
      await sleep(between(1500, 4000));
      if (fault === 'off') await printer.restart();
      printer.setState({ paperOut: false, acceptNeverRead: false, printMs: 0 });
    }
  })());

  // a browser tab freezes: it keeps asking and stops reading
  chaos.push((async () => {
    while (running) {
      await sleep(between(5000, 10000));
      if (!running) break;
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { headers: { origin } });
      ws.on('error', () => undefined);
      const opened = await new Promise<boolean>((r) => { ws.once('open', () => r(true)); ws.once('error', () => r(false)); });
      if (!opened) continue;
      figures.frozenClients++;
      (ws as unknown as { _socket: Socket })._socket.pause();
      for (let i = 0; i < 300; i++) ws.send(JSON.stringify({ type: 'request', id: i, method: 'orders.list', input: { limit: 500 } }));
      await sleep(between(3000, 8000));
      ws.terminate();
    }
  })());

  const memory = setInterval(() => { figures.maxStationRssMb = Math.max(figures.maxStationRssMb, Math.round(station.rss() / 1048576)); }, 250);

  const total = OPERATIONS.reduce((n, o) => n + o.weight, 0);
  while (Date.now() < endAt) {
    let roll = random() * total;
    const op = OPERATIONS.find((o) => (roll -= o.weight) < 0) ?? OPERATIONS[0]!;
    const t = Date.now();
    try {
      await op.run(ctx);
    } catch (e) {
      console.error(`soak: "${op.name}" failed in the harness:`, e);
    }
    latencies.push(Date.now() - t);
    figures.operations++;
  }
  running = false;
  await Promise.all(chaos);
  printer.setState({ paperOut: false, acceptNeverRead: false, printMs: 0 });

  // settle: a healthy printer, and the packer retries every label that is not confirmed yet
  const settleUntil = Date.now() + 20_000;
  for (;;) {
    const jobs = ctx.ok(await client.call<Array<{ id: number; orderId: number | null; kind: string; status: string }>>('print.jobs', { limit: 500 })) ?? [];
    const packed = ctx.ok(await client.call<{ rows: Array<{ id: number }> }>('orders.list', { status: 'packed', limit: 500 }))?.rows ?? [];
    const done = new Set(jobs.filter((j) => j.kind === 'label' && j.status === 'done').map((j) => j.orderId));
    const waiting = packed.filter((o) => !done.has(o.id));
    if (waiting.length === 0 || Date.now() > settleUntil) break;
    for (const o of waiting) {
      const mine = jobs.filter((j) => j.orderId === o.id && j.kind === 'label');
      const retry = mine.find((j) => j.status === 'failed' || j.status === 'unconfirmed');
      if (retry && !mine.some((j) => j.status === 'queued' || j.status === 'sending')) await client.call('print.retry', { jobId: retry.id });
    }
    await sleep(500);
  }
  clearInterval(memory);
  client.close();
  await station.stop();
  await printer.stop();

  const db = new Database(join(dataDir, 'packbench.db'), { readonly: true });
  const result = journalResult(db, journal, OPERATIONS);
  const problems = [...ledgerProblems(db), ...labelProblems(db), ...result.problems];
  const packedOrders = (db.prepare("SELECT count(*) AS n FROM orders WHERE status = 'packed'").get() as { n: number }).n;
  db.close();

  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
  console.log(`soak (seed ${seed}, ${seconds} s of work): ${figures.operations} operations, ${figures.kills} kills, ${figures.faults} printer faults, `
    + `${figures.frozenClients} frozen clients, ${result.lost} lost, ${result.doubled} doubled; ${packedOrders} orders packed, `
    + `${entries.filter((e) => e.acked).length} acknowledged changes checked, p95 operation ${p95} ms, station memory at most ${figures.maxStationRssMb} MB, `
    + `${Math.round((Date.now() - started) / 1000)} s in all`);
  for (const p of problems.slice(0, 30)) console.log(`  problem: ${p}`);
  if (values.keep) console.log(`soak: data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  process.exit(problems.length > 0 || result.lost > 0 || result.doubled > 0 ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error('soak: the harness itself failed:', e);
  process.exit(2);
});
