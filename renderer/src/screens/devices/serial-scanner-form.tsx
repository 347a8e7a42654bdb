import { useId, useState } from 'react';
import type { DeviceList } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

const BAUDS = [9600, 19200, 38400, 57600, 115200];

/** A scanner on a serial port (or USB in "virtual COM" mode) is not announced by the OS as a scanner: name its port once. */
export function SerialScannerForm({ list, onList }: { list: DeviceList; onList(list: DeviceList): void }) {
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState(9600);
  const [error, setError] = useState('');
  const ids = { path: useId(), baud: useId(), ports: useId() };
  const free = list.serialPorts.filter((p) => !p.inUse);

  const add = async () => {
    try {
      onList(await api.call('devices.addSerialScanner', { path: path.trim(), baudRate: baud }));
      setPath('');
      setError('');
    } catch (e) {
      setError(fieldErrors(e).path ?? '');
      useAppStore.getState().showError(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="serial-title" data-testid="serial-scanner-form">
      <h2 id="serial-title">Scanner on a serial port</h2>
      <p>For a scanner set to RS-232 or USB "virtual COM" mode. Scans arrive without using the keyboard; the port is watched, so unplugging and plugging back in needs nothing from you.</p>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <label className="field" htmlFor={ids.path}>
          <span className="field-label">Port</span>
          <input id={ids.path} className="input mono" list={ids.ports} value={path} placeholder={navigator.userAgent.includes('Windows') ? 'COM3' : '/dev/ttyACM0'} onChange={(e) => setPath(e.target.value)} aria-invalid={error ? true : undefined} data-testid="serial-path" />
          <datalist id={ids.ports}>{free.map((p) => <option key={p.path} value={p.path}>{p.description}</option>)}</datalist>
          {error ? <span className="field-error">{error}</span> : null}
        </label>
        <label className="field" htmlFor={ids.baud}>
          <span className="field-label">Speed (baud)</span>
          <select id={ids.baud} className="input" value={baud} onChange={(e) => setBaud(Number(e.target.value))} data-testid="serial-baud">
            {BAUDS.map((b) => <option key={b} value={b}>{b}{b === 9600 ? ' (most scanners)' : ''}</option>)}
          </select>
        </label>
        <div className="action-row form-actions">
          <button type="submit" className="button button-primary" data-testid="serial-add">Use this port for a scanner</button>
        </div>
      </form>
    </section>
  );
}
