import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakePrinter,
  createTcpPrinter,
  createVirtualPrinter,
  PrinterError,
  type TcpPrinterOptions,
} from '../../electron/core/drivers/printer';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';

const LABEL = '^XA^CI28^PW812^LL1218^FO50,50^A0N,40,40^FDOrder #1042 – Zoë Müller^FS^BY3^FO50,150^BCN,150,Y,N,N,A^FD1Z999AA10123456784^FS^XZ';
const meta = { jobId: 'job-1', name: 'Shipping label #1042' };

async function rejection(promise: Promise<unknown>): Promise<PrinterError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PrinterError);
    return err as PrinterError;
  }
  throw new Error('expected the promise to reject');
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('TCP printer against the Zebra emulator', () => {
  let emulator: ZplPrinterEmulator;
  const printer = (extra: Partial<TcpPrinterOptions> = {}) =>
    createTcpPrinter({ host: emulator.host, port: emulator.port, name: 'Bench Zebra', statusTimeoutMs: 300, ...extra });

  beforeEach(async () => {
    emulator = await startZplPrinterEmulator();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it('sends the exact bytes of a job after checking status', async () => {
    const bytes = new TextEncoder().encode(LABEL);
    const p = printer();
    expect(await p.status()).toEqual({ ready: true, problems: [], message: `Printer 'Bench Zebra' at 127.0.0.1:${emulator.port} is ready.` });
    const receipt = await p.send(bytes, meta);
    expect(receipt).toEqual({ confirmed: true, how: 'The printer read the whole label and reported its buffer empty.' });
    const [job] = await emulator.waitForJobs(1, 2000);
    expect(job?.bytes.equals(Buffer.from(bytes))).toBe(true);
    expect(job?.text).toBe(LABEL);
    // status(), the check before the job, and the confirmation behind it
    expect(emulator.statusQueries()).toBe(3);
    expect(emulator.printed()).toBe(1);
    expect(p.describe()).toBe(`Printer 'Bench Zebra' at 127.0.0.1:${emulator.port}`);
  });

  it('sends without asking status when queryStatus is off, confirmed by the printer closing after the job', async () => {
    const receipt = await printer({ queryStatus: false }).send(Buffer.from(LABEL), meta);
    expect(receipt.confirmed).toBe(true);
    await emulator.waitForJobs(1, 2000);
    expect(emulator.statusQueries()).toBe(0);
  });

  it('waits for a slow printer to empty its buffer before calling the label printed', async () => {
    emulator.setState({ printMs: 400 });
    const receipt = await printer({ confirmTimeoutMs: 3000 }).send(Buffer.from(LABEL), meta);
    expect(receipt.confirmed).toBe(true);
    expect(emulator.printed()).toBe(1);
  });

  it('leaves a label unconfirmed, in words, when the printer keeps it in its buffer', async () => {
    const p = printer({ confirmTimeoutMs: 600, closeGraceMs: 300 });
    // the pre-check finds it ready; it is paused (someone pressed PAUSE) as the label arrives
    emulator.setState({ printMs: 10_000 });
    const receipt = await p.send(Buffer.from(LABEL), meta);
    expect(receipt.confirmed).toBe(false);
    if (receipt.confirmed) return;
    expect(receipt.words).toContain(`Printer 'Bench Zebra' at 127.0.0.1:${emulator.port} has the label in its memory but had not printed it after 0.6 s.`);
    expect(receipt.words).toContain('if it did not, press Retry');
    expect(emulator.printed()).toBe(0);
  });

  it('gives offline words quickly when the printer is switched off', async () => {
    await emulator.stop();
    const p = printer();
    const started = Date.now();
    const err = await rejection(p.send(Buffer.from(LABEL), meta));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err.code).toBe('offline');
    expect(err.nothingSent).toBe(true);
    expect(err.message).toBe(
      `Printer 'Bench Zebra' at 127.0.0.1:${emulator.port} is offline. It refused the connection on port ${emulator.port}: check it is switched on and finished starting up, and that the port is right. Nothing was sent; the label is kept and can be reprinted.`,
    );
    const status = await p.status();
    expect(status.ready).toBe(false);
    expect(status.problems.map((x) => x.code)).toEqual(['offline']);
  });

  it.each([
    ['paperOut', 'paper-out', 'out of labels'],
    ['paused', 'paused', 'press PAUSE'],
    ['headOpen', 'head-open', 'print head is open'],
    ['ribbonOut', 'ribbon-out', 'out of ribbon'],
  ] as const)('refuses before sending when %s, in words', async (flag, code, words) => {
    emulator.setState({ [flag]: true });
    const p = printer();
    const status = await p.status();
    expect(status.ready).toBe(false);
    expect(status.message).toContain(words);
    const err = await rejection(p.send(Buffer.from(LABEL), meta));
    expect(err.code).toBe(code);
    expect(err.nothingSent).toBe(true);
    expect(err.message).toContain(words);
    expect(err.message).toContain('Nothing was sent; the label is kept and can be reprinted.');
    await sleep(150);
    expect(emulator.jobs).toHaveLength(0);

    // Once the packer fixes it, the reprint goes through.
    emulator.setState({ [flag]: false });
    await p.send(Buffer.from(LABEL), meta);
    await emulator.waitForJobs(1, 2000);
  });

  it('prints on a printer that never answers ~HS, reporting its status as unknown', async () => {
    emulator.setState({ answerStatus: false });
    const p = printer();
    const status = await p.status();
    expect(status.ready).toBe(true);
    expect(status.problems.map((x) => x.code)).toEqual(['unknown']);
    expect(status.message).toContain('did not answer the status query within 0.3 s');
    // its own acknowledgement: it closes the connection once it has read the whole job
    expect(await p.send(Buffer.from(LABEL), meta)).toEqual({
      confirmed: true, how: 'The printer read the whole label and then closed the connection, as it does when a job is complete.',
    });
    const [job] = await emulator.waitForJobs(1, 2000);
    expect(job?.text).toBe(LABEL);
  });

  it('stops asking a printer that has never answered, so labels do not wait for it', async () => {
    emulator.setState({ answerStatus: false });
    const p = printer({ statusTimeoutMs: 400, confirmTimeoutMs: 400 });
    await p.send(Buffer.from(LABEL), meta);
    await p.send(Buffer.from(LABEL), meta);
    const started = Date.now();
    await p.send(Buffer.from(LABEL), meta);
    expect(Date.now() - started).toBeLessThan(300);
    await emulator.waitForJobs(3, 2000);
    // the first label asks before and after it; both go unanswered, so the printer is known to be silent
    expect(emulator.statusQueries()).toBe(2);
  });

  it('prints again after the printer comes back on the same port', async () => {
    const p = printer();
    await p.send(Buffer.from(LABEL), meta);
    await emulator.stop();
    expect((await rejection(p.send(Buffer.from(LABEL), meta))).code).toBe('offline');
    await emulator.restart();
    await p.send(Buffer.from(LABEL), { jobId: 'job-2', name: 'again' });
    const jobs = await emulator.waitForJobs(2, 2000);
    expect(jobs).toHaveLength(2);
  });
});

describe('TCP printer against a hung printer', () => {
  let server: net.Server;
  const sockets = new Set<net.Socket>();

  beforeEach(async () => {
    // Accepts the connection but never reads, like a printer whose buffer is stuck.
    server = net.createServer({ pauseOnConnect: true }, (socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('hits the write timeout with words', async () => {
    const address = server.address() as net.AddressInfo;
    const p = createTcpPrinter({ host: '127.0.0.1', port: address.port, name: 'Stuck Zebra', queryStatus: false, writeTimeoutMs: 300 });
    // Far more than the loopback socket buffers hold, so the write cannot complete.
    const big = new Uint8Array(16 * 1024 * 1024).fill(0x41);
    const started = Date.now();
    const err = await rejection(p.send(big, meta));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.code).toBe('timeout');
    expect(err.nothingSent).toBe(false);
    expect(err.message).toBe(
      `Printer 'Stuck Zebra' at 127.0.0.1:${address.port} is not responding. It accepted the connection but did not take the label within 0.3 s: it may be busy, jammed or waiting for a button press. Check its display. Part of the label may already be at the printer; the label is kept and can be reprinted.`,
    );
  });

  it('leaves a small label unconfirmed when the printer accepts the connection and never reads', async () => {
    const address = server.address() as net.AddressInfo;
    const p = createTcpPrinter({ host: '127.0.0.1', port: address.port, name: 'Stuck Zebra', statusTimeoutMs: 200, confirmTimeoutMs: 300, closeGraceMs: 300 });
    // 2 KB fits in the kernel's socket buffers, so the write itself "succeeds"
    const label = Buffer.from(`^XA^FO50,50^FD${'x'.repeat(2000)}^FS^XZ`);
    const receipt = await p.send(label, meta);
    expect(receipt.confirmed).toBe(false);
    if (receipt.confirmed) return;
    expect(receipt.words).toBe(
      `Printer 'Stuck Zebra' at 127.0.0.1:${address.port} accepted the connection but never showed that it read the label: it did not answer a status check and did not close the connection. Check whether the label came out: if it did not, press Retry; if it did, it is fine to leave it.`,
    );
  });

  it('treats a silent status reply as unknown, not as an error', async () => {
    const address = server.address() as net.AddressInfo;
    const p = createTcpPrinter({ host: '127.0.0.1', port: address.port, name: 'Stuck Zebra', statusTimeoutMs: 200 });
    const status = await p.status();
    expect(status.ready).toBe(true);
    expect(status.problems.map((x) => x.code)).toEqual(['unknown']);
  });
});

describe('TCP printer against a device that floods its status reply', () => {
  it('stops reading past a real reply\'s size instead of buffering it all', async () => {
    let received = 0;
    let closedAt = 0;
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('close', () => { closedAt = Date.now(); });
      socket.once('data', () => {
        // no ETX ever: a reader that waits for three of them would buffer until its timeout
        const junk = Buffer.alloc(64 * 1024, 0x41);
        const pump = (): void => { while (!socket.destroyed && socket.write(junk)) received += junk.length; };
        socket.on('drain', pump);
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const p = createTcpPrinter({ host: '127.0.0.1', port, name: 'Chatty device', statusTimeoutMs: 5000 });
      const started = Date.now();
      const status = await p.status();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(status.problems.map((x) => x.code)).toEqual(['unknown']);
      expect(status.message).toContain('more than 1024 bytes, far more than a label printer sends');
      await sleep(100);
      expect(closedAt).toBeGreaterThan(0);
      expect(received).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('virtual printer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'packbench-virtual-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves the exact bytes as .zpl and a picture as .png, creating the folder', async () => {
    const folder = path.join(dir, 'labels', 'today');
    const p = createVirtualPrinter({ dir: folder, name: 'Demo printer' });
    expect((await p.status()).ready).toBe(true);
    const bytes = new TextEncoder().encode(LABEL);
    expect((await p.send(bytes, { jobId: 'job-42', name: 'Shipping label' })).confirmed).toBe(true);
    expect(Buffer.compare(await readFile(path.join(folder, 'job-42.zpl')), Buffer.from(bytes))).toBe(0);
    const png = await readFile(path.join(folder, 'job-42.png'));
    expect(png.length).toBeGreaterThan(100);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(['job-42.png', 'job-42.zpl']);
  });

  it('keeps job files inside its folder whatever the job id', async () => {
    const p = createVirtualPrinter({ dir, name: 'Demo printer' });
    await p.send(Buffer.from('N\nP1\n'), { jobId: '../../escape', name: 'EPL' });
    expect(await readdir(dir)).toEqual(['__.._escape.zpl']);
  });

  it('says so when the folder cannot be written', async () => {
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, '');
    const p = createVirtualPrinter({ dir: path.join(file, 'labels'), name: 'Demo printer' });
    const status = await p.status();
    expect(status.ready).toBe(false);
    expect(status.problems.map((x) => x.code)).toEqual(['offline']);
    expect(status.message).toContain('cannot save labels in that folder');
    const err = await rejection(p.send(Buffer.from(LABEL), meta));
    expect(err.nothingSent).toBe(true);
    expect(err.message).toContain('the label is kept and can be reprinted.');
  });
});

describe('fake printer', () => {
  it('records jobs and refuses like a real printer', async () => {
    const p = createFakePrinter({ name: 'Test printer' });
    expect((await p.send(Buffer.from(LABEL), meta)).confirmed).toBe(true);
    expect(p.jobs.map((j) => [j.text, j.meta.jobId])).toEqual([[LABEL, 'job-1']]);

    p.setCondition('paper-out');
    expect((await p.status()).ready).toBe(false);
    const refused = await rejection(p.send(Buffer.from(LABEL), meta));
    expect(refused.code).toBe('paper-out');
    expect(refused.message).toContain('Nothing was sent; the label is kept and can be reprinted.');

    p.setCondition('offline');
    expect((await rejection(p.send(Buffer.from(LABEL), meta))).code).toBe('offline');
    expect(p.jobs).toHaveLength(1);
  });
});
