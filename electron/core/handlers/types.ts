import type { z } from 'zod';
import type { Api, MethodName, MethodOutput } from '../../../shared/contract/api';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Replacement, Workspace } from '../workspace';
import type { BenchState } from '../create-core';

export type HandlerContext = {
  ws: Workspace;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** closes the open database, moves it aside and opens a fresh one or a backup (take a backup first) */
  replaceWorkspace(what: Replacement): Workspace;
  dataDir: string;
  version: string;
  /** the bench (screen) this request came from: who is packing there */
  bench(): BenchState;
  /** the addresses the browser station serves beyond this computer ("http://192.168.1.20:5000"); none in the desktop app */
  networkAddresses(): string[];
};

export type Handler<M extends MethodName> = (input: z.output<Api[M]['input']>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type HandlerMap = { [M in MethodName]?: Handler<M> };
