import type { SoakOperation } from '../soak-types';

/** The packer reloads the page: a new connection, and the screens read everything again. */
export const reloadPage: SoakOperation = {
  name: 'reload the page',
  weight: 1,
  async run(ctx) {
    await ctx.client.reload();
    await ctx.client.call('workspace.info', {});
    await ctx.client.call('pack.current', {});
  },
};
