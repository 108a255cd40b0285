/**
 * Address ranges as written in `set_real_ip_from`, `allow`, `geo`: does one cover a whole private
 * network (or everything)? Trusting such a range trusts every host that can get an address in it.
 */

/** Private and shared IPv4 networks (RFC 1918, RFC 6598 carrier-grade NAT). */
const PRIVATE_V4: [number, number][] = [[0x0a000000, 8], [0xac100000, 12], [0xc0a80000, 16], [0x64400000, 10]];

function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** The network of `addr/prefix` contains the network `net/len`. */
function containsV4(addr: number, prefix: number, net: number, len: number): boolean {
  if (prefix > len) return false;
  if (prefix === 0) return true;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return ((addr & mask) >>> 0) === ((net & mask) >>> 0);
}

export type RangeKind = 'everything' | 'private';

/**
 * `everything` for 0.0.0.0/0 and ::/0 (and their spellings), `private` when the range holds a whole
 * private network (10/8, 172.16/12, 192.168/16, 100.64/10, the IPv6 unique-local fc00::/7 or fd00::/8),
 * else undefined (a single proxy address, a provider's published range, `unix:`).
 */
export function broadRange(value: string): RangeKind | undefined {
  const [addr, len] = value.split('/');
  if (addr === undefined) return undefined;
  if (addr.includes(':')) {
    const prefix = len === undefined ? 128 : Number(len);
    if (!Number.isInteger(prefix)) return undefined;
    if (prefix === 0) return 'everything';
    const first = /^([0-9a-f]{1,4})?:/i.exec(addr)?.[1];
    const head = first ? parseInt(first.padStart(4, '0').slice(0, 2), 16) : 0;
    // fc00::/7 is fc.. and fd..; a prefix of 8 or less starting there covers a whole unique-local block.
    return prefix <= 8 && (head & 0xfe) === 0xfc ? 'private' : undefined;
  }
  const a = ipv4(addr);
  if (a === undefined) return undefined;
  const prefix = len === undefined ? 32 : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  if (prefix === 0) return 'everything';
  return PRIVATE_V4.some(([net, l]) => containsV4(a, prefix, net, l)) ? 'private' : undefined;
}
