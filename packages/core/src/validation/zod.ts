import { z } from 'zod';
import { parseDivisionCode } from './division.js';
import { validateIdNumber } from './id-number.js';
import { validatePhone } from './phone.js';
import type { Reason } from './result.js';
import { validateUscc } from './uscc.js';

type Check = (value: string) => { ok: true } | { ok: false; reason: Reason };

/** Zod issue with the Chinese text as `message` and the English one in `params.en`. */
function refinedBy(check: Check) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const result = check(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason.zh, params: { en: result.reason.en } });
  };
}

/** Trims and upper-cases before validating, so the parsed value is the canonical code. */
export const usccSchema = z.string().trim().toUpperCase().superRefine(refinedBy(validateUscc));

/** Trims and upper-cases (a typed `x` becomes `X`); birth date checked against the current date. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refinedBy((id) => validateIdNumber(id)));

export const divisionCodeSchema = z.string().trim().superRefine(refinedBy(parseDivisionCode));

export const phoneSchema = z.string().trim().superRefine(refinedBy(validatePhone));
