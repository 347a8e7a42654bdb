import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import {
  CatalogListInput, ImageSchema, ImageUploadInput, ProductInput, ProductRowSchema, ProductSchema,
} from './catalog';
import {
  BinContentSchema, BinCountInput, BinInput, BinRowSchema, DeliveryInput, DeliveryRowSchema, DeliverySchema, LocationDetailSchema,
  LocationInput, MoveInput, ReceiveScanInput, ReceiveScanResult, SkuBinsSchema,
} from './warehouse';
import { BenchStateSchema, DashboardInput, DashboardSchema, PackerInput, PackerSchema, SignInInput, SignInOutput } from './packers';
import { ManualOrderInput, ManualOrderOutput } from './manual-order';
import {
  ExportInput, ExportOutput, ImportCommitOutput, ImportIdInput, ImportRowsInput, ImportStartInput, ImportStartOutput, ImportSummarySchema,
} from './csv';

const Empty = z.object({}).strict().default({});

/** Catalog, locations and bins, receiving, packers, manual orders and CSV: what an empty workspace needs. */
export const workspaceScreensMethods = {
  'catalog.list': query(CatalogListInput, z.object({ total: z.number().int(), rows: z.array(ProductRowSchema) })),
  'catalog.get': query(z.object({ id: Id }), ProductSchema),
  'catalog.save': command(ProductInput, ProductSchema),
  'catalog.archive': command(z.object({ id: Id, archived: z.boolean() }), ProductSchema),
  'catalog.uploadImage': command(ImageUploadInput, z.object({ imageId: Id })),
  'catalog.image': query(z.object({ id: Id }), ImageSchema),

  'warehouse.locations': query(z.object({ archived: z.boolean().default(false) }), z.array(LocationDetailSchema)),
  'warehouse.saveLocation': command(LocationInput, LocationDetailSchema),
  'warehouse.saveBin': command(BinInput, BinRowSchema),
  'warehouse.archiveBin': command(z.object({ binId: Id, archived: z.boolean() }), BinRowSchema),
  'warehouse.binContents': query(z.object({ binId: Id }), BinContentSchema),
  'warehouse.skuBins': query(z.object({ variantId: Id, locationId: Id }), SkuBinsSchema),
  'warehouse.move': command(MoveInput, SkuBinsSchema),
  'warehouse.countBin': command(BinCountInput, SkuBinsSchema),

  'deliveries.list': query(z.object({ status: z.enum(['open', 'closed']).optional() }), z.array(DeliveryRowSchema)),
  'deliveries.create': command(DeliveryInput, DeliverySchema),
  'deliveries.get': query(z.object({ id: Id }), DeliverySchema),
  'deliveries.scan': command(ReceiveScanInput, ReceiveScanResult),
  'deliveries.undo': command(z.object({ deliveryId: Id }), DeliverySchema),
  'deliveries.close': command(z.object({ deliveryId: Id }), DeliverySchema),

  'packers.list': query(z.object({ archived: z.boolean().default(false) }), z.array(PackerSchema)),
  'packers.save': command(PackerInput, PackerSchema),
  'packers.dashboard': query(DashboardInput, DashboardSchema),
  'bench.current': query(Empty, BenchStateSchema),
  'bench.signIn': command(SignInInput, SignInOutput),
  'bench.resume': command(z.object({ token: z.string().max(200) }), BenchStateSchema),
  'bench.signOut': command(Empty, BenchStateSchema),

  'orders.createManual': command(ManualOrderInput, ManualOrderOutput),

  'csv.importStart': command(ImportStartInput, ImportStartOutput),
  'csv.importRows': command(ImportRowsInput, ImportSummarySchema),
  'csv.importCommit': command(ImportIdInput, ImportCommitOutput),
  'csv.importCancel': command(ImportIdInput, z.object({})),
  'csv.export': query(ExportInput, ExportOutput),
} as const;
