import { formatLocalTime } from '../../../shared/domain/local-time';
import { formatMoney } from '../../../shared/domain/money';

// the station's own locale and time zone: the core sends UTC, the packer reads local time
const shortThisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const shortOtherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** For narrow columns: the time of day for this year's dates, the year instead of the time for older ones. */
export function formatShortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (d.getFullYear() === new Date().getFullYear() ? shortThisYear : shortOtherYear).format(d);
}

/** A full time as people read it everywhere (slips and labels too): local, with the zone named. */
export function formatTime(iso: string, withSeconds = false): string {
  return formatLocalTime(iso, { seconds: withSeconds });
}

export function money(minor: number, currency: string): string {
  try {
    return formatMoney(minor, currency);
  } catch {
    // an unknown currency code must not blank the screen
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "14:02" today, the date too on another day */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toDateString() === new Date().toDateString() ? clock.format(d) : formatShortTime(iso);
}

/** "12 s ago", "5 min ago", else the time */
export function formatAgo(iso: string | null, never = 'never'): string {
  if (!iso) return never;
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds < 5) return 'just now';
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return formatClock(iso);
}
