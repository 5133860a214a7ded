import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import type { DecideContext } from '@ufp/kit/transition';
import { attachCertificate, checkMinutesType, checkScanType, type ModelWorkerEvidence } from './evidence.js';
import { attachMinutes, review, type Nomination } from './nomination.js';
import type { Person } from './person.js';

const honour = { honourId: 'h1', code: 'national_may_day_medal', title: { zh: '全国五一劳动奖章', en: 'National May Day Labour Medal' }, category: 'may_day_medal', level: 'national', treatment: 'national', year: 2024, conferredBy: '中华全国总工会', recordedBy: 'u', recordedAt: '' } as Person['honours'][number];
const person = { personId: 'p1', nameMasked: '张*', honours: [honour], version: 3 } as unknown as Person;
const file = { evidenceId: 'e1', tenantId: 't', module: 'modelWorkers', fileName: '证书.png', contentType: 'image/png', sizeBytes: 64, key: 't/evidence/e1', status: 'ready', uploadedBy: 'u', version: 2, createdAt: '', updatedAt: '' } as const;
const scan = (over: Partial<ModelWorkerEvidence> = {}): ModelWorkerEvidence => ({ ...file, purpose: 'certificate', subjectId: 'p1', honourId: 'h1', ...over }) as ModelWorkerEvidence;
const minutesFile = (over: Partial<ModelWorkerEvidence> = {}): ModelWorkerEvidence => ({ ...file, purpose: 'minutes', subjectId: 'n1', campaignId: 'c1', fileName: '职代会纪要.pdf', contentType: 'application/pdf', ...over }) as ModelWorkerEvidence;
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

describe('nomination minutes (职代会 / 民主推荐会议纪要)', () => {
  const nomination = (over: Partial<Nomination> = {}) => ({ nominationId: 'n1', campaignId: 'c1', nameMasked: '张*', status: 'nominated', nominated: { by: 'reporter', on: '2026-05-01' }, version: 1, ...over }) as Nomination;
  const staff = { ...ctx, scope: { actor: { sub: 'staff', roles: ['federation_staff'] } } } as unknown as DecideContext;

  it('accepts a Word file as well as pictures and PDFs, and refuses a spreadsheet', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(checkMinutesType(checkDeclaration({ fileName: '纪要.docx', contentType: docx, sizeBytes: 10 })).contentType).toBe(docx);
    expect(() => checkScanType(checkDeclaration({ fileName: '纪要.docx', contentType: docx, sizeBytes: 10 }))).toThrow(/证书扫描件只接受/);
    expect(() => checkMinutesType(checkDeclaration({ fileName: 'a.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10 }))).toThrow(/会议纪要只接受/);
  });

  it('records the checked file on its nomination; a later file replaces it and the audit names both', () => {
    const first = attachMinutes(nomination(), { evidence: minutesFile() }, ctx).after;
    expect(first.minutes).toEqual({ evidenceId: 'e1', fileName: '职代会纪要.pdf', contentType: 'application/pdf', sizeBytes: 64 });
    const second = attachMinutes(first, { evidence: minutesFile({ evidenceId: 'e2', fileName: '民主推荐会纪要.pdf' }) }, ctx);
    expect(second.audit.changes).toEqual({ minutes: { from: '职代会纪要.pdf', to: '民主推荐会纪要.pdf' } });
  });

  it('refuses a certificate scan, another nomination’s minutes, a pending file, and any change after the county review', () => {
    expect(() => attachMinutes(nomination(), { evidence: scan() }, ctx)).toThrow(/不是为这条推荐上传的会议纪要/);
    expect(() => attachMinutes(nomination(), { evidence: minutesFile({ subjectId: 'n2' }) }, ctx)).toThrow(/不是为这条推荐上传的会议纪要/);
    expect(() => attachMinutes(nomination(), { evidence: minutesFile({ status: 'pending' }) }, ctx)).toThrow(/会议纪要尚未上传完成/);
    expect(() => attachMinutes(nomination({ status: 'reviewed' }), { evidence: minutesFile() }, ctx)).toThrow(/不能再更换会议纪要/);
  });

  it('the county review needs the minutes file: refused without it (409 naming it), passed with it', () => {
    expect(() => review(nomination(), {}, staff)).toThrow(/尚未上传职代会\/民主推荐会议纪要/);
    const withMinutes = attachMinutes(nomination(), { evidence: minutesFile() }, ctx).after;
    expect(review(withMinutes, {}, staff).after.status).toBe('reviewed');
  });
});
