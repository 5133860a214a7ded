import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@ufp/core/calendar/calendar';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { refusal } from '@ufp/testing/refusal';
import { aContract, aFilingDocument, aFilingPackage, aReviewOpinion } from '../../test/fixtures.js';
import { defaultContractSettings, type Contract, type ContractSettings, type ContractStatus } from './contract.js';
import { newContractEvidence, type ContractEvidence } from './evidence.js';
import { DEFAULT_FILING_DOCUMENTS, filedPackage, filingDocumentKind, nextPackage, packageView, reviewOpinionRef, type FilingDocumentKind } from './filing.js';
import { filingKindLabel } from './filing-kinds.js';
import { changeSettings } from './settings.js';
import { file, recordReview, type StepContext } from './steps.js';

const scope: TenantScope = { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'u1', roles: ['federation_staff'] } };
const on = (today: string, settings: ContractSettings = defaultContractSettings): StepContext => ({ now: new Date(`${today}T02:00:00Z`), today, scope, settings, calendar: defaultCalendar });
const ids = { evidenceId: 'e1', scope };
const pdf = checkDeclaration({ fileName: '合同文本.pdf', contentType: 'application/pdf', sizeBytes: 1000 });
const now = new Date('2026-03-05T02:00:00Z');

/** An enterprise (综合性) contract signed on 03-02, ready to be filed. */
const signed = (over: Partial<Contract> = {}) => aContract({ type: 'comprehensive', scope: undefined, status: 'signed', signedOn: '2026-03-02', ...over });
const fileOn = (c: Contract, files: readonly ContractEvidence[], settings?: ContractSettings) => file(c, { contractId: 'c1', filedOn: '2026-03-05', files }, on('2026-03-05', settings));
const missingOf = (c: Contract, files: readonly ContractEvidence[]) => refusal(() => fileOn(c, files));

describe('the 备案材料 package a filing needs (no database)', () => {
  it('by default the contract text, the resolution, both sides’ lists and the offer with its reply', () => {
    expect(DEFAULT_FILING_DOCUMENTS).toEqual(['contract_text', 'congress_resolution', 'representative_lists', 'offer_and_reply']);
    expect(defaultContractSettings.requiredFilingDocuments).toEqual(DEFAULT_FILING_DOCUMENTS);
  });

  it('refuses the filing with a 409 naming each missing kind, one at a time, in Chinese and English', () => {
    for (const kind of DEFAULT_FILING_DOCUMENTS) {
      const err = missingOf(signed(), aFilingPackage(DEFAULT_FILING_DOCUMENTS.filter((k) => k !== kind)));
      expect(err).toMatchObject({ kind: 'conflict', details: { reason: 'documents_missing', field: 'documents', missing: [kind] } });
      expect(err.text.zh).toBe(`备案材料不齐，尚缺：${filingDocumentKind.labels[kind].zh}。请在「备案材料」中上传后再报送审查（《集体合同规定》第四十二条）`);
      expect(err.text.en).toContain(`missing: ${filingDocumentKind.labels[kind].en}.`);
    }
  });

  it('names every missing kind in the settings’ order when none is uploaded', () => {
    const err = missingOf(signed(), []);
    expect(err.details.missing).toEqual(DEFAULT_FILING_DOCUMENTS);
    expect(err.text.zh).toContain('尚缺：集体合同文本、职代会决议、双方协商代表名单、要约书及书面回复。');
    expect(err.text.en).toContain("missing: Contract text, Workers' congress resolution, Both sides' representative lists, Offer and written reply.");
  });

  it('an industry or regional contract lacks the resolution of the workers’ assembly, under that name', () => {
    for (const type of ['industry', 'regional'] as const) {
      const err = missingOf(signed({ type }), aFilingPackage(['contract_text', 'representative_lists', 'offer_and_reply']));
      expect(err.details.missing).toEqual(['congress_resolution']);
      expect(err.text.zh).toContain('尚缺：职工代表大会或职工大会决议。');
    }
    expect(filingKindLabel('congress_resolution', 'special').zh).toBe('职代会决议');
  });

  it('a document still uploading does not count, nor one refused on arrival', () => {
    for (const status of ['pending', 'rejected'] as const) {
      const files = [...aFilingPackage(['contract_text', 'representative_lists', 'offer_and_reply']), aFilingDocument('congress_resolution', { status })];
      expect(missingOf(signed(), files).details.missing).toEqual(['congress_resolution']);
    }
  });

  it('a document of another contract does not count, nor a file of the contract kept for another purpose', () => {
    const three = aFilingPackage(['contract_text', 'representative_lists', 'offer_and_reply']);
    expect(missingOf(signed(), [...three, aFilingDocument('congress_resolution', { subjectId: 'c2' })]).details.missing).toEqual(['congress_resolution']);
    const check: ContractEvidence = { ...aFilingDocument('congress_resolution'), purpose: 'performanceCheck' } as ContractEvidence;
    expect(missingOf(signed(), [...three, check]).details.missing).toEqual(['congress_resolution']);
    expect(missingOf(signed(), [...three, aReviewOpinion()]).details.missing).toEqual(['congress_resolution']);
  });

  it('files with the complete package: its checked documents are kept with the filing and named in the history', () => {
    const files = [...aFilingPackage(), aFilingDocument('minutes', { evidenceId: 'pending-minutes', status: 'pending' })];
    const d = fileOn(signed(), files);
    expect(d.after.status).toBe('filed');
    expect(d.after.filing?.documents?.map((f) => f.kind)).toEqual(DEFAULT_FILING_DOCUMENTS);
    expect(d.after.filing?.documents?.[0]).toEqual({ evidenceId: 'doc-contract_text', fileName: 'doc-contract_text.pdf', contentType: 'application/pdf', sizeBytes: 1000, kind: 'contract_text' });
    expect(d.after.history.at(-1)?.note).toMatch(/^报送人社部门审查，附备案材料 4 份；审查期至/);
  });

  it('the required kinds are the tenant’s: more asks for more, none lets a paper filing through', () => {
    const more = { ...defaultContractSettings, requiredFilingDocuments: [...DEFAULT_FILING_DOCUMENTS, 'minutes', 'party_credentials'] as FilingDocumentKind[] };
    expect(refusal(() => fileOn(signed(), aFilingPackage(), more)).details.missing).toEqual(['minutes', 'party_credentials']);
    const none = { ...defaultContractSettings, requiredFilingDocuments: [] };
    expect(fileOn(signed(), [], none).after.filing?.documents).toEqual([]);
  });

  it('asks for the step in order first: a contract not yet signed hears that, not what papers it lacks', () => {
    expect(refusal(() => fileOn(signed({ status: 'approved' }), []))).toMatchObject({ kind: 'conflict', details: { reason: 'out_of_order', expected: ['sign'] } });
    expect(refusal(() => file(signed(), { contractId: 'c1', filedOn: '2026-03-01', files: [] }, on('2026-03-05')))).toMatchObject({ kind: 'invalid', details: { field: 'filedOn' } });
  });

  it('after an objection the next filing needs a new text, resolution and minutes; the offer and the lists carry over', () => {
    const refiling = signed({ history: [{ step: 'file', on: '2026-02-01', at: '', by: 'u1' }] });
    const first = aFilingPackage([...DEFAULT_FILING_DOCUMENTS, 'minutes']);
    expect(nextPackage(refiling, DEFAULT_FILING_DOCUMENTS, first)).toMatchObject({ round: 1, missing: ['contract_text', 'congress_resolution'] });
    expect(nextPackage(refiling, DEFAULT_FILING_DOCUMENTS, first).documents.map((d) => d.documentKind)).toEqual(['representative_lists', 'offer_and_reply']);
    const renewed = aFilingPackage(['contract_text', 'congress_resolution', 'minutes'], { filingRound: 1, createdAt: '2026-03-04T00:00:00.000Z' });
    expect(filedPackage(refiling, DEFAULT_FILING_DOCUMENTS, [...first, ...renewed]).map((d) => d.kind)).toEqual(['representative_lists', 'offer_and_reply', 'contract_text', 'congress_resolution', 'minutes']);
  });

  it('the settings keep the required kinds once each, in the kinds’ order, and audit the change', () => {
    const d = changeSettings(defaultContractSettings, { version: 0, requiredFilingDocuments: ['minutes', 'contract_text', 'minutes'] });
    expect(d.after.requiredFilingDocuments).toEqual(['contract_text', 'minutes']);
    expect(d.audit.changes).toHaveProperty('requiredFilingDocuments');
    expect(changeSettings(defaultContractSettings, { version: 0, publishWithinDays: 5 }).after.requiredFilingDocuments).toEqual(DEFAULT_FILING_DOCUMENTS);
  });
});

describe('uploading a contract’s files (no database)', () => {
  const statuses: readonly ContractStatus[] = ['draft', 'offer_sent', 'offer_declined', 'negotiating', 'approved', 'signed', 'filed', 'effective', 'expiring', 'expired', 'terminated'];
  const upload = (status: ContractStatus, request: Parameters<typeof newContractEvidence>[1], declared = pdf, over: Partial<Contract> = {}) => () => newContractEvidence(aContract({ status, ...over }), request, declared, ids, now);

  it('takes 备案材料 until the contract is filed, stamped for its next filing; afterwards a 409 saying why', () => {
    for (const status of statuses) {
      const make = upload(status, { purpose: 'filing', kind: 'contract_text' });
      if (['draft', 'offer_sent', 'offer_declined', 'negotiating', 'approved', 'signed'].includes(status)) expect(make()).toMatchObject({ purpose: 'filing', documentKind: 'contract_text', filingRound: 0, status: 'pending', subjectId: 'c1' });
      else expect(refusal(make)).toMatchObject({ kind: 'conflict', details: { reason: 'out_of_order', status } });
    }
    expect(refusal(upload('filed', { purpose: 'filing', kind: 'contract_text' })).text.zh).toContain('备案材料随报送一并提交');
    const again = upload('negotiating', { purpose: 'filing', kind: 'contract_text' }, pdf, { history: [{ step: 'file', on: '2026-02-01', at: '', by: 'u1' }] })();
    expect(again).toMatchObject({ filingRound: 1 });
  });

  it('a filing document names its kind, no other file does, and the type must suit the kind', () => {
    expect(refusal(upload('signed', { purpose: 'filing' }))).toMatchObject({ kind: 'invalid', details: { field: 'kind' } });
    expect(refusal(upload('effective', { purpose: 'performanceCheck', kind: 'minutes' }))).toMatchObject({ kind: 'invalid', details: { field: 'kind' } });
    const word = checkDeclaration({ fileName: '营业执照.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 100 });
    const err = refusal(upload('signed', { purpose: 'filing', kind: 'party_credentials' }, word));
    expect(err).toMatchObject({ kind: 'invalid', details: { field: 'contentType', reason: 'type_not_allowed' } });
    expect(err.text.zh).toContain('双方主体资格证明只接受');
    const sheet = checkDeclaration({ fileName: '代表名单.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 100 });
    expect(upload('signed', { purpose: 'filing', kind: 'representative_lists' }, sheet)()).toMatchObject({ documentKind: 'representative_lists' });
  });

  it('takes the 审查意见书 only while the bureau reviews the filing, and check files once in effect', () => {
    for (const status of statuses) {
      const opinion = upload(status, { purpose: 'reviewOpinion' });
      if (status === 'filed') expect(opinion()).toMatchObject({ purpose: 'reviewOpinion' });
      else expect(refusal(opinion).kind).toBe('conflict');
      const check = upload(status, { purpose: 'performanceCheck' });
      if (['effective', 'expiring', 'expired'].includes(status)) expect(check()).toMatchObject({ purpose: 'performanceCheck' });
      else expect(refusal(check).text.zh).toContain('合同生效后才有履约检查材料');
    }
  });
});

describe('the review outcome and its 审查意见书 (no database)', () => {
  const filed = signed({ status: 'filed', filing: { filedOn: '2026-03-02', dueOn: '2026-03-12', lateDays: 0 } }); // review to 03-17
  const review = (input: { objectionOn?: string; opinionEvidenceId?: string; opinionFile?: ContractEvidence }) => recordReview(filed, { contractId: 'c1', ...input }, on('2026-03-10'));

  it('an objection without the bureau’s 审查意见书 is a 400 on the file field', () => {
    const err = refusal(() => review({ objectionOn: '2026-03-10' }));
    expect(err).toMatchObject({ kind: 'invalid', details: { field: 'opinionEvidenceId' } });
    expect(err.text.zh).toBe('提出审查异议须附人社部门的《审查意见书》（《集体合同规定》第四十五条）');
    expect(err.text.en).toContain('Art. 45');
  });

  it('an objection with it goes back to talks, the file kept with the review and named in the history', () => {
    const d = review({ objectionOn: '2026-03-10', opinionEvidenceId: 'opinion', opinionFile: aReviewOpinion() });
    expect(d.after).toMatchObject({ status: 'negotiating', review: { objectionOn: '2026-03-10', opinionFile: { evidenceId: 'opinion', fileName: '审查意见书.pdf' } } });
    expect(d.after.history.at(-1)?.note).toBe('人社部门提出审查异议（审查意见书「审查意见书.pdf」），退回重新协商');
  });

  it('no objection needs no file, and keeps one when the bureau sent a reply', () => {
    expect(review({}).after.review).toEqual({ recordedOn: '2026-03-10' });
    expect(review({ opinionEvidenceId: 'opinion', opinionFile: aReviewOpinion() }).after.review?.opinionFile).toMatchObject({ evidenceId: 'opinion' });
  });

  it('the file must be this contract’s 审查意见书, checked and not cited before', () => {
    const cases: [ContractEvidence | undefined, string][] = [
      [undefined, '该文件不是为本合同上传的'],
      [aReviewOpinion({ subjectId: 'c2' }), '该文件不是为本合同上传的'],
      [aFilingDocument('contract_text'), '不是审查意见书'],
      [aReviewOpinion({ status: 'pending' }), '尚未上传完成'],
      [aReviewOpinion({ status: 'rejected' }), '已被拒收'],
      [aReviewOpinion({ entryId: 'c1#review#2026-01-02' }), '已用于另一次审查意见'],
    ];
    for (const [file, says] of cases) {
      for (const objectionOn of ['2026-03-10', undefined]) {
        const err = refusal(() => review({ objectionOn, opinionEvidenceId: 'x', opinionFile: file }));
        expect(err).toMatchObject({ kind: 'invalid', details: { field: 'opinionEvidenceId' } });
        expect(err.text.zh).toContain(says);
      }
    }
    expect(reviewOpinionRef('c1', false, undefined, false)).toBeUndefined();
  });

  it('a late objection hears it is late before anything about the file', () => {
    expect(refusal(() => recordReview(filed, { contractId: 'c1', objectionOn: '2026-03-18' }, on('2026-03-18'))).details).toMatchObject({ field: 'objectionOn' });
  });
});

describe('the package the contract page shows (no database)', () => {
  it('before filing: the next filing’s documents and what is missing', () => {
    expect(packageView(signed(), DEFAULT_FILING_DOCUMENTS, aFilingPackage(['contract_text']))).toMatchObject({ stage: 'open', round: 0, missing: ['congress_resolution', 'representative_lists', 'offer_and_reply'] });
  });

  it('once filed: what went with it; a contract filed before the package was kept says so instead of listing gaps', () => {
    const docs = fileOn(signed(), aFilingPackage()).after;
    expect(packageView(docs, DEFAULT_FILING_DOCUMENTS, [])).toMatchObject({ stage: 'filed', filedOn: '2026-03-05', recorded: true, documents: [{ kind: 'contract_text' }, {}, {}, {}] });
    const legacy = signed({ status: 'effective', filing: { filedOn: '2025-03-05', dueOn: '2025-03-12', lateDays: 0 } });
    expect(packageView(legacy, DEFAULT_FILING_DOCUMENTS, [])).toEqual({ stage: 'filed', filedOn: '2025-03-05', recorded: false, documents: [] });
  });

  it('ended before filing: closed, with what had been uploaded', () => {
    expect(packageView(signed({ status: 'terminated' }), DEFAULT_FILING_DOCUMENTS, aFilingPackage(['offer_and_reply']))).toMatchObject({ stage: 'closed', documents: [{ kind: 'offer_and_reply', status: 'ready' }] });
  });
});
