import type { SoakOperation } from '../soak-types';

type Job = { id: number; kind: string; status: string };

/** What a packer does about a label that failed or was not confirmed: Retry it. */
export const retryLabels: SoakOperation = {
  name: 'retry a label',
  weight: 1,
  async run(ctx) {
    const jobs = ctx.ok(await ctx.client.call<Job[]>('print.jobs', { limit: 100 })) ?? [];
    const stuck = jobs.filter((j) => j.kind === 'label' && (j.status === 'failed' || j.status === 'unconfirmed'));
    if (stuck.length) await ctx.client.call('print.retry', { jobId: ctx.pick(stuck).id });
  },
};
