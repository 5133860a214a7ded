import { z } from 'zod';
import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { addDays } from '@ufp/core/calendar/dates';
import { conflict, invalid } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import type { Campaign } from './campaign.js';

/**
 * 公示: after county review the list is published for a number of WORKING days on the legal-clock
 * calendar (the holiday notices, 调休 included). The first day counts when it is a working day; a start
 * on a rest day counts from the next working day. Objections are taken from the first to the last day.
 */

/** The last day of a 公示 of `days` working days starting `startsOn`. */
export function publicityEndsOn(calendar: WorkCalendar, startsOn: string, days: number): string {
  return calendar.deadline(addDays(startsOn, -1), days, 'working').dueOn;
}

export type PublicityPhase = 'none' | 'upcoming' | 'running' | 'ended';

export function publicityPhase(c: Pick<Campaign, 'publicity'>, today: string): PublicityPhase {
  if (!c.publicity) return 'none';
  if (today < c.publicity.startsOn) return 'upcoming';
  return today <= c.publicity.endsOn ? 'running' : 'ended';
}

/** Starts the 公示 of the reviewed list (at least one reviewed nomination; none still awaiting review). */
export function startPublicity(before: Campaign, input: { startsOn: string; endsOn: string; reviewed: number; awaitingReview: number }, ctx: DecideContext): Decision<Campaign> {
  if (before.status !== 'open') throw conflict({ zh: '只有推荐中的评选可以开始公示', en: 'Only an open campaign can start its public notice' }, { field: 'status' });
  if (input.startsOn < ctx.today) throw invalid({ zh: `公示开始日 ${input.startsOn} 早于今天`, en: `The notice cannot start before today (${input.startsOn})` }, { field: 'startsOn' });
  if (input.reviewed === 0) throw conflict({ zh: '没有通过县级审核的人选，不能公示', en: 'No nominee has passed the county review: nothing to publish' }, { field: 'campaignId' });
  if (input.awaitingReview > 0) throw conflict({ zh: `还有 ${input.awaitingReview} 名人选待县级审核或退回，公示前须全部处理`, en: `${input.awaitingReview} nominee(s) still await the county review` }, { field: 'campaignId' });
  const after: Campaign = { ...before, status: 'publicity', publicity: { startsOn: input.startsOn, endsOn: input.endsOn, by: ctx.scope.actor.sub }, updatedAt: ctx.now.toISOString() };
  return {
    after,
    audit: {
      action: 'modelWorkers.campaigns.startPublicity',
      entityType: 'modelWorkers.campaign',
      entityId: before.campaignId,
      summary: `评选「${before.title}」公示 ${input.reviewed} 名人选：${input.startsOn} 至 ${input.endsOn}（${before.publicityDays} 个工作日）`,
      changes: { status: { from: before.status, to: after.status } },
    },
  };
}

export const ObjectionOutcome = defineEnum({
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
});
export type ObjectionOutcome = (typeof ObjectionOutcome.values)[number];

export const objectionSchema = z.object({
  objectionId: z.string(),
  tenantId: z.string(),
  campaignId: z.string(),
  nominationId: z.string(),
  text: z.string(),
  receivedOn: z.string(),
  receivedAt: z.string(),
  decision: z.object({ outcome: z.enum(ObjectionOutcome.values), reason: z.string(), by: z.string(), on: z.string() }).optional(),
  version: z.number().int(),
});
export type Objection = z.infer<typeof objectionSchema>;

/** An objection is taken only while the 公示 runs. */
export function assertObjectionWindow(c: Pick<Campaign, 'publicity'>, today: string): void {
  const phase = publicityPhase(c, today);
  if (phase !== 'running') {
    throw conflict(
      c.publicity
        ? { zh: `公示期为 ${c.publicity.startsOn} 至 ${c.publicity.endsOn}，不在公示期内不受理异议`, en: `Objections are taken during the notice only (${c.publicity.startsOn} to ${c.publicity.endsOn})` }
        : { zh: '该名单尚未公示', en: 'This list is not on public notice' },
      { field: 'nominationId', reason: 'not_in_publicity' },
    );
  }
}

export function decideObjection(before: Objection, input: { outcome: ObjectionOutcome; reason: string }, ctx: DecideContext): Decision<Objection> {
  if (before.decision) throw conflict({ zh: `该异议已于 ${before.decision.on} 处理（${ObjectionOutcome.labels[before.decision.outcome].zh}）`, en: `This objection was decided on ${before.decision.on}` }, { field: 'objectionId' });
  const after: Objection = { ...before, decision: { outcome: input.outcome, reason: input.reason, by: ctx.scope.actor.sub, on: ctx.today } };
  return {
    after,
    audit: {
      action: 'modelWorkers.objections.decide',
      entityType: 'modelWorkers.objection',
      entityId: before.objectionId,
      summary: `处理公示异议：${ObjectionOutcome.labels[input.outcome].zh}`,
      changes: { outcome: { from: null, to: input.outcome } },
    },
  };
}
