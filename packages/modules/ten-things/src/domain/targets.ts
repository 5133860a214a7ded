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

/** Units the parser recognises (longest first so that 人次 wins over 人 and 万元 over 元); '%' makes a rate target. */
export const targetUnits = [
  '平方米', '百分点', '万人次', '人次', '场次', '家次', '户次', '万元', '亿元', '小时', '公里',
  '场', '次', '个', '名', '人', '位', '家', '期', '项', '户', '所', '份', '座', '处', '批', '篇', '支', '班', '件', '本', '册',
  '台', '套', '间', '天', '元', '条', '对', '组', '节', '堂', '辆', '棵', '部', '种', '起', '例', '张', '%',
] as const;

/** Other spellings of a unit: 5个百分点, 近2个小时. */
const UNIT_SPELLINGS: Readonly<Record<string, string>> = { 个百分点: '百分点', 个小时: '小时' };

/** Why a number in the text names or dates something instead of counting a target. */
export const NumberLabel = defineEnum({
  year: { zh: '年份', en: 'year' },
  date: { zh: '日期', en: 'date' },
  duration: { zh: '时长', en: 'duration' },
  ordinal: { zh: '序数', en: 'ordinal' },
  name: { zh: '名称的一部分', en: 'part of a name' },
});
export type NumberLabel = (typeof NumberLabel.values)[number];

/** A number the parser saw, as written (normalised): the target it became (an index into `targets`), or why it is none. */
export type NumberReading = { text: string; clause: number; target: number } | { text: string; clause: number; label: NumberLabel };

export interface ParsedTargets {
  targets: Target[];
  /** Clauses without any quantity, kept as description (shown in the preview, never guessed into targets). */
  descriptive: string[];
  /** Every number seen, in text order, so that none disappears unaccounted: each became a target or is labelled. */
  numbers: NumberReading[];
}

export type ParseRefusalReason = 'no_quantity' | 'ambiguous' | 'unknown_unit' | 'empty' | 'range' | 'fraction' | 'zero' | 'unreadable_number';

/**
 * A refusal names the clause (its text and, when one clause is at fault, its position counted from 1) and, when the
 * fault is one number, that number as written (`part`).
 */
export type ParseOutcome =
  | { ok: true; value: ParsedTargets }
  | { ok: false; fragment: string; clause?: number; part?: string; reason: ParseRefusalReason };

const GTE_BEFORE = ['不少于', '不低于', '不小于', '至少', '超过', '多于', '突破'];
const LTE_BEFORE = ['不超过', '不多于', '不高于', '不大于', '最多', '控制在'];
/** One-character comparators count only right before the number (超3万名, 逾千人), not anywhere in the clause (超市). */
const GTE_ADJACENT = ['≥', '>=', '＞', '>', '逾', '超'];
const LTE_ADJACENT = ['≤', '<=', '＜', '<'];
/** An approximate number is read as written (近10万人 → 100,000, eq); the word stays out of the indicator. */
const APPROXIMATE_BEFORE = ['将近', '接近', '大约', '近', '约'];

const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_MYRIADS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/**
 * 二十 → 20, 一百二十 → 120, 十五 → 15, 两 → 2, bare 万 → 10,000, 一万二千 → 12,000, 三千五 → 3,500 (the spoken
 * short form); undefined when not a well-formed Chinese numeral.
 */
export function chineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let zeroSince = false;
  let lastPlace = Infinity;
  let lastMyriad = Infinity;
  let placeBeforeDigit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      if (CN_DIGITS[ch] === 0) zeroSince = true;
      else digit = CN_DIGITS[ch];
    } else if (ch in CN_PLACES) {
      const place = CN_PLACES[ch]!;
      if (place >= lastPlace) return undefined;
      if (digit === undefined && (section !== 0 || zeroSince)) return undefined;
      section += (digit ?? 1) * place;
      lastPlace = place;
      placeBeforeDigit = place;
      digit = undefined;
      zeroSince = false;
    } else if (ch in CN_MYRIADS) {
      const myriad = CN_MYRIADS[ch]!;
      if (myriad >= lastMyriad) return undefined;
      const sectionValue = section + (digit ?? 0);
      if (sectionValue === 0 && total !== 0) return undefined;
      total += (sectionValue === 0 ? 1 : sectionValue) * myriad;
      section = 0;
      digit = undefined;
      zeroSince = false;
      lastPlace = Infinity;
      lastMyriad = myriad;
      placeBeforeDigit = myriad;
    } else return undefined;
  }
  // 三千五 is 3,500 and 一万二 12,000: a last digit right after a place (no 零 between) counts at the next place down.
  const lastDigitScale = digit !== undefined && !zeroSince && placeBeforeDigit !== undefined ? placeBeforeDigit / 10 : 1;
  return total + section + (digit ?? 0) * lastDigitScale;
}

const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';
const ARABIC = String.raw`\d+(?:\.\d+)?`;
const NUMBER = `(?:${ARABIC}|[${CN_NUMERAL}]+)`;
const MULTIPLIER = '(?:[十百千]?[万亿]|[百千])';
const UNIT = [...targetUnits, ...Object.keys(UNIT_SPELLINGS)]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
/** number, 余/多/+, a multiplier after Arabic digits (1.5万, 20余万), 余/多, the unit, then 以上/以内. */
const QUANTITY = new RegExp(`(${ARABIC}|[${CN_NUMERAL}]+)(余|多|[+＋])?(${MULTIPLIER})?(余|多)?(${UNIT})(及以上|以上|以内|及以下|以下)?`, 'g');
const RANGE = new RegExp(`${NUMBER}(?:余|多)?${MULTIPLIER}?(?:${UNIT})?\\s*[～~\\-—–至到]\\s*${NUMBER}(?:余|多)?${MULTIPLIER}?(?:${UNIT})`, 'g');
const FRACTION = new RegExp(`[\\d${CN_NUMERAL}]+分之[\\d.${CN_NUMERAL}]+`, 'g');
/** A number the quantities did not take: Arabic digits (with 余 or a multiplier), or a Chinese numeral with 万/亿 (十万职工). */
const LEFT_OVER = new RegExp(`${ARABIC}(?:余|多)?${MULTIPLIER}?|[零〇一二两三四五六七八九十][${CN_NUMERAL}]*[万亿][${CN_NUMERAL}]*`, 'g');

/** Numbers that name, date or time something rather than count it, in the order they are masked. */
const LABELLED_SPANS: { pattern: RegExp; label: NumberLabel }[] = [
  { pattern: /“[^”]*”|"[^"]*"|‘[^’]*’|「[^」]*」|《[^》]*》/g, label: 'name' },
  { pattern: /(?<!\d)\d{4}(?:\s*[-—–~～至到]\s*\d{2,4})?(?:年度?|届|级)/g, label: 'year' },
  { pattern: /第\s*[\d零〇一二两三四五六七八九十百千]+(?:\s*[-—–~～至到、]\s*[\d零〇一二两三四五六七八九十百千]+)*/g, label: 'ordinal' },
  {
    pattern: new RegExp(
      [
        String.raw`\d+号线`,
        String.raw`\d+(?:服务)?热线`,
        String.raw`[\d零〇一二两三四五六七八九十]+人制`,
        String.raw`\d+\s*[×xX*]\s*\d+小时`, // 7×24小时
        String.raw`\d+小时(?=[\u4e00-\u9fa5])(?![以及的])`, // 24小时驿站; 培训40小时以上 stays a quantity
        String.raw`\d+(?:\.\d+)?版`, // 驿站2.0版
        String.raw`[A-Za-z]+\d+[A-Za-z\d]*|\d+[A-Za-z]+[A-Za-z\d]*`, // 5G, QC2
        String.raw`\d+(?:\s*[+＋]\s*(?:\d+|[A-Za-z]+))+`, // 5+N, 5+4+3
        String.raw`[\d零〇一二两三四五六七八九十]+[件大]实事`,
        '千家万户|万家灯火|千方百计|千辛万苦|千军万马|万众一心|成千上万|亿万|两节',
        '(?:五一|七一|八一|十一|三八|五四|六一)(?=节|期间|前后|假期|劳动|国庆)',
        // 一 in set phrases is not the number one: 一次性, 一站式, 一批 (a batch), 一人一档, 一个个
        '一(?:次性|站式|对一|条龙|揽子|系列|张网|件事|起|家人|家亲|批)|一[人企户家村校厂店园镇]一[档策品案卡]|一(?<repeated>[个件项场次条名位家户])\\k<repeated>',
      ].join('|'),
      'g',
    ),
    label: 'name',
  },
  { pattern: /(?<!\d)(?:\d{1,2}\s*[-—–~～至到]\s*)?\d{1,2}月(?:\d{1,2}[日号])?|(?<!\d)(?:\d{1,2}\s*[-—–~～至到]\s*)?\d{1,2}[日号]/g, label: 'date' },
  { pattern: /(?<![\d.])\d+(?:\.\d+)?余?(?:年(?!度)|个月|个星期|周|分钟|秒钟?)/g, label: 'duration' },
];
const HAS_NUMERAL = new RegExp(`[\\d${CN_NUMERAL}]`);
/** After these, 一 is part of a word (统一, 唯一, 每一, 之一) or the article "a" (开展的一项调查, 是一次大会), not a count. */
const ONE_INSIDE_WORD_AFTER = '统唯同单划专万之每逐归合均整其某任另进初这那哪无的是了';
/** 数十场, 几百名, 若干: a count that is not one definite value. */
const VAGUE_BEFORE = ['若干', '数', '几'];

/** Words that join the quantities of one clause (建设10家驿站、培训200名职工; 100场文化和100场体育活动). */
const CONNECTORS = ['以及', '、', '和', '及', '与', '并'];
/** The same characters inside words that join nothing: 参与, 惠及, 和谐, 合并. */
const NOT_A_CONNECTOR: Readonly<Record<string, { before: string; after: string }>> = {
  和: { before: '平温缓总暖柔祥调附饱随议讲共', after: '谐睦美平善气蔼' },
  及: { before: '惠普涉波危顾触企论提遍来', after: '时早格' },
  与: { before: '参给赋授干', after: '会否' },
  并: { before: '合兼归吞', after: '非不列' },
};

interface Quantity {
  /** The number as written, before its multiplier and unit. */
  written: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  approximate: boolean;
  after?: string;
}

interface Problem {
  at: number;
  part: string;
  reason: ParseRefusalReason;
}

interface ClauseReading {
  targets: Target[];
  /** Readings with `target` counted within the clause; the caller shifts them. */
  numbers: { at: number; reading: NumberReading }[];
}

/**
 * Parses free text such as "开展宣讲不少于20场，组织160名一线职工疗休养，建设10家职工驿站、培训200名职工，覆盖率达到90%以上"
 * into typed targets. 不少于/以上/至少/余/多 → gte, 不超过/以内 → lte, a bare number → eq; 万/亿 multiply (1.5万, 三千,
 * 万名), 万元/亿元 are kept in 万元, a percentage is a rate target with unit '%'. Quantities of one clause joined by
 * 、/和/及/与 each become a target. Years, dates, ordinals and names (2024年, 第二期, 《…》, 24小时驿站) are labelled,
 * not counted. Any other number the parser cannot attribute refuses the whole text, naming it — never a silent drop.
 */
export function parseTargetsText(text: string): ParseOutcome {
  const clauses = normalise(text)
    .split(/[，,；;。\n！!？?：]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length === 0) return { ok: false, fragment: text.trim(), reason: 'empty' };
  const targets: Target[] = [];
  const descriptive: string[] = [];
  const numbers: NumberReading[] = [];
  for (const [index, clause] of clauses.entries()) {
    const read = readClause(clause, index + 1);
    if ('reason' in read) return { ok: false, fragment: clause, clause: index + 1, part: read.part, reason: read.reason };
    if (read.targets.length === 0) descriptive.push(clause);
    for (const { reading } of read.numbers) numbers.push('target' in reading ? { ...reading, target: reading.target + targets.length } : reading);
    targets.push(...read.targets);
  }
  if (targets.length === 0) return { ok: false, fragment: clauses.join('，'), reason: 'no_quantity' };
  return { ok: true, value: { targets, descriptive, numbers } };
}

function readClause(clause: string, clauseNumber: number): ClauseReading | Problem {
  const { masked, labelled } = maskLabelledSpans(clause, clauseNumber);
  const problems: Problem[] = [];
  let open = masked;
  const take = (at: number, length: number) => {
    open = open.slice(0, at) + '□'.repeat(length) + open.slice(at + length);
  };
  for (const m of [...open.matchAll(RANGE)]) {
    problems.push({ at: m.index, part: clause.slice(m.index, m.index + m[0].length), reason: 'range' });
    take(m.index, m[0].length);
  }
  for (const m of [...open.matchAll(FRACTION)]) {
    problems.push({ at: m.index, part: clause.slice(m.index, m.index + m[0].length), reason: 'fraction' });
    take(m.index, m[0].length);
  }
  const quantities: Quantity[] = [];
  for (const m of [...open.matchAll(QUANTITY)]) {
    const quantity = readQuantity(m, masked[m.index - 1] ?? '');
    if (quantity === 'in_word') continue;
    take(m.index, m[0].length);
    const part = clause.slice(m.index, m.index + m[0].length);
    const vague = quantity && !/^\d/.test(quantity.written) ? VAGUE_BEFORE.find((w) => masked.slice(0, m.index).endsWith(w)) : undefined;
    if (vague) problems.push({ at: m.index - vague.length, part: `${vague}${part}`, reason: 'unreadable_number' });
    else if (!quantity) problems.push({ at: m.index, part, reason: 'unreadable_number' });
    else if (!(quantity.value > 0)) problems.push({ at: m.index, part, reason: 'zero' });
    else quantities.push(quantity);
  }
  for (const m of open.matchAll(LEFT_OVER)) problems.push({ at: m.index, part: clause.slice(m.index, m.index + m[0].length), reason: 'unknown_unit' });

  const segments: { start: number; end: number }[] = [];
  let segmentStart = 0;
  for (const [i, quantity] of quantities.entries()) {
    if (i === 0) continue;
    const connector = lastConnector(masked, quantities[i - 1]!.end, quantity.start);
    if (!connector) {
      problems.push({ at: quantity.start, part: clause.slice(quantity.start, quantity.end), reason: 'ambiguous' });
      continue;
    }
    segments.push({ start: segmentStart, end: connector.start });
    segmentStart = connector.end;
  }
  segments.push({ start: segmentStart, end: clause.length });
  if (problems.length) return problems.reduce((first, p) => (p.at < first.at ? p : first));

  const numbers = [...labelled];
  const named: NamedTarget[] = [];
  for (const [i, quantity] of quantities.entries()) {
    named.push(targetOf(clause, masked, segments[i]!, quantity, named[i - 1]?.prefix ?? ''));
    numbers.push({ at: quantity.start, reading: { text: clause.slice(quantity.start, quantity.end), clause: clauseNumber, target: i } });
  }
  shareTrailingPredicate(named);
  numbers.sort((a, b) => a.at - b.at);
  return { targets: named.map((n) => n.target), numbers };
}

interface NamedTarget {
  target: Target;
  /** The words before the quantity that name it (its own, or those of the quantity before when it has none). */
  prefix: string;
  suffix: string;
  sharesPrefix: boolean;
}

/** A preposition that needs a predicate after its object: 为/给/向/对 (not 作为, 成为, 认为, 因为, 行为). */
const PREPOSITION = /(?:^|[^作成认因行])[为给向对]/;
const PREDICATE_VERBS = /提供|赠送|开展|进行|发放|送去|送上|送|实现|做好|办理|免费|组织|举办|给予|安排|开设/;

/**
 * 为1.5万名职工、三千名劳模和两百名工匠提供体检: quantities that share a preposition share the predicate after the
 * last one, so each is named 为…提供体检. Without a preposition (补贴8.5万名职工疗休养和4万名职工健康体检) nothing is shared.
 */
function shareTrailingPredicate(named: NamedTarget[]): void {
  for (let end = named.length - 1; end > 0; end--) {
    let start = end;
    while (start > 0 && named[start]!.sharesPrefix) start--;
    if (start === end) continue;
    const last = named[end]!;
    const verb = PREDICATE_VERBS.exec(last.suffix);
    if (PREPOSITION.test(last.prefix) && verb && verb.index > 0) {
      const predicate = last.suffix.slice(verb.index);
      for (const n of named.slice(start, end)) if (!PREDICATE_VERBS.test(n.suffix)) n.target.indicator = `${n.prefix}${n.suffix}${predicate}`.replace(/\s+/g, '');
    }
    end = start;
  }
}

/** The quantity a match stands for; 'in_word' for the 一 of 统一组织, 每一位, 同一个 (not the number one). */
function readQuantity(m: RegExpExecArray | RegExpMatchArray, charBefore: string): Quantity | 'in_word' | undefined {
  const [whole, written, approxBefore, multiplier, approxAfter, writtenUnit, after] = m as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
    string | undefined,
    string,
    string | undefined,
  ];
  const arabic = /^\d/.test(written);
  if (written === '一' && !multiplier && ONE_INSIDE_WORD_AFTER.includes(charBefore)) return 'in_word';
  const base = arabic ? Number(written) : chineseNumeral(written);
  if (base === undefined || Number.isNaN(base)) return undefined;
  let value = base * multiplierValue(multiplier ?? '');
  let unit = UNIT_SPELLINGS[writtenUnit] ?? writtenUnit;
  if (unit === '万人次') {
    value *= 10_000;
    unit = '人次';
  } else if (unit === '亿元') {
    value *= 10_000;
    unit = '万元';
  } else if (unit === '元' && /[万亿]/.test(`${arabic ? '' : written}${multiplier ?? ''}`)) {
    // 2亿元, 3万元, 两万元: money written with 万/亿 is kept in 万元
    value /= 10_000;
    unit = '万元';
  }
  const start = m.index!;
  return { written, start, end: start + whole.length, value: round(value), unit, approximate: Boolean(approxBefore || approxAfter), after };
}

function multiplierValue(multiplier: string): number {
  let value = 1;
  for (const ch of multiplier) value *= CN_PLACES[ch] ?? CN_MYRIADS[ch] ?? 1;
  return value;
}

/** The target of one quantity in its segment: comparator from the words around it, indicator from the rest. */
function targetOf(clause: string, masked: string, segment: { start: number; end: number }, quantity: Quantity, sharedPrefix: string): NamedTarget {
  const before = clause.slice(segment.start, quantity.start);
  let suffix = clause.slice(quantity.end, segment.end).replace(/^的/, '');
  let comparator: Comparator = 'eq';
  let leading = before;
  const word = nearestComparatorWord(masked.slice(segment.start, quantity.start));
  if (word) {
    comparator = word.comparator;
    leading = before.slice(0, word.at) + before.slice(word.at + word.text.length);
  }
  leading = leading.replace(/\s+/g, '');
  const approximate = APPROXIMATE_BEFORE.find((w) => leading.endsWith(w));
  if (approximate) leading = leading.slice(0, -approximate.length);
  // 上千名, 过万人: "upwards of" a round number (but 线上100场, 经过5场 are plain numbers)
  if (/^[百千万亿]/.test(quantity.written) && /[上过]$/.test(leading)) {
    comparator = 'gte';
    leading = leading.slice(0, -1);
  }
  if (quantity.approximate || quantity.after === '以上' || quantity.after === '及以上') comparator = 'gte';
  if (quantity.after === '以内' || quantity.after === '以下' || quantity.after === '及以下') comparator = 'lte';
  if (!quantity.after && /^[+＋]/.test(suffix)) {
    comparator = 'gte';
    suffix = suffix.slice(1);
  }
  const filler = quantity.unit === '%' ? /(?:全年|共计|共|累计|合计|总计|达到|达|均|都|已经|已|为|占|是)$/u : /(?:全年|共计|共|累计|合计|总计|达到|达|均|都|已经|已)$/u;
  for (let previous = ''; previous !== leading; ) {
    previous = leading;
    leading = leading.replace(filler, '');
  }
  const ownPrefix = leading.replace(/^(?:力争|确保|争取)/, '').replace(/^[的和及与并、]+/, '');
  // 慰问万名职工、千名劳模: a quantity with nothing before it shares the words before the quantity ahead of it.
  const prefix = ownPrefix || sharedPrefix;
  const indicator = `${prefix}${suffix}`.replace(/\s+/g, '').replace(/^[的和及与并、]+/, '') || clause.slice(segment.start, segment.end);
  return { target: { indicator, unit: quantity.unit, comparator, target: quantity.value }, prefix, suffix, sharesPrefix: !ownPrefix && Boolean(sharedPrefix) };
}

/** The comparator word nearest the number (不超过 over 超过); a multi-character one may stand a few words earlier (至少开展二十场). */
function nearestComparatorWord(before: string): { text: string; comparator: Comparator; at: number } | undefined {
  const candidates: { text: string; comparator: Comparator; at: number }[] = [];
  for (const [words, comparator] of [
    [GTE_BEFORE, 'gte'],
    [LTE_BEFORE, 'lte'],
  ] as const) {
    for (const text of words) {
      const at = before.lastIndexOf(text);
      if (at >= 0) candidates.push({ text, comparator, at });
    }
  }
  const trimmed = before.trimEnd();
  for (const [words, comparator] of [
    [GTE_ADJACENT, 'gte'],
    [LTE_ADJACENT, 'lte'],
  ] as const) {
    for (const text of words) if (trimmed.endsWith(text)) candidates.push({ text, comparator, at: trimmed.length - text.length });
  }
  let best: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    const end = c.at + c.text.length;
    const bestEnd = best ? best.at + best.text.length : -1;
    if (!best || end > bestEnd || (end === bestEnd && c.text.length > best.text.length)) best = c;
  }
  return best;
}

/** The connector nearest the next quantity between two quantities, or undefined when nothing joins them. */
function lastConnector(masked: string, from: number, to: number): { start: number; end: number } | undefined {
  for (let at = to - 1; at >= from; at--) {
    const pair = masked.slice(at - 1, at + 1);
    if (pair === '以及' && at - 1 >= from) return { start: at - 1, end: at + 1 };
    const ch = masked[at]!;
    if (!CONNECTORS.includes(ch)) continue;
    const notHere = NOT_A_CONNECTOR[ch];
    if (notHere && (notHere.before.includes(masked[at - 1] ?? '') || notHere.after.includes(masked[at + 1] ?? ''))) continue;
    return { start: at, end: at + 1 };
  }
  return undefined;
}

/** Replaces years, dates, ordinals, durations and names by □ (same length) and lists those holding a number. */
function maskLabelledSpans(clause: string, clauseNumber: number): { masked: string; labelled: { at: number; reading: NumberReading }[] } {
  let masked = clause;
  const labelled: { at: number; reading: NumberReading }[] = [];
  for (const { pattern, label } of LABELLED_SPANS) {
    for (const m of [...masked.matchAll(pattern)]) {
      const text = clause.slice(m.index, m.index + m[0].length);
      if (HAS_NUMERAL.test(m[0])) labelled.push({ at: m.index, reading: { text, clause: clauseNumber, label } });
      masked = masked.slice(0, m.index) + '□'.repeat(m[0].length) + masked.slice(m.index + m[0].length);
    }
  }
  return { masked, labelled };
}

/** The parser's refusal as the API's 400, naming the clause and the number it could not read. */
export function targetsTextError(outcome: Extract<ParseOutcome, { ok: false }>, field = 'targetsText'): DomainError {
  const why = refusalWhy(outcome.reason, outcome.part);
  // The clause is quoted in Chinese (and in details.fragment); the English text names it by position and stays ASCII.
  const which = outcome.clause ? `Clause ${outcome.clause} of the targets` : 'The targets text';
  return invalid(
    { zh: `无法解析指标“${outcome.fragment}”：${why.zh}`, en: `${which} cannot be parsed: ${why.en}` },
    { field, fragment: outcome.fragment, ...(outcome.clause ? { clause: outcome.clause } : {}), ...(outcome.part ? { part: outcome.part } : {}), reason: outcome.reason },
  );
}

function refusalWhy(reason: ParseRefusalReason, part: string | undefined): { zh: string; en: string } {
  const en = part === undefined ? undefined : asciiNumbers(part);
  const named = en ?? '(quoted in the Chinese message)';
  switch (reason) {
    case 'no_quantity':
      return { zh: '没有可量化的指标（数量和单位）', en: 'no quantity with a unit' };
    case 'empty':
      return { zh: '内容为空', en: 'empty text' };
    case 'unknown_unit':
      return part
        ? { zh: `“${part}”后没有可识别的单位（如 场、人次、个、名、万元、%）`, en: `the number ${named} is not followed by a unit word the parser knows (the Chinese message lists some)` }
        : { zh: '数字后没有可识别的单位（如 场、人次、个、名、万元、%）', en: 'the number is not followed by a unit word the parser knows (the Chinese message lists some)' };
    case 'ambiguous':
      return part
        ? {
            zh: `“${part}”与前一个数量之间没有“、”“和”“及”“与”等连接词，无法确定它属于哪个指标，请拆分成多句`,
            en: `the quantity ${named} follows another quantity with no list separator or conjunction between them, so its target is unclear; split the clause`,
          }
        : { zh: '含有多个数字，无法确定哪一个是目标值，请拆分成多句', en: 'more than one number; split it into separate clauses' };
    case 'range':
      return { zh: `“${part ?? ''}”是一个范围，请只写一个目标值（如 不少于100元）`, en: `${named} is a range; give a single target value (at least, at most or exactly)` };
    case 'fraction':
      return { zh: `“${part ?? ''}”是分数，请写成百分数（如 33%）`, en: `the fraction ${named} is not read as a target; write it as a percentage` };
    case 'zero':
      return { zh: `“${part ?? ''}”的目标值为0，目标值须大于0`, en: `the quantity ${named} is zero; a target must be greater than zero` };
    case 'unreadable_number':
      return {
        zh: `“${part ?? ''}”不是一个确定的数，请用数字写明目标值（如 30场）`,
        en: 'a number written in Chinese numerals is not one definite value (the Chinese message quotes it); write the target in digits',
      };
  }
}

/** The numbers of a refused part in ASCII for the English message: 2000名 → 2000, 三分之一 → 1/3, 100元～200元 → 100-200. */
function asciiNumbers(part: string): string | undefined {
  if (/^[\x20-\x7E]+$/.test(part)) return part;
  const fraction = new RegExp(`^([\\d${CN_NUMERAL}]+)分之([\\d.${CN_NUMERAL}]+)$`).exec(part);
  const values = fraction
    ? [fraction[2]!, fraction[1]!].map(numberValue)
    : [...part.matchAll(new RegExp(`(${ARABIC}|[${CN_NUMERAL}]+)(?:余|多)?(${MULTIPLIER})?`, 'g'))].map((m) => {
        const base = numberValue(m[1]!);
        return base === undefined ? undefined : round(base * multiplierValue(m[2] ?? ''));
      });
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  const separator = fraction ? '/' : /[～~\-—–至到]/.test(part) ? '-' : ' and ';
  return `${values.join(separator)}${part.includes('%') ? '%' : ''}`;
}

function numberValue(written: string): number | undefined {
  return /^\d/.test(written) ? Number(written) : chineseNumeral(written);
}

/** A short human form of a target: "≥ 20 场", "= 600 名", "≥ 90%". */
export function describeTarget(t: Pick<Target, 'comparator' | 'target' | 'unit'>): string {
  const sign = t.comparator === 'gte' ? '≥' : t.comparator === 'lte' ? '≤' : '';
  return `${sign}${sign ? ' ' : ''}${t.target.toLocaleString('zh-CN')}${t.unit === '%' ? '' : ' '}${t.unit}`;
}

function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/(\d)．(?=\d)/g, '$1.')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)，(?=\d{3}(?!\d))/g, '$1')
    .replace(/百分之(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)/g, '$1%')
    .replace(/\u3000/g, ' ')
    // 为 600 名职工 → 为600名职工; only spaces, as a line break separates clauses
    .replace(/(\d)[ \t\u00a0]+(?=[\u4e00-\u9fa5%])/g, '$1')
    .replace(/([\u4e00-\u9fa5])[ \t\u00a0]+(?=\d)/g, '$1');
}

const round = (n: number) => Math.round(n * 100) / 100;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
