/** A human-readable explanation shown to users in Chinese and to integrators in English. */
export interface Reason {
  zh: string;
  en: string;
}

export interface Invalid<Code extends string> {
  ok: false;
  /** Stable machine-readable failure kind; the texts in `reason` may be reworded. */
  code: Code;
  reason: Reason;
}

export function invalid<Code extends string>(code: Code, zh: string, en: string): Invalid<Code> {
  return { ok: false, code, reason: { zh, en } };
}
