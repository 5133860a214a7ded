/**
 * IP address parsing as event-ruler does it (CIDR.java): a string is an IP literal only if it looks like
 * dotted-quad IPv4 or colon-hex IPv6, and addresses compare as fixed-width upper-case hex strings, so range
 * checks are plain string comparisons.
 */

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const IPV6_GROUP = /^0*[0-9a-fA-F]{1,4}$/;

// Both parsers follow Java's InetAddress (which event-ruler uses): IPv4 parts are decimal even with leading
// zeros, within 15 characters in all; IPv6 groups are hex of any length up to the value 0xffff.
function parseIpv4(text: string): number[] | undefined {
  const bytes = text.split('.').map(Number);
  return text.length <= 15 && bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const named = [...head, ...tail];
  if (!named.every((group) => IPV6_GROUP.test(group))) return undefined;
  if (halves.length === 1 ? named.length !== 8 : named.length > 7) return undefined;
  const groups = [...head, ...Array<string>(8 - named.length).fill('0'), ...tail];
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  // Java's InetAddress turns an IPv4-mapped IPv6 address (::ffff:a.b.c.d) into the IPv4 address.
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

/** The address bytes of an IPv4/IPv6 literal, or undefined when the text is not one. */
export function parseIp(text: string): number[] | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
}

export function toHex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

/** Upper-case hex of an IP literal (8 digits for IPv4, 32 for IPv6), or undefined when it is not one. */
export function ipHex(text: string): string | undefined {
  const bytes = parseIp(text);
  return bytes && toHex(bytes);
}

export interface HexRange {
  readonly low: string;
  readonly high: string;
}

/**
 * Parses "a.b.c.d/n" or "x:y::z/n" into the inclusive range of addresses it covers. Like event-ruler, host bits
 * set in the base address are ignored (10.0.0.7/24 covers 10.0.0.0-10.0.0.255), and the mask must be shorter
 * than the address (IPv4 /32 and IPv6 /128 are rejected). Throws an Error with a readable message.
 */
export function parseCidr(text: string): HexRange {
  const parts = text.split('/');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // Java's split drops trailing empties
  if (parts.length !== 2) throw new Error(`Malformed CIDR "${text}", one '/' required`);
  const [address = '', maskText = ''] = parts;
  if (!/^[+-]?\d+$/.test(maskText)) throw new Error(`Malformed CIDR "${text}", mask bits must be an integer`);
  const maskBits = Number(maskText);
  if (maskBits < 0) throw new Error(`Malformed CIDR "${text}", mask bits must not be negative`);
  const bytes = parseIp(address);
  if (!bytes) throw new Error(`Invalid IP address "${address}" in CIDR "${text}"`);
  const width = bytes.length * 8;
  if (maskBits >= width) {
    throw new Error(`${bytes.length === 4 ? 'IPv4' : 'IPv6'} mask bits must be < ${width} in CIDR "${text}"`);
  }
  const low: number[] = [];
  const high: number[] = [];
  bytes.forEach((byte, index) => {
    const fixedBits = Math.min(8, Math.max(0, maskBits - index * 8));
    const hostMask = 0xff >> fixedBits;
    low.push(byte & ~hostMask & 0xff);
    high.push(byte | hostMask);
  });
  return { low: toHex(low), high: toHex(high) };
}

/** Whether an event value is an IP address inside the range (IPv4 values never match IPv6 ranges or vice versa). */
export function ipInRange(value: string, range: HexRange): boolean {
  const hex = ipHex(value);
  return hex !== undefined && hex.length === range.low.length && range.low <= hex && hex <= range.high;
}
