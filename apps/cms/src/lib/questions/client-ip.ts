import { BlockList, isIP } from 'node:net';

/** Strips the IPv4-mapped IPv6 prefix (::ffff:1.2.3.4) so one client has one key. */
export function normalizeIp(ip: string | undefined | null): string {
  const s = (ip ?? '').trim();
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return m ? m[1] : s;
}

/** A list of addresses and CIDR ranges (IPv4 and IPv6), e.g. "127.0.0.1,10.0.0.0/8,::1". */
export function proxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.split('/');
    const ip = normalizeIp(addr);
    const type = isIP(ip);
    if (!type) throw new Error(`QUESTIONS_TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`);
    const family = type === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return list;
}

const contains = (list: BlockList, ip: string) => {
  const type = isIP(ip);
  return type ? list.check(ip, type === 4 ? 'ipv4' : 'ipv6') : false;
};

/**
 * The client's address: the direct peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first untrusted address is the client.
 * X-Forwarded-For from anyone else is ignored (anyone can send the header).
 */
export function clientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  let ip = normalizeIp(peer);
  if (!forwardedFor || !contains(trusted, ip)) return ip || 'unknown';
  const hops = forwardedFor
    .split(',')
    .map((h) => normalizeIp(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) break; // garbage: keep the last trusted hop's view
    ip = hops[i];
    if (!contains(trusted, ip)) break;
  }
  return ip;
}
