import { conflict, invalid, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { unitTypes, type Unit, type UnitType } from '@ufp/core/units/unit';
import { z } from 'zod';
import type { CursorCodec } from '../cursor.js';
import { keys, tenantPrefix } from '../keys.js';
import { filterExpression, getItem, queryPage, type Page } from '../query.js';
import { parseStored } from '../stored.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

const duplicateUscc = (uscc: string) =>
  conflict({ zh: `统一社会信用代码 ${uscc} 已登记`, en: `USCC ${uscc} is already registered` }, { field: 'uscc' });

/** A unit as stored (parsed on read). */
export const storedUnit = z.object({
  unitId: z.string(),
  tenantId: z.string(),
  name: z.string(),
  type: z.enum(unitTypes),
  uscc: z.string().optional(),
  memberCount: z.number().int(),
  chair: z.object({ name: z.string(), phoneEncrypted: z.string().optional(), phoneMasked: z.string().optional() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Unit>;

const parseUnit = (item: Record<string, unknown>): Unit => parseStored(storedUnit, item, 'unit');

export class UnitRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  /** A unit of the scope's tenant; a unit reporter only ever sees their own unit. */
  async get(scope: TenantScope, unitId: string): Promise<Unit> {
    if (scope.unitId && scope.unitId !== unitId) throw notFound({ zh: '基层工会', en: 'Union' });
    const item = await getItem<Record<string, unknown>>(this.table, keys.unit(scope.tenantId, unitId));
    if (!item) throw notFound({ zh: '基层工会', en: 'Union' });
    return parseUnit(item);
  }

  async list(scope: TenantScope, filter: { type?: UnitType; q?: string }, page: { cursor?: string; limit?: number }): Promise<Page<Unit>> {
    if (scope.unitId) {
      // A reporter's list is their one unit: there is no next page, so any cursor is foreign.
      if (page.cursor) throw invalid({ zh: '分页游标无效或不属于当前租户', en: 'Invalid cursor, or it belongs to another tenant' }, { field: 'cursor' });
      return { items: [await this.get(scope, scope.unitId)] };
    }
    const search = filter.q
      ? [{ expression: '(contains(#name, :q) OR uscc = :q)', names: { '#name': 'name' }, values: { ':q': filter.q } }]
      : [];
    const { values, ...filterParts } = filterExpression({ type: filter.type }, search);
    return queryPage<Unit>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      {
        KeyConditionExpression: 'pk = :pk',
        ...filterParts,
        ExpressionAttributeValues: { ':pk': keys.unitPartition(scope.tenantId), ...values },
        ScanIndexForward: false,
      },
      { ...page, map: parseUnit },
    );
  }

  /** Every unit the scope sees (a federation holds hundreds): for imports and exports that look units up by name or id. */
  async all(scope: TenantScope): Promise<Unit[]> {
    const out: Unit[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(scope, {}, { cursor, limit: 200 });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  add(uow: UnitOfWork, unit: Unit): void {
    uow.create({ ...keys.unit(unit.tenantId, unit.unitId), kind: 'unit', ...unit }, conflict({ zh: '基层工会已存在', en: 'Unit already exists' }));
    if (unit.uscc) this.guardUscc(uow, unit);
  }

  replace(uow: UnitOfWork, before: Unit, after: Unit): void {
    uow.replaceVersioned({ ...keys.unit(after.tenantId, after.unitId), kind: 'unit', ...after }, before.version, staleVersion());
    if (before.uscc !== after.uscc) {
      if (before.uscc) uow.delete(keys.uniqueGuard(before.tenantId, 'USCC', before.uscc));
      if (after.uscc) this.guardUscc(uow, after);
    }
  }

  private guardUscc(uow: UnitOfWork, unit: Unit): void {
    uow.create({ ...keys.uniqueGuard(unit.tenantId, 'USCC', unit.uscc!), kind: 'guard', unitId: unit.unitId }, duplicateUscc(unit.uscc!));
  }
}
