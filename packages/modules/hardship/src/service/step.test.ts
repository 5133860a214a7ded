import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import type { HardshipFile } from '../domain/file.js';
import { fileApproved, fileExited } from '../events.js';
import { decideStep } from './step.js';

const file: HardshipFile = {
  fileId: 'f1',
  tenantId: 't1',
  unitId: 'u1',
  status: 'noticed',
  worker: { name: '周建华', nameMasked: '周**', idMasked: '3212**********2238', idEncrypted: 'c', migrant: false },
  idIndex: 'i',
  provinceIndex: 'p',
  householdSize: 3,
  householdEncrypted: 'h',
  tier: 'relative',
  rulesYear: 2026,
  consentGiven: true,
  createdBy: 'ann',
  submittedOn: '2026-03-01',
  reentries: 0,
  timeline: [],
  version: 4,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
const at = { now: new Date('2026-03-21T02:00:00Z'), today: '2026-03-21', actor: 'cat' };

describe('a workflow step as a pure decision', () => {
  it('approves: status, timeline, the approval event with its metrics, the audit entry', () => {
    const d = decideStep(file, { action: 'approve', change: (_f, on) => ({ approvedOn: on }), event: fileApproved, metrics: () => ({ 'hardship.approvals': 1 }), auditText: '审核通过并建档' }, at);
    expect(d.after).toMatchObject({ status: 'approved', approvedOn: '2026-03-21', updatedAt: '2026-03-21T02:00:00.000Z', timeline: [{ action: 'approve', actor: 'cat', on: '2026-03-21' }] });
    expect(d.events).toEqual([
      { type: 'hardship.file.approved', data: { fileId: 'f1', unitId: 'u1', tier: 'relative', status: 'approved', metrics: { 'hardship.households': 1, 'hardship.households.relative': 1, 'hardship.approvals': 1 } } },
    ]);
    expect(d.audit).toMatchObject({ action: 'hardship.files.approve', entityId: 'f1', changes: { status: { from: 'noticed', to: 'approved' } } });
  });

  it('refuses a step out of order for its order, before the step\'s own checks; in order, the step\'s checks refuse', () => {
    const detail = () => {
      throw new DomainError('forbidden', { zh: '否', en: 'no' });
    };
    expect(() => decideStep(file, { action: 'exit', event: fileExited, auditText: '脱困退出' }, at)).toThrow(DomainError);
    expect(() => decideStep(file, { action: 'exit', check: detail, auditText: '脱困退出' }, at)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => decideStep(file, { action: 'approve', check: detail, auditText: 'x' }, at)).toThrow('否');
  });

  it('publishes hardship.file.changed when a step without an event of its own moves a metric, and nothing otherwise', () => {
    const investigated = decideStep({ ...file, status: 'submitted' }, { action: 'investigate', auditText: '登记入户调查' }, at);
    expect(investigated.events).toEqual([]);
    const exited = decideStep({ ...file, status: 'approved' }, { action: 'exit', auditText: '脱困退出' }, at);
    expect(exited.events).toMatchObject([{ type: 'hardship.file.changed', data: { metrics: { 'hardship.exits': 1 } } }]);
  });

  it('unmarks an overdue clock the step answers: one fewer overdue clock, on the step’s event', () => {
    const late = { ...file, status: 'submitted' as const, investigationDueOn: '2026-03-06', overdueClocks: ['investigation' as const] };
    const d = decideStep(late, { action: 'investigate', auditText: '登记入户调查' }, at);
    expect(d.after).not.toHaveProperty('overdueClocks');
    expect(d.events).toMatchObject([{ type: 'hardship.file.changed', data: { metrics: { 'hardship.clocks.overdue': -1 } } }]);
  });
});
