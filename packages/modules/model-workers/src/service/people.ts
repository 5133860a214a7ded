import { conflict, invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { maskIdNumber, maskName, maskPhone } from '@ufp/core/pii/mask';
import { birthDateOf, genderOf } from '@ufp/core/validation/id-number';
import { transition, type TransitionSpec } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { changeStatus, honourMetrics, type Person } from '../domain/person.js';
import { personCreated } from '../events.js';
import type { createPersonInput, listPeopleInput, revealInput, setStatusInput, updatePersonInput } from '../schemas/people.js';
import { personMissing } from '../store.js';
import { cipherField, decrypt, encrypt, personIndexes, province, store, today, userNames, type Ctx } from './context.js';
import { personRow, personView } from './views.js';

type In<S extends z.ZodType> = z.output<S>;

async function assertUnit(ctx: Ctx, unitId: string | undefined) {
  if (ctx.scope.unitId && unitId !== ctx.scope.unitId) throw invalid({ zh: '只能登记本单位的人员', en: 'You can only record people of your own union' }, { field: 'unitId' });
  if (unitId) await ctx.deps.units.get(ctx.scope, unitId);
}

function assertEmployers(employers: In<typeof createPersonInput>['employers'], on: string) {
  employers.forEach((e, i) => {
    if (e.to && e.to < e.from) throw invalid({ zh: `第 ${i + 1} 段工作经历的结束日期早于开始日期`, en: `Employment ${i + 1} ends before it starts` }, { field: `employers.${i}.to` });
    if (e.from > on) throw invalid({ zh: `第 ${i + 1} 段工作经历的开始日期晚于今天`, en: `Employment ${i + 1} starts after today` }, { field: `employers.${i}.from` });
  });
}

/** A new person record: gender and birth date from the ID number; the ID and phone encrypted, masked beside. */
export async function create(ctx: Ctx, input: In<typeof createPersonInput>) {
  await assertUnit(ctx, input.unitId);
  const on = today(ctx);
  assertEmployers(input.employers, on);
  const indexes = personIndexes(ctx, input.idNumber);
  if (await store(ctx).personIdByIndex(ctx.scope.tenantId, indexes.idIndex)) {
    throw conflict({ zh: '本工会已有此人的劳模档案（同一身份证号只建一份）', en: 'This federation already has a record for this person (one per ID number)' }, { field: 'idNumber', reason: 'person_exists' });
  }
  const now = ctx.deps.clock.now().toISOString();
  const { idNumber, phone, ...fields } = input;
  const person: Person = {
    ...fields,
    personId: newId(),
    tenantId: ctx.scope.tenantId,
    nameMasked: maskName(input.name),
    idMasked: maskIdNumber(idNumber),
    idEncrypted: await encrypt(ctx, idNumber, cipherField.idNumber),
    ...indexes,
    gender: genderOf(idNumber)!,
    birthDate: birthDateOf(idNumber)!,
    phoneMasked: phone ? maskPhone(phone) : undefined,
    phoneEncrypted: phone ? await encrypt(ctx, phone, cipherField.phone) : undefined,
    status: 'active',
    statusHistory: [],
    honours: [],
    createdBy: ctx.scope.actor.sub,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return write(ctx, (uow) => {
    store(ctx).addPerson(uow, person, province(ctx.scope), on);
    uow.emit(personCreated.create({ personId: person.personId, metrics: honourMetrics(undefined, person, on) }));
    uow.audit({ action: 'modelWorkers.people.create', entityType: 'modelWorkers.person', entityId: person.personId, summary: `新建劳模档案 ${person.nameMasked}（${person.idMasked}）` });
    return personView(person, on);
  });
}

/** Corrections (audited with the fields that changed; personal fields only as "changed"). */
export async function update(ctx: Ctx, input: In<typeof updatePersonInput>) {
  await assertUnit(ctx, input.unitId);
  const on = today(ctx);
  assertEmployers(input.employers, on);
  const { personId, version: _version, phone, ...fields } = input;
  const phoneFields = phone ? { phoneMasked: maskPhone(phone), phoneEncrypted: await encrypt(ctx, phone, cipherField.phone) } : {};
  return changePerson(ctx, input, (before, _input, { now }) => {
        const after: Person = { ...before, ...fields, ...phoneFields, nameMasked: maskName(fields.name), updatedAt: now.toISOString() };
        const changed: string[] = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        if (phone && before.phoneEncrypted !== after.phoneEncrypted) changed.push('phone');
        return {
          after,
          audit: {
            action: 'modelWorkers.people.update',
            entityType: 'modelWorkers.person',
            entityId: personId,
            summary: `修改劳模档案 ${after.nameMasked}：${changed.join('、') || '无变化'}`,
            changes: Object.fromEntries(changed.map((k) => [k, k === 'phone' || k === 'name' ? { from: '***', to: '***' } : { from: (before as Record<string, unknown>)[k], to: (after as Record<string, unknown>)[k] }])),
          },
        };
  });
}

export async function get(ctx: Ctx, input: { personId: string }) {
  const [person, names] = await Promise.all([store(ctx).getPerson(ctx.scope, input.personId), userNames(ctx)]);
  return personView(person, today(ctx), names);
}

export async function list(ctx: Ctx, input: In<typeof listPeopleInput>) {
  const q = input?.q?.trim();
  const idLike = q && /^[0-9]{17}[0-9Xx]$/.test(q);
  const filter = {
    status: input?.status,
    unitId: input?.unitId,
    level: input?.level,
    deputy: input?.deputy,
    idIndex: idLike ? personIndexes(ctx, q.toUpperCase()).idIndex : undefined,
    name: q && !idLike ? q : undefined,
  };
  const page = await store(ctx).listPeople(ctx.scope, filter, { cursor: input?.cursor, limit: input?.limit });
  const on = today(ctx);
  return { items: page.items.map((p) => personRow(p, on)), nextCursor: page.nextCursor };
}

export async function setStatus(ctx: Ctx, input: In<typeof setStatusInput>) {
  return changePerson(ctx, input, changeStatus);
}

/**
 * A versioned change of one person record: loaded in the caller's scope (404 otherwise), decided by a pure rule,
 * saved with its province row, answered with the person's view as of today.
 */
export function changePerson<I extends { personId: string; version?: number }>(ctx: Ctx, input: I, decide: TransitionSpec<Person, NoInfer<I>>['decide']) {
  const on = today(ctx);
  return transition(
    ctx,
    {
      load: () => store(ctx).findPerson(ctx.scope, input.personId),
      missing: personMissing,
      expectedVersion: input.version,
      decide,
      save: (uow, after, before) => store(ctx).savePerson(uow, after, before.version, province(ctx.scope), on),
      view: (after) => personView(after, on),
    },
    input,
  );
}

/** The unmasked ID number or phone for staff who need it; every read is audit-logged. */
export async function reveal(ctx: Ctx, input: In<typeof revealInput>) {
  const person = await store(ctx).getPerson(ctx.scope, input.personId);
  const out: { idNumber?: string; phone?: string | null } = {};
  if (input.fields.includes('idNumber')) out.idNumber = await decrypt(ctx, person.idEncrypted, cipherField.idNumber);
  if (input.fields.includes('phone')) out.phone = person.phoneEncrypted ? await decrypt(ctx, person.phoneEncrypted, cipherField.phone) : null;
  const what = input.fields.map((f) => (f === 'idNumber' ? '身份证号' : '联系电话')).join('、');
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'modelWorkers.person', entityId: person.personId, summary: `查看劳模档案 ${person.nameMasked} 的${what}（明文）`, fields: input.fields });
  });
  return out;
}
