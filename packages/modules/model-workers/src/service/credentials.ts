import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { shanghaiDate } from '@ufp/core/clock';
import { credentialKey, readCredential, signCredential } from '../domain/credential.js';
import { HonourLevel } from '../domain/ladder.js';
import { treatmentLevelOn } from '../domain/person.js';
import type { issueCredentialInput, verifyCredentialInput } from '../schemas/extras.js';
import { ModelWorkerStore } from '../store.js';
import { store, today, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Issues the signed QR credential of a person who holds an honour in force (audited). */
export async function issue(ctx: Ctx, input: In<typeof issueCredentialInput>) {
  const person = await store(ctx).getPerson(ctx.scope, input.personId);
  const on = today(ctx);
  const level = treatmentLevelOn(person, on);
  if (!level) throw invalid({ zh: `${person.nameMasked} 当前没有有效的荣誉待遇，不能签发凭证`, en: 'This person holds no honour in force: no credential can be issued' }, { field: 'personId' });
  const expiresOn = addDays(on, input.validDays);
  const token = signCredential({ tenantId: ctx.scope.tenantId, personId: person.personId, expiresOn }, credentialKey(ctx.deps.blindIndexKey));
  await write(ctx, (uow) => {
    uow.audit({ action: 'modelWorkers.credentials.issue', entityType: 'modelWorkers.person', entityId: person.personId, summary: `签发劳模凭证：${person.nameMasked}（${HonourLevel.labels[level].zh}待遇，有效至 ${expiresOn}）` });
  });
  return { token, expiresOn, level, verifyPath: `/mw-verify?t=${token}` };
}

/**
 * The public answer to a scanned credential: valid or not, and the treatment level in force today — worked out from
 * the record at the moment of the scan, so a revoked honour or a deceased holder answers "not valid" at once.
 * Every scan of a genuine code is written to the issuing federation's audit log.
 */
export async function verify(ctx: Context, input: In<typeof verifyCredentialInput>) {
  const on = shanghaiDate(ctx.deps.clock.now());
  const read = readCredential(input.token, credentialKey(ctx.deps.blindIndexKey), on);
  if (!read.ok) return { valid: false as const, reason: read.reason, checkedOn: on };
  const { tenantId, personId, expiresOn } = read.claims;
  const tenant = await ctx.deps.tenants.get(tenantId);
  if (!tenant || tenant.status !== 'active') return { valid: false as const, reason: 'invalid' as const, checkedOn: on };
  const scope: TenantScope = { kind: 'tenant', tenantId, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
  const person = await new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors).findPerson(scope, personId);
  const level = person ? treatmentLevelOn(person, on) : undefined;
  // A fresh correlation id: the scanner's own headers must not travel into the tenant's log.
  await write({ ...ctx, scope, correlationId: newId() }, (uow) => {
    uow.audit({ action: 'modelWorkers.credentials.verify', entityType: 'modelWorkers.person', entityId: personId, summary: `劳模凭证被核验：${person?.nameMasked ?? '（档案不存在）'} ${level ? `持有有效的${HonourLevel.labels[level].zh}待遇` : '无有效荣誉待遇'}` });
  });
  if (!person || !level) return { valid: false as const, reason: 'no_honour_in_force' as const, checkedOn: on, federation: tenant.name };
  return { valid: true as const, level, levelLabel: HonourLevel.labels[level], nameMasked: person.nameMasked, federation: tenant.name, expiresOn, checkedOn: on };
}
