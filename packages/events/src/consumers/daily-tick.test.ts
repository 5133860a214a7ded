import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import type { Tenant } from '@ufp/core/tenancy/scope';
import { compilePattern } from '../pattern/index.js';
import { platformRules, tenantTickRule } from '../rules.js';
import { tenantTickEvent, tickDay } from './daily-tick.js';

const tick = (data: Record<string, unknown>, time: string, id = 't1'): EventEnvelope => ({
  id,
  source: 'federation.scheduler',
  'detail-type': 'schedule.tick',
  time,
  detail: { data, meta: { tenantId: 'platform', divisionCode: '', actor: 'scheduler', correlationId: id, occurredAt: time, v: 1 } },
});

const tenant = { id: 'rugao', divisionCode: '320682', status: 'active' } as Tenant;
const matches = (name: string, e: EventEnvelope) => compilePattern([...platformRules, tenantTickRule('contracts')].find((r) => r.name === name)!.pattern)(e);

describe('daily tick', () => {
  it('takes the Shanghai calendar day of a scheduled tick at 00:05 +08:00, which is the previous UTC day', () => {
    expect(tickDay(tick({ scheduledTime: '2026-10-08T16:05:00Z' }, '2026-10-08T16:05:01Z'))).toBe('2026-10-09');
  });

  it('uses an explicit date when the local scheduler gives one', () => {
    expect(tickDay(tick({ date: '2027-03-01' }, '2027-02-28T18:00:00Z'))).toBe('2027-03-01');
  });

  it("gives a tenant's share of a tick an id from the tick's and the tenant's, so a repeated tick fans out to the same events", () => {
    const first = tenantTickEvent(tick({}, '2026-10-08T16:05:01Z', '2026-10-08T16:05:00Z'), '2026-10-09', tenant);
    const again = tenantTickEvent(tick({}, '2026-10-08T16:05:09Z', '2026-10-08T16:05:00Z'), '2026-10-09', tenant);
    expect(first.id).toBe(again.id);
    expect(first.id).not.toBe(tenantTickEvent(tick({}, '2026-10-09T16:05:01Z', '2026-10-09T16:05:00Z'), '2026-10-10', tenant).id);
    expect(first.detail.meta).toMatchObject({ tenantId: 'rugao', divisionCode: '320682', correlationId: '2026-10-08T16:05:00Z' });
    expect(first.detail.data).toEqual({ date: '2026-10-09' });
    expect(tickDay(first)).toBe('2026-10-09');
  });

  it("routes a tenant's tick to the modules' tenant-tick rules only: not back to the daily tick, not to the rollup projector", () => {
    const share = tenantTickEvent(tick({}, '2026-10-08T16:05:01Z'), '2026-10-09', tenant);
    expect(matches('tenant-tick-contracts', share)).toBe(true);
    expect(matches('daily-tick', share)).toBe(false);
    expect(matches('rollup-projector', share)).toBe(false);
    expect(matches('tenant-tick-contracts', tick({}, '2026-10-08T16:05:01Z'))).toBe(false);
  });

  it('names a module rule and its handler after the module', () => {
    expect(tenantTickRule('tenThings')).toMatchObject({ name: 'tenant-tick-ten-things', handler: 'tenThingsTick' });
  });
});
