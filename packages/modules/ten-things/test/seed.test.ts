import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'demo' });
}, 300_000);
afterAll(() => p?.dispose());

it('seeds 兴化 2024: ten adopted items voted from twelve candidates, with a year of progress', async () => {
  const plans = await p.query(adminOf('321281'), 'tenThings.plans.list', { year: 2024 });
  expect(plans.data.items).toHaveLength(1);
  const view = await p.query(adminOf('321281'), 'tenThings.plans.get', { planId: plans.data.items[0].planId });
  expect(view.data.items).toHaveLength(12);
  expect(view.data.items.filter((i: { stage: string }) => i.stage === 'adopted')).toHaveLength(10);
  expect(view.data.summary.byStatus.done).toBeGreaterThanOrEqual(3);
}, 60_000);
