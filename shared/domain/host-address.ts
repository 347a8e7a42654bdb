/**
 * A printer address as a person types it: an IPv4 address, an IPv6 address, or a host name made of
 * DNS labels (letters, digits, hyphens). "not a host!!" is none of these and must not be saved.
 */
export function isHostAddress(text: string): boolean {
  const h = text.trim();
  if (h === '' || h.length > 253) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) return h.split('.').every((p) => Number(p) <= 255 && !/^0\d/.test(p));
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  if (bare.includes(':')) return isIpv6(bare);
  // all digits and dots but not four numbers: a mistyped IP address, not a name
  if (/^[\d.]+$/.test(h)) return false;
  const labels = h.replace(/\.$/, '').split('.');
  return labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const parts = text.split(':');
  if (parts.length < 3 || parts.length > 8) return false;
  return parts.every((p, i) => p === '' ? (i === 0 || i === parts.length - 1 || text.includes('::')) : /^[0-9A-Fa-f]{1,4}$/.test(p) || (i === parts.length - 1 && /^\d{1,3}(\.\d{1,3}){3}$/.test(p)));
}
