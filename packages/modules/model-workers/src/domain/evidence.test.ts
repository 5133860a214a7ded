import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import type { DecideContext } from '@ufp/kit/transition';
import { attachCertificate, checkScanType, type ModelWorkerEvidence } from './evidence.js';
import type { Person } from './person.js';

const honour = { honourId: 'h1', code: 'national_may_day_medal', title: { zh: '全国五一劳动奖章', en: 'National May Day Labour Medal' }, category: 'may_day_medal', level: 'national', treatment: 'national', year: 2024, conferredBy: '中华全国总工会', recordedBy: 'u', recordedAt: '' } as Person['honours'][number];
const person = { personId: 'p1', nameMasked: '张*', honours: [honour], version: 3 } as unknown as Person;
const scan = (over: Partial<ModelWorkerEvidence> = {}): ModelWorkerEvidence => ({
  evidenceId: 'e1', tenantId: 't', module: 'modelWorkers', purpose: 'certificate', subjectId: 'p1', honourId: 'h1', fileName: '证书.png', contentType: 'image/png', sizeBytes: 64, key: 't/evidence/e1', status: 'ready', uploadedBy: 'u', version: 2, createdAt: '', updatedAt: '', ...over,
});
const ctx = { now: new Date('2026-05-10T02:00:00Z'), today: '2026-05-10', scope: { actor: { sub: 'u' } } } as unknown as DecideContext;

describe('certificate scans', () => {
  it('accepts pictures and PDFs and refuses a spreadsheet, naming the field', () => {
    expect(checkScanType(checkDeclaration({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 })).contentType).toBe('application/pdf');
    expect(() => checkScanType(checkDeclaration({ fileName: 'a.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10 }))).toThrow(/证书扫描件只接受/);
  });

  it('records a checked scan on its honour and audits the file name', () => {
    const d = attachCertificate(person, { honourId: 'h1', evidence: scan() }, ctx);
    expect(d.after.honours[0]?.certificate).toEqual({ evidenceId: 'e1', fileName: '证书.png', contentType: 'image/png', sizeBytes: 64 });
    expect(d.audit.changes).toEqual({ certificate: { from: '', to: '证书.png' } });
  });

  it('refuses a pending or refused scan, and a scan of another person or honour', () => {
    expect(() => attachCertificate(person, { honourId: 'h1', evidence: scan({ status: 'pending' }) }, ctx)).toThrow(/尚未上传完成/);
    expect(() => attachCertificate(person, { honourId: 'h1', evidence: scan({ status: 'rejected' }) }, ctx)).toThrow(/已被拒收/);
    expect(() => attachCertificate(person, { honourId: 'h1', evidence: scan({ subjectId: 'p2' }) }, ctx)).toThrow(/不是为这项荣誉/);
    expect(() => attachCertificate(person, { honourId: 'h2', evidence: scan() }, ctx)).toThrow(/没有这项荣誉/);
  });
});
