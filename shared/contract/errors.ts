import { z } from 'zod';

/**
 * Every failure the core reports is one of these codes with words a packer can act on.
 * A stack trace never crosses the transport.
 */
export const ERROR_CODES = [
  'invalid_request', // the request did not match the contract
  'unknown_method',
  'not_found',
  'conflict', // a constraint or a state rule refused it
  'invalid_transition',
  'blocked_scan', // wrong item, over-scan, unknown code
  'printer', // printer off, out of paper, ...
  'storage', // database locked, corrupt, newer than the code
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** what the user can do next */
  hint: z.string().optional(),
  /** field path -> message, for forms */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, hint?: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
    this.fields = fields;
  }
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.hint, shape.fields);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
