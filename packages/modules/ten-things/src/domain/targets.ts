import { invalid, type DomainError } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';

/** How a target is met: at least (≥), exactly (=, reached when achieved ≥ target) or at most (≤, a ceiling). */
export const Comparator = defineEnum({
  gte: { zh: '不少于', en: 'at least' },
  eq: { zh: '达到', en: 'exactly' },
  lte: { zh: '不超过', en: 'at most' },
});
export type Comparator = (typeof Comparator.values)[number];

/** Event types a linked target may count (they must also be routed by the `ten-things-linked-progress` rule). */
export const linkableEventTypes = [
  'hardship.aid.granted',
  'hardship.file.approved',
  'hardship.file.exited',
  'contracts.contract.effective',
  'modelWorkers.survey.submitted',
  'modelWorkers.visit.logged',
  'competitions.results.finalized',
  'competitions.contestant.registered',
] as const;
export type LinkableEventType = (typeof linkableEventTypes)[number];

/** A target fed by another module's events: `count` events, or `sum:<field>` of a numeric field. */
export interface TargetLink {
  eventType: LinkableEventType;
  /** Exact matches on top-level fields of the event's data, e.g. `{ kind: 'education' }`. */
  filter?: Record<string, string | number | boolean>;
  measure: 'count' | `sum:${string}`;
}

export interface Target {
  indicator: string;
  unit: string;
  comparator: Comparator;
  target: number;
  baseline?: number;
  /** ISO date; defaults to 12-31 of the plan year. */
  deadline?: string;
  link?: TargetLink;
}

/** Units the parser recognises, longest first so that 人次 wins over 人 and 万元 over 元. */
export const targetUnits = [
  '平方米', '万人次', '人次', '场次', '家次', '户次', '万元', '亿元', '小时', '公里',
  '场', '次', '个', '名', '人', '家', '期', '项', '户', '所', '份', '座', '处', '批', '篇', '支', '班', '件', '本', '册',
  '台', '套', '间', '天', '元', '条', '对', '组', '节', '堂', '辆', '棵',
] as const;

const GTE_BEFORE = ['不少于', '不低于', '不小于', '至少', '超过', '多于', '逾', '≥', '>=', '＞', '>'];
const LTE_BEFORE = ['不超过', '不多于', '不高于', '不大于', '最多', '控制在', '≤', '<=', '＜', '<'];
const GTE_AFTER = ['及以上', '以上', '余', '多', '+', '＋'];
const LTE_AFTER = ['以内', '以下', '及以下'];

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十 → 20, 一百二十 → 120, 十五 → 15, 两 → 2; undefined when not a plain Chinese numeral. */
export function chineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      total += (digit ?? 1) * CN_UNITS[ch]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;
const unitAlt = targetUnits.map(escape).join('|');
const afterAlt = [...GTE_AFTER, ...LTE_AFTER].sort((a, b) => b.length - a.length).map(escape).join('|');
// number, an optional 万/亿 multiplier, an optional 余/多 before the unit, the unit, an optional 以上/以内 after.
const QUANTITY = new RegExp(String.raw`${NUM}(万|亿)?(余|多)?(${unitAlt})(及以上|以上|以内|及以下|以下)?`, 'g');
void afterAlt;

/** Numbers that name something rather than count it: 24小时驿站, 第二期, 2024年, “5+N”, 《…》 titles, (季刊). */
const NAMING_PATTERNS = [
  /\d+小时(?=[^\d，。；,;]*?[\u4e00-\u9fa5])(?!以上|以内)/g,
  /第[\d零〇一二两三四五六七八九十百千]+[期届批次轮年季]/g,
  /\d{4}年(?:度)?/g,
  /[“"][^”"]*[”"]/g,
  /《[^》]*》/g,
  /[（(][^）)]*[）)]/g,
  /\d+\+[A-Za-z]/g,
  /[一二两三四五六七八九十]+(?=[癌进优小心新好星])/g,
  /十件实事|一次性|一批|一个|一件/g,
];

export interface ParsedTargets {
  targets: Target[];
  /** Clauses without any quantity, kept as description (shown in the preview, never guessed into targets). */
  descriptive: string[];
}

/** A refusal names the clause: its text and (when one clause is at fault) its position, counted from 1. */
export type ParseOutcome = { ok: true; value: ParsedTargets } | { ok: false; fragment: string; clause?: number; reason: 'no_quantity' | 'ambiguous' | 'unknown_unit' | 'empty' };

/**
 * Parses free text such as "开展宣讲不少于20场，组织160名一线职工疗休养，建驿站2个，为1万名以上职工提供法律服务"
 * into typed targets, one per clause. 不少于/以上/至少/余/多 → gte, 不超过/以内 → lte, a bare number → eq; 万 → ×10,000
 * (万元 stays a unit). A clause with a number the grammar cannot read, or with two quantities, is refused with the
 * clause named — never guessed.
 */
export function parseTargetsText(text: string): ParseOutcome {
  const normalised = normalise(text);
  const clauses = normalised
    .split(/[，,；;。\n！!？?]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length === 0) return { ok: false, fragment: text.trim(), reason: 'empty' };
  const targets: Target[] = [];
  const descriptive: string[] = [];
  for (const [index, clause] of clauses.entries()) {
    const at = index + 1;
    const masked = maskNaming(clause);
    const matches = [...masked.matchAll(QUANTITY)].filter((m) => !(isChinese(m[1]!) && (chineseNumeral(m[1]!) === undefined || m[1] === '一')));
    const digitsLeft = stripMatches(masked, matches);
    if (matches.length === 0) {
      if (/\d/.test(masked)) return { ok: false, fragment: clause, clause: at, reason: 'unknown_unit' };
      descriptive.push(clause);
      continue;
    }
    if (matches.length > 1) return { ok: false, fragment: clause, clause: at, reason: 'ambiguous' };
    if (/\d/.test(digitsLeft)) return { ok: false, fragment: clause, clause: at, reason: 'ambiguous' };
    const m = matches[0]!;
    const [whole, rawNum, multiplier, approx, unitRaw, after] = m as unknown as [string, string, string | undefined, string | undefined, string, string | undefined];
    let value = isChinese(rawNum) ? chineseNumeral(rawNum)! : Number(rawNum);
    let unit: string = unitRaw;
    if (multiplier === '万') value *= 10_000;
    if (multiplier === '亿') value *= 100_000_000;
    if (unit === '万人次') {
      value *= 10_000;
      unit = '人次';
    }
    if (unit === '亿元') {
      value *= 10_000;
      unit = '万元';
    }
    if (unit === '元' && multiplier) {
      // 2亿元 / 3万元: money is kept in 万元
      value /= 10_000;
      unit = '万元';
    }
    value = round(value);
    if (!(value > 0)) return { ok: false, fragment: clause, clause: at, reason: 'no_quantity' };
    const start = m.index!;
    const before = clause.slice(0, start);
    const rest = clause.slice(start + whole.length);
    let comparator: Comparator = 'eq';
    let prefix = before;
    // The comparator word nearest the number wins (不超过 before 超过); it may stand a few words earlier (至少开展二十场).
    const words = [...GTE_BEFORE.map((w) => ({ w, c: 'gte' as const })), ...LTE_BEFORE.map((w) => ({ w, c: 'lte' as const }))];
    let best: { w: string; c: Comparator; at: number } | undefined;
    for (const { w, c } of words) {
      const at = before.lastIndexOf(w);
      if (at < 0) continue;
      const end = at + w.length;
      if (!best || end > best.at + best.w.length || (end === best.at + best.w.length && w.length > best.w.length)) best = { w, c, at };
    }
    if (best) {
      comparator = best.c;
      prefix = before.slice(0, best.at) + before.slice(best.at + best.w.length);
    }
    let suffix = rest;
    if (approx || after === '以上' || after === '及以上') comparator = 'gte';
    if (after === '以内' || after === '以下' || after === '及以下') comparator = 'lte';
    const restGte = GTE_AFTER.find((w) => suffix.startsWith(w));
    if (!after && restGte) {
      comparator = 'gte';
      suffix = suffix.slice(restGte.length);
    }
    prefix = prefix.replace(/(全年|共|累计|合计|再|达到|达)$/u, (w) => (w === '再' ? w : ''));
    const indicator = `${prefix}${suffix}`.replace(/\s+/g, '').replace(/^[和及并、]/, '') || clause;
    targets.push({ indicator, unit, comparator, target: value });
  }
  if (targets.length === 0) return { ok: false, fragment: clauses.join('，'), reason: 'no_quantity' };
  return { ok: true, value: { targets, descriptive } };
}

/** The parser's refusal as the API's 400, naming the clause it could not read. */
export function targetsTextError(outcome: Extract<ParseOutcome, { ok: false }>, field = 'targetsText'): DomainError {
  const why = {
    no_quantity: { zh: '没有可量化的指标（数量和单位）', en: 'no quantity with a unit' },
    ambiguous: { zh: '含有多个数字，无法确定哪一个是目标值，请拆分成多句', en: 'more than one number; split it into separate clauses' },
    unknown_unit: { zh: '数字后没有可识别的单位（如 场、人次、个、名、万元）', en: 'the number is not followed by a unit word the parser knows (the Chinese message lists some)' },
    empty: { zh: '内容为空', en: 'empty text' },
  }[outcome.reason];
  // The clause is quoted in Chinese (and in details.fragment); the English text names it by position and stays English.
  const which = outcome.clause ? `Clause ${outcome.clause} of the targets` : 'The targets text';
  return invalid(
    { zh: `无法解析指标“${outcome.fragment}”：${why.zh}`, en: `${which} cannot be parsed: ${why.en}` },
    { field, fragment: outcome.fragment, ...(outcome.clause ? { clause: outcome.clause } : {}), reason: outcome.reason },
  );
}

/** A short human form of a target: "≥ 20 场", "= 600 名". */
export function describeTarget(t: Pick<Target, 'comparator' | 'target' | 'unit'>): string {
  const sign = t.comparator === 'gte' ? '≥' : t.comparator === 'lte' ? '≤' : '';
  return `${sign}${sign ? ' ' : ''}${t.target.toLocaleString('zh-CN')} ${t.unit}`;
}

function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)，(?=\d{3}(?!\d))/g, '$1')
    .replace(/\u3000/g, ' ');
}

function maskNaming(clause: string): string {
  let out = clause;
  for (const p of NAMING_PATTERNS) out = out.replace(p, (m) => '□'.repeat(m.length));
  return out;
}

function stripMatches(text: string, matches: RegExpMatchArray[]): string {
  let out = text;
  for (const m of matches) out = out.slice(0, m.index!) + '□'.repeat(m[0].length) + out.slice(m.index! + m[0].length);
  return out;
}

const isChinese = (s: string) => !/^\d/.test(s);
const round = (n: number) => Math.round(n * 100) / 100;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
