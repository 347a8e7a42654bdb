/**
 * One rule for times people read: stored in UTC (ISO 8601), shown in the station's local time with
 * the zone named ("1 Mar 2025, 15:05 CET"), on screens, slips and labels alike. `timeZone` defaults
 * to the station's own (the machine the core or the browser runs on).
 */
export type LocalTimeOptions = { timeZone?: string; locale?: string; seconds?: boolean };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(opts: LocalTimeOptions): Intl.DateTimeFormat {
  const key = `${opts.locale ?? ''}|${opts.timeZone ?? ''}|${opts.seconds ? 's' : ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(opts.locale, {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
      ...(opts.seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23', timeZoneName: 'short', ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

export function formatLocalTime(iso: string, timeZoneOrOptions?: string | LocalTimeOptions): string {
  const opts = typeof timeZoneOrOptions === 'string' ? { timeZone: timeZoneOrOptions } : (timeZoneOrOptions ?? {});
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(opts).format(date);
  } catch {
    // an unknown zone name must not hide the time: say it in UTC
    return formatter({ ...opts, timeZone: 'UTC' }).format(date);
  }
}
