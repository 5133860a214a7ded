/**
 * Integer-fen arithmetic with explicit rounding. Every figure the hardship rules compare or
 * print passes through here, so the number shown to a worker is the number that was compared.
 */

/** `numerator ÷ denominator` rounded half away from zero to an integer (both integers, denominator > 0). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('divRoundHalfUp expects safe integers and a positive denominator');
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return sign * (r * 2 >= denominator ? q + 1 : q);
}

const grouped = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `4800000` → `48,000`; `61250` → `612.50` (decimals only when there are fen). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${grouped(whole)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** `100000` → `¥1,000.00` (always two decimals). */
export function yuanExact(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** `78000` → `¥780`, `78050` → `¥780.50`. */
export function yuanShort(fen: number): string {
  const text = yuan(fen);
  return text.startsWith('−') ? `−¥${text.slice(1)}` : `¥${text}`;
}

/** A multiplier such as 2 or 0.8 as an integer number of basis points (1 = 10,000). */
export function toBasisPoints(factor: number): number {
  return Math.round(factor * 10_000);
}

/** `2` → `2`, `1.5` → `1.5`, `0.8` → `80%` when `asPercent`. */
export function factorText(factor: number, asPercent = false): string {
  if (asPercent) return `${+(factor * 100).toFixed(2)}%`;
  return `${+factor.toFixed(4)}`;
}
