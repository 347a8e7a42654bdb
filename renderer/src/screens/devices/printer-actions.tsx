import { useId, useState } from 'react';
import type { Device, DeviceList, LabelLanguage } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

const LANGUAGES: Array<[LabelLanguage, string]> = [['zpl', 'ZPL II (Zebra ZD/ZT/GK, most)'], ['epl', 'EPL2 (Zebra LP/TLP 2844, older GK420 set to EPL)'], ['tspl', 'TSPL (TSC, Rollo, Munbyn, iDPRT, Xprinter)']];

function Calibrate({ device, printerId, done }: { device: Device; printerId: number; done(): void }) {
  const [language, setLanguage] = useState<LabelLanguage>(device.printer?.language ?? 'zpl');
  const [dpi, setDpi] = useState<203 | 300>(/300 dpi/.test(device.detail) ? 300 : 203);
  const offsets = /offset (-?\d+),(-?\d+) dots/.exec(device.detail);
  const [x, setX] = useState(offsets?.[1] ?? '0');
  const [y, setY] = useState(offsets?.[2] ?? '0');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { lang: useId(), dpi: useId(), x: useId(), y: useId() };
  const save = async (andTest: boolean) => {
    try {
      await api.call('printers.calibrate', { printerId, language, dpi, offsetX: Math.round(Number(x) || 0), offsetY: Math.round(Number(y) || 0) });
      if (andTest) await api.call('devices.testPrint', { deviceId: device.id });
      useAppStore.getState().showInfo(andTest ? `Saved, and a calibration label was sent to ${device.name}.` : `${device.name}: calibration saved.`);
      setErrors({});
      done();
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    }
  };
  return (
    <form className="form-grid printer-calibrate" onSubmit={(e) => { e.preventDefault(); void save(true); }} aria-label={`Calibrate ${device.name}`} data-testid="printer-calibrate">
      <label className="field" htmlFor={ids.lang}>
        <span className="field-label">Language it speaks</span>
        <select id={ids.lang} className="input" value={language} onChange={(e) => setLanguage(e.target.value as LabelLanguage)} data-testid="calibrate-language">
          {LANGUAGES.map(([v, words]) => <option key={v} value={v}>{words}</option>)}
        </select>
      </label>
      <label className="field" htmlFor={ids.dpi}>
        <span className="field-label">Print head</span>
        <select id={ids.dpi} className="input" value={dpi} onChange={(e) => setDpi(Number(e.target.value) as 203 | 300)} data-testid="calibrate-dpi">
          <option value={203}>203 dpi (8 dots/mm)</option>
          <option value={300}>300 dpi (12 dots/mm)</option>
        </select>
      </label>
      <label className="field" htmlFor={ids.x}>
        <span className="field-label">Move right by (dots; negative: left)</span>
        <input id={ids.x} className="input input-number" inputMode="numeric" value={x} onChange={(e) => setX(e.target.value)} aria-invalid={errors.offsetX ? true : undefined} data-testid="calibrate-x" />
        {errors.offsetX ? <span className="field-error">{errors.offsetX}</span> : null}
      </label>
      <label className="field" htmlFor={ids.y}>
        <span className="field-label">Move down by (dots; negative: up)</span>
        <input id={ids.y} className="input input-number" inputMode="numeric" value={y} onChange={(e) => setY(e.target.value)} aria-invalid={errors.offsetY ? true : undefined} data-testid="calibrate-y" />
        {errors.offsetY ? <span className="field-error">{errors.offsetY}</span> : null}
      </label>
      <div className="action-row form-actions">
        <button type="submit" className="button button-primary" data-testid="calibrate-save-test">Save and print a calibration label</button>
        <button type="button" className="button" onClick={() => void save(false)}>Save</button>
      </div>
    </form>
  );
}

/** Test print, make label printer, calibrate: for every printer, set up or just plugged in. */
export function PrinterActions({ device, onList }: { device: Device; onList(list: DeviceList): void }) {
  const [calibrating, setCalibrating] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      useAppStore.getState().showInfo(await what());
      onList(await api.call('devices.list', {}));
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  const p = device.printer;
  const usable = device.state !== 'unplugged';
  return (
    <>
      <div className="action-row">
        {p?.isLabelPrinter ? <span className="status-badge device-state-ready" data-testid="device-label-printer">Label printer</span> : null}
        <button type="button" className="button" disabled={busy || !usable} data-testid="device-test-print"
          onClick={() => void run(async () => {
            const job = await api.call('devices.testPrint', { deviceId: device.id });
            return job.status === 'failed' ? `The test label to ${device.name} failed: ${job.error}` : `A calibration label was sent to ${device.name}; its progress is on the Printing screen (Alt+5).`;
          })}>Print test label</button>
        {!p?.isLabelPrinter ? (
          <button type="button" className="button" disabled={busy || !usable} data-testid="device-make-label-printer"
            onClick={() => void run(async () => `${(await api.call('devices.makeLabelPrinter', { deviceId: device.id })).name} now prints every label.`)}>Make label printer</button>
        ) : null}
        {p?.printerId ? <button type="button" className="button button-quiet" aria-expanded={calibrating} onClick={() => setCalibrating((c) => !c)} data-testid="device-calibrate">Calibrate…</button> : null}
      </div>
      {calibrating && p?.printerId ? <Calibrate device={device} printerId={p.printerId} done={() => setCalibrating(false)} /> : null}
    </>
  );
}
