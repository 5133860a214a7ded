import { z } from 'zod';
import { conflict, invalid } from '@ufp/core/errors';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { visitLogged } from '../events.js';
import { Occupation } from './enums.js';
import { RequestStatus } from './visit-enums.js';
import { levelRank, type HonourLevel } from './ladder.js';
import { treatmentLevelOn, type Person } from './person.js';

/**
 * 劳模工匠助企行: an enterprise files a service request (its need and the skills it wants), staff match 劳模/工匠
 * to it, and each visit is logged (who went, problems solved, workers trained). A visit closes the request or
 * leaves it in service.
 */

export { RequestStatus };

export const serviceRequestSchema = z.object({
  requestId: z.string(),
  tenantId: z.string(),
  enterprise: z.string(),
  /** The member unit (grassroots union) of the enterprise, when it is one. */
  unitId: z.string().optional(),
  need: z.string(),
  skills: z.array(z.string()),
  occupation: z.enum(Occupation.values).optional(),
  /** The contact (name and phone) as JSON, encrypted with the tenant's key; masked forms beside. */
  contactEncrypted: z.string(),
  contactNameMasked: z.string(),
  phoneMasked: z.string(),
  status: z.enum(RequestStatus.values),
  matchedPersonIds: z.array(z.string()),
  filedOn: z.string(),
  filedBy: z.string(),
  visitCount: z.number().int(),
  problemsSolved: z.number().int(),
  peopleTrained: z.number().int(),
  lastVisitOn: z.string().optional(),
  closedOn: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const visitSchema = z.object({
  visitId: z.string(),
  requestId: z.string(),
  tenantId: z.string(),
  visitedOn: z.string(),
  personIds: z.array(z.string()),
  problemsSolved: z.number().int(),
  peopleTrained: z.number().int(),
  note: z.string().optional(),
  closes: z.boolean(),
  loggedBy: z.string(),
  loggedAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

export interface MatchCandidate {
  personId: string;
  name: string;
  nameMasked: string;
  trade: string | null;
  occupation: Occupation;
  level: HonourLevel;
  /** The wanted skills the person's trade answers. */
  skillMatches: string[];
  occupationMatch: boolean;
  visitsThisYear: number;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A wanted skill matches a trade when either contains the other (焊工 ~ 电焊工, 数控 ~ 数控车工), spaces and case aside. */
export function skillMatches(trade: string | undefined, skills: readonly string[]): string[] {
  const t = trade ? norm(trade) : '';
  if (!t) return [];
  return skills.filter((s) => {
    const k = norm(s);
    return k.length > 0 && (t.includes(k) || k.includes(t));
  });
}

/**
 * Who could answer a request, best first: only people with an honour in force on `on` (not deceased, not revoked)
 * whose trade answers at least one wanted skill, or whose occupation is the one asked for. Order: more skills
 * matched, then the occupation asked for, then fewer visits this year (the load is shared), then the higher
 * treatment level, then the person id (deterministic).
 */
export function rankMatches(
  people: readonly Person[],
  request: Pick<ServiceRequest, 'skills' | 'occupation'>,
  visitsThisYear: ReadonlyMap<string, number>,
  on: string,
): MatchCandidate[] {
  return people
    .flatMap((p): MatchCandidate[] => {
      const level = treatmentLevelOn(p, on);
      if (!level) return [];
      const matched = skillMatches(p.trade, request.skills);
      const occupationMatch = request.occupation !== undefined && p.occupation === request.occupation;
      if (matched.length === 0 && !occupationMatch) return [];
      return [{ personId: p.personId, name: p.name, nameMasked: p.nameMasked, trade: p.trade ?? null, occupation: p.occupation, level, skillMatches: matched, occupationMatch, visitsThisYear: visitsThisYear.get(p.personId) ?? 0 }];
    })
    .sort(
      (a, b) =>
        b.skillMatches.length - a.skillMatches.length ||
        Number(b.occupationMatch) - Number(a.occupationMatch) ||
        a.visitsThisYear - b.visitsThisYear ||
        levelRank[b.level] - levelRank[a.level] ||
        a.personId.localeCompare(b.personId),
    );
}

/** Visits per person in a year (each visit a person went on counts one), for load balancing. */
export function visitsPerPerson(visits: readonly Pick<Visit, 'personIds' | 'visitedOn'>[], year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of visits) if (v.visitedOn.startsWith(`${year}-`)) for (const id of v.personIds) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

const requestAudit = (before: ServiceRequest, action: string, summary: string, after: ServiceRequest) => ({
  action,
  entityType: 'modelWorkers.visitRequest',
  entityId: before.requestId,
  summary,
  changes: { status: { from: before.status, to: after.status } },
});

/** People sent must be living, not revoked, with an honour in force on the day (names refused by masked name). */
function assertCanServe(people: readonly Person[], on: string, field: string): void {
  const ids = new Set<string>();
  for (const p of people) {
    if (ids.has(p.personId)) throw invalid({ zh: `${p.nameMasked} 重复`, en: `${p.nameMasked} is listed twice` }, { field });
    ids.add(p.personId);
    if (!treatmentLevelOn(p, on)) {
      throw invalid({ zh: `${p.nameMasked} 已去世、称号已撤销或没有有效荣誉，不能参加助企行`, en: `${p.nameMasked} is deceased, revoked or holds no honour in force` }, { field });
    }
  }
}

const assertOpen = (before: ServiceRequest) => {
  if (before.status === 'closed') throw conflict({ zh: `该需求已于 ${before.closedOn} 办结`, en: `The request was closed on ${before.closedOn}` }, { field: 'requestId' });
};

/** Staff match people to a request: it becomes 已匹配 (a request in service stays so). */
export function matchPeople(before: ServiceRequest, people: readonly Person[], ctx: DecideContext): Decision<ServiceRequest> {
  assertOpen(before);
  assertCanServe(people, ctx.today, 'personIds');
  const after: ServiceRequest = {
    ...before,
    status: before.status === 'in_progress' ? 'in_progress' : 'matched',
    matchedPersonIds: people.map((p) => p.personId),
    updatedAt: ctx.now.toISOString(),
  };
  return { after, audit: requestAudit(before, 'modelWorkers.visits.match', `助企行「${before.enterprise}」匹配：${people.map((p) => p.nameMasked).join('、')}`, after) };
}

export interface VisitInput {
  visitId: string;
  visitedOn: string;
  problemsSolved: number;
  peopleTrained: number;
  note?: string;
  closes: boolean;
}

/** The rollup deltas of one visit (flow): visits, 劳模工匠 人次 sent, problems solved and workers trained. */
export function visitMetrics(visit: Pick<Visit, 'personIds' | 'problemsSolved' | 'peopleTrained'>): Record<string, number> {
  const out: Record<string, number> = { 'modelWorkers.visits': 1, 'modelWorkers.visits.workerTimes': visit.personIds.length };
  if (visit.problemsSolved) out['modelWorkers.visits.problemsSolved'] = visit.problemsSolved;
  if (visit.peopleTrained) out['modelWorkers.visits.peopleTrained'] = visit.peopleTrained;
  return out;
}

/**
 * A visit is logged on a request not closed, on a day between its filing and today, by people able to serve on
 * that day. It adds to the request's totals and closes it (`closes`) or leaves it in service. The event carries
 * the numbers and the visit's year, never a name.
 */
export function logVisit(before: ServiceRequest, input: VisitInput, people: readonly Person[], ctx: DecideContext): { decision: Decision<ServiceRequest>; visit: Visit } {
  assertOpen(before);
  if (input.visitedOn > ctx.today) throw invalid({ zh: `走访日期 ${input.visitedOn} 晚于今天`, en: `The visit date ${input.visitedOn} is after today` }, { field: 'visitedOn' });
  if (input.visitedOn < before.filedOn) throw invalid({ zh: `走访日期早于需求登记日期（${before.filedOn}）`, en: `The visit date is before the request was filed (${before.filedOn})` }, { field: 'visitedOn' });
  if (people.length === 0) throw invalid({ zh: '请选择参加走访的劳模工匠', en: 'Choose who went' }, { field: 'personIds' });
  assertCanServe(people, input.visitedOn, 'personIds');
  const visit: Visit = {
    visitId: input.visitId,
    requestId: before.requestId,
    tenantId: before.tenantId,
    visitedOn: input.visitedOn,
    personIds: people.map((p) => p.personId),
    problemsSolved: input.problemsSolved,
    peopleTrained: input.peopleTrained,
    note: input.note,
    closes: input.closes,
    loggedBy: ctx.scope.actor.sub,
    loggedAt: ctx.now.toISOString(),
  };
  const after: ServiceRequest = {
    ...before,
    status: input.closes ? 'closed' : 'in_progress',
    closedOn: input.closes ? ctx.today : undefined,
    visitCount: before.visitCount + 1,
    problemsSolved: before.problemsSolved + input.problemsSolved,
    peopleTrained: before.peopleTrained + input.peopleTrained,
    lastVisitOn: before.lastVisitOn && before.lastVisitOn > input.visitedOn ? before.lastVisitOn : input.visitedOn,
    updatedAt: ctx.now.toISOString(),
  };
  const year = Number(input.visitedOn.slice(0, 4));
  const event = visitLogged.create({
    visitId: visit.visitId,
    requestId: before.requestId,
    problemsSolved: visit.problemsSolved,
    peopleTrained: visit.peopleTrained,
    workers: visit.personIds.length,
    closes: visit.closes,
    year,
    metrics: visitMetrics(visit),
  });
  const summary = `助企行「${before.enterprise}」走访 ${input.visitedOn}：${people.map((p) => p.nameMasked).join('、')}，解决难题 ${input.problemsSolved} 项，培训职工 ${input.peopleTrained} 人次${input.closes ? '，办结' : ''}`;
  return { decision: { after, events: [event], audit: requestAudit(before, 'modelWorkers.visits.log', summary, after) }, visit };
}

// ── 走访记录 across requests ───────────────────────────────────────────────────────────────
export interface VisitLogFilter {
  from?: string;
  to?: string;
  personId?: string;
  /** Solved at least one problem (true) or none (false). */
  solved?: boolean;
}

/** A day range is read with both days included; a start after the end is refused at `to`. */
export function assertVisitRange(filter: Pick<VisitLogFilter, 'from' | 'to'>): void {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid({ zh: `结束日期 ${filter.to} 早于开始日期 ${filter.from}`, en: `The end date ${filter.to} is before the start date ${filter.from}` }, { field: 'to' });
  }
}

/** Where a visit sits in the log (and its store sort key): the day, then its id (ids sort by the time they were minted). */
export const visitLogKey = (v: Pick<Visit, 'visitedOn' | 'visitId'>) => `${v.visitedOn}#${v.visitId}`;

/** The visits a filter keeps (the day range both ends included), newest first: by day, then the later logged. */
export function selectVisitLogs<V extends Pick<Visit, 'visitedOn' | 'personIds' | 'problemsSolved' | 'visitId'>>(visits: readonly V[], filter: VisitLogFilter): V[] {
  return visits
    .filter(
      (v) =>
        (!filter.from || v.visitedOn >= filter.from) &&
        (!filter.to || v.visitedOn <= filter.to) &&
        (!filter.personId || v.personIds.includes(filter.personId)) &&
        (filter.solved === undefined || v.problemsSolved > 0 === filter.solved),
    )
    .sort((a, b) => (visitLogKey(a) < visitLogKey(b) ? 1 : visitLogKey(a) > visitLogKey(b) ? -1 : 0));
}

/** The totals of a list of visits: visits, 劳模工匠 人次 sent, problems solved, workers trained (人次). */
export function visitTotals(visits: readonly Pick<Visit, 'personIds' | 'problemsSolved' | 'peopleTrained'>[]) {
  return visits.reduce((t, v) => ({ visits: t.visits + 1, workerTimes: t.workerTimes + v.personIds.length, problemsSolved: t.problemsSolved + v.problemsSolved, peopleTrained: t.peopleTrained + v.peopleTrained }), {
    visits: 0,
    workerTimes: 0,
    problemsSolved: 0,
    peopleTrained: 0,
  });
}
