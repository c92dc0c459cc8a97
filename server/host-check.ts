import { hostname as machineName, networkInterfaces } from 'node:os';

/** Host names that always mean this machine. */
const LOOPBACK_NAMES = ['localhost', '[::1]'];
const LOOPBACK_V4 = /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** Splits a Host header into its name (lower case, IPv6 bracketed) and port; null if malformed. */
export function parseHostHeader(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  return {
    name: (match[1] ?? '').toLowerCase().replace(/\.$/, ''),
    port: match[2] !== undefined ? Number(match[2]) : null,
  };
}

function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.includes(name) || LOOPBACK_V4.test(name);
}

/** Whether an address or name (IPv6 bare or bracketed) keeps traffic on this machine. */
export function isLoopbackHost(host: string): boolean {
  return isLoopbackName(bracketed(host.toLowerCase()));
}

/** The names a server bound to `boundHost` may be reached by, besides the loopback ones. */
export function extraHostNames(boundHost: string): string[] {
  const host = boundHost.toLowerCase();
  if (!WILDCARDS.has(host)) return isLoopbackHost(host) ? [] : [bracketed(host)];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((info) => (info ? [bracketed(info.address.toLowerCase())] : []));
  return [...addresses, machineName().toLowerCase()];
}

export const HOST_REFUSED_MESSAGE =
  'This server only answers requests addressed to it by a name of this machine ' +
  '(localhost, 127.0.0.1 or [::1], or the address given with --host); open it through one of those.';

/**
 * Stops DNS rebinding: a page on another site whose name now points at 127.0.0.1 still sends its
 * own name in Host. Only loopback names (and the bound address) with our port, or no port, pass.
 */
export function createHostCheck(boundHost: string, port: () => number) {
  const extra = new Set(extraHostNames(boundHost));
  return (hostHeader: string | undefined): boolean => {
    if (hostHeader === undefined) return true; // HTTP/1.0 without Host: no browser sends that
    const parsed = parseHostHeader(hostHeader);
    if (!parsed) return false;
    if (parsed.port !== null && parsed.port !== port()) return false;
    return isLoopbackName(parsed.name) || extra.has(parsed.name);
  };
}
