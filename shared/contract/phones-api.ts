import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { DevicesStateSchema, PairingOfferSchema } from './phones';

/** Phones and tablets that pick over the shop's network: switched off by default, paired one by one, revocable. */
export const phonesMethods = {
  'phones.state': query(z.object({}).default({}), DevicesStateSchema),
  'phones.setLan': command(z.object({ enabled: z.boolean() }), DevicesStateSchema),
  'phones.offer': command(z.object({ name: z.string().trim().min(1, 'Name the device (e.g. "Anna\'s phone").').max(60, 'At most 60 characters.') }), PairingOfferSchema),
  'phones.revoke': command(z.object({ id: Id }), DevicesStateSchema),
} as const;
