import { encodeTime } from 'ulid';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 16;

/**
 * Random bytes drawn 2,560 at a time: the `ulid` package asks the CSPRNG once per character (16 calls per id), which
 * was a tenth of the API's CPU under load (every request mints a correlation id).
 */
const pool = new Uint8Array(10 * 256);
let poolAt = pool.length;

function randomDigits(): number[] {
  if (poolAt >= pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const digits: number[] = [];
  // 10 bytes = 80 bits = 16 base-32 digits of 5 bits each.
  let bits = 0;
  let value = 0;
  for (let i = poolAt; i < poolAt + 10; i++) {
    value = (value << 8) | pool[i]!;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits.push((value >> bits) & 31);
    }
    value &= (1 << bits) - 1;
  }
  poolAt += 10;
  return digits;
}

let lastTime = -1;
let lastDigits: number[] = [];

/**
 * A ULID (26 Crockford base-32 characters: 48 bits of milliseconds, 80 random bits), monotonic within this process:
 * ids minted in the same millisecond (or after the clock stepped back) increment the previous random part, so they
 * sort in minting order, as the `ulid` package's monotonic factory does.
 */
export function newId(): string {
  const now = Date.now();
  if (now <= lastTime) {
    let i = RANDOM_CHARS - 1;
    while (i >= 0 && lastDigits[i] === 31) lastDigits[i--] = 0;
    if (i < 0) throw new Error('ULID random part overflowed within one millisecond');
    lastDigits[i]!++;
  } else {
    lastTime = now;
    lastDigits = randomDigits();
  }
  let random = '';
  for (const d of lastDigits) random += CROCKFORD[d];
  return encodeTime(lastTime, 10) + random;
}

/** Bounds of the ids minted at `at` (ULIDs sort by their creation time): every id minted before `at` sorts below `idsFrom(at)`. */
export const idsFrom = (at: Date): string => `${encodeTime(Math.max(0, at.getTime()), 10)}${'0'.repeat(16)}`;
export const idsUpTo = (at: Date): string => `${encodeTime(Math.max(0, at.getTime()), 10)}${'Z'.repeat(16)}`;
