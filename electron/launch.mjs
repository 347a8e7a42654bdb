#!/usr/bin/env node
// `npm start` and `npm run serve`. Plain Node, no build step of its own:
// builds when the sources are newer than out/, then starts the desktop app where the Electron
// binary is installed, or says plainly that it is not and starts the browser station instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser' && a !== '--native-for-node');
const abiMarker = join(root, 'node_modules', '.packbench-native-runtime');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The build (electron.vite.config.ts) writes out/.build-stamp with the time it began. */
function buildIfStale() {
  const stamp = join(root, 'out', '.build-stamp');
  const sources = Math.max(...['electron', 'renderer', 'shared'].map((d) => newestMtime(join(root, d))), statSync(join(root, 'electron.vite.config.ts')).mtimeMs);
  if (existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= sources) return;
  console.log('Packbench: building the app (sources changed)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron binary, without letting the electron package try to download it. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** Native modules are built for one runtime at a time; switch only when the target changes. */
function nativeModulesFor(runtime) {
  const current = existsSync(abiMarker) ? readFileSync(abiMarker, 'utf8') : 'node';
  if (current === runtime) return;
  const env = { ...process.env };
  if (runtime === 'electron') {
    const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    Object.assign(env, { npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' });
  }
  console.log(`Packbench: rebuilding native modules for ${runtime}…`);
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3', 'node-hid', 'usb', '@serialport/bindings-cpp'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`Packbench: could not rebuild native modules for ${runtime}.`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(abiMarker, runtime);
}

// `npm test` calls this first: after a desktop start the native modules are Electron's, and Node needs its own
if (args.includes('--native-for-node')) {
  nativeModulesFor('node');
  process.exit(0);
}

buildIfStale();
const electron = browserOnly ? null : electronBinary();
if (!browserOnly && !electron) {
  console.log('Packbench: the Electron binary is not installed on this machine (for example, it was installed with');
  console.log('ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the desktop window cannot open. Starting the browser station instead.');
}
nativeModulesFor(electron ? 'electron' : 'node');
const child = electron
  ? spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...passThrough], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// a child ended by a signal has no exit code: report failure, not success
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
