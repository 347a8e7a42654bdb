// The boundary between Packbench and a serial library: list ports, open one, read its bytes,
// hear when it goes away. The real adapter uses `serialport`; tests use a real pseudo-terminal
// pair (socat) through the same adapter, so no fake is needed at this boundary.

export type SerialPortInfo = {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
};

export type SerialConnection = {
  onData(listener: (bytes: Uint8Array) => void): void;
  /** the port closed; `unplugged` when the device went away rather than being closed by us */
  onClose(listener: (unplugged: boolean, error?: Error) => void): void;
  close(): Promise<void>;
};

export type SerialBackend = {
  readonly name: string;
  list(): Promise<SerialPortInfo[]>;
  open(path: string, baudRate: number): Promise<SerialConnection>;
};

type SerialPortModule = typeof import('serialport');
let loaded: Promise<SerialPortModule> | undefined;

function serialport(): Promise<SerialPortModule> {
  loaded ??= import('serialport').catch((e: unknown) => {
    loaded = undefined;
    throw new Error(`The serial port library could not be loaded (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  });
  return loaded;
}

export function createSerialBackend(): SerialBackend {
  return {
    name: 'serialport',
    async list() {
      const { SerialPort } = await serialport();
      return (await SerialPort.list()).map((p) => ({
        path: p.path, manufacturer: p.manufacturer, serialNumber: p.serialNumber, vendorId: p.vendorId, productId: p.productId,
      }));
    },
    async open(path, baudRate) {
      const { SerialPort } = await serialport();
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
      const data = new Set<(b: Uint8Array) => void>();
      const closed = new Set<(unplugged: boolean, error?: Error) => void>();
      let closing = false;
      let lastError: Error | undefined;
      port.on('data', (chunk: Buffer) => {
        for (const l of data) l(new Uint8Array(chunk));
      });
      // Every port gets an error listener from birth: a device that drops must never crash the app.
      port.on('error', (e: Error) => {
        lastError = e;
      });
      port.on('close', (e: (Error & { disconnected?: boolean }) | null) => {
        const unplugged = !closing || e?.disconnected === true;
        for (const l of closed) l(unplugged, e ?? lastError);
      });
      return {
        onData: (l) => void data.add(l),
        onClose: (l) => void closed.add(l),
        close: () =>
          new Promise<void>((resolve) => {
            closing = true;
            if (!port.isOpen) {
              resolve();
              return;
            }
            port.close(() => resolve());
          }),
      };
    },
  };
}
