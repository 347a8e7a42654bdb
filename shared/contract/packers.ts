import { z } from 'zod';
import { Id, IsoTime } from './orders';

export const PIN_RULE = /^\d{4,8}$/;
const Pin = z.string().regex(PIN_RULE, 'A PIN is 4 to 8 digits.');

export const PackerSchema = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(['packer', 'supervisor']),
  hasPin: z.boolean(),
  archived: z.boolean(),
  /** after too many wrong PINs, until when (UTC) */
  lockedUntil: IsoTime.nullable(),
});
export type Packer = z.infer<typeof PackerSchema>;

/** A supervisor's name (or badge) and PIN, for changes that need one. */
export const SupervisorAuth = z.object({ supervisor: z.string().trim().min(1, 'Name the supervisor.').max(100), pin: z.string().max(12) });

export const PackerInput = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1, 'Type the packer\'s name.').max(60, 'A name has at most 60 characters.'),
  role: z.enum(['packer', 'supervisor']).default('packer'),
  /** undefined: keep the PIN as it is; null: remove it; a string: set it */
  pin: Pin.nullable().optional(),
  archived: z.boolean().default(false),
  /** needed once the team has a supervisor */
  authorizedBy: SupervisorAuth.optional(),
});

export const BenchStateSchema = z.object({
  packer: PackerSchema.nullable(),
  /** true once the team has packers: work is recorded only with a packer chosen */
  required: z.boolean(),
});

export const SignInInput = z.object({ packerId: Id, pin: z.string().max(12).default('') });
export const SignInOutput = BenchStateSchema.extend({ token: z.string() });

export const DashboardInput = z.object({ hours: z.number().int().min(1).max(168).default(12) });
export const DashboardSchema = z.object({
  from: IsoTime,
  to: IsoTime,
  /** hour (UTC ISO, start of the hour) -> packer -> orders packed */
  perHour: z.array(z.object({ hour: IsoTime, packer: z.string(), orders: z.number().int() })),
  packers: z.array(z.object({
    packer: z.string(), orders: z.number().int(), parcels: z.number().int(), items: z.number().int(),
    refusals: z.number().int(), labelsFailed: z.number().int(),
  })),
  late: z.object({
    count: z.number().int(),
    orders: z.array(z.object({ id: Id, number: z.string(), customerName: z.string(), shipBy: IsoTime, status: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
