import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { EventEnvelope } from '@ufp/core/events';
import { ConsumerRunner } from '@ufp/events/consumer-runner';
import { defineManifest, defineModule, type ConsumerDeps } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { composeLazily, routesAt } from './compose.js';
import { lazilyRegistered, lazyModules } from './lazy-modules.js';

const deps: ConsumerDeps = { table: { name: 't', doc: {} as never }, clock: { now: () => new Date() }, cursors: {} as never, cipher: {} as never, blindIndexKey: Buffer.alloc(32) };
const anonymous = { deps: {}, correlationId: 'c', authProblem: 'missing' };
const paths = (r: { _def: { procedures: object } }) => Object.keys(r._def.procedures).sort();

describe('the API function composition (feature modules loaded on first use)', () => {
  // This file imports only the manifests: a module is in memory when its procedure is first called.
  it('serves me at once and loads a module only when one of its procedures is called', async () => {
    const composition = lazilyRegistered();
    expect(paths(composition.router)).toEqual(['me']);
    const caller = composition.router.createCaller(anonymous) as unknown as Record<string, Record<string, Record<string, () => Promise<unknown>>>>;
    // Found (its middleware ran and refused the bare context), where an unknown path is NOT_FOUND.
    await expect(caller.tenThings!.plans!.list!()).rejects.toSatisfy((e: TRPCError) => e.code !== 'NOT_FOUND');
    expect(paths(composition.router).every((p) => p === 'me' || p.startsWith('tenThings.'))).toBe(true);
    expect(paths(composition.router).filter((p) => p.startsWith('tenThings.')).length).toBeGreaterThan(10);
    await expect(caller.tenThings!.plans!.nothingHere!()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ends with exactly the procedures, upload limits and indicators of the loaded composition', async () => {
    const composition = lazilyRegistered();
    const caller = composition.router.createCaller(anonymous) as unknown as Record<string, Record<string, unknown>>;
    // Touching one procedure per lazy route loads every module.
    for (const m of lazyModules) for (const key of m.routes ?? [m.manifest.name]) await (caller[key]!.anything as () => Promise<unknown>)().catch(() => undefined);
    const { registered } = await import('./modules.js');
    expect(paths(composition.router)).toEqual(paths(registered.router));
    expect(composition.bodyLimits).toEqual(registered.bodyLimits);
    expect(composition.indicators.indicators.map((i) => i.key).sort()).toEqual(registered.indicators.indicators.map((i) => i.key).sort());
    expect(composition.indicators.derived.map((i) => i.key).sort()).toEqual(registered.indicators.derived.map((i) => i.key).sort());
    expect(Object.keys(await composition.loadConsumers!(deps)).sort()).toEqual(Object.keys(registered.consumers(deps)).sort());
    expect((await composition.recounts()).map((r) => r.module).sort()).toEqual((await registered.recounts()).map((r) => r.module).sort());
  });

  it('lists the same modules as modules.ts, each manifest the one its module was built from', async () => {
    const { modules } = await import('./modules.js');
    expect(lazyModules.map((m) => m.manifest.name)).toEqual(modules.map((m) => m.name));
    for (const lazy of lazyModules) {
      const m = await lazy.load();
      expect(m.name).toBe(lazy.manifest.name);
      expect({ label: m.label, assignable: m.assignable, notifies: m.notifies, indicators: m.indicators, bodyLimits: m.bodyLimits }).toEqual({
        label: lazy.manifest.label,
        assignable: lazy.manifest.assignable,
        notifies: lazy.manifest.notifies,
        indicators: lazy.manifest.indicators,
        bodyLimits: lazy.manifest.bodyLimits,
      });
      const keys = Object.keys(m.router._def.record).sort();
      expect([...(lazy.routes ?? [lazy.manifest.name]), ...Object.keys(lazy.eager?._def.record ?? {})].sort(), `${m.name}'s routes`).toEqual(keys);
    }
  });

  it('refuses a module registered twice and a lazy route that is not a sub-router', async () => {
    const manifest = defineManifest({ name: 'fixture', label: { zh: '测试', en: 'Fixture' } });
    const fixture = defineModule({ ...manifest, router: router({ fixture: router({}) }) });
    const load = async () => fixture;
    expect(() => composeLazily([{ manifest, load }, { manifest, load }])).toThrow(/registered twice/);
    const platform = await lazyModules[0]!.load();
    expect(() => routesAt(platform, 'me')).toThrow(/no sub-router me/);
    expect(() => routesAt(platform, 'nothing')).toThrow(/no sub-router nothing/);
  });
});

describe('a consumer runner with consumers still to load', () => {
  const envelope = { id: 'e1', source: 's', 'detail-type': 'x.y.happened', time: '2026-01-01T00:00:00Z', detail: { data: {}, meta: { tenantId: 't1' } } } as unknown as EventEnvelope;
  const table = { name: 't', doc: { send: async () => ({}) } as never };

  it('loads them once, on the first delivery to one of them, and retries a load that failed', async () => {
    const seen: string[] = [];
    let loads = 0;
    const runner = new ConsumerRunner(table, {}, {} as never, { attempts: 1, baseDelayMs: 1 }, async () => {
      loads++;
      if (loads === 1) throw new Error('chunk missing');
      return { later: async (e) => void seen.push(e.id) };
    });
    await expect(runner.consume('later', envelope)).rejects.toThrow(/chunk missing/);
    expect(await runner.consume('later', envelope)).toBe('processed');
    expect(await runner.consume('later', envelope)).toBe('processed');
    expect(loads).toBe(2);
    expect(seen).toEqual(['e1', 'e1']);
    await expect(runner.consume('unknown', envelope)).rejects.toThrow(/no consumer registered for handler unknown/);
  });
});
