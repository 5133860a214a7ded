import { resultsFinalized, type Winner } from '@ufp/competitions/events';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskIdNumber, maskName } from '@ufp/core/pii/mask';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork, type WriteContext } from '@ufp/db/unit-of-work';
import { intoEffects } from '@ufp/kit/consumer-effects';
import { defineImportConsumer } from '@ufp/kit/import-jobs';
import { defineConsumer, type ConsumerDeps } from '@ufp/kit/module';
import { z } from 'zod';
import { draftIdOf, verifyPathOf, type Draft } from './domain/draft.js';
import { Gender, SkillGrade } from './domain/enums.js';
import { findHonour } from './domain/ladder.js';
import { DraftStore } from './drafts-store.js';
import { registryImportStepQueued } from './events.js';
import { REGISTRY_STEP_MILLIS, registryImporter } from './service/registry-job.js';
import { cipherField } from './service/context.js';
import { ModelWorkerStore } from './store.js';

/** The cipher context the 技能竞赛 module seals a winner under (`cipherField.handoff` there). */
export const RESULTS_HANDOFF_FIELD = 'competitions.results.handoff';

/** The actor of the writes this hand-over makes (audit entries). */
export const RESULTS_ACTOR = { sub: 'system:competitions', name: '技能竞赛成绩确定', roles: [] } as const;

/** What the 技能竞赛 module seals for 劳模 (parsed with 劳模's own schema: a misfit fails the delivery loudly). */
const sealedPersonSchema = z.object({
  name: z.string().min(1),
  idNumber: z.string().min(15),
  gender: z.enum(Gender.values),
  birthDate: z.string(),
  unitId: z.string().optional(),
  skillGrade: z.enum(SkillGrade.values).optional(),
});

/** A transaction holds 100 items: the drafts of one delivery are committed in chunks of this many (a draft and its audit entry each). */
const DRAFTS_PER_COMMIT = 40;

type Finalized = ReturnType<typeof resultsFinalized.parse>;

/**
 * 技能竞赛成绩确定 → 劳模推荐草稿 (issue #16). The final results name winners with the honours the competition's rules
 * recommend; 劳模 opens one pre-filled nomination draft per (赛项, contestant, honour), with the result attached as
 * evidence (the 赛项's public verification page). Staff adopt or dismiss it (service/drafts.ts).
 *
 * Exactly once: the draft id is derived from (赛项, contestant, honour), a delivery skips the drafts it finds, and each
 * draft is a conditional create — so a redelivery (the same event id, which the processed marker already stops, or a
 * new one with the same content) never opens a second draft; a concurrent twin fails its transaction, is retried and
 * then finds the drafts.
 *
 * The winner arrives sealed under the tenant's key: the ID number is re-encrypted under 劳模's own ID-number field
 * (masked beside) and looked up in the registry by the tenant's blind index, so a draft names the record when there is one.
 */
export const competitionResultDrafts = defineConsumer({
  name: 'modelWorkersCompetitionDrafts',
  description: '技能竞赛 final results open one 劳模 nomination draft per winner and recommended honour (once)',
  events: [resultsFinalized],
  create: (deps) => {
    const drafts = new DraftStore(deps.table);
    const registry = new ModelWorkerStore(deps.table, deps.cursors);
    return async (event, effects) => {
      const { meta } = event.detail;
      const scope: TenantScope = { kind: 'tenant', tenantId: meta.tenantId, divisionCode: meta.divisionCode, actor: RESULTS_ACTOR };
      const ladder = await registry.honourTypes();
      const fresh: Draft[] = [];
      for (const winner of event.detail.data.winners) {
        const missing = [];
        for (const rec of winner.recommendations) {
          const draftId = draftIdOf(event.detail.data.eventId, winner.contestantId, rec.honourCode);
          if (!fresh.some((d) => d.draftId === draftId) && !(await drafts.find(meta.tenantId, draftId))) missing.push({ ...rec, draftId });
        }
        if (!missing.length) continue;
        const person = await openWinner(deps, registry, meta.tenantId, winner);
        const now = deps.clock.now().toISOString();
        for (const rec of missing) fresh.push({ ...draftOf(event, winner, person, now), draftId: rec.draftId, honourCode: rec.honourCode, level: rec.level, honourName: findHonour(ladder, rec.honourCode)?.name });
      }
      const write: WriteContext = { scope, correlationId: meta.correlationId, now: deps.clock.now() };
      const build = (chunk: Draft[]) => (uow: UnitOfWork) => {
        for (const d of chunk) {
          drafts.add(uow, d);
          uow.audit({
            action: 'modelWorkers.drafts.create',
            entityType: 'modelWorkers.draft',
            entityId: d.draftId,
            summary: `技能竞赛成绩确定：${d.source.competitionName.zh}${d.source.eventName.zh}第 ${d.source.rank} 名 ${d.person.nameMasked}，生成「${d.honourName?.zh ?? d.honourCode}」推荐草稿${d.person.personId ? '（已有劳模档案）' : ''}`,
          });
        }
      };
      // Earlier chunks commit on their own (a retry skips what they created); the last commits with the processed marker.
      for (let i = 0; i + DRAFTS_PER_COMMIT < fresh.length; i += DRAFTS_PER_COMMIT) {
        const uow = new UnitOfWork(deps.table, write);
        build(fresh.slice(i, i + DRAFTS_PER_COMMIT))(uow);
        await uow.commit();
      }
      const last = fresh.slice(Math.floor(Math.max(fresh.length - 1, 0) / DRAFTS_PER_COMMIT) * DRAFTS_PER_COMMIT);
      if (last.length) await intoEffects(deps.table, write, effects, build(last));
    };
  },
});

type OpenedWinner = Draft['person'];

async function openWinner(deps: ConsumerDeps, registry: ModelWorkerStore, tenantId: string, winner: Winner): Promise<OpenedWinner> {
  const sealed = sealedPersonSchema.parse(JSON.parse(await deps.cipher.decrypt(winner.sealedPerson, { tenantId, field: RESULTS_HANDOFF_FIELD })));
  // The tenant-scoped blind index the registry keys its one-record-per-person guard with (service/context personIndexes).
  const idIndex = blindIndex(sealed.idNumber, { key: deps.blindIndexKey, purpose: `modelWorkers.idNumber#${tenantId}` });
  const personId = await registry.personIdByIndex(tenantId, idIndex);
  return {
    name: sealed.name,
    nameMasked: maskName(sealed.name),
    idCipher: await deps.cipher.encrypt(sealed.idNumber, { tenantId, field: cipherField.idNumber }),
    idMasked: maskIdNumber(sealed.idNumber),
    gender: sealed.gender,
    birthDate: sealed.birthDate,
    unitId: sealed.unitId,
    skillGrade: sealed.skillGrade,
    personId,
  };
}

function draftOf(event: Finalized, winner: Winner, person: OpenedWinner, now: string): Omit<Draft, 'draftId' | 'honourCode' | 'level' | 'honourName'> {
  const { data, meta } = event.detail;
  return {
    tenantId: meta.tenantId,
    source: {
      competitionId: data.competitionId,
      eventId: data.eventId,
      contestantId: winner.contestantId,
      competitionName: data.competitionName,
      eventName: data.eventName,
      tradeCode: data.tradeCode,
      competitionClass: data.competitionClass,
      stage: data.stage,
      rank: winner.rank,
      resultsHash: data.resultsHash,
      finalizedAt: data.finalizedAt,
      deliveryId: event.id,
    },
    person,
    evidence: { kind: 'competitionResult', competitionId: data.competitionId, eventId: data.eventId, rank: winner.rank, resultsHash: data.resultsHash, verifyPath: verifyPathOf(meta.tenantId, data.eventId) },
    status: 'open',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A background 劳模台账 import, one step per delivery: the check, then batches of row writes, each step's next event
 * committed with this delivery (see `runImportStep`). It needs the uploaded workbooks (the blob store) and the
 * personal-data keys (it encrypts ID numbers and phones and blind-indexes them).
 */
export const registryImportConsumer = defineImportConsumer({
  name: 'modelWorkersRegistryImport',
  description: '劳模台账 import job: checks the uploaded workbook, then writes its rows in steps (continuation events)',
  stepEvent: registryImportStepQueued,
  importer: registryImporter,
  options: { stepMillis: REGISTRY_STEP_MILLIS },
});

export const modelWorkerConsumers = [competitionResultDrafts, registryImportConsumer] as const;
