import type { YearDeltas } from '@ufp/core/rollups/indicators';
import type { Tenant } from '@ufp/core/tenancy/scope';
import type { Unit } from '@ufp/core/units/unit';
import { keys } from '@ufp/db/keys';
import { queryAll } from '@ufp/db/query';
import { storedUnit } from '@ufp/db/repositories/units';
import { parseStored } from '@ufp/db/stored';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { valuesFromDeltas, yearOfInstant } from '@ufp/kit/recount';
import { unitMetrics } from './domain/unit.js';
import { unitIndicators } from './metrics.js';

/**
 * The units figures a tenant's unit records imply: each unit counted (with its members and type) from the year it
 * was created. The record keeps its current type and member count only, so an earlier year is counted with today's
 * values: exact for the current year, and for earlier years unless a unit was edited after them.
 */
export function unitDeltas(units: readonly Pick<Unit, 'type' | 'memberCount' | 'createdAt'>[]): YearDeltas[] {
  return units.map((u) => ({ year: yearOfInstant(u.createdAt), metrics: unitMetrics(u) }));
}

/** Every units indicator is recountable (units are never deleted). */
export const notRecountable: readonly NotRecountable[] = [];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const items = await queryAll(deps.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.unitPartition(tenant.id) } });
  const units = items.map((i) => parseStored(storedUnit, i, 'unit'));
  return valuesFromDeltas(unitIndicators, year, unitDeltas(units));
}

export const recounting = { recount, notRecountable };
