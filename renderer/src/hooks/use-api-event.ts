import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { api } from '../api/client';

/** Subscribes for the component's lifetime; the latest handler is used without re-subscribing. */
export function useApiEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}
