import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { modules } from '@ufp/api/modules';
import { conflict } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { tenantPrefix } from '@ufp/db/keys';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { defineConsumer, defineModule } from '@ufp/kit/module';
import { router, tenantProcedure, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { registeredAccess, roleKeys, type AccessTable } from '@ufp/testing/access';
import { expectedColumns, matrixGaps, refusal } from '@ufp/testing/matrix';
import { adminOf, createTenant, leaderOf, operator, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The kit end to end: a minimal module — one command, one event, one consumer, one tick — built with
 * `defineModule` and handed to the platform as one more entry of the module list, nothing else registered.
 */
const noteAdded = defineEvent('fixture.note.added', z.object({ noteId: z.string(), length: z.number().int(), ...metricFields }));

const noteKey = (tenantId: string, noteId: string) => ({ pk: `${tenantPrefix(tenantId)}FIXTURE`, sk: `NOTE#${noteId}` });
const seenKey = (tenantId: string, noteId: string) => ({ pk: `${tenantPrefix(tenantId)}FIXTURE`, sk: `SEEN#${noteId}` });
const tickKey = (tenantId: string, day: string) => ({ pk: `${tenantPrefix(tenantId)}FIXTURE`, sk: `TICK#${day}` });

const notes = {
  add: (ctx: Context & { scope: TenantScope }, input: { text: string }) =>
    write(ctx, (uow) => {
      const noteId = newId();
      uow.create({ ...noteKey(ctx.scope.tenantId, noteId), kind: 'fixtureNote', text: input.text }, conflict({ zh: '重复', en: 'Duplicate' }));
      uow.emit(noteAdded.create({ noteId, length: input.text.length }));
      uow.audit({ action: 'fixture.notes.add', entityType: 'fixtureNote', entityId: noteId, summary: `记事（${input.text.length} 字）` });
      return { noteId };
    }),
};

const fixtureModule = defineModule({
  name: 'fixture',
  label: { zh: '测试模块', en: 'Fixture module' },
  router: router({ fixture: router({ notes: router({ add: tenantProcedure(['federation_admin']).input(z.object({ text: z.string().min(1).max(20) })).mutation(({ ctx, input }) => notes.add(ctx, input)) }) }) }),
  events: [noteAdded],
  consumers: [
    defineConsumer({
      name: 'fixtureNoteSeen',
      description: 'Marks each added note as seen (the fixture module of the kit test)',
      events: [noteAdded],
      create:
        ({ table }) =>
        async (event, effects) => {
          const { noteId, length } = event.detail.data; // typed by the event's schema
          effects.add({ Put: { TableName: table.name, Item: { ...seenKey(event.detail.meta.tenantId, noteId), length, type: event['detail-type'] } } });
        },
    }),
  ],
  ticks: [({ table }) => ({ name: 'fixture', run: async ({ tenant, today, effects }) => void effects.add({ Put: { TableName: table.name, Item: { ...tickKey(tenant.id, today), ran: true } } }) })],
});

/** The fixture module's permission rows, where a real module keeps them (`test/access.ts`). */
const fixtureAccess: AccessTable = { 'fixture.notes.add': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ text: '一条记事' }) } };

const T = '321281';
let p: TestPlatform;
const get = async (key: { pk: string; sk: string }) => (await p.runtime.deps.table.doc.send(new GetCommand({ TableName: p.runtime.deps.table.name, Key: key, ConsistentRead: true }))).Item;

beforeAll(async () => {
  p = await startTestPlatform({ modules: [...modules, fixtureModule] });
  await createTenant(p, T, T);
});
afterAll(() => p?.dispose());

describe('a module built with defineModule and added to the module list', () => {
  it('is routed: its command answers over HTTP at its path', async () => {
    const res = await p.mutate(adminOf(T), 'fixture.notes.add', { text: '你好' });
    expect(res.status).toBe(200);
    expect(res.data.noteId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await get(noteKey(T, res.data.noteId))).toMatchObject({ text: '你好' });
  });

  it('is authorised by its tier: other roles are refused, no token is 401, bad input is 400 and writes nothing', async () => {
    expect((await p.mutate(staffOf(T), 'fixture.notes.add', { text: 'x' })).status).toBe(403);
    expect((await p.mutate(operator, 'fixture.notes.add', { text: 'x' })).status).toBe(403);
    expect((await p.mutate(leaderOf('32'), 'fixture.notes.add', { text: 'x' })).status).toBe(403);
    expect((await p.mutate(null, 'fixture.notes.add', { text: 'x' })).status).toBe(401);
    const bad = await p.mutate(adminOf(T), 'fixture.notes.add', { text: '' });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.issues?.[0]?.path).toEqual(['text']);
  });

  it('is audited: the command left its entry in the tenant audit log, in the same transaction', async () => {
    const { noteId } = (await p.mutate(adminOf(T), 'fixture.notes.add', { text: '审计' })).data;
    const log = (await p.query(adminOf(T), 'audit.list', { action: 'fixture.notes.add', limit: 50 })).data.items as { entityId: string; actor: string }[];
    expect(log.find((e) => e.entityId === noteId)).toMatchObject({ actor: `admin-${T}` });
  });

  it('is delivered: its event reaches its consumer through the rule table, parsed', async () => {
    const { noteId } = (await p.mutate(adminOf(T), 'fixture.notes.add', { text: '投递测试' })).data;
    await p.settle();
    expect(await get(seenKey(T, noteId))).toMatchObject({ length: 4, type: 'fixture.note.added' });
    expect(p.runtime.composition.ruleTable.find((r) => r.handler === 'fixtureNoteSeen')).toMatchObject({ name: 'fixture-note-seen', pattern: { 'detail-type': ['fixture.note.added'] } });
  });

  it('has its tick run by the daily tick, once per active tenant and day', async () => {
    p.clock.set(new Date('2026-03-02T02:00:00Z'));
    await p.scheduler.tick();
    await p.settle();
    expect(await get(tickKey(T, '2026-03-02'))).toMatchObject({ ran: true });
  });

  it('a malformed payload for its consumer fails the delivery (to retry, then dead-letter), never reaching the handler', async () => {
    const handler = p.runtime.composition.consumers({ table: p.runtime.deps.table, clock: p.clock, cursors: p.runtime.deps.cursors, cipher: p.runtime.deps.cipher, blindIndexKey: p.runtime.deps.blindIndexKey }).fixtureNoteSeen!;
    const envelope = { id: 'e1', source: 'federation.fixture', 'detail-type': 'fixture.note.added', time: new Date().toISOString(), detail: { data: { noteId: 1 }, meta: { tenantId: T, divisionCode: T, actor: 'x', correlationId: 'c', occurredAt: '', v: 1 } } };
    await expect(handler(envelope, { items: [], add: () => ({}) } as never)).rejects.toThrow();
  });

  it('is listed in the permission matrix: its procedure needs a row, and its row decides the columns', () => {
    const router = p.runtime.composition.router;
    expect(matrixGaps(router, registeredAccess).missing).toEqual(['fixture.notes.add']);
    expect(matrixGaps(router, { ...registeredAccess, ...fixtureAccess })).toEqual({ missing: [], stale: [] });
    expect(expectedColumns('fixture.notes.add', fixtureAccess['fixture.notes.add']!)).toEqual(['federation_admin']);
  });

  it('answers every matrix column as its row says', async () => {
    const allowed = expectedColumns('fixture.notes.add', fixtureAccess['fixture.notes.add']!);
    const columns: Partial<Record<(typeof roleKeys)[number], Parameters<TestPlatform['mutate']>[0]>> = {
      platform_operator: operator,
      federation_admin: adminOf(T),
      federation_staff: staffOf(T),
      'leadership_viewer(scope 32)': leaderOf('32'),
    };
    for (const [column, claims] of Object.entries(columns)) {
      const res = await p.mutate(claims!, 'fixture.notes.add', { text: '矩阵' });
      expect(res.status, column).toBe(allowed.includes(column as never) ? 200 : refusal(column as never).status);
    }
  });
});
