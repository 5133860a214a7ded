import { z } from 'zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { EntryType } from './domain/ledger.js';
import { ItemStatus } from './domain/status.js';

/** The plan's year: every 十件实事 indicator is a period indicator of its plan's year. */
const year = z.number().int();
const ids = { planId: z.string(), itemId: z.string() };

export const planCreated = defineEvent('tenThings.plan.created', z.object({ planId: z.string(), year }));

/** The vote (or the plenary's decision on a tie) adopted these items; metrics count them by status. */
export const planAdopted = defineEvent(
  'tenThings.plan.adopted',
  z.object({ planId: z.string(), adopted: z.number().int(), itemIds: z.array(z.string()), ...metricFields, year }),
);

export const itemAssigned = defineEvent('tenThings.item.assigned', z.object({ ...ids, coUnits: z.number().int() }));

export const itemRated = defineEvent('tenThings.item.rated', z.object({ ...ids, score: z.number().int().min(1).max(5), ...metricFields, year }));

/** A ledger entry (report, correction or event-fed) and the item's completion and status after it. */
export const progressReported = defineEvent(
  'tenThings.progress.reported',
  z.object({
    ...ids,
    entryId: z.string(),
    entryType: z.enum(EntryType.values),
    targetIndex: z.number().int().min(0),
    quantity: z.number(),
    completionBp: z.number().int(),
    status: z.enum(ItemStatus.values),
    ...metricFields,
    year,
  }),
);

export const itemCompleted = defineEvent('tenThings.item.completed', z.object({ ...ids, year }));

/** The daily tick moved an item's status (time alone: the elapsed share of the year, the deadlines). */
export const itemStatusChanged = defineEvent(
  'tenThings.item.statusChanged',
  z.object({ ...ids, from: z.enum(ItemStatus.values), to: z.enum(ItemStatus.values), on: z.string(), ...metricFields, year }),
);

/** 结项: the plan was closed after its year-end 测评 (its items take no more changes). */
export const planClosed = defineEvent('tenThings.plan.closed', z.object({ planId: z.string(), items: z.number().int(), done: z.number().int(), year }));

export const tenThingsEvents = [planCreated, planAdopted, itemAssigned, itemRated, progressReported, itemCompleted, itemStatusChanged, planClosed] as const;
