import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Electron's app.getPath('userData') would put Packbench's data, so both modes share a folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Packbench');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Packbench');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Packbench');
}

/** --data-dir beats PACKBENCH_DATA_DIR beats the user-data folder. */
export function resolveDataDir(argDataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return argDataDir ?? env.PACKBENCH_DATA_DIR ?? defaultDataDir(env);
}
