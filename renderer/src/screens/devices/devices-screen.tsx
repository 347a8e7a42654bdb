import type { Device, DeviceList } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { DeviceRow } from './device-row';
import { ScaleCard } from './scale-card';
import { SerialScannerForm } from './serial-scanner-form';
import { useDevices, useScaleReading } from './use-devices';
import './devices.css';

const GROUPS: Array<{ kind: Device['kind']; title: string; empty: string }> = [
  { kind: 'scanner', title: 'Scanners', empty: 'No scanner in HID POS or serial mode. A scanner that types like a keyboard needs nothing here: it works on every screen.' },
  { kind: 'scale', title: 'Scales', empty: 'No USB scale is plugged in.' },
  { kind: 'printer', title: 'Label printers', empty: 'No label printer found. Add a network printer in Settings, or plug in a USB printer.' },
];

function SimulatedBench({ onList }: { onList(list: DeviceList): void }) {
  const plug = async (device: 'hid-scanner' | 'scale' | 'usb-printer') => {
    try {
      onList(await api.call('devices.simulate', { action: 'plug', device }));
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="sim-title" data-testid="simulated-bench">
      <h2 id="sim-title">Simulated bench</h2>
      <p>This browser station has no USB. Plug in a simulated device to see how a real one behaves: its reports travel the same way as a real device's.</p>
      <div className="action-row">
        <button type="button" className="button" onClick={() => void plug('hid-scanner')} data-testid="simulate-plug-scanner">Plug in a HID POS scanner</button>
        <button type="button" className="button" onClick={() => void plug('scale')} data-testid="simulate-plug-scale">Plug in a USB scale</button>
        <button type="button" className="button" onClick={() => void plug('usb-printer')} data-testid="simulate-plug-printer">Plug in a USB label printer</button>
      </div>
    </section>
  );
}

/** Every scanner, scale and label printer of this station: its state in words, the last problem, and test buttons. */
export function DevicesScreen() {
  const { list, set } = useDevices();
  const reading = useScaleReading();
  return (
    <section className="devices" aria-labelledby="devices-title" data-testid="devices-screen">
      <h1 id="devices-title">Devices</h1>
      <p className="muted">Plug a device in or out at any time: this screen and every other notice it within a few seconds.</p>
      {list?.notes.map((n) => <p key={n} className="notice notice-error device-note" data-testid="device-note">{n}</p>)}
      {reading && reading.state !== 'none' ? <ScaleCard reading={reading} /> : null}
      {list ? GROUPS.map((g) => {
        const items = list.devices.filter((d) => d.kind === g.kind);
        return (
          <section key={g.kind} className="panel" aria-label={g.title} data-testid={`devices-${g.kind}`}>
            <h2>{g.title}</h2>
            {items.length === 0 ? <p className="muted">{g.empty}</p> : (
              <ul className="device-list">{items.map((d) => <DeviceRow key={d.id} device={d} onList={set} />)}</ul>
            )}
          </section>
        );
      }) : <p className="muted">Looking for devices…</p>}
      {list ? <SerialScannerForm list={list} onList={set} /> : null}
      {list?.simulated ? <SimulatedBench onList={set} /> : null}
    </section>
  );
}
