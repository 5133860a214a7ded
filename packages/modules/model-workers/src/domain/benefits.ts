import { z } from 'zod';
import { conflict, invalid } from '@ufp/core/errors';
import { HonourLevel, levelRank } from './ladder.js';
import { PersonStatus } from './enums.js';
import { highestLevel, type Person, type PersonHonour } from './person.js';

/**
 * The 劳模 benefits ledger (anchors §3 "Benefits example"): 专项补助, 荣誉津贴 and 春节慰问, paid by the person's
 * treatment level (享受…待遇) on the grant day, against the tenant's per-year budget. Amounts are per-tenant
 * settings in fen; the defaults follow the anchors' local example (春节慰问 ¥500 省部级 and ¥300 市级; 荣誉津贴
 * ¥100 / ¥80 / ¥60 a month for 全国 / 省部级 / 市级).
 */

export { BenefitKind } from './enums.js';
import { BenefitKind } from './enums.js';

const levelAmounts = z.object(Object.fromEntries(HonourLevel.values.map((l) => [l, z.number().int().min(0)])) as Record<HonourLevel, z.ZodNumber>);
export const benefitAmountsSchema = z.object(Object.fromEntries(BenefitKind.values.map((k) => [k, levelAmounts])) as Record<BenefitKind, typeof levelAmounts>);
export type BenefitAmounts = z.infer<typeof benefitAmountsSchema>;

/** The amounts a tenant starts from (fen). 专项补助's are the most one grant may pay (the amount is entered). */
export const defaultBenefitAmounts: BenefitAmounts = {
  special_subsidy: { national: 500_000, provincial: 300_000, city: 200_000, county: 100_000 },
  honour_allowance: { national: 10_000, provincial: 8_000, city: 6_000, county: 0 },
  spring_festival: { national: 100_000, provincial: 50_000, city: 30_000, county: 20_000 },
};

/** The honours that count on a day: conferred by then (their year), whether revoked or not. */
const conferredBy = (person: Pick<Person, 'honours'>, on: string) => person.honours.filter((h) => h.year <= Number(on.slice(0, 4)));

/** The latest revocation on or before a day among the honours that would otherwise qualify. */
function lastRevocation(honours: readonly PersonHonour[], on: string): PersonHonour | undefined {
  return honours.filter((h) => h.revoked && h.revoked.on <= on).sort((a, b) => b.revoked!.on.localeCompare(a.revoked!.on) || levelRank[b.treatment] - levelRank[a.treatment])[0];
}

export interface BenefitEntitlement {
  level: HonourLevel;
  amountFen: number;
  /** Set when a higher honour was revoked by the grant day and a lower one still pays (the grant says so). */
  reducedBy?: { title: string; revokedOn: string };
}

/**
 * What a person is paid for a benefit on a day. Refused (409) for a deceased person or one whose title was revoked
 * (撤销), and for a person with no honour in force on that day: when it is a revocation that stopped it, the refusal
 * names the honour and the day ("「全国五一劳动奖章」已于 2026-05-10 撤销，自该日起停止待遇"). The revocation day
 * itself is stopped. A higher honour revoked while a lower one stays in force pays at the lower level.
 * 专项补助 pays the amount entered, up to its level's maximum; the others pay their level's amount.
 */
export function entitlement(person: Pick<Person, 'honours' | 'status' | 'statusHistory' | 'nameMasked'>, kind: BenefitKind, on: string, amounts: BenefitAmounts, requestedFen?: number): BenefitEntitlement {
  if (person.status === 'deceased' || person.status === 'revoked') {
    const since = [...person.statusHistory].reverse().find((s) => s.status === person.status)?.on;
    const label = PersonStatus.labels[person.status];
    throw conflict(
      { zh: `${person.nameMasked} 的状态为「${label.zh}」${since ? `（${since}）` : ''}，不能发放待遇`, en: `This person's status is ${label.en}${since ? ` (${since})` : ''}: no benefit can be granted` },
      { field: 'personId', reason: `person_${person.status}` },
    );
  }
  const honours = conferredBy(person, on);
  const inForce = honours.filter((h) => !h.revoked || h.revoked.on > on);
  const level = highestLevel(inForce.map((h) => h.treatment));
  const revoked = lastRevocation(honours, on);
  if (!level) {
    if (revoked) {
      throw conflict(
        { zh: `「${revoked.title.zh}」已于 ${revoked.revoked!.on} 撤销，自该日起停止待遇`, en: `${revoked.title.en} was revoked on ${revoked.revoked!.on}: benefits stopped from that day` },
        { field: 'personId', reason: 'honour_revoked' },
      );
    }
    throw conflict({ zh: `${person.nameMasked} 在 ${on} 没有有效的劳模荣誉，不能发放待遇`, en: `This person holds no honour in force on ${on}` }, { field: 'personId', reason: 'no_honour' });
  }
  const table = amounts[kind][level];
  if (kind === 'special_subsidy') {
    if (requestedFen === undefined || requestedFen <= 0) throw invalid({ zh: '请填写专项补助金额', en: 'Enter the amount of the special subsidy' }, { field: 'amountFen' });
    if (requestedFen > table) {
      throw invalid({ zh: `专项补助不能超过${HonourLevel.labels[level].zh}待遇的上限 ¥${table / 100}`, en: `A special subsidy at ${HonourLevel.labels[level].en} level is at most ¥${table / 100}` }, { field: 'amountFen' });
    }
  } else if (requestedFen !== undefined && requestedFen !== table) {
    throw invalid({ zh: `${BenefitKind.labels[kind].zh}按待遇级别发放（${HonourLevel.labels[level].zh} ¥${table / 100}），不能另填金额`, en: `${BenefitKind.labels[kind].en} is paid by level (¥${table / 100})` }, { field: 'amountFen' });
  }
  const amountFen = kind === 'special_subsidy' ? requestedFen! : table;
  if (amountFen <= 0) {
    throw conflict({ zh: `${HonourLevel.labels[level].zh}待遇没有「${BenefitKind.labels[kind].zh}」`, en: `No ${BenefitKind.labels[kind].en} at ${HonourLevel.labels[level].en} level` }, { field: 'kind', reason: 'no_amount' });
  }
  const best = highestLevel(honours.map((h) => h.treatment));
  const reducedBy = revoked && best && levelRank[best] > levelRank[level] ? { title: revoked.title.zh, revokedOn: revoked.revoked!.on } : undefined;
  return { level, amountFen, reducedBy };
}

/** The key a grant is unique under: 春节慰问 once per person and year, 荣誉津贴 once per person and month, 专项补助 unrestricted. */
export function grantSlot(kind: BenefitKind, personId: string, on: string): string | undefined {
  if (kind === 'spring_festival') return `${personId}#${on.slice(0, 4)}#${kind}`;
  if (kind === 'honour_allowance') return `${personId}#${on.slice(0, 7)}#${kind}`;
  return undefined;
}
