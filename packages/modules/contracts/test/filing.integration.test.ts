import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminOf,
  attachFilingPackage,
  attachReviewOpinion,
  CONTRACT_FILING_DOCUMENTS,
  createTenant,
  createUnit,
  reporterOf,
  SAMPLE_PDF,
  setDay,
  staffOf,
  startTestPlatform,
  stepsToSigned,
  walkContract,
  type TestPlatform,
} from '@ufp/testing/platform';
import { expressContract } from './fixtures.js';

/** 备案材料: the package a signed contract is filed with (Art. 42), checked complete before filing; the 审查意见书 of its review. */
const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
let otherUnitId: string;
const staff = staffOf(T);
const admin = adminOf(T);

const toSigned = stepsToSigned({ sentOn: '2026-02-20', repliedOn: '2026-02-21', roundOn: '2026-02-23', votedOn: '2026-02-26', signedOn: '2026-02-27', vote: { representativesTotal: 60, approve: 31 } });

/** An express-industry (行业性) contract of the unit, signed on 02-27. */
async function signedContract(): Promise<string> {
  const res = await p.mutate(staff, 'contracts.create', expressContract(unitId, { term: { start: '2026-04-01', end: '2028-03-31' }, clauses: { wageGrowthPct: 6.5 } }));
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  await walkContract(p, staff, res.data.contractId, toSigned);
  return res.data.contractId;
}

const pkg = async (contractId: string, who = staff) => p.query(who, 'contracts.filingPackage', { contractId });
const get = async (contractId: string) => (await p.query(staff, 'contracts.get', { contractId })).data;
const fileOn = (contractId: string, filedOn = '2026-03-02') => p.mutate(staff, 'contracts.file', { contractId, filedOn });

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  unitId = (await createUnit(p, T)).unitId;
  otherUnitId = (await createUnit(p, T)).unitId;
  setDay(p, '2026-03-02');
});
afterAll(() => p?.dispose());

describe('the 备案材料 package', () => {
  it('a signed contract without its package is refused (409 naming each kind, in both languages) and nothing changes', async () => {
    const id = await signedContract();
    const before = await get(id);
    expect((await pkg(id)).data).toMatchObject({ contractId: id, stage: 'open', round: 0, required: CONTRACT_FILING_DOCUMENTS, documents: [], missing: CONTRACT_FILING_DOCUMENTS });
    const res = await fileOn(id);
    expect(res.status).toBe(409);
    expect(res.error?.message).toBe('备案材料不齐，尚缺：集体合同文本、职工代表大会或职工大会决议、双方协商代表名单、要约书及书面回复。请在「备案材料」中上传后再报送审查（《集体合同规定》第四十二条）');
    expect((res.error?.data as any).messageEn).toContain("missing: Contract text, Resolution of the workers' (representatives') assembly, Both sides' representative lists, Offer and written reply");
    expect((res.error?.data as any).details).toMatchObject({ reason: 'documents_missing', missing: CONTRACT_FILING_DOCUMENTS });
    expect(await get(id)).toMatchObject({ status: 'signed', version: before.version });
  });

  it('a refused upload does not count; once the last kind is checked the contract files, the package kept with the filing', async () => {
    const id = await signedContract();
    await attachFilingPackage(p, staff, id, ['contract_text', 'representative_lists', 'offer_and_reply']);
    // The resolution "PDF" is not one: refused on arrival, for good.
    const ticket = await p.mutate(staff, 'contracts.evidence.createUpload', { contractId: id, purpose: 'filing', kind: 'congress_resolution', fileName: '决议.pdf', contentType: 'application/pdf', sizeBytes: 4 });
    expect(ticket.status, JSON.stringify(ticket.error)).toBe(200);
    expect((await p.runtime.app.request(ticket.data.uploadUrl, { method: 'PUT', headers: ticket.data.headers, body: new Uint8Array([0x4d, 0x5a, 0, 0]) })).status).toBe(200);
    expect((await p.mutate(staff, 'contracts.evidence.complete', { evidenceId: ticket.data.evidenceId })).status).toBe(400);
    const partial = (await pkg(id)).data;
    expect(partial.missing).toEqual(['congress_resolution']);
    expect(partial.documents.find((d: any) => d.kind === 'congress_resolution')).toMatchObject({ fileName: '决议.pdf', status: 'rejected' });
    expect((await fileOn(id)).error?.message).toContain('尚缺：职工代表大会或职工大会决议。');

    const [resolution] = await attachFilingPackage(p, staff, id, ['congress_resolution']);
    expect((await pkg(id)).data).toMatchObject({ stage: 'open', missing: [] });
    const filed = await fileOn(id);
    expect(filed.status, JSON.stringify(filed.error)).toBe(200);
    expect(filed.data.filing.documents.map((d: any) => d.kind)).toEqual(['contract_text', 'representative_lists', 'offer_and_reply', 'congress_resolution']);
    expect(filed.data.history.at(-1).note).toContain('附备案材料 4 份');
    expect((await pkg(id)).data).toMatchObject({ stage: 'filed', filedOn: '2026-03-02', recorded: true, documents: [{ kind: 'contract_text', fileName: 'contract_text.pdf' }, {}, {}, { evidenceId: resolution }] });

    // Filed: the package is closed (409), and the unit's reporter reads it and downloads a document (audited).
    const late = await p.mutate(staff, 'contracts.evidence.createUpload', { contractId: id, purpose: 'filing', kind: 'minutes', fileName: '纪要.pdf', contentType: 'application/pdf', sizeBytes: 100 });
    expect(late.status).toBe(409);
    expect(late.error?.message).toContain('备案材料随报送一并提交');
    expect((await pkg(id, reporterOf(T, unitId))).data.documents).toHaveLength(4);
    expect((await p.mutate(reporterOf(T, unitId), 'contracts.evidence.url', { evidenceId: resolution })).status).toBe(200);
    const audit = (await p.query(admin, 'audit.list', { action: 'contracts.evidence.url', limit: 20 })).data.items.find((e: any) => e.entityId === resolution);
    expect(audit.summary).toContain('查看职工代表大会或职工大会决议');
    const uploads = (await p.query(admin, 'audit.list', { action: 'contracts.evidence.createUpload', limit: 50 })).data.items;
    expect(uploads.some((e: any) => e.entityId === resolution && e.summary.startsWith('上传职工代表大会或职工大会决议'))).toBe(true);
  });

  it('documents of another contract do not make a package, and no one outside the contract sees it', async () => {
    const [a, b] = [await signedContract(), await signedContract()];
    await attachFilingPackage(p, staff, a);
    expect((await pkg(b)).data.missing).toEqual(CONTRACT_FILING_DOCUMENTS);
    expect((await fileOn(b)).status).toBe(409);
    expect((await pkg(a, staffOf(OTHER))).status).toBe(404);
    expect((await pkg(a, reporterOf(T, otherUnitId))).status).toBe(404);
    expect((await pkg(a, reporterOf(T, unitId))).status).toBe(200);
  });

  it('a federation that files on paper requires none; one that asks for the minutes requires them', async () => {
    const current = (await p.query(admin, 'contracts.settings.get')).data;
    const set = (version: number, requiredFilingDocuments: string[]) => p.mutate(admin, 'contracts.settings.set', { version, requiredFilingDocuments });
    const none = await set(current.version, []);
    expect(none.status, JSON.stringify(none.error)).toBe(200);
    const paper = await signedContract();
    expect((await fileOn(paper)).status).toBe(200);
    expect((await get(paper)).filing.documents).toEqual([]);
    const more = await set(none.data.version, [...CONTRACT_FILING_DOCUMENTS, 'minutes']);
    expect(more.data.requiredFilingDocuments).toEqual([...CONTRACT_FILING_DOCUMENTS, 'minutes']);
    const id = await signedContract();
    await attachFilingPackage(p, staff, id);
    expect((await fileOn(id)).error?.message).toContain('尚缺：协商会议纪要。');
    const audit = (await p.query(admin, 'audit.list', { action: 'contracts.settings.set', limit: 5 })).data.items[0];
    expect(audit.summary).toContain('requiredFilingDocuments');
    await set(more.data.version, [...CONTRACT_FILING_DOCUMENTS]);
  });
});

describe('the review and its 审查意见书', () => {
  it('an objection needs the bureau’s opinion file; with it the contract goes back to talks and is filed again with a new text and resolution', async () => {
    const id = await signedContract();
    // No opinion file before the contract is filed.
    const early = await p.mutate(staff, 'contracts.evidence.createUpload', { contractId: id, purpose: 'reviewOpinion', fileName: '审查意见书.pdf', contentType: 'application/pdf', sizeBytes: 100 });
    expect(early.status).toBe(409);
    const first = await attachFilingPackage(p, staff, id);
    expect((await fileOn(id)).status).toBe(200);

    const bare = await p.mutate(staff, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-02', opinion: '工资条款须修改' });
    expect(bare.status).toBe(400);
    expect(bare.error?.data.issues?.[0]).toMatchObject({ path: ['opinionEvidenceId'] });
    expect(bare.error?.message).toContain('提出审查异议须附人社部门的《审查意见书》');
    // A filing document is not the bureau's opinion.
    const wrong = await p.mutate(staff, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-02', opinionEvidenceId: first[0] });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toContain('不是审查意见书');

    const opinionEvidenceId = await attachReviewOpinion(p, staff, id);
    const objected = await p.mutate(staff, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-02', opinion: '工资条款须修改', opinionEvidenceId });
    expect(objected.status, JSON.stringify(objected.error)).toBe(200);
    expect(objected.data).toMatchObject({ status: 'negotiating', review: { objectionOn: '2026-03-02', opinionFile: { evidenceId: opinionEvidenceId, fileName: '审查意见书.pdf' } } });
    expect((await p.mutate(reporterOf(T, unitId), 'contracts.evidence.url', { evidenceId: opinionEvidenceId })).status).toBe(200);

    // Talks again, a new vote and signature: the offer and the lists carry over, the text and the resolution are new.
    await walkContract(p, staff, id, [
      ['contracts.rounds.add', { heldOn: '2026-03-02', minutes: '按审查意见修改工资条款', openIssues: [] }],
      ['contracts.congress.record', { heldOn: '2026-03-02', representativesTotal: 60, approve: 40 }],
      ['contracts.sign', { signedOn: '2026-03-02' }],
    ]);
    expect((await pkg(id)).data).toMatchObject({ stage: 'open', round: 1, missing: ['contract_text', 'congress_resolution'] });
    expect((await fileOn(id)).status).toBe(409);
    await attachFilingPackage(p, staff, id, ['contract_text', 'congress_resolution']);
    const refiled = await fileOn(id);
    expect(refiled.status, JSON.stringify(refiled.error)).toBe(200);
    expect(refiled.data.filing.documents.map((d: any) => d.evidenceId)).toEqual(expect.arrayContaining([first[2], first[3]]));
    expect(refiled.data.filing.documents.map((d: any) => d.evidenceId)).not.toContain(first[0]);

    // The first opinion answered the first filing: it cannot answer this one.
    const reused = await p.mutate(staff, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-02', opinionEvidenceId });
    expect(reused.status).toBe(400);
    expect(reused.error?.message).toContain('已用于另一次审查意见');
    // No objection: the bureau's reply is optional.
    const clear = await p.mutate(staff, 'contracts.review.record', { contractId: id, opinion: '无异议' });
    expect(clear.status, JSON.stringify(clear.error)).toBe(200);
    expect(clear.data.review).toEqual({ opinion: '无异议', recordedOn: '2026-03-02' });
  });

  it('the same upload request sent twice with its idempotency key creates one record', async () => {
    const id = await signedContract();
    const input = { contractId: id, purpose: 'filing', kind: 'contract_text', fileName: '合同文本.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await p.token(staff)}`, 'idempotency-key': `filing-${id}` };
    const send = async () => (await (await p.runtime.app.request('/trpc/contracts.evidence.createUpload', { method: 'POST', headers, body: JSON.stringify(input) })).json()) as any;
    const [one, two] = [await send(), await send()];
    expect(two.result.data.evidenceId).toBe(one.result.data.evidenceId);
    expect((await pkg(id)).data.documents).toHaveLength(1);
  });
});
