import { z } from 'zod';
import { command, query } from './define';
import {
  ChannelSchema, Id, OrderDetailSchema, OrderListInput, OrderListOutput, OrderTransitionInput,
} from './orders';
import {
  LocationSchema, MovementSchema, StockAdjustInput, StockHistoryInput, StockListInput, StockListOutput, StockRowSchema,
} from './inventory';
import { WorkspaceInfoSchema } from './workspace';
import { packMethods } from './pack-api';
import { stationMethods } from './station-api';
import { workspaceScreensMethods } from './workspace-screens-api';
import { shippingMethods } from './shipping-api';
import { backupMethods } from './backups-api';
import { rulesMethods } from './rules-api';
import { routingMethods } from './routing-api';
import { pickingMethods } from './picking-api';
import { phonesMethods } from './phones-api';
import { deviceMethods } from './devices-api';
import { returnsMethods } from './returns-api';
import { syncMethods } from './sync-api';
import { stockSyncMethods } from './stock-sync-api';

const Empty = z.object({}).strict().default({});

/** Every request the renderer may make, named once. Transports only move these. */
export const api = {
  'workspace.info': query(Empty, WorkspaceInfoSchema),
  'workspace.resetDemo': command(z.object({ confirm: z.literal(true) }), WorkspaceInfoSchema),
  'workspace.startEmpty': command(z.object({ confirm: z.literal(true) }), WorkspaceInfoSchema),

  'orders.list': query(OrderListInput, OrderListOutput),
  'orders.get': query(z.object({ id: Id }), OrderDetailSchema),
  'orders.transition': command(OrderTransitionInput, OrderDetailSchema),
  'channels.list': query(Empty, z.array(ChannelSchema)),

  'inventory.list': query(StockListInput, StockListOutput),
  'inventory.history': query(StockHistoryInput, z.array(MovementSchema)),
  'inventory.adjust': command(StockAdjustInput, StockRowSchema),
  'locations.list': query(Empty, z.array(LocationSchema)),

  ...packMethods,
  ...stationMethods,
  ...workspaceScreensMethods,
  ...shippingMethods,
  ...backupMethods,
  ...rulesMethods,
  ...routingMethods,
  ...pickingMethods,
  ...phonesMethods,
  ...deviceMethods,
  ...returnsMethods,
  ...syncMethods,
  ...stockSyncMethods,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
