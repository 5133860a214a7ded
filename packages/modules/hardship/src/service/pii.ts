import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskIdNumber, maskName, maskPhone } from '@ufp/core/pii/mask';
import { newId } from '@ufp/core/ids';
import { householdDetailsSchema, type HardshipFile, type HouseholdDetails } from '../domain/file.js';
import type { HardshipRulePack } from '../domain/rules.js';
import { classifyHousehold, monthsBetween, type HouseholdFigures, type TierAssessment } from '../domain/tier.js';
import type { HouseholdInput, WorkerInput } from '../schemas.js';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { ApiDeps } from '@ufp/kit/deps';
import { province } from './context.js';
import { memberIdIndexes } from '../domain/household-identity.js';

/**
 * What the personal-data helpers need: the cipher, the blind-index key, the clock and a tenant scope. A tRPC
 * context has them; so does a consumer (the 劳模 survey hand-over), which builds one from its deps and the event.
 */
export type PiiCtx = { deps: Pick<ApiDeps, 'cipher' | 'blindIndexKey' | 'clock'>; scope: TenantScope };
type Ctx = PiiCtx;

/** The cipher fields of the module (the encryption context names what a ciphertext is). */
export const cipherField = {
  idNumber: 'hardship.worker.idNumber',
  phone: 'hardship.worker.phone',
  household: 'hardship.household',
  findings: 'hardship.findings',
  bankAccount: 'hardship.grant.bankAccount',
  temporaryReason: 'hardship.temporary.reason',
} as const;
type CipherField = (typeof cipherField)[keyof typeof cipherField];

export const encrypt = (ctx: Ctx, value: string, field: CipherField) => ctx.deps.cipher.encrypt(value, { tenantId: ctx.scope.tenantId, field });
export const decrypt = (ctx: Ctx, ciphertext: string, field: CipherField) => ctx.deps.cipher.decrypt(ciphertext, { tenantId: ctx.scope.tenantId, field });
export const encryptOptional = async (ctx: Ctx, value: string | undefined, field: CipherField) => (value === undefined ? undefined : encrypt(ctx, value, field));
export const decryptOptional = async (ctx: Ctx, ciphertext: string | undefined, field: CipherField) => (ciphertext ? decrypt(ctx, ciphertext, field) : null);

export async function encryptHousehold(ctx: Ctx, details: HouseholdDetails): Promise<string> {
  return encrypt(ctx, JSON.stringify(details), cipherField.household);
}

export async function decryptHousehold(ctx: Ctx, file: Pick<HardshipFile, 'householdEncrypted'>): Promise<HouseholdDetails> {
  return householdDetailsSchema.parse(JSON.parse(await decrypt(ctx, file.householdEncrypted, cipherField.household)));
}

/** The blind indexes of an ID number: tenant-scoped (one open file per person) and province-scoped (duplicates across federations). */
export function indexes(ctx: Ctx, idNumber: string) {
  return {
    idIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `hardship.idNumber#${ctx.scope.tenantId}` }),
    provinceIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `hardship.idNumber.province#${province(ctx.scope)}` }),
  };
}

/** A person's identity as the hardship records keep it: the name, the ID masked and encrypted, its blind indexes. */
export async function sealedPerson(ctx: Ctx, person: { name: string; idNumber: string }) {
  return {
    person: { name: person.name, nameMasked: maskName(person.name), idMasked: maskIdNumber(person.idNumber), idEncrypted: await encrypt(ctx, person.idNumber, cipherField.idNumber) },
    ...indexes(ctx, person.idNumber),
  };
}

/** The tier of a household on `onDate` (a migrant worker's months of employment counted up to it). */
export function assessHousehold(h: HouseholdInput, worker: { migrant?: boolean; unionMember?: boolean; employmentStart?: string }, onDate: string, rules: HardshipRulePack): TierAssessment {
  const figures: HouseholdFigures = {
    householdSize: h.members.length,
    annualIncomeFen: h.annualIncomeFen,
    rigidExpensesFen: h.rigidExpensesFen,
    hardshipCostsFen: h.hardshipCostsFen,
    events: h.events,
    excludedSchooling: h.excludedSchooling,
    migrant: worker.migrant
      ? { laborRelationMonths: worker.employmentStart ? monthsBetween(worker.employmentStart, onDate) : 0, unionMember: worker.unionMember ?? true }
      : undefined,
  };
  return classifyHousehold(figures, rules);
}

/** What is kept (encrypted) about a household: its figures, masked member ids and the tier's explanation. */
export function householdDetails(household: HouseholdInput, assessment: TierAssessment, employmentStart: string | undefined): HouseholdDetails {
  return {
    members: household.members.map((m) => ({ relation: m.relation, name: m.name, idMasked: m.idNumber ? maskIdNumber(m.idNumber) : undefined, annualIncomeFen: m.annualIncomeFen, health: m.health })),
    annualIncomeFen: household.annualIncomeFen,
    rigidExpensesFen: household.rigidExpensesFen,
    hardshipCostsFen: household.hardshipCostsFen,
    assets: household.assets,
    causes: household.causes,
    events: household.events,
    employmentStart,
    explanation: assessment.explanation,
    explanationEn: assessment.explanationEn,
    perCapitaMonthlyFen: assessment.perCapitaMonthlyFen,
  };
}

/** A new household assessment with its encrypted details (a new file, a correction, a re-verification). */
export async function assessAndSeal(ctx: Ctx, household: HouseholdInput, worker: { migrant?: boolean; unionMember?: boolean; employmentStart?: string }, on: string, rules: HardshipRulePack) {
  const assessment = assessHousehold(household, worker, on, rules);
  const householdEncrypted = await encryptHousehold(ctx, householdDetails(household, assessment, worker.employmentStart));
  return { assessment, householdEncrypted };
}

/** The household's other members' ID numbers as the blind indexes the one-open-file rule guards (refusing repeats). */
export function householdMemberIndexes(ctx: Ctx, applicantIndex: string, household: Pick<HouseholdInput, 'members'>): string[] {
  return memberIdIndexes(applicantIndex, household.members.map((m) => ({ relation: m.relation, idIndex: m.idNumber ? indexes(ctx, m.idNumber).idIndex : undefined })));
}

/** A new draft file from validated input: tier computed, personal data encrypted and masked. */
export async function buildFile(ctx: Ctx, input: { unitId: string; worker: WorkerInput; household: HouseholdInput; fileId?: string }, rules: HardshipRulePack, on: string) {
  const { worker, household } = input;
  const applicant = indexes(ctx, worker.idNumber);
  const memberIndexes = householdMemberIndexes(ctx, applicant.idIndex, household);
  const { assessment, householdEncrypted } = await assessAndSeal(ctx, household, worker, on, rules);
  const now = ctx.deps.clock.now().toISOString();
  const file: HardshipFile = {
    fileId: input.fileId ?? newId(),
    tenantId: ctx.scope.tenantId,
    unitId: input.unitId,
    status: 'draft',
    worker: {
      name: worker.name,
      nameMasked: maskName(worker.name),
      idMasked: maskIdNumber(worker.idNumber),
      idEncrypted: await encrypt(ctx, worker.idNumber, cipherField.idNumber),
      phoneMasked: worker.phone ? maskPhone(worker.phone) : undefined,
      phoneEncrypted: await encryptOptional(ctx, worker.phone || undefined, cipherField.phone),
      migrant: worker.migrant,
    },
    ...applicant,
    ...(memberIndexes.length ? { memberIdIndexes: memberIndexes } : {}),
    householdSize: household.members.length,
    householdEncrypted,
    tier: assessment.tier,
    rulesYear: rules.year,
    consentGiven: true,
    createdBy: ctx.scope.actor.sub,
    reentries: 0,
    timeline: [{ at: now, action: 'create', actor: ctx.scope.actor.sub, on }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { file, assessment };
}
