import type { WorkspaceInfo } from '../../../shared/contract/workspace';
import type { Workspace } from '../workspace';
import { backupOrSay } from './backup-handlers';
import type { HandlerContext, HandlerMap } from './types';

function info(ws: Workspace, ctx: Pick<HandlerContext, 'dataDir' | 'version'>, actor: string): WorkspaceInfo {
  const counts = ws.repos.orders.counts();
  return { kind: ws.kind(), dataDir: ctx.dataDir, version: ctx.version, actor, counts: { ...counts, skus: ws.repos.catalog.skuCount() } };
}

export function workspaceHandlers(actor: () => string): HandlerMap {
  return {
    'workspace.info': (_input, ctx) => info(ctx.ws, ctx, actor()),
    'workspace.resetDemo': async (_input, ctx) => {
      // a live workspace (or a demo someone worked in) is never thrown away without a copy
      await backupOrSay(() => ctx.ws.backups.create('before-reset'));
      const ws = ctx.replaceWorkspace('demo');
      ctx.emit('workspace.changed', {});
      return info(ws, ctx, actor());
    },
    'workspace.startEmpty': async (_input, ctx) => {
      await backupOrSay(() => ctx.ws.backups.create('before-reset'));
      const ws = ctx.replaceWorkspace('empty');
      ctx.emit('workspace.changed', {});
      return info(ws, ctx, actor());
    },
  };
}
