import { createCore } from '../electron/core/create-core';
import { createInMemoryClient } from '../electron/core/hosts/in-memory-transport';
import { checkFile, decodeCsv, sniffCsv, type CallApi } from '../renderer/src/screens/import/csv-reader';
import { guessMapping, ORDER_FIELDS } from '../shared/domain/csv-fields';
import { tempDir } from '../test/support/temp-dir';
import { setUpWarehouse } from '../test/support/workspace-setup';
import { line, ms } from './stats';

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 50_000);

/**
 * A CSV of orders through the import screen's reader and the core: decode + parse + check (nothing written),
 * then the confirm (every order and its reservation in one transaction). The confirm blocks the station
 * for its whole length, so its time is the figure that matters at the bench.
 */
export async function csvBench(): Promise<void> {
  console.log(`\nCSV import: ${ROWS.toLocaleString('en-GB')} order rows`);
  const dir = tempDir('packbench-bench-csv-');
  const core = createCore({ dataDir: dir.path, actor: 'bench', firstRun: 'empty' });
  const client = createInMemoryClient(core);
  try {
    await setUpWarehouse(client);
    const lines = ['Order number,Order date,Shipping name,Shipping address1,Shipping city,Shipping zip,Shipping country,Currency,SKU,Quantity,Unit price'];
    for (let i = 0; i < ROWS; i++) lines.push(`B-${i},2026-11-20,Customer ${i},${i} High Street,Leeds,LS1 4AP,GB,GBP,MUG-BLUE,1,14.50`);
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    let t = performance.now();
    const text = decodeCsv(bytes).text;
    const sniffed = sniffCsv(text);
    const summary = await checkFile(client as unknown as CallApi, { kind: 'orders', fileName: 'bench.csv', text, sniffed, mapping: guessMapping(sniffed.headers, ORDER_FIELDS) });
    const check = performance.now() - t;
    line(`check ${(bytes.length / 1024 / 1024).toFixed(1)} MB (decode, parse, validate, no write)`, `${ms(check)} = ${Math.round(summary.rows / (check / 1000)).toLocaleString('en-GB')} rows/s`);
    t = performance.now();
    const done = await client.call('csv.importCommit', { importId: summary.importId });
    const commit = performance.now() - t;
    line('confirm: orders + reservations in one transaction', `${ms(commit)} = ${Math.round(done.created / (commit / 1000)).toLocaleString('en-GB')} orders/s`);
  } finally {
    client.close();
    core.close();
    dir.remove();
  }
}
