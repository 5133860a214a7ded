import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { signLocalToken, type Claims, type LocalSigningKeys } from '@ufp/kit/auth';
import type { SeedApi } from '@ufp/kit/seed';
import { usccCheckCharacter } from '@ufp/core/validation/uscc';
import { directoryLookup, type TenantUser, type User } from '@ufp/db/repositories/users';
import type { Table } from '@ufp/db/table';
import type { LoadedComposition } from '@ufp/api/compose';

/** A valid unified social credit code for a demo enterprise (9 = 工商, 1 = 企业). */
export function demoUscc(divisionCode: string, serial: number): string {
  const body = `91${divisionCode}${String(serial).padStart(8, '0')}K`.slice(0, 17);
  return body + usccCheckCharacter(body);
}

interface DemoUnit {
  name: string;
  type: 'enterprise' | 'industry' | 'regional' | 'new_employment_form';
  memberCount: number;
  chair: { name: string; phone?: string };
  uscc?: boolean;
}

/** The demo federations (their division codes are current GB/T 2260 codes: tests/divisions.dataset.test.ts). */
export const demoTenants = [
  { id: '3212', name: '泰州市总工会', level: 'city', divisionCode: '321200' },
  { id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321281' },
  { id: '321282', name: '靖江市总工会', level: 'county', divisionCode: '321282' },
] as const;

const units: Record<string, DemoUnit[]> = {
  '3212': [
    { name: '泰州市快递行业工会联合会', type: 'industry', memberCount: 1860, chair: { name: '陈立群', phone: '13905261234' } },
    { name: '泰州医药高新区总工会', type: 'regional', memberCount: 5200, chair: { name: '周海燕' } },
  ],
  '321281': [
    { name: '兴化市戴南镇不锈钢产业工会联合会', type: 'industry', memberCount: 3400, chair: { name: '王建国', phone: '13801234567' } },
    { name: '江苏兴化钢铁制品有限公司工会', type: 'enterprise', memberCount: 620, chair: { name: '李红', phone: '13912345678' }, uscc: true },
    { name: '兴化市货车司机工会', type: 'new_employment_form', memberCount: 450, chair: { name: '张军' } },
    { name: '兴化市昭阳街道总工会', type: 'regional', memberCount: 2100, chair: { name: '赵敏' } },
  ],
  '321282': [
    { name: '靖江市船舶制造有限公司工会', type: 'enterprise', memberCount: 1380, chair: { name: '孙强', phone: '13773451234' }, uscc: true },
    { name: '靖江市外卖配送员工会', type: 'new_employment_form', memberCount: 380, chair: { name: '钱丽' } },
  ],
};

const operator: Claims = { sub: 'demo-operator', name: '平台运营', roles: ['platform_operator'] };

export type { SeedApi } from '@ufp/kit/seed';


/**
 * Seeds a new data directory through the API itself (the same code paths, events, audit and
 * rollups as real use), plus directory entries for the demo login.
 */
export async function seedDemo(app: Hono, table: Table, signing: LocalSigningKeys, moduleSeeds: LoadedComposition['seeds']): Promise<void> {
  const send = async (claims: Claims, path: string, input: unknown, kind: 'query' | 'mutation') => {
    const token = await signLocalToken(signing, claims);
    const send = () =>
      kind === 'query'
        ? app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } })
        : app.request(`/trpc/${path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    let res = await send();
    // A well-behaved client: under a low fairness limit (FAIR_USE_PER_TENANT) the seed waits as told and goes on.
    for (let tries = 0; res.status === 429 && tries < 5; tries++) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 5) * 1000));
      res = await send();
    }
    const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
    if (!res.ok) throw new Error(`seed ${path} failed: ${res.status} ${JSON.stringify(body.error)}`);
    return body.result?.data as Record<string, unknown>;
  };
  const call = (claims: Claims, path: string, input: unknown) => send(claims, path, input, 'mutation');

  await putDirectoryUser(table, { userId: 'demo-operator', name: '平台运营', roles: ['platform_operator'], createdAt: new Date().toISOString() });
  await putDirectoryUser(table, { userId: 'demo-leader-32', name: '省总领导', roles: ['leadership_viewer'], scope: '32', createdAt: new Date().toISOString() });

  const seeded: SeedApi['tenants'] = [];
  const reporters = new Map<string, Claims>();
  for (const t of demoTenants) {
    await call(operator, 'platform.tenants.create', t);
    const admin: Claims = { sub: `demo-admin-${t.id}`, name: `${t.name}管理员`, roles: ['federation_admin'], tenantId: t.id };
    // The first admin of a tenant is provisioned by the operator; later users by that admin.
    await putTenantUser(table, { userId: admin.sub, tenantId: t.id, name: '管理员', roles: ['federation_admin'], status: 'active', createdAt: new Date().toISOString(), version: 1 });
    let serial = 1;
    const created: string[] = [];
    for (const u of units[t.id] ?? []) {
      const unit = await call(admin, 'units.create', {
        name: u.name,
        type: u.type,
        memberCount: u.memberCount,
        chair: u.chair,
        uscc: u.uscc ? demoUscc(t.divisionCode, serial++) : undefined,
      });
      created.push(String(unit.unitId));
    }
    const staff = await call(admin, 'users.create', { name: '工作人员', roles: ['federation_staff'] });
    const reporter = await call(admin, 'users.create', { name: '填报员', roles: ['unit_reporter'], unitId: created[0] });
    reporters.set(t.id, { sub: String(reporter.userId), name: '填报员', roles: ['unit_reporter'], tenantId: t.id, unitId: created[0] });
    reporters.set(`staff:${t.id}`, { sub: String(staff.userId), name: '工作人员', roles: ['federation_staff'], tenantId: t.id });
    seeded.push({ ...t, unitIds: created });
    if (t.level === 'city') {
      await putTenantUser(table, { userId: `demo-leader-${t.id}`, tenantId: t.id, scope: '3212', name: '市总领导', roles: ['leadership_viewer'], status: 'active', createdAt: new Date().toISOString(), version: 1 });
    }
  }
  const api: SeedApi = {
    call,
    query: (claims, path, input) => send(claims, path, input, 'query'),
    tenants: seeded,
    admin: (tenantId) => ({ sub: `demo-admin-${tenantId}`, name: '管理员', roles: ['federation_admin'], tenantId }),
    staff: (tenantId) => reporters.get(`staff:${tenantId}`)!,
    reporter: (tenantId) => reporters.get(tenantId)!,
    upload: async (ticket, bytes) => {
      const res = await app.request(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: bytes as Uint8Array<ArrayBuffer> });
      if (!res.ok) throw new Error(`seed upload failed: ${res.status}`);
    },
  };
  for (const seedModule of moduleSeeds) await seedModule(api);
}

async function putDirectoryUser(table: Table, user: User): Promise<void> {
  await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'PLATFORM#USER', sk: user.userId, ...directoryLookup(user), kind: 'user', ...user } }));
}

async function putTenantUser(table: Table, user: TenantUser): Promise<void> {
  await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: `T#${user.tenantId}#USER`, sk: user.userId, ...directoryLookup(user), kind: 'user', ...user } }));
}

