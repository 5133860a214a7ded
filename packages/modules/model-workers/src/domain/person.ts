import { z } from 'zod';
import { changesBetween } from '@ufp/core/audit/changes';
import { conflict, invalid } from '@ufp/core/errors';
import { storedEvidenceRef } from '@ufp/core/evidence/stored';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { honourRevoked, personHonoured, personStatusChanged } from '../events.js';
import { DeputyBody, Education, Gender, nextStatuses, Occupation, PersonStatus, PoliticalStatus, SkillGrade } from './enums.js';
import { HonourLevel, HonourCategory, levelRank, treatmentOf, type HonourType } from './ladder.js';

export { DeputyBody, Education, Gender, Occupation, PersonStatus, PoliticalStatus, SkillGrade };

/** A 劳模 / 工匠 person record (one per person per tenant, keyed by the blind index of the ID number). */

const date = z.string();

export const revocationSchema = z.object({ on: date, document: z.string(), reason: z.string(), by: z.string() });

export const personHonourSchema = z.object({
  honourId: z.string(),
  code: z.string(),
  /** Snapshots of the ladder entry when conferred (the ladder may change later; the honour does not). */
  title: z.object({ zh: z.string(), en: z.string() }),
  category: z.enum(HonourCategory.values),
  level: z.enum(HonourLevel.values),
  treatment: z.enum(HonourLevel.values),
  year: z.number().int(),
  conferredBy: z.string(),
  certificateNo: z.string().optional(),
  /** A reference typed before scans were uploaded (kept as recorded). */
  certificateKey: z.string().optional(),
  /** The uploaded, checked certificate scan (`modelWorkers.evidence`). */
  certificate: storedEvidenceRef.optional(),
  /** The nomination it came from, when conferred through a campaign. */
  nominationId: z.string().optional(),
  revoked: revocationSchema.optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type PersonHonour = z.infer<typeof personHonourSchema>;

export const employmentSchema = z.object({ employer: z.string(), from: date, to: date.optional(), position: z.string().optional() });
export const deputySchema = z.object({ body: z.enum(DeputyBody.values), level: z.enum(HonourLevel.values), term: z.string() });
export const statusEntrySchema = z.object({ status: z.enum(PersonStatus.values), on: date, by: z.string(), note: z.string().optional() });

export const personSchema = z.object({
  personId: z.string(),
  tenantId: z.string(),
  name: z.string(),
  nameMasked: z.string(),
  idMasked: z.string(),
  idEncrypted: z.string(),
  /** Tenant-scoped blind index of the ID number (one record per person per tenant). */
  idIndex: z.string(),
  /** Province-scoped blind index (the province sees one person across its federations). */
  provinceIndex: z.string(),
  gender: z.enum(Gender.values),
  birthDate: date,
  ethnicity: z.string(),
  politicalStatus: z.enum(PoliticalStatus.values),
  education: z.enum(Education.values),
  occupation: z.enum(Occupation.values),
  /** Works as a 农民工 (the quota rules count them). */
  migrantWorker: z.boolean(),
  skillGrade: z.enum(SkillGrade.values),
  trade: z.string().optional(),
  /** The grassroots union of the tenant the person belongs to now, when there is one. */
  unitId: z.string().optional(),
  employers: z.array(employmentSchema),
  phoneMasked: z.string().optional(),
  phoneEncrypted: z.string().optional(),
  deputies: z.array(deputySchema),
  status: z.enum(PersonStatus.values),
  statusHistory: z.array(statusEntrySchema),
  honours: z.array(personHonourSchema),
  createdBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** Honours in force on a day: conferred and not revoked on or before it. Revocation stops benefits from its day. */
export function honoursInForce(person: Pick<Person, 'honours'>, on: string): PersonHonour[] {
  return person.honours.filter((h) => !h.revoked || h.revoked.on > on);
}

/** The highest treatment level a person enjoys on a day (undefined: none in force, or the person is deceased / revoked). */
export function treatmentLevelOn(person: Pick<Person, 'honours' | 'status'>, on: string): HonourLevel | undefined {
  if (person.status === 'deceased' || person.status === 'revoked') return undefined;
  return highestLevel(honoursInForce(person, on).map((h) => h.treatment));
}

export function highestLevel(levels: readonly HonourLevel[]): HonourLevel | undefined {
  return levels.reduce<HonourLevel | undefined>((best, l) => (best === undefined || levelRank[l] > levelRank[best] ? l : best), undefined);
}

/** The highest honour level a person holds (revoked honours do not count). */
export const highestHonourLevel = (person: Pick<Person, 'honours'>, on: string) => highestLevel(honoursInForce(person, on).map((h) => h.level));

const personAudit = (before: Person, after: Person, action: string, summary: string) => ({
  action,
  entityType: 'modelWorkers.person',
  entityId: before.personId,
  summary,
  changes: changesBetween(honourSummary(before), honourSummary(after), ['status', 'honours', 'unitId']),
});

/** What the audit's before/after shows of a person: no ID, no phone. */
function honourSummary(p: Person) {
  return {
    status: p.status,
    honours: p.honours.map((h) => `${h.title.zh} ${h.year}${h.revoked ? `（${h.revoked.on} 撤销）` : ''}`).join('；'),
    unitId: p.unitId ?? '',
  };
}

export interface HonourAward {
  honourId: string;
  type: HonourType;
  year: number;
  conferredBy: string;
  certificateNo?: string;
  certificateKey?: string;
  nominationId?: string;
}

/** Records an honour the person received. The same honour twice in one year is refused; a revoked person gets none. */
export function awardHonour(before: Person, award: HonourAward, ctx: DecideContext): Decision<Person> {
  if (before.status === 'revoked') throw conflict({ zh: `${before.nameMasked} 的劳模称号已被撤销，不能再记录荣誉`, en: "This person's title has been revoked: no honour can be recorded" }, { field: 'personId' });
  if (award.year > Number(ctx.today.slice(0, 4))) throw invalid({ zh: `授予年度 ${award.year} 晚于今年`, en: `Year ${award.year} is after this year` }, { field: 'year' });
  if (before.honours.some((h) => h.code === award.type.code && h.year === award.year && !h.revoked)) {
    throw conflict({ zh: `${before.nameMasked} 已记录 ${award.year} 年的「${award.type.name.zh}」`, en: `${award.type.name.en} ${award.year} is already recorded for this person` }, { field: 'code' });
  }
  const honour: PersonHonour = {
    honourId: award.honourId,
    code: award.type.code,
    title: award.type.name,
    category: award.type.category,
    level: award.type.level,
    treatment: treatmentOf(award.type),
    year: award.year,
    conferredBy: award.conferredBy,
    certificateNo: award.certificateNo,
    certificateKey: award.certificateKey,
    nominationId: award.nominationId,
    recordedBy: ctx.scope.actor.sub,
    recordedAt: ctx.now.toISOString(),
  };
  const after: Person = { ...before, honours: [...before.honours, honour].sort((a, b) => b.year - a.year || levelRank[b.level] - levelRank[a.level]), updatedAt: ctx.now.toISOString() };
  return {
    after,
    events: [personHonoured.create({ personId: before.personId, honourId: honour.honourId, code: honour.code, level: honour.level, year: honour.year, metrics: honourMetrics(before, after, ctx.today) })],
    audit: personAudit(before, after, 'modelWorkers.honours.award', `记录 ${before.nameMasked} 获得 ${award.year} 年「${award.type.name.zh}」`),
  };
}

export interface Revocation {
  honourId: string;
  on: string;
  document: string;
  reason: string;
}

/** 撤销 an honour: its benefits stop from `on` (benefit grants on or after that day are refused). */
export function revokeHonour(before: Person, input: Revocation, ctx: DecideContext): Decision<Person> {
  const honour = before.honours.find((h) => h.honourId === input.honourId);
  if (!honour) throw invalid({ zh: '该人员没有这项荣誉记录', en: 'This person has no such honour' }, { field: 'honourId' });
  if (honour.revoked) throw conflict({ zh: `「${honour.title.zh}」已于 ${honour.revoked.on} 撤销`, en: `${honour.title.en} was already revoked on ${honour.revoked.on}` }, { field: 'honourId' });
  if (input.on > ctx.today) throw invalid({ zh: `撤销日期 ${input.on} 晚于今天`, en: `Revocation date ${input.on} is after today` }, { field: 'on' });
  if (input.on < `${honour.year}-01-01`) throw invalid({ zh: `撤销日期早于授予年度 ${honour.year}`, en: `Revocation date is before the year conferred (${honour.year})` }, { field: 'on' });
  const revoked = { on: input.on, document: input.document, reason: input.reason, by: ctx.scope.actor.sub };
  const after: Person = { ...before, honours: before.honours.map((h) => (h.honourId === input.honourId ? { ...h, revoked } : h)), updatedAt: ctx.now.toISOString() };
  return {
    after,
    events: [honourRevoked.create({ personId: before.personId, honourId: honour.honourId, code: honour.code, level: honour.level, revokedOn: input.on, metrics: honourMetrics(before, after, ctx.today) })],
    audit: personAudit(before, after, 'modelWorkers.honours.revoke', `撤销 ${before.nameMasked} 的「${honour.title.zh}」（${input.document}，自 ${input.on} 起停止待遇）`),
  };
}



/** 在职 → 退休 → 去世; 撤销 (the whole title) from any living state. Deceased and revoked are final. */
export function changeStatus(before: Person, input: { status: PersonStatus; on: string; note?: string }, ctx: DecideContext): Decision<Person> {
  if (!nextStatuses[before.status].includes(input.status)) {
    throw conflict({ zh: `不能从「${PersonStatus.labels[before.status].zh}」改为「${PersonStatus.labels[input.status].zh}」`, en: `Cannot change from ${PersonStatus.labels[before.status].en} to ${PersonStatus.labels[input.status].en}` }, { field: 'status' });
  }
  if (input.on > ctx.today) throw invalid({ zh: `日期 ${input.on} 晚于今天`, en: `Date ${input.on} is after today` }, { field: 'on' });
  const last = before.statusHistory.at(-1);
  if (last && input.on < last.on) throw invalid({ zh: `日期早于上一次状态变更（${last.on}）`, en: `Date is before the last status change (${last.on})` }, { field: 'on' });
  const after: Person = {
    ...before,
    status: input.status,
    statusHistory: [...before.statusHistory, { status: input.status, on: input.on, by: ctx.scope.actor.sub, note: input.note }],
    updatedAt: ctx.now.toISOString(),
  };
  return {
    after,
    events: [personStatusChanged.create({ personId: before.personId, from: before.status, to: input.status, on: input.on, metrics: honourMetrics(before, after, ctx.today) })],
    audit: personAudit(before, after, 'modelWorkers.people.setStatus', `${before.nameMasked}：${PersonStatus.labels[before.status].zh} → ${PersonStatus.labels[input.status].zh}（${input.on}）`),
  };
}

/**
 * Rollup deltas (stock): honoured people by their highest level in force and by status. The
 * counter moves from the before-state's bucket to the after-state's, so replays never double count.
 */
export function honourMetrics(before: Pick<Person, 'honours' | 'status'> | undefined, after: Pick<Person, 'honours' | 'status'>, on: string): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  for (const [p, sign] of [[before, -1], [after, 1]] as const) {
    if (!p) continue;
    const level = highestHonourLevel(p, on);
    if (!level) continue;
    add('modelWorkers.people', sign);
    add(`modelWorkers.people.${level}`, sign);
    add(`modelWorkers.people.status.${p.status}`, sign);
  }
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}
