/**
 * The key a client address is counted under by the per-client bounds (sockets, request rate,
 * sign-ins). An IPv4 address is its own key, also when it arrives IPv4-mapped (`::ffff:a.b.c.d`
 * on a dual-stack socket). An IPv6 address is keyed by its /64 network: one host is usually
 * handed a whole /64, so an attacker could otherwise rotate through 2^64 keys.
 */
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function clientKey(address: string | undefined): string {
  if (!address) return '';
  const mapped = MAPPED_V4.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const split = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const front = split(head);
  const back = tail === undefined ? [] : split(tail);
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => '0');
  return [...front, ...(tail === undefined ? [] : zeros), ...back].map((g) =>
    g.includes('.') ? g : (parseInt(g, 16) || 0).toString(16),
  );
}
