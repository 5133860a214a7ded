import { describe, expect, it } from 'vitest';
import type { DecideContext } from '@ufp/kit/transition';
import { adopt, assertCampaignFits, deedsLongOf, deedsShortOf, dismiss, draftIdOf, draftSchema, verifyPathOf, type Draft } from './draft.js';
import { refusal } from '@ufp/testing/refusal';

const ctx: DecideContext = { now: new Date('2026-06-01T04:00:00Z'), today: '2026-06-01', scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff-1', roles: ['federation_staff'] } } };
const draft: Draft = draftSchema.parse({
  draftId: draftIdOf('ev1', 'c1', 'provincial_may_day_medal'),
  tenantId: 't',
  source: {
    competitionId: 'cp1',
    eventId: 'ev1',
    contestantId: 'c1',
    competitionName: { zh: '2026年兴发工匠杯职业技能竞赛', en: 'Xingfa Craftsman Cup 2026' },
    eventName: { zh: '焊工', en: 'Welding' },
    tradeCode: '6-18-02-04',
    competitionClass: 'provincial',
    stage: 'final',
    rank: 1,
    resultsHash: 'abcdef0123456789abcdef',
    finalizedAt: '2026-05-20T08:00:00.000Z',
    deliveryId: 'e-1',
  },
  honourCode: 'provincial_may_day_medal',
  honourName: { zh: '省五一劳动奖章', en: 'Provincial May Day Labour Medal' },
  level: 'provincial',
  person: { name: '王建国', nameMasked: '王*国', idCipher: 'x', idMasked: '3212**********0011', gender: 'male', birthDate: '1980-01-01' },
  evidence: { kind: 'competitionResult', competitionId: 'cp1', eventId: 'ev1', rank: 1, resultsHash: 'abcdef0123456789abcdef', verifyPath: verifyPathOf('t', 'ev1') },
  status: 'open',
  version: 1,
  createdAt: '',
  updatedAt: '',
});


describe('a draft’s identity', () => {
  it('is derived from (赛项, contestant, honour): the same three give the same id, any other differs', () => {
    expect(draftIdOf('ev1', 'c1', 'h')).toBe(draftIdOf('ev1', 'c1', 'h'));
    expect(new Set([draftIdOf('ev1', 'c1', 'h'), draftIdOf('ev1', 'c1', 'h2'), draftIdOf('ev1', 'c2', 'h'), draftIdOf('ev2', 'c1', 'h'), draftIdOf('ev1c', '1', 'h')]).size).toBe(5);
    expect(draftIdOf('ev1', 'c1', 'h')).toMatch(/^crd-[A-Za-z0-9_-]{32}$/);
  });

  it('links to the 赛项’s public verification page', () => {
    expect(verifyPathOf('321281', 'ev1')).toBe('/verify/competitions/321281/ev1');
  });
});

describe('the pre-filled 事迹', () => {
  it('names the competition, the 赛项 and the rank; the long form carries the verifiable result', () => {
    expect(deedsShortOf(draft)).toBe('在2026年兴发工匠杯职业技能竞赛焊工中获得第1名');
    expect(deedsLongOf(draft)).toContain('2026-05-20');
    expect(deedsLongOf(draft)).toContain('/verify/competitions/t/ev1');
  });
});

describe('adopting and dismissing', () => {
  const adoption = { campaignId: 'cm1', nominationId: 'n1', personId: 'p1', personCreated: true };

  it('an open draft is adopted with its nomination and person, audited', () => {
    const { after, audit } = adopt(draft, adoption, ctx);
    expect(after).toMatchObject({ status: 'adopted', adopted: { by: 'staff-1', on: '2026-06-01', ...adoption }, person: { personId: 'p1' } });
    expect(audit).toMatchObject({ action: 'modelWorkers.drafts.adopt', entityId: draft.draftId });
    expect(audit.summary).not.toContain('王建国');
  });

  it('an open draft is dismissed with the reason, audited', () => {
    const { after, audit } = dismiss(draft, { reason: '已另行推荐' }, ctx);
    expect(after).toMatchObject({ status: 'dismissed', dismissed: { by: 'staff-1', reason: '已另行推荐' } });
    expect(audit.action).toBe('modelWorkers.drafts.dismiss');
  });

  it('a draft is handled once: adopting or dismissing an adopted or dismissed draft is refused with 409', () => {
    const adopted = adopt(draft, adoption, ctx).after;
    const dismissed = dismiss(draft, { reason: '不符合条件' }, ctx).after;
    for (const d of [adopted, dismissed]) {
      expect(refusal(() => adopt(d, adoption, ctx))).toMatchObject({ kind: 'conflict' });
      expect(refusal(() => dismiss(d, { reason: 'x' }, ctx))).toMatchObject({ kind: 'conflict' });
    }
    expect(refusal(() => adopt(adopted, adoption, ctx)).message).toContain('已采用');
  });

  it('is adopted into a campaign of its own honour only', () => {
    expect(() => assertCampaignFits(draft, { code: 'provincial_may_day_medal', honour: { zh: '省五一劳动奖章', en: 'x' } })).not.toThrow();
    const e = refusal(() => assertCampaignFits(draft, { code: 'city_model_worker', honour: { zh: '市级劳动模范', en: 'City Model Worker' } }));
    expect(e.message).toContain('省五一劳动奖章');
    expect(e).toMatchObject({ kind: 'conflict' });
  });
});
