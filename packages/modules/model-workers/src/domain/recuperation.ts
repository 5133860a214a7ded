import { z } from 'zod';
import { conflict, invalid } from '@ufp/core/errors';
import { levelRank, type HonourLevel } from './ladder.js';
import { treatmentLevelOn, type Person } from './person.js';

/**
 * 疗休养 (recuperation) batches with fair rotation: whoever has waited longest goes first, nobody twice within
 * `gapYears` (setting), and only people whose treatment in force reaches the batch's level.
 */

export const recuperationSettingsSchema = z.object({
  /** Nobody goes twice within this many years (default 3). */
  gapYears: z.number().int().min(0).max(20),
});
export type RecuperationSettings = z.infer<typeof recuperationSettingsSchema>;
export const defaultRecuperationSettings: RecuperationSettings = { gapYears: 3 };

export const batchSchema = z.object({
  batchId: z.string(),
  tenantId: z.string(),
  title: z.string(),
  destination: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number().int(),
  /** Lowest treatment level admitted (e.g. city: every 劳模 of the federation). */
  minLevel: z.string(),
  participants: z.array(z.object({ personId: z.string(), nameMasked: z.string(), addedOn: z.string(), addedBy: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Batch = z.infer<typeof batchSchema>;

/** When each person last went (batch start day), from every batch of the tenant. */
export function lastWentOn(batches: readonly Batch[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const b of batches) for (const p of b.participants) if ((last.get(p.personId) ?? '') < b.startsOn) last.set(p.personId, b.startsOn);
  return last;
}

const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;

export interface RotationCandidate {
  personId: string;
  nameMasked: string;
  level: HonourLevel;
  lastWentOn: string | null;
  birthDate: string;
}

/**
 * The rotation order for a batch: eligible people (living, not revoked, treatment ≥ the batch's level, not gone within
 * the gap before the batch starts, not already in it), never-gone first, then longest waited, then higher treatment,
 * then older. Deterministic: ties end on the person id.
 */
export function rotationOrder(people: readonly Person[], batch: Pick<Batch, 'startsOn' | 'minLevel' | 'participants'>, last: ReadonlyMap<string, string>, settings: RecuperationSettings): RotationCandidate[] {
  const inBatch = new Set(batch.participants.map((p) => p.personId));
  const gapStart = yearsBefore(batch.startsOn, settings.gapYears);
  return people
    .flatMap((p): RotationCandidate[] => {
      const level = treatmentLevelOn(p, batch.startsOn);
      if (!level || levelRank[level] < levelRank[batch.minLevel as HonourLevel] || inBatch.has(p.personId)) return [];
      const went = last.get(p.personId) ?? null;
      if (went && settings.gapYears > 0 && went > gapStart) return [];
      return [{ personId: p.personId, nameMasked: p.nameMasked, level, lastWentOn: went, birthDate: p.birthDate }];
    })
    .sort(
      (a, b) =>
        (a.lastWentOn ?? '') .localeCompare(b.lastWentOn ?? '') ||
        levelRank[b.level] - levelRank[a.level] ||
        a.birthDate.localeCompare(b.birthDate) ||
        a.personId.localeCompare(b.personId),
    );
}

export interface RotationExcluded {
  personId: string;
  nameMasked: string;
  level: HonourLevel;
  lastWentOn: string;
  /** The first batch start day on which the person may go again. */
  eligibleFrom: string;
}

/**
 * Who the rotation leaves out of a batch because they went within the gap (they would otherwise qualify): with the day
 * they last went and the first start day they may go again. Most recent first.
 */
export function excludedByGap(people: readonly Person[], batch: Pick<Batch, 'startsOn' | 'minLevel' | 'participants'>, last: ReadonlyMap<string, string>, settings: RecuperationSettings): RotationExcluded[] {
  if (settings.gapYears <= 0) return [];
  const inBatch = new Set(batch.participants.map((p) => p.personId));
  const gapStart = yearsBefore(batch.startsOn, settings.gapYears);
  return people
    .flatMap((p): RotationExcluded[] => {
      const level = treatmentLevelOn(p, batch.startsOn);
      const went = last.get(p.personId);
      if (!level || levelRank[level] < levelRank[batch.minLevel as HonourLevel] || inBatch.has(p.personId) || !went || went <= gapStart) return [];
      return [{ personId: p.personId, nameMasked: p.nameMasked, level, lastWentOn: went, eligibleFrom: yearsBefore(went, -settings.gapYears) }];
    })
    .sort((a, b) => b.lastWentOn.localeCompare(a.lastWentOn) || a.personId.localeCompare(b.personId));
}

/** Adding people to a batch: within capacity, each eligible under the rotation rules (a refusal names who and why). */
export function assertCanJoin(batch: Batch, add: readonly Person[], eligible: readonly RotationCandidate[]): void {
  if (batch.participants.length + add.length > batch.capacity) {
    throw conflict({ zh: `名额已满：本批次 ${batch.capacity} 人，已安排 ${batch.participants.length} 人`, en: `The batch is full: ${batch.capacity} places, ${batch.participants.length} taken` }, { field: 'personIds' });
  }
  const ok = new Set(eligible.map((e) => e.personId));
  for (const p of add) {
    if (!ok.has(p.personId)) throw invalid({ zh: `${p.nameMasked} 不符合本批次条件（待遇级别不足、已在批次中，或间隔不足）`, en: `${p.nameMasked} is not eligible for this batch (treatment level, already in it, or went too recently)` }, { field: 'personIds' });
  }
}
