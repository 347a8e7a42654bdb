import { z } from 'zod';
import { Id, IsoTime } from './orders';

export const PairedDeviceSchema = z.object({
  id: Id, name: z.string(), pairedBy: z.string(), createdAt: IsoTime, lastSeenAt: IsoTime.nullable(), revokedAt: IsoTime.nullable(),
});
export type PairedDevice = z.infer<typeof PairedDeviceSchema>;

export const DevicesStateSchema = z.object({
  /** phones may pair and pick (the station also listens on the network from its next start) */
  lan: z.boolean(),
  /** the addresses a phone can reach this station at, as the station serves them now; empty when it serves this computer only */
  addresses: z.array(z.string()),
  devices: z.array(PairedDeviceSchema),
});

export const PairingOfferSchema = z.object({
  code: z.string(),
  expiresAt: IsoTime,
  /** the address to open on the phone (in the QR code); null where this station cannot be reached from the network */
  url: z.string().nullable(),
  /** the QR code as SVG paths (no text, no script) */
  qrSvg: z.string(),
});
