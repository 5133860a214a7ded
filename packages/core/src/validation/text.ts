/**
 * Free text as every input takes it — router fields and spreadsheet cells alike: NFC-normalised,
 * trimmed, and refused when it carries what no person types on purpose: control characters,
 * unpaired UTF-16 surrogates, bidirectional overrides (which make "gnp.exe" display as
 * "exe.png"), or nothing visible at all ("\u200B\u200B" looks empty but is not).
 *
 * Problems are predicates in both languages ("不能包含控制字符" / "must not contain control
 * characters"); the caller puts the field's name in front: "名称不能包含控制字符" /
 * "Name must not contain control characters". No message quotes the text itself.
 *
 * Zod-free and DOM-free: the console can import it too.
 */

export interface TextRule {
  /** Fewest characters (code points) after normalising; 0 allows an empty string. */
  min?: number;
  /** Most characters (code points) after normalising. */
  max: number;
  /** Line breaks and tabs allowed (notes, findings, minutes); a single line otherwise. */
  multiline?: boolean;
}

export type TextProblemCode = 'surrogate' | 'control' | 'line_break' | 'bidi' | 'invisible' | 'empty' | 'too_short' | 'too_long';

export interface TextProblem {
  code: TextProblemCode;
  /** Follows the field's name: 名称 + 不能包含控制字符. */
  zh: string;
  /** Follows the field's name: Name + must not contain control characters. */
  en: string;
}

/** A UTF-16 surrogate without its partner (in a `u` regex a proper pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
/** Line breaks other than \n (which is a control character): CR, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
/** Bidirectional embeddings, overrides (U+202A–202E) and isolates (U+2066–2069). */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * A character that draws something: not white space, not one of Unicode's default-ignorable code
 * points (zero-width space/joiners U+200B–200D, word joiner U+2060, BOM U+FEFF, soft hyphen, Hangul
 * fillers, variation selectors, …).
 */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;
/** Invisible characters at either end, except bidirectional controls, which are refused rather than dropped. */
const EDGE_INVISIBLE = /^(?:(?![\u202A-\u202E\u2066-\u2069])[\s\p{Default_Ignorable_Code_Point}])+|(?:(?![\u202A-\u202E\u2066-\u2069])[\s\p{Default_Ignorable_Code_Point}])+$/gu;
/** White space proper (Unicode White_Space), without the default-ignorable BOM that JavaScript's `\s` includes. */
const EDGE_WHITE_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/gu;

/** Characters as a person counts them: code points, so 工 and 😀 are one each. */
export const textLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * The stored form: line breaks unified to \n (multiline), invisible characters and white space at
 * either end removed, NFC. Text with nothing visible keeps its invisible characters (only white
 * space is trimmed), so that `textProblem` refuses it rather than an optional field taking it as
 * empty. Unpaired surrogates are left in place for `textProblem` to refuse.
 */
export function normalizeText(raw: string, multiline = false): string {
  const unified = multiline ? raw.replace(/\r\n?|[\u2028\u2029]/g, '\n') : raw;
  if (!VISIBLE.test(unified)) return unified.replace(EDGE_WHITE_SPACE, '');
  return unified.replace(EDGE_INVISIBLE, '').normalize('NFC');
}

const problem = (code: TextProblemCode, zh: string, en: string): TextProblem => ({ code, zh, en });

/** What is wrong with an already normalised text under `rule`, or undefined when it is fine. */
export function textProblem(value: string, rule: TextRule): TextProblem | undefined {
  if (LONE_SURROGATE.test(value)) return problem('surrogate', '含有无效的字符编码（不成对的代理项）', 'contains an invalid character encoding (an unpaired surrogate)');
  if (!rule.multiline && LINE_BREAK.test(value)) return problem('line_break', '只能填写一行，不能包含换行', 'must be a single line, without line breaks');
  if ((rule.multiline ? CONTROL_EXCEPT_NEWLINE_AND_TAB : CONTROL).test(value)) return problem('control', '不能包含控制字符', 'must not contain control characters');
  if (BIDI_CONTROL.test(value)) return problem('bidi', '不能包含文字方向控制符（如 U+202E）', 'must not contain text-direction control characters (such as U+202E)');
  const min = rule.min ?? 0;
  if (value === '') return min > 0 ? problem('empty', '不能为空', 'cannot be empty') : undefined;
  if (!VISIBLE.test(value)) return problem('invisible', '不能只包含空格或不可见字符', 'cannot consist only of spaces or invisible characters');
  const length = textLength(value);
  if (length < min) return problem('too_short', `至少需要 ${min} 个字`, `must have at least ${min} character${min === 1 ? '' : 's'}`);
  if (length > rule.max) return problem('too_long', `不能超过 ${rule.max} 个字`, `must have at most ${rule.max} characters`);
  return undefined;
}

export type TextCheck = { ok: true; value: string } | { ok: false; problem: TextProblem };

/** Normalises `raw` and checks it: the value to store, or the problem. */
export function checkText(raw: string, rule: TextRule): TextCheck {
  const value = normalizeText(raw, rule.multiline);
  const p = textProblem(value, rule);
  return p ? { ok: false, problem: p } : { ok: true, value };
}
