import { isIP } from 'node:net';

/**
 * The canonical form of a client address, so a block matches however the socket reports it:
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes `1.2.3.4`, IPv6 is lower-cased. Undefined when
 * the text is not an IP address.
 */
export const toClientAddress = (raw: string): string | undefined => {
  const text = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  const candidate = mapped ?? text;
  return isIP(candidate) === 0 ? undefined : candidate;
};
