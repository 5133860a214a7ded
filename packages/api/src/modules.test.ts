import { describe, expect, it } from 'vitest';
import { assignableModules } from '@ufp/core/roles';
import { compose } from './compose.js';
import { modules, notifyingModules, registered } from './modules.js';

describe('the module list', () => {
  it('names exactly the modules staff can be assigned to as assignable (staff assignment and the console read assignableModules)', () => {
    expect(modules.filter((m) => m.assignable).map((m) => m.name).sort()).toEqual([...assignableModules].sort());
  });

  it('lets only assignable modules raise notifications (the notification filter takes assignable module names)', () => {
    expect(notifyingModules.every((m) => (assignableModules as readonly string[]).includes(m))).toBe(true);
  });

  it('gives every consumer a rule and a handler of the same name, each rule name once', () => {
    const handlers = Object.keys(registered.consumers({ table: { name: 't', doc: {} as never }, clock: { now: () => new Date() }, cursors: {} as never, cipher: {} as never, blindIndexKey: Buffer.alloc(32) }));
    const moduleRules = registered.ruleTable.filter((r) => r.handler !== 'rollupProjector' && r.handler !== 'dailyTick');
    expect(moduleRules.map((r) => r.handler).sort()).toEqual(handlers.sort());
    expect(new Set(registered.ruleTable.map((r) => r.name)).size).toBe(registered.ruleTable.length);
  });

  it('refuses a module registered twice', () => {
    expect(() => compose([...modules, modules[1]])).toThrow(/registered twice/);
  });

  it('takes each module event type from its own module name', () => {
    for (const m of modules) for (const e of m.events) expect(e.type.split('.')[0], e.type).toBe(m.name === 'platform' ? e.type.split('.')[0] : m.name);
  });
});
