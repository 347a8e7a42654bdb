import { AppError } from '../../../shared/contract/errors';
import type { HandlerContext, HandlerMap } from './types';

function benchState(ctx: HandlerContext) {
  const token = ctx.bench().token;
  return { packer: token ? ctx.ws.packers.packerOfToken(token) : null, required: ctx.ws.packers.required() };
}

/** Catalog, locations and bins, receiving, packers, manual orders and CSV. */
export const workspaceScreensHandlers: HandlerMap = {
  'catalog.list': (input, { ws }) => ws.repos.products.list(input),
  'catalog.get': (input, { ws }) => {
    const p = ws.repos.products.product(input.id);
    if (!p) throw new AppError('not_found', 'This product no longer exists.', 'Reload the catalog.');
    return p;
  },
  'catalog.save': (input, { ws, emit }) => {
    const p = ws.catalog.save(input);
    emit('catalog.changed', { productIds: [p.id] });
    return p;
  },
  'catalog.archive': (input, { ws, emit }) => {
    const p = ws.catalog.archive(input.id, input.archived);
    emit('catalog.changed', { productIds: [p.id] });
    return p;
  },
  'catalog.uploadImage': (input, { ws }) => ({ imageId: ws.catalog.uploadImage(input.mime, input.dataBase64) }),
  'catalog.image': (input, { ws }) => ws.catalog.image(input.id),

  'warehouse.locations': (input, { ws }) => ws.repos.warehouse.locations(input.archived),
  'warehouse.saveLocation': (input, { ws, emit }) => {
    const l = ws.warehouse.saveLocation(input);
    emit('warehouse.changed', {});
    return l;
  },
  'warehouse.saveBin': (input, { ws, emit }) => {
    const b = ws.warehouse.saveBin(input);
    emit('warehouse.changed', {});
    return b;
  },
  'warehouse.archiveBin': (input, { ws, emit }) => {
    const b = ws.warehouse.archiveBin(input.binId, input.archived);
    emit('warehouse.changed', {});
    return b;
  },
  'warehouse.binContents': (input, { ws }) => ws.repos.warehouse.binContents(input.binId),
  'warehouse.skuBins': (input, { ws }) => ws.warehouse.skuBins(input.variantId, input.locationId),
  'warehouse.move': (input, { ws, emit }) => {
    const r = ws.warehouse.move(input);
    emit('inventory.changed', { variantIds: [input.variantId] });
    return r;
  },
  'warehouse.countBin': (input, { ws, emit }) => {
    const r = ws.warehouse.countBin(input);
    emit('inventory.changed', { variantIds: [input.variantId] });
    return r;
  },

  'deliveries.list': (input, { ws }) => ws.repos.deliveries.list(input.status),
  'deliveries.create': (input, { ws }) => ws.warehouse.createDelivery(input),
  'deliveries.get': (input, { ws }) => ws.warehouse.delivery(input.id),
  'deliveries.scan': (input, { ws, emit }) => {
    const r = ws.warehouse.receiveScan(input);
    if (r.outcome === 'received') emit('inventory.changed', { variantIds: [] });
    return r;
  },
  'deliveries.undo': (input, { ws, emit }) => {
    const d = ws.warehouse.undoReceipt(input.deliveryId);
    emit('inventory.changed', { variantIds: [] });
    return d;
  },
  'deliveries.close': (input, { ws }) => ws.warehouse.closeDelivery(input.deliveryId),

  'packers.list': (input, { ws }) => ws.packers.list(input.archived),
  'packers.save': async (input, { ws, emit }) => {
    const p = await ws.packers.save(input);
    emit('packers.changed', {});
    return p;
  },
  'packers.dashboard': (input, { ws }) => ws.dashboard.dashboard(input.hours),
  'bench.current': (_input, ctx) => benchState(ctx),
  'bench.signIn': async (input, ctx) => {
    const bench = ctx.bench();
    const { token } = await ctx.ws.packers.signIn(input.packerId, input.pin);
    // this screen's earlier packer is done here
    if (bench.token) ctx.ws.packers.endBench(bench.token);
    bench.token = token;
    return { ...benchState(ctx), token };
  },
  'bench.resume': (input, ctx) => {
    const bench = ctx.bench();
    bench.token = ctx.ws.packers.packerOfToken(input.token) ? input.token : null;
    return benchState(ctx);
  },
  'bench.signOut': (_input, ctx) => {
    const bench = ctx.bench();
    if (bench.token) ctx.ws.packers.endBench(bench.token);
    bench.token = null;
    return benchState(ctx);
  },

  'orders.createManual': (input, { ws, emit }) => {
    const r = ws.orderEntry.createManual(input);
    emit('orders.changed', { ids: [r.id] });
    emit('inventory.changed', { variantIds: [] });
    return r;
  },

  'csv.importStart': (input, { ws }) => ws.csvImport.start(input),
  'csv.importRows': (input, { ws }) => ws.csvImport.rows(input),
  'csv.importCommit': (input, { ws, emit }) => {
    const r = ws.csvImport.commit(input.importId);
    emit('orders.changed', { ids: [] });
    emit('inventory.changed', { variantIds: [] });
    emit('catalog.changed', { productIds: [] });
    return r;
  },
  'csv.importCancel': (input, { ws }) => {
    ws.csvImport.cancel(input.importId);
    return {};
  },
  'csv.export': (input, { ws }) => ws.csvExport.page(input.kind, input.cursor, input.limit),
};
