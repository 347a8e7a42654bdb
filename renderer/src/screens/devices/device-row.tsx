import { useId, useState } from 'react';
import type { Device, DeviceList } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { formatTime } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { PrinterActions } from './printer-actions';

const KIND_WORDS: Record<Device['kind'], string> = { scanner: 'Scanner', scale: 'Scale', printer: 'Label printer' };
const CONNECTION_WORDS: Record<Device['connection'], string> = {
  'hid-pos': 'USB, HID POS mode', serial: 'Serial port', usb: 'USB', 'os-queue': 'Print queue of this computer', network: 'Network', folder: 'Folder',
};
const STATE_WORDS: Record<Device['state'], string> = { ready: 'Ready', unplugged: 'Unplugged', error: 'Needs attention', 'not-set-up': 'Not used yet' };

type Props = { device: Device; onList(list: DeviceList): void };

async function simulate(input: Parameters<typeof api.call<'devices.simulate'>>[1], onList: Props['onList']): Promise<void> {
  try {
    onList(await api.call('devices.simulate', input));
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}

/** The simulated bench's own controls: what a hand on the scanner or a parcel on the scale would do. */
function SimulatedControls({ device, onList }: Props) {
  const [code, setCode] = useState('');
  const [grams, setGrams] = useState('1250');
  const [moving, setMoving] = useState(false);
  const id = useId();
  if (!device.simulated || device.state !== 'ready') return null;
  return (
    <div className="action-row simulated-controls">
      {device.kind === 'scanner' ? (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (code.trim()) void simulate({ action: 'scan', deviceId: device.id, code: code.trim(), aim: '' }, onList).then(() => setCode('')); }}>
          <label htmlFor={id} className="field-label">Code to scan</label>
          <input id={id} className="input mono" value={code} onChange={(e) => setCode(e.target.value)} data-testid="simulate-code" />
          <button type="submit" className="button" data-testid="simulate-scan">Scan it</button>
        </form>
      ) : null}
      {device.kind === 'scale' ? (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void simulate({ action: 'weigh', deviceId: device.id, grams: Math.max(0, Math.round(Number(grams) || 0)), steady: !moving }, onList); }}>
          <label htmlFor={id} className="field-label">Put on the scale (g)</label>
          <input id={id} className="input input-number" inputMode="numeric" value={grams} onChange={(e) => setGrams(e.target.value)} data-testid="simulate-grams" />
          <label className="check"><input type="checkbox" checked={moving} onChange={(e) => setMoving(e.target.checked)} data-testid="simulate-moving" /> still moving</label>
          <button type="submit" className="button" data-testid="simulate-weigh">Weigh</button>
          <button type="button" className="button button-quiet" onClick={() => void simulate({ action: 'weigh', deviceId: device.id, grams: 0, steady: true }, onList)}>Empty the scale</button>
        </form>
      ) : null}
      <button type="button" className="button button-quiet" onClick={() => void simulate({ action: 'unplug', deviceId: device.id }, onList)} data-testid="simulate-unplug">Unplug</button>
    </div>
  );
}

export function DeviceRow({ device, onList }: Props) {
  const removeSerial = async () => {
    try {
      onList(await api.call('devices.removeSerialScanner', { path: device.id.replace(/^serial:/, '') }));
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };
  return (
    <li className={`device device-${device.state}`} data-testid="device" data-id={device.id} data-kind={device.kind} data-state={device.state}>
      <div className="device-head">
        <strong className="device-name" data-testid="device-name">{device.name}</strong>
        <span className="muted">{KIND_WORDS[device.kind]} · {CONNECTION_WORDS[device.connection]}{device.simulated ? ' · simulated' : ''}</span>
        <span className={`status-badge device-state device-state-${device.state}`} data-testid="device-state">{STATE_WORDS[device.state]}</span>
      </div>
      <p className="device-words" data-testid="device-words">{device.words}</p>
      <p className="muted mono device-detail">{device.detail}</p>
      {device.lastError && device.lastError !== device.words ? (
        <p className="device-last-error" data-testid="device-last-error">
          Last problem{device.lastErrorAt ? ` (${formatTime(device.lastErrorAt, true)})` : ''}: {device.lastError}
        </p>
      ) : null}
      {device.kind === 'printer' ? <PrinterActions device={device} onList={onList} /> : null}
      <SimulatedControls device={device} onList={onList} />
      {device.connection === 'serial' ? (
        <div className="action-row"><button type="button" className="button button-quiet" onClick={() => void removeSerial()}>Stop using this port</button></div>
      ) : null}
    </li>
  );
}
