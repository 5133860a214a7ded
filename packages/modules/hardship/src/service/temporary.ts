import { shanghaiDate } from '@ufp/core/clock';
import { notFound, staleVersion } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { assertWithinCap, budgetExhausted, capExceeded } from '../domain/aid.js';
import type { Grant } from '../domain/file.js';
import { assertConvertible, assertNoApprovalNeeded, assertNoOpenFile, temporaryAidView, type TemporaryAid } from '../domain/temporary-aid.js';
import { tierLabels } from '../domain/tier.js';
import { assertEmploymentStarted, grantMetrics } from '../domain/workflow.js';
import { aidGranted, fileCreated } from '../events.js';
import type { temporaryConvertInput, temporaryGrantInput } from '../schemas.js';
import { province, store, thisYear, today, type Ctx } from './context.js';
import { buildFile, cipherField, decrypt, encrypt, sealedPerson } from './pii.js';
import { fileSummary } from './views.js';

type In<S extends z.ZodType> = z.output<S>;

const aidMissing = () => notFound({ zh: '临时救助记录', en: 'Temporary aid record' });

/**
 * 临时救助 to a person without a hardship file: within the year's 临时救助 cap for the person and the fund's budget
 * (both conditions of the transaction, as for a file's grants), refused for someone already on an open file (they are
 * helped through it) and above the approval threshold (a second approver works on a file's grants).
 */
export async function grant(ctx: Ctx, input: In<typeof temporaryGrantInput>) {
  const files = store(ctx);
  const year = thisYear(ctx);
  const sealed = await sealedPerson(ctx, input.worker);
  const [rules, open] = await Promise.all([files.rules(ctx.scope, year), files.openFiles(ctx.scope.tenantId, [sealed.idIndex])]);
  assertNoOpenFile(open.get(sealed.idIndex));
  const cap = rules.caps.temporary;
  assertWithinCap('temporary', input.amountFen, cap);
  assertNoApprovalNeeded(input.amountFen, rules);
  const now = ctx.deps.clock.now();
  const aid: TemporaryAid = {
    aidId: newId(),
    tenantId: ctx.scope.tenantId,
    year,
    ...sealed,
    reasonEncrypted: await encrypt(ctx, input.reason, cipherField.temporaryReason),
    amountFen: input.amountFen,
    fundSource: input.fundSource,
    grantedOn: shanghaiDate(now),
    grantedBy: ctx.scope.actor.sub,
    status: 'open',
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const view = await write(ctx, (uow) => {
    files.addTemporaryAid(uow, aid, cap, { budget: budgetExhausted(year, aid.amountFen), cap: capExceeded('temporary', cap) });
    files.markProvinceAid(uow, province(ctx.scope), year, aid.provinceIndex, ctx.scope.tenantId);
    const { aidId: grantId, amountFen, fundSource } = aid;
    uow.emit(aidGranted.create({ grantId, kind: 'temporary', amountFen, fundSource, year, metrics: grantMetrics({ kind: 'temporary', fundSource, amountFen }) }));
    uow.audit({ action: 'hardship.temporary.grant', entityType: 'hardship.temporaryAid', entityId: grantId, summary: `发放临时救助 ${amountFen / 100} 元（未建档）：${aid.person.nameMasked}` });
    return temporaryAidView(aid);
  });
  const others = (await files.otherTenantsAiding(province(ctx.scope), year, ctx.scope.tenantId, [aid.provinceIndex])).get(aid.provinceIndex);
  return { ...view, duplicate: others ? { year, otherFederations: others } : undefined };
}

/** The year's 临时救助 without a file, newest first (masked; reasons stay encrypted). */
export async function list(ctx: Ctx, input: { year: number }) {
  const aids = await store(ctx).temporaryAids(ctx.scope, input.year);
  return aids.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(temporaryAidView);
}

/**
 * 转正: opens a full file (a draft, to go through the workflow) for the person's household and carries the grant over
 * to it as a 临时救助 grant of the file, in one transaction with the record marked converted. Refused when the person
 * is on an open file already (checked first for a clear answer; the one-open-file guard holds it against a race).
 */
export async function convert(ctx: Ctx, input: In<typeof temporaryConvertInput>) {
  const files = store(ctx);
  const aid = await files.temporaryAid(ctx.scope, input.aidId);
  if (!aid) throw aidMissing();
  if (aid.version !== input.version) throw staleVersion();
  assertConvertible(aid);
  assertNoOpenFile((await files.openFiles(ctx.scope.tenantId, [aid.idIndex])).get(aid.idIndex));
  await ctx.deps.units.get(ctx.scope, input.unitId);
  const on = today(ctx);
  assertEmploymentStarted(input.worker.employmentStart, on);
  const idNumber = await decrypt(ctx, aid.person.idEncrypted, cipherField.idNumber);
  const [rules, grantYearRules] = await Promise.all([files.rules(ctx.scope, thisYear(ctx)), files.rules(ctx.scope, aid.year)]);
  const { file, assessment } = await buildFile(ctx, { unitId: input.unitId, worker: { ...input.worker, name: aid.person.name, idNumber }, household: input.household }, rules, on);
  const capFen = grantYearRules.caps.temporary;
  const carried: Grant = {
    grantId: aid.aidId,
    tenantId: aid.tenantId,
    fileId: file.fileId,
    year: aid.year,
    kind: 'temporary',
    amountFen: aid.amountFen,
    fundSource: aid.fundSource,
    grantedOn: aid.grantedOn,
    grantedBy: aid.grantedBy,
    note: '临时救助转正转入',
    createdAt: aid.createdAt,
  };
  return write(ctx, (uow, now) => {
    const after: TemporaryAid = { ...aid, status: 'converted', convertedFileId: file.fileId, convertedOn: on, version: aid.version + 1, updatedAt: now.toISOString() };
    files.addFile(uow, file);
    files.convertTemporaryAid(uow, aid, after, carried, capFen, capExceeded('temporary', capFen));
    uow.emit(fileCreated.create({ fileId: file.fileId, unitId: file.unitId, tier: file.tier }));
    uow.audit({
      action: 'hardship.temporary.convert',
      entityType: 'hardship.temporaryAid',
      entityId: aid.aidId,
      summary: `临时救助转正：为 ${aid.person.nameMasked} 新建困难档案 ${file.fileId}（${tierLabels[file.tier].zh}），临时救助 ${aid.amountFen / 100} 元转入该档案，已取得本人核对授权`,
    });
    return { ...fileSummary(file, on), explanation: assessment.explanation, explanationEn: assessment.explanationEn, aidId: aid.aidId };
  });
}
