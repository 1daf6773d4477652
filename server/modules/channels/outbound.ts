/**
 * Where channel tests, robots and rule webhooks may post. An admin-entered URL must not reach the server's own
 * loopback, the cloud metadata address or the intranet (SSRF): every address the host name resolves to is checked,
 * and only hosts, addresses or CIDRs listed in ACTIONFLOW_OUTBOUND_ALLOW are exempt.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

function isPrivate(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function allowed(host: string, address: string, allow: readonly string[]): boolean {
  for (const entry of allow) {
    if (entry === host || entry === address) return true;
    const [net, bits] = entry.split('/');
    if (bits && isIP(net) && isIP(address) === isIP(net)) {
      const list = new BlockList();
      list.addSubnet(net, Number(bits), isIP(net) === 6 ? 'ipv6' : 'ipv4');
      if (list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) return true;
    }
  }
  return false;
}

/** Null when `url` may be posted to; otherwise the reason (never sent anywhere, shown to the admin). */
export async function outboundRefusal(url: string, allow: readonly string[]): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the URL is not valid';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `scheme ${parsed.protocol} is not allowed`;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `the host ${host} does not resolve`;
  }
  for (const address of addresses) {
    if (isPrivate(address) && !allowed(host, address, allow)) {
      return `${host} resolves to ${address}, a loopback, private or link-local address (allow it with ACTIONFLOW_OUTBOUND_ALLOW)`;
    }
  }
  return null;
}
