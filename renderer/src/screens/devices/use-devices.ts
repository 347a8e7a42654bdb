import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceList, ScaleReading } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

/** The station's devices, reloaded whenever one is plugged, unplugged or fails. */
export function useDevices(): { list: DeviceList | null; reload(): void; set(list: DeviceList): void } {
  const [list, setList] = useState<DeviceList | null>(null);
  const seq = useRef(0);
  const epoch = useAppStore((s) => s.dataEpoch);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    api.call('devices.list', {}).then(
      (l) => { if (mine === seq.current) setList(l); },
      (e: unknown) => { if (mine === seq.current) useAppStore.getState().showError(e); },
    );
  }, []);
  useEffect(() => {
    reload();
    // a printer's state can change without an event (a queue paused elsewhere): look again now and then
    const t = setInterval(reload, 5000);
    return () => { seq.current++; clearInterval(t); };
  }, [reload, epoch]);
  useApiEvent('devices.changed', reload);
  useApiEvent('print.jobChanged', reload);
  const set = useCallback((l: DeviceList) => { seq.current++; setList(l); }, []);
  return { list, reload, set };
}

/** The live scale reading: asked once, then every `scale.reading` event replaces it. */
export function useScaleReading(): ScaleReading | null {
  const [reading, setReading] = useState<ScaleReading | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  useEffect(() => {
    let live = true;
    api.call('scale.current', {}).then((r) => { if (live) setReading(r); }, () => undefined);
    return () => { live = false; };
  }, [epoch]);
  useApiEvent('scale.reading', setReading);
  return reading;
}
