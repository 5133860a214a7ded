import { describe, expect, it } from 'vitest';
import { refusal } from '@ufp/testing/refusal';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { assertMayAttach, assertRequiredDocuments, checkDocumentType, DEFAULT_REQUIRED_DOCUMENTS, missingDocuments } from './documents.js';
import { defaultRulePack, hardshipRulePackSchema } from './rules.js';


const ready = (documentKind: 'application' | 'income_consent' | 'investigation_photo' | 'civil_affairs_check' | 'other', status: 'ready' | 'pending' | 'rejected' = 'ready') => ({ documentKind, status });
const declared = (fileName: string, contentType: string) => checkDeclaration({ fileName, contentType, sizeBytes: 1000 });

describe('hardship documents (no database)', () => {
  it('by default a file needs its application form and the consent to income checks; a pack stored before the setting reads the default', () => {
    expect(DEFAULT_REQUIRED_DOCUMENTS).toEqual(['application', 'income_consent']);
    expect(defaultRulePack(2026).requiredDocuments).toEqual(['application', 'income_consent']);
    const { requiredDocuments: _r, ...oldPack } = defaultRulePack(2025);
    expect(hardshipRulePackSchema.parse(oldPack).requiredDocuments).toEqual(['application', 'income_consent']);
  });

  it('a file without a required document is refused with a 409 naming each missing one in Chinese and English', () => {
    const err = refusal(() => assertRequiredDocuments(DEFAULT_REQUIRED_DOCUMENTS, [ready('investigation_photo')]));
    expect(err.kind).toBe('conflict');
    expect(err.details).toMatchObject({ reason: 'documents_missing', field: 'documents', missing: ['application', 'income_consent'] });
    expect(err.text.zh).toContain('缺少必备材料：申请表、收入核对授权书');
    expect(err.text.en).toContain('Required documents missing: Application form, Consent to income checks');
  });

  it('only a checked (ready) document counts: one still uploading or refused does not', () => {
    expect(missingDocuments(DEFAULT_REQUIRED_DOCUMENTS, [ready('application'), ready('income_consent', 'pending')])).toEqual(['income_consent']);
    expect(missingDocuments(DEFAULT_REQUIRED_DOCUMENTS, [ready('application'), ready('income_consent', 'rejected')])).toEqual(['income_consent']);
    expect(() => assertRequiredDocuments(DEFAULT_REQUIRED_DOCUMENTS, [ready('application'), ready('income_consent')])).not.toThrow();
  });

  it('the required kinds are the rule pack’s: none required lets any file through, more required asks for more', () => {
    expect(() => assertRequiredDocuments([], [])).not.toThrow();
    const err = refusal(() => assertRequiredDocuments(['application', 'civil_affairs_check'], [ready('application'), ready('income_consent')]));
    expect(err.details.missing).toEqual(['civil_affairs_check']);
    expect(err.text.zh).toContain('民政核对结果');
  });

  it('each kind takes the file types that suit it: a photo is a picture, a consent a scan or PDF', () => {
    expect(checkDocumentType('investigation_photo', declared('入户.jpg', 'image/jpeg')).fileName).toBe('入户.jpg');
    const pdfPhoto = refusal(() => checkDocumentType('investigation_photo', declared('入户.pdf', 'application/pdf')));
    expect(pdfPhoto).toMatchObject({ kind: 'invalid', details: { field: 'contentType', reason: 'type_not_allowed' } });
    expect(pdfPhoto.text.zh).toContain('入户调查照片只接受');
    expect(() => checkDocumentType('income_consent', declared('授权书.pdf', 'application/pdf'))).not.toThrow();
    expect(refusal(() => checkDocumentType('income_consent', declared('授权书.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).kind).toBe('invalid');
    expect(() => checkDocumentType('application', declared('申请表.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).not.toThrow();
    expect(() => checkDocumentType('other', declared('清单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))).not.toThrow();
  });

  it('a unit reporter adds documents until the notice; staff at any step', () => {
    for (const s of ['draft', 'submitted', 'investigated'] as const) expect(() => assertMayAttach(s, true)).not.toThrow();
    for (const s of ['noticed', 'approved', 'rejected', 'exited'] as const) expect(refusal(() => assertMayAttach(s, true)).details.reason).toBe('workflow_order');
    for (const s of ['noticed', 'approved', 'exited'] as const) expect(() => assertMayAttach(s, false)).not.toThrow();
  });
});
