import { invalid } from '@ufp/core/errors';
import { tenantPrefix } from '@ufp/db/keys';
import { exportWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { newId } from '@ufp/core/ids';
import { maskName, maskPhone } from '@ufp/core/pii/mask';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import type { Person } from '../domain/person.js';
import { assertVisitRange, logVisit, matchPeople, rankMatches, RequestStatus, selectVisitLogs, visitLogKey, visitsPerPerson, visitTotals, type ServiceRequest, type Visit, type VisitLogFilter } from '../domain/visits.js';
import type { fileRequestInput, listRequestsInput, logVisitInput, matchInput, requestIdInput, exportVisitLogsInput, visitLogsInput } from '../schemas/visits.js';
import { requestMissing, VisitStore } from '../visits-store.js';
import { cipherField, decrypt, encrypt, store, thisYear, today, userNames, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;
const visits = (ctx: Ctx) => new VisitStore(ctx.deps.table);

/** A request as answers show it: the contact masked, never the ciphertext. */
function requestView(r: ServiceRequest) {
  const { contactEncrypted: _c, ...rest } = r;
  return { ...rest, unitId: r.unitId ?? null, occupation: r.occupation ?? null, lastVisitOn: r.lastVisitOn ?? null, closedOn: r.closedOn ?? null };
}

async function assertUnit(ctx: Ctx, unitId: string | undefined): Promise<string | undefined> {
  if (ctx.scope.unitId && unitId && unitId !== ctx.scope.unitId) throw invalid({ zh: '只能为本单位登记需求', en: 'You can only file requests for your own union' }, { field: 'unitId' });
  const unit = ctx.scope.unitId ?? unitId;
  if (unit) await ctx.deps.units.get(ctx.scope, unit);
  return unit;
}

/** An enterprise's request: the contact encrypted (name and phone), masked beside; a unit reporter files for their unit. */
export async function file(ctx: Ctx, input: In<typeof fileRequestInput>) {
  const unitId = await assertUnit(ctx, input.unitId);
  const on = today(ctx);
  const filedOn = input.filedOn ?? on;
  if (filedOn > on) throw invalid({ zh: `登记日期 ${filedOn} 晚于今天`, en: `The filing date ${filedOn} is after today` }, { field: 'filedOn' });
  const contactEncrypted = await encrypt(ctx, JSON.stringify({ name: input.contactName, phone: input.contactPhone }), cipherField.visitContact);
  const now = ctx.deps.clock.now().toISOString();
  const request: ServiceRequest = {
    requestId: newId(),
    tenantId: ctx.scope.tenantId,
    enterprise: input.enterprise,
    unitId,
    need: input.need,
    skills: [...new Set(input.skills)],
    occupation: input.occupation,
    contactEncrypted,
    contactNameMasked: maskName(input.contactName),
    phoneMasked: maskPhone(input.contactPhone),
    status: 'open',
    matchedPersonIds: [],
    filedOn,
    filedBy: ctx.scope.actor.sub,
    visitCount: 0,
    problemsSolved: 0,
    peopleTrained: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return write(ctx, (uow) => {
    visits(ctx).addRequest(uow, request);
    uow.audit({ action: 'modelWorkers.visits.file', entityType: 'modelWorkers.visitRequest', entityId: request.requestId, summary: `登记助企行需求「${request.enterprise}」：需要 ${request.skills.join('、')}` });
    return requestView(request);
  });
}

export async function list(ctx: Ctx, input: In<typeof listRequestsInput>) {
  const all = await visits(ctx).requests(ctx.scope);
  return all
    .filter((r) => (!input?.status || r.status === input.status) && (!input?.year || r.filedOn.startsWith(`${input.year}-`)))
    .sort((a, b) => b.filedOn.localeCompare(a.filedOn) || b.createdAt.localeCompare(a.createdAt))
    .map(requestView);
}

/** A person named on a request: the masked name, and the full name for staff (a unit reporter's request may name people of other units). */
const personName = (people: Map<string, Person>, id: string, full: boolean) => ({ personId: id, name: full ? (people.get(id)?.name ?? null) : null, nameMasked: people.get(id)?.nameMasked ?? '—' });

/** A request with its visits (who went, the numbers) and the people matched to it. */
export async function get(ctx: Ctx, input: In<typeof requestIdInput>) {
  const request = await visits(ctx).request(ctx.scope, input.requestId);
  if (!request) throw requestMissing();
  const [logged, people, names] = await Promise.all([visits(ctx).visitsOfRequest(ctx.scope.tenantId, request.requestId), store(ctx).allPeople({ ...ctx.scope, unitId: undefined }), userNames(ctx)]);
  const byId = new Map(people.map((p) => [p.personId, p]));
  const full = !ctx.scope.unitId;
  return {
    ...requestView(request),
    matched: request.matchedPersonIds.map((id) => personName(byId, id, full)),
    visits: logged.map((v: Visit) => ({ ...v, note: v.note ?? null, people: v.personIds.map((id) => personName(byId, id, full)), loggedByName: names.get(v.loggedBy) ?? null })),
    filedByName: names.get(request.filedBy) ?? null,
  };
}

const badCursor = () => invalid({ zh: '分页游标无效或不属于当前租户', en: 'Invalid cursor, or it belongs to another tenant' }, { field: 'cursor' });

/**
 * The 走访记录 of every request the caller may see (a unit reporter: its unit's requests, the people masked as in
 * `get`), newest first, filtered by a day range (both days included), a person who went and solved or not. The
 * range is one key-range read (a county logs hundreds of visits a year).
 */
async function visitLogRows(ctx: Ctx, filter: VisitLogFilter) {
  assertVisitRange(filter);
  const [inRange, requests, people] = await Promise.all([
    visits(ctx).visitsBetween(ctx.scope.tenantId, filter.from, filter.to),
    visits(ctx).requests(ctx.scope),
    store(ctx).allPeople({ ...ctx.scope, unitId: undefined }),
  ]);
  const byRequest = new Map(requests.map((r) => [r.requestId, r]));
  const byPerson = new Map(people.map((p) => [p.personId, p]));
  const full = !ctx.scope.unitId;
  const kept = selectVisitLogs(inRange.filter((v) => byRequest.has(v.requestId)), filter);
  const rows = kept.map((v) => {
    const r = byRequest.get(v.requestId)!;
    return { ...v, note: v.note ?? null, enterprise: r.enterprise, requestStatus: r.status, people: v.personIds.map((id) => personName(byPerson, id, full)) };
  });
  return { rows, totals: visitTotals(kept) };
}

/** The visit log a page at a time (the kit's signed cursor, bound to the tenant and this list), with the totals of everything the filter keeps. */
export async function logs(ctx: Ctx, input: In<typeof visitLogsInput>) {
  const filter = input ?? {};
  const { rows, totals } = await visitLogRows(ctx, filter);
  const binding = `${tenantPrefix(ctx.scope.tenantId)}|modelWorkers.visits.logs`;
  const after = ctx.deps.cursors.decode(binding, filter.cursor)?.sk;
  if (filter.cursor && typeof after !== 'string') throw badCursor();
  const start = after === undefined ? 0 : rows.findIndex((v) => visitLogKey(v) < (after as string));
  const page = start < 0 ? [] : rows.slice(start, start + (filter.limit ?? 50));
  const more = start >= 0 && start + page.length < rows.length;
  return {
    items: page,
    nextCursor: more ? (ctx.deps.cursors.encode(binding, { sk: visitLogKey(page[page.length - 1]!) }) ?? null) : null,
    totals,
  };
}

type LogRow = Awaited<ReturnType<typeof visitLogRows>>['rows'][number];
const closedLabel = { yes: { zh: '是', en: 'Yes' } };
const logSheet: ExportSheet<LogRow>['columns'] = [
  { zh: '走访日期', en: 'Visited on', kind: 'date', value: (v) => v.visitedOn },
  { zh: '企业', en: 'Enterprise', kind: 'text', width: 24, value: (v) => v.enterprise },
  { zh: '参加走访的劳模工匠', en: 'Model workers who went', kind: 'text', width: 20, value: (v) => v.people.map((p) => p.name ?? p.nameMasked).join('、') },
  { zh: '解决技术难题（项）', en: 'Problems solved', kind: 'count', value: (v) => v.problemsSolved },
  { zh: '培训职工（人次）', en: 'Workers trained', kind: 'count', value: (v) => v.peopleTrained },
  { zh: '本次办结', en: 'Closed the request', kind: 'label', labels: closedLabel, value: (v) => (v.closes ? 'yes' : undefined) },
  { zh: '需求状态', en: 'Request status', kind: 'label', labels: RequestStatus.labels, value: (v) => v.requestStatus },
  { zh: '走访情况', en: 'Note', kind: 'text', width: 30, value: (v) => v.note },
];

/** The filtered visit log as a workbook (names as the page shows them), audited as an export. */
export async function exportLogs(ctx: Ctx, input: In<typeof exportVisitLogsInput>) {
  const lang = input?.lang ?? 'zh';
  const { rows, totals } = await visitLogRows(ctx, input ?? {});
  const { bytes, rows: written } = await exportWorkbook(lang, [{ name: { zh: '助企行走访记录', en: 'Visits' }, columns: logSheet, rows }]);
  const range = `${input?.from ?? '最早'} 至 ${input?.to ?? '今'}`;
  await write(ctx, (uow) => {
    uow.audit({ action: 'modelWorkers.visits.exportLogs', entityType: 'modelWorkers.visit', entityId: 'export', summary: `导出助企行走访记录（${range}）${totals.visits} 次` });
  });
  return xlsxFile(lang === 'zh' ? `助企行走访记录-${today(ctx)}.xlsx` : `visits-${today(ctx)}.xlsx`, bytes, written);
}

/** Who could answer the request, best first (skills, occupation, this year's load, level). */
export async function suggest(ctx: Ctx, input: In<typeof requestIdInput>) {
  const request = await visits(ctx).request(ctx.scope, input.requestId);
  if (!request) throw requestMissing();
  const [people, ofYear] = await Promise.all([store(ctx).allPeople(ctx.scope), visits(ctx).visitsOfYear(ctx.scope.tenantId, thisYear(ctx))]);
  return rankMatches(people, request, visitsPerPerson(ofYear, thisYear(ctx)), today(ctx));
}

async function peopleOf(ctx: Ctx, personIds: readonly string[]): Promise<Person[]> {
  return Promise.all(personIds.map((id) => store(ctx).getPerson(ctx.scope, id)));
}

export async function match(ctx: Ctx, input: In<typeof matchInput>) {
  const people = await peopleOf(ctx, input.personIds);
  return transition(
    ctx,
    {
      load: () => visits(ctx).request(ctx.scope, input.requestId),
      missing: requestMissing,
      expectedVersion: input.version,
      decide: (before, _i, dctx) => matchPeople(before, people, dctx),
      save: (uow, after, before) => visits(ctx).saveRequest(uow, after, before.version),
      view: requestView,
    },
    input,
  );
}

/** Logs a visit: the request's totals and status, the visit record and `modelWorkers.visit.logged`, in one transaction. */
export async function log(ctx: Ctx, input: In<typeof logVisitInput>) {
  const people = await peopleOf(ctx, input.personIds);
  const visitId = newId();
  let visit: Visit | undefined;
  return transition(
    ctx,
    {
      load: () => visits(ctx).request(ctx.scope, input.requestId),
      missing: requestMissing,
      expectedVersion: input.version,
      decide: (before, i, dctx) => {
        const out = logVisit(before, { visitId, visitedOn: i.visitedOn, problemsSolved: i.problemsSolved, peopleTrained: i.peopleTrained, note: i.note, closes: i.closes }, people, dctx);
        visit = out.visit;
        return out.decision;
      },
      save: (uow, after, before) => {
        visits(ctx).saveRequest(uow, after, before.version);
        visits(ctx).addVisit(uow, visit!);
      },
      view: (after) => ({ ...requestView(after), visitId }),
    },
    input,
  );
}

/** The contact in clear: an audited read. */
export async function reveal(ctx: Ctx, input: In<typeof requestIdInput>) {
  const request = await visits(ctx).request(ctx.scope, input.requestId);
  if (!request) throw requestMissing();
  const contact = JSON.parse(await decrypt(ctx, request.contactEncrypted, cipherField.visitContact)) as { name: string; phone: string };
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'modelWorkers.visitRequest', entityId: request.requestId, summary: `查看助企行需求「${request.enterprise}」的联系人（明文）`, fields: ['contactName', 'contactPhone'] });
  });
  return { contactName: contact.name, contactPhone: contact.phone };
}
