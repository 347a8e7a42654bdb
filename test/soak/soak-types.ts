import type Database from 'better-sqlite3';
import type { ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import type { Outcome, SoakClient } from './soak-client';

/**
 * What the harness checks at the end. An operation records each change it asked for under a kind
 * and a key it can find again in the database; `acked` says whether the station answered. An acked
 * change must be there exactly once (else it is lost or doubled); an unanswered one at most once.
 */
export type Journal = {
  record(kind: string, key: string, acked: boolean): void;
  entries(): Array<{ kind: string; key: string; acked: boolean }>;
};

export type SoakContext = {
  client: SoakClient;
  printer: ZplPrinterEmulator;
  journal: Journal;
  random(): number;
  pick<T>(list: readonly T[]): T;
  /** a number unique in this run, for reasons and keys */
  nextId(): number;
  /** ok-result or undefined; a lost or refused call ends the operation quietly */
  ok<T>(outcome: Outcome<T>): T | undefined;
};

export type CheckResult = { lost: number; doubled: number; problems: string[] };

/**
 * One kind of work at the bench. To add one (sync, carriers …): write a file in operations/, export
 * a SoakOperation, and list it in operations/index.ts. `counts` tells how to find a recorded key in
 * the database; `check` adds any other rule about the final database.
 */
export type SoakOperation = {
  name: string;
  /** how often it is chosen, relative to the others */
  weight: number;
  run(ctx: SoakContext): Promise<void>;
  counts?: Record<string, (db: Database.Database, key: string) => number>;
  check?: (db: Database.Database, journal: Journal) => CheckResult;
};
