import type { z } from 'zod';

/** A query reads; a command changes state (and is serialised by the core). */
export type MethodKind = 'query' | 'command';
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  kind: MethodKind;
  input: I;
  output: O;
};

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { kind: 'query', input, output };
}
export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { kind: 'command', input, output };
}
