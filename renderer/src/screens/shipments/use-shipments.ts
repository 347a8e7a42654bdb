import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../../shared/contract/api';
import type { Shipment } from '../../../../shared/contract/shipping';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

/** Shipments matching a filter, kept fresh by shipments.changed events (a burst reloads once). */
export function useShipments(filter: MethodInput<'shipments.list'> | null): { list: Shipment[] | null; reload: () => void } {
  const [list, setList] = useState<Shipment[] | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const key = JSON.stringify(filter);
  const reload = useCallback(() => {
    const wanted = JSON.parse(key) as MethodInput<'shipments.list'> | null;
    if (!wanted) { setList(null); return; }
    const mine = ++seq.current;
    api.call('shipments.list', wanted).then((l) => { if (mine === seq.current) setList(l); }, () => undefined);
  }, [key]);
  useEffect(() => { reload(); return () => { seq.current++; clearTimeout(timer.current); }; }, [reload, epoch]);
  useApiEvent('shipments.changed', () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, 80);
  });
  return { list, reload };
}
