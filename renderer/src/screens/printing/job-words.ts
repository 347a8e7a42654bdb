import type { PrintJob } from '../../../../shared/contract/pack';

/** A print job's state in words a packer can act on; never a colour alone. */
export function jobWords(job: PrintJob): string {
  switch (job.status) {
    case 'queued': return `Waiting to print on ${job.printerName}`;
    case 'sending': return `Sending to ${job.printerName}…`;
    case 'done': return `Printed on ${job.printerName} (the printer confirmed it)`;
    case 'unconfirmed': return `Not confirmed: ${job.error || `${job.printerName} never showed that it printed the label. Check whether it came out; if not, press Retry.`}`;
    case 'failed': return `Printing failed: ${job.error || 'the printer did not take the label.'}`;
  }
}

export const JOB_STATUS_WORDS: Record<PrintJob['status'], string> = {
  queued: 'Waiting',
  sending: 'Sending',
  done: 'Printed',
  unconfirmed: 'Not confirmed',
  failed: 'Failed',
};

export function jobTitle(job: PrintJob): string {
  if (job.kind === 'test') return `Test print on ${job.printerName}`;
  const label = `${job.orderNumber ?? ''}${job.parcelNo && job.parcelNo > 1 ? ` (parcel ${job.parcelNo})` : ''}`.trim();
  // a copy says so everywhere, as it does on the label itself
  return job.reprintOf !== null ? `Reprint of label ${label}`.trim() : `Label ${label}`.trim();
}

/** Failed or unconfirmed: the packer should look at it, and Retry is offered. */
export function needsAttention(job: Pick<PrintJob, 'status'>): boolean {
  return job.status === 'failed' || job.status === 'unconfirmed';
}
