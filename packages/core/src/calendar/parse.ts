import type { Bilingual } from '../errors.js';
import { isIsoDate } from './dates.js';

export type NoticeDay = string | readonly [string, string];

export interface ParsedEntry {
  raw: string;
  value?: NoticeDay;
  problem?: Bilingual;
}

const DATE = String.raw`(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?`;
const SEP = String.raw`\s*(?:~|～|–|—|至|到|\s-\s|\s+to\s+)\s*`;
const ENTRY = new RegExp(`^${DATE}(?:${SEP}${DATE})?$`);

function day(year: number, y: string | undefined, m: string, d: string): string {
  return `${y ?? year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Reads the days of a holiday notice as an operator pastes them: one entry per line (or
 * separated by `;` `；` `,` `，` `、`), each a day or a range, `MM-DD` within `year` or a full
 * date — `01-01–01-03`, `2027-10-01~2027-10-07`, `春节 02-06 至 02-12`, `02-07 (Sun)`. A leading
 * label and a trailing parenthesis are ignored; each entry keeps its raw text and any problem.
 */
export function parseNoticeDays(year: number, text: string): ParsedEntry[] {
  return text
    .split(/[\n;；,，、]+/)
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => {
      const core = raw
        .replace(/[（(][^）)]*[）)]\s*$/, '')
        .replace(/^[^\d]*/, '')
        .trim();
      const m = ENTRY.exec(core);
      if (!m) return { raw, problem: { zh: `无法识别「${raw}」：应为 MM-DD 或 MM-DD–MM-DD`, en: `Cannot read "${raw}": use MM-DD or MM-DD–MM-DD` } };
      const from = day(year, m[1], m[2]!, m[3]!);
      const to = m[5] ? day(year, m[4], m[5], m[6]!) : from;
      for (const d of [from, to]) {
        if (!isIsoDate(d)) return { raw, problem: { zh: `「${raw}」中的 ${d} 不是有效日期`, en: `${d} in "${raw}" is not a valid date` } };
      }
      return { raw, value: from === to ? from : ([from, to] as const) };
    });
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * Reads lines pasted verbatim from the State Council's notice — "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
 * 1月4日（周日）上班。" — into the form's own lines: each 放假 sentence gives one day or range (`01-01–01-03`), each
 * 上班 sentence its days. Undefined when the text is not in the notice's words (then it is read as plain lines).
 */
export function readStateCouncilNotice(text: string): { off: string[]; work: string[] } | undefined {
  if (!/放假|上班/.test(text)) return undefined;
  const off: string[] = [];
  const work: string[] = [];
  const plain = text.replace(/[（(][^）)]*[）)]/g, '');
  for (const sentence of plain.split(/[。；;\n]+/)) {
    if (sentence.includes('放假')) {
      const m = /(\d{1,2})月(\d{1,2})日(?:\s*(?:至|到|~|～|–|—|-)\s*(?:(\d{1,2})月)?(\d{1,2})日)?/.exec(sentence);
      if (!m) continue;
      const from = `${pad(m[1]!)}-${pad(m[2]!)}`;
      off.push(m[4] ? `${from}–${pad(m[3] ?? m[1]!)}-${pad(m[4])}` : from);
    } else if (sentence.includes('上班')) {
      for (const d of sentence.matchAll(/(\d{1,2})月(\d{1,2})日/g)) work.push(`${pad(d[1]!)}-${pad(d[2]!)}`);
    }
  }
  return { off, work };
}
