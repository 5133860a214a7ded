import { z } from 'zod';
import { assignableModules, tenantRoles } from '@ufp/core/roles';
import { PLATFORM_AUDIT_TENANT } from '@ufp/core/tenancy/scope';
import { tenantDivisionProblem } from '@ufp/core/validation/divisions';
import { limits, numberLimits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import { parseLoginId } from '@ufp/core/validation/login-id';
import { bilingualMessage, predicateMessage, currentDivisionCodeSchema, isoDateTimeSchema, isoDateTimeUntilSchema, phoneSchema, recordId, text, usccSchema, yearSchema } from '@ufp/core/validation/zod';
import { deadLetterSourceKinds, MAX_REDRIVE } from '@ufp/events/dead-letters';
import { idInput, pageInput } from '@ufp/kit/schemas';
import { UnitType } from './domain/unit.js';

const version = z.number().int().min(1);

// ── tenants ──────────────────────────────────────────────────────────────────────────────
/**
 * A tenant: its division code a current GB/T 2260 code of its level (city or county), and an id
 * that is itself a code (321281, 3212) naming the same division.
 */
export const tenantInput = z.object({
  // Reserved: the platform's own audit log lives under this id.
  id: z
    .string()
    .refine((v) => new RegExp(`^[A-Za-z0-9_-]{${TENANT_ID_LENGTH.min},${TENANT_ID_LENGTH.max}}$`).test(v), {
      message: `租户标识只能包含字母、数字、下划线和短横线（${TENANT_ID_LENGTH.min}–${TENANT_ID_LENGTH.max} 位）`,
      params: { en: `Tenant id: ${TENANT_ID_LENGTH.min}–${TENANT_ID_LENGTH.max} letters, digits, _ or -` },
    })
    .refine((v) => v.toLowerCase() !== PLATFORM_AUDIT_TENANT, { message: `租户标识「${PLATFORM_AUDIT_TENANT}」为平台保留`, params: { en: `The tenant id "${PLATFORM_AUDIT_TENANT}" is reserved for the platform` } }),
  name: text(limits.tenant.name),
  level: z.enum(['city', 'county']),
  divisionCode: currentDivisionCodeSchema,
});
export const createTenantInput = tenantInput.superRefine((tenant, ctx) => {
  const mismatch = tenantDivisionProblem(tenant);
  if (mismatch) ctx.addIssue({ code: 'custom', path: [mismatch.field], message: bilingualMessage(mismatch.problem.reason), params: { reason: mismatch.problem.code } });
});

const tenantIdInput = recordId(TENANT_ID_LENGTH.max);

const contactInput = z.object({
  name: text(limits.tenant.contactName).optional(),
  phone: phoneSchema.optional(),
  email: z.string().trim().max(limits.tenant.contactEmail.max).email().optional(),
});

export const updateTenantInput = z.object({
  tenantId: tenantIdInput,
  version,
  name: text(limits.tenant.name).optional(),
  /** Replaces the whole contact; `null` removes it. */
  contact: contactInput.nullable().optional(),
});

export const suspendTenantInput = z.object({ tenantId: tenantIdInput, reason: text(limits.tenant.suspendReason) });
export const reactivateTenantInput = z.object({ tenantId: tenantIdInput });

// ── units ────────────────────────────────────────────────────────────────────────────────
const chairInput = z.object({ name: text(limits.unit.chairName), phone: phoneSchema.optional() });
const unitFields = {
  name: text(limits.unit.name),
  type: z.enum(UnitType.values),
  uscc: usccSchema.optional(),
  memberCount: z.number().int().min(numberLimits.memberCount.min).max(numberLimits.memberCount.max),
  chair: chairInput,
};

export const createUnitInput = z.object(unitFields);
export const updateUnitInput = z.object({
  unitId: idInput,
  version,
  name: unitFields.name.optional(),
  type: unitFields.type.optional(),
  uscc: unitFields.uscc,
  memberCount: unitFields.memberCount.optional(),
  chair: chairInput.optional(),
});
export const unitIdInput = z.object({ unitId: idInput });
/**
 * A unit's contact details, as its own reporter may correct them: the chair's name and phone (a phone left out
 * stays as it is, `null` removes it). The identity fields (name, type, USCC, member count) are not part of it;
 * the domain refuses them if sent.
 */
export const updateUnitContactInput = z.object({
  unitId: idInput,
  version,
  chair: z.object({ name: text(limits.unit.chairName), phone: phoneSchema.nullable().optional() }),
  name: z.unknown().optional(),
  type: z.unknown().optional(),
  uscc: z.unknown().optional(),
  memberCount: z.unknown().optional(),
});
export const listUnitsInput = z.object({ ...pageInput, type: z.enum(UnitType.values).optional(), q: text(limits.unit.search).optional() }).optional();

// ── users ────────────────────────────────────────────────────────────────────────────────
const nameInput = text(limits.user.name);
const rolesInput = z.array(z.enum(tenantRoles)).min(1).max(4);
const modulesInput = z.array(z.enum(assignableModules)).max(assignableModules.length);
const loginIdInput = z
  .string()
  .max(64)
  .superRefine((v, ctx) => {
    const parsed = parseLoginId(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason.zh, params: { en: parsed.reason.en } });
  });

export const createUserInput = z.object({
  name: nameInput,
  roles: rolesInput,
  unitId: idInput.optional(),
  modules: modulesInput.optional(),
  loginId: loginIdInput.optional(),
});
export const updateUserInput = z.object({
  userId: idInput,
  version,
  name: nameInput.optional(),
  roles: rolesInput.optional(),
  unitId: idInput.nullable().optional(),
  modules: modulesInput.optional(),
  loginId: loginIdInput.nullable().optional(),
});
export const userIdInput = z.object({ userId: idInput });
export const disableUserInput = z.object({ userId: idInput, reason: text(limits.user.disableReason) });
export const pageOnlyInput = z.object(pageInput).optional();
/** The directory page, narrowed on the server: `q` a part of the name or login identifier, a role, a status. */
export const listUsersInput = z
  .object({ ...pageInput, q: text(limits.user.search).optional(), role: z.enum(tenantRoles).optional(), status: z.enum(['active', 'disabled']).optional() })
  .optional();

// ── audit ────────────────────────────────────────────────────────────────────────────────
export const auditListInput = z
  .object({
    ...pageInput,
    actor: text(limits.audit.actor).optional(),
    action: text(limits.audit.action).optional(),
    entityType: text(limits.audit.entityType).optional(),
    /** From this instant on; a bare date is the start of that day in China. */
    from: isoDateTimeSchema.optional(),
    /** Up to this instant, inclusive; a bare date is the whole of that day. */
    to: isoDateTimeUntilSchema.optional(),
  })
  .optional();

/** A period of the log to check (by when entries were written); the digest chain is always checked whole. */
export const auditVerifyInput = z.object({ from: isoDateTimeSchema.optional(), to: isoDateTimeUntilSchema.optional() }).optional();

// ── dead letters ─────────────────────────────────────────────────────────────────────────
export const replayInput = z.object({ id: idInput });

export const deadLetterFilterInput = z.object({
  tenantId: recordId(limits.deadLetters.tenantId.max).optional(),
  module: text(limits.deadLetters.module).optional(),
  source: z.enum(deadLetterSourceKinds).optional(),
});

/** `table/<tenant>/<letter>` or `sqs/<queue>/<message>[/<sequence>]`, as the list hands them out. */
const letterId = z
  .string()
  .max(300)
  .refine((v) => /^(table|sqs)\/[^/\s]{1,100}\/[^/\s]{1,100}(\/\d{1,60})?$/.test(v), { message: '死信编号格式不正确', params: { en: 'Malformed dead-letter id' } });

export const redriveInput = z
  .object({
    ids: z.array(letterId).min(1).max(MAX_REDRIVE).optional(),
    /** Every redrivable letter matching this filter ({} = all), up to MAX_REDRIVE per call. */
    all: deadLetterFilterInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ids === !v.all) {
      ctx.addIssue({ code: 'custom', message: '请指定要重新投递的死信（ids）或筛选条件下的全部（all），二者选一', params: { en: 'Give either the letters to redrive (ids) or all of a filter (all), not both' } });
    }
  });

// ── notifications, rollups ───────────────────────────────────────────────────────────────
/** The module filter: the modules staff can be assigned to are the modules that notify (a check in the app keeps them equal). */
export const listNotificationsInput = z.object({ unreadOnly: z.boolean().optional(), module: z.enum(assignableModules).optional() }).optional();
export const markReadInput = z.object({ id: recordId(200) });

export const rollupsInput = z.object({ year: yearSchema });
/** 重新核算: the year, and a scope (a province, city or county code; a division code such as 321200 is read as its scope 3212). */
export const recountInput = z.object({
  year: yearSchema,
  scope: z
    .string()
    .max(limits.rollups.scope.max)
    .regex(/^\d{2}(\d{2}(\d{2})?)?$/, { message: predicateMessage({ zh: '须为 2、4 或 6 位行政区划代码', en: 'must be a 2-, 4- or 6-digit division code' }) })
    .optional(),
});
