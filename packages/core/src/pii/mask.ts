const MASK = '*';

/** Keeps `keepStart` and `keepEnd` characters; a value too short to hide anything is masked entirely. */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return MASK.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + MASK.repeat(chars.length - keepStart - keepEnd) + chars.slice(chars.length - keepEnd).join('');
}

/** `321281199001011234` → `3212**********1234`. */
export function maskIdNumber(id: string): string {
  return maskMiddle(id.trim(), 4, 4);
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`; a one-character name is masked entirely. */
export function maskName(name: string): string {
  return maskMiddle(name.trim(), 1, 0);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone.trim(), 3, 4);
}

/** `6222021234567890123` → `***************0123` (spaces ignored). */
export function maskBankAccount(account: string): string {
  return maskMiddle(account.replace(/\s+/g, ''), 0, 4);
}
