import { shanghaiDate } from '@ufp/core/clock';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import type { WriteContext } from '@ufp/db/unit-of-work';
import { intoEffects } from '@ufp/kit/consumer-effects';
import { defineImportConsumer } from '@ufp/kit/import-jobs';
import { defineConsumer } from '@ufp/kit/module';
import { surveyBelowThresholdMetrics, surveySubmitted } from '@ufp/model-workers/events';
import { z } from 'zod';
import { tierLabels } from './domain/tier.js';
import { fileCreated, importStepQueued, surveyReferred } from './events.js';
import { ledgerImporter } from './service/ledger-job.js';
import { HardshipStore } from './store.js';
import { assessHousehold, buildFile, indexes, type PiiCtx } from './service/pii.js';
import type { HouseholdInput } from './schemas.js';

/** The cipher context the 劳模 module seals the household under (`cipherField.handoff` there). */
export const SURVEY_HANDOFF_FIELD = 'modelWorkers.survey.handoff';

/** The actor of the writes this hand-over makes (audit entries, the file's `createdBy`). */
export const SURVEY_ACTOR = { sub: 'system:modelWorkers', name: '劳模生活状况调查', roles: [] } as const;

/** What the 劳模 survey seals for hardship (parsed here with hardship's own schema: a misfit fails the delivery loudly). */
const sealedHouseholdSchema = z.object({
  name: z.string().min(1),
  idNumber: z.string().min(15),
  phone: z.string().optional(),
  members: z.array(z.object({ relation: z.string(), name: z.string(), annualIncomeFen: z.number().int().min(0).optional(), health: z.string().optional() })).min(1),
  annualIncomeFen: z.number().int().min(0),
  rigidExpensesFen: z.number().int().min(0).optional(),
  health: z.string().optional(),
  causes: z.array(z.string()),
});

/** The draft a survey opens: one per survey, whatever the number of deliveries or corrections. */
export const surveyFileId = (surveyId: string) => `mws-${surveyId}`;

/** Where the hand-over records a survey it did not turn into a file (the worker already has an open one). */
export const referralKey = (tenantId: string, surveyId: string) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#REFERRAL`, sk: surveyId });

/**
 * 劳模生活状况调查 → 困难帮扶 (anchors §3 "cross-module trigger"). The survey's household arrives sealed under the
 * tenant's key; hardship opens it, classifies it with its OWN classifier and the survey year's rule pack, and when the
 * tier is 深度 or 相对困难 opens a DRAFT file routed to 劳模专项资金, with the survey as its origin. A caseworker
 * completes and submits it as any other draft.
 *
 * Exactly once per survey: the file id is derived from the survey id, and a delivery that finds it does nothing, so
 * redeliveries and the survey's corrections (same survey id) never open a second file (and the file's conditional
 * create rejects a concurrent twin: that delivery fails, is retried and then finds the file).
 *
 * A worker who already has an open hardship file (the one-open-file guard, by blind index) gets no second one. That is
 * not an error: retrying would never succeed and would only dead-letter. The delivery records why (a referral item and
 * an audit entry naming the open file's guard) and completes.
 */
export const surveyHardshipReferral = defineConsumer({
  name: 'hardshipModelWorkerSurvey',
  description: '劳模生活状况调查 below the hardship line opens a draft hardship file routed to 劳模专项资金 (once per survey)',
  events: [surveySubmitted],
  create: (deps) => {
    const files = new HardshipStore(deps.table, deps.cursors);
    return async (event, effects) => {
      const { data, meta } = event.detail;
      const scope: TenantScope = { kind: 'tenant', tenantId: meta.tenantId, divisionCode: meta.divisionCode, actor: SURVEY_ACTOR };
      const fileId = surveyFileId(data.surveyId);
      if ((await files.findFile(scope, fileId)) || (await getItem(deps.table, referralKey(meta.tenantId, data.surveyId)))) return;
      const ctx: PiiCtx = { deps, scope };
      const sealed = sealedHouseholdSchema.parse(JSON.parse(await deps.cipher.decrypt(data.sealedHousehold, { tenantId: meta.tenantId, field: SURVEY_HANDOFF_FIELD })));
      const household: HouseholdInput = {
        members: sealed.members,
        annualIncomeFen: sealed.annualIncomeFen,
        rigidExpensesFen: sealed.rigidExpensesFen ?? 0,
        causes: sealed.causes.slice(0, 10),
        events: [],
      };
      const on = shanghaiDate(deps.clock.now());
      const rules = await files.rules(scope, data.year);
      const assessment = assessHousehold(household, {}, on, rules);
      if (assessment.tier !== 'deep' && assessment.tier !== 'relative') return;

      const write: WriteContext = { scope, correlationId: meta.correlationId, now: deps.clock.now() };
      const belowLine = (outcome: 'file_opened' | 'open_file_exists') =>
        surveyReferred.create({ surveyId: data.surveyId, tier: assessment.tier, outcome, year: data.year, metrics: surveyBelowThresholdMetrics() });
      const { idIndex } = indexes(ctx, sealed.idNumber);
      if ((await files.openFileIndexes(meta.tenantId, [idIndex])).size > 0) {
        await intoEffects(deps.table, write, effects, (uow) => {
          uow.raw({
            Put: {
              TableName: deps.table.name,
              Item: { ...referralKey(meta.tenantId, data.surveyId), kind: 'hardship.referral', outcome: 'open_file_exists', personId: data.personId, year: data.year, tier: assessment.tier, at: write.now.toISOString() },
            },
          });
          uow.emit(belowLine('open_file_exists'));
          uow.audit({
            action: 'hardship.referral.skipped',
            entityType: 'hardship.referral',
            entityId: data.surveyId,
            summary: `劳模生活状况调查（${data.year} 年）显示${tierLabels[assessment.tier].zh}，该职工已有未注销的困难档案（一户一档），未重复建档`,
          });
        });
        return;
      }

      const worker = { name: sealed.name, idNumber: sealed.idNumber, phone: sealed.phone, migrant: false, unionMember: true };
      const { file } = await buildFile(ctx, { unitId: data.unitId, worker, household, fileId }, rules, on);
      const opened = { ...file, consentGiven: false, origin: { module: 'modelWorkers' as const, surveyId: data.surveyId, personId: data.personId, year: data.year, fundSource: 'model_worker' as const } };
      await intoEffects(deps.table, write, effects, (uow) => {
        files.addFile(uow, opened);
        uow.emit(fileCreated.create({ fileId, unitId: opened.unitId, tier: opened.tier }));
        uow.emit(belowLine('file_opened'));
        uow.audit({
          action: 'hardship.files.create',
          entityType: 'hardship.file',
          entityId: fileId,
          summary: `劳模生活状况调查（${data.year} 年）低于困难标准（${tierLabels[opened.tier].zh}），自动建立困难档案草稿 ${opened.worker.nameMasked}，资金渠道：劳模专项资金`,
        });
      });
    };
  },
});

/**
 * A background 台账 import, one step per delivery: the check, then batches of writes, each step's next event committed
 * with this delivery (see `runImportStep`). Its own function in AWS, with a longer timeout than other consumers and
 * read access to the uploaded workbooks.
 */
export const ledgerImportConsumer = defineImportConsumer({
  name: 'hardshipLedgerImport',
  description: '台账 import job: checks the uploaded workbook, then writes it in steps (continuation events)',
  stepEvent: importStepQueued,
  importer: ledgerImporter,
});

export const hardshipConsumers = [surveyHardshipReferral, ledgerImportConsumer] as const;

