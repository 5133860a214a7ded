import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken, type Claims, type LocalSigningKeys } from '@ufp/kit/auth';
import { DEMO_PDF as SAMPLE_PDF } from '@ufp/kit/seed';
import { loadLocalKeys } from '@ufp/local/keys';
import { startLocal, type LocalPlatform, type LocalOptions } from '@ufp/local/server';

export interface TestPlatform extends LocalPlatform {
  dataDir: string;
  token(claims: Claims): Promise<string>;
  /** The platform's local signing keys (to craft tokens the dev login would not issue). */
  signing: LocalSigningKeys;
  /** Calls a procedure in-process; queries by GET, mutations by POST, exactly as HTTP clients do. */
  call<T = any>(claims: Claims | null, path: string, input?: unknown, kind?: 'query' | 'mutation'): Promise<ApiResult<T>>;
  query<T = any>(claims: Claims | null, path: string, input?: unknown): Promise<ApiResult<T>>;
  mutate<T = any>(claims: Claims | null, path: string, input?: unknown): Promise<ApiResult<T>>;
  /** Resolves once every committed event (outbox item) has been delivered to its consumers. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export interface ApiResult<T> {
  status: number;
  data: T;
  error?: { message: string; data: { code: string; httpStatus: number; issues?: { path: (string | number)[]; message: string; messageEn: string }[]; messageEn?: string } };
}

let tableCounter = 0;

async function outboxIds(platform: LocalPlatform): Promise<string[]> {
  const { table } = platform.runtime.deps;
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await table.doc.send(
      new ScanCommand({
        TableName: table.name,
        FilterExpression: 'kind = :k',
        ExpressionAttributeValues: { ':k': 'event' },
        ProjectionExpression: 'pk',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) ids.push(String(item.pk).split('#OUTBOX#')[1] ?? '');
    start = res.LastEvaluatedKey;
  } while (start);
  return ids;
}

/**
 * A full local platform on the suite's DynamoDB Local, with its own table and data dir; with `ownDynamoLocal`,
 * on a DynamoDB Local of its own that it supervises, as `pnpm dev` runs it (tests that kill the JVM).
 */
export async function startTestPlatform(opts: Partial<LocalOptions> & { ownDynamoLocal?: boolean } = {}): Promise<TestPlatform> {
  const { ownDynamoLocal, ...options } = opts;
  const endpoint = ownDynamoLocal ? undefined : process.env.DDB_ENDPOINT;
  if (!endpoint && !ownDynamoLocal) throw new Error('DDB_ENDPOINT is not set: the integration setup file (tests/dynamo-local.setup.ts) starts DynamoDB Local');
  const dataDir = mkdtempSync(join(tmpdir(), 'ufp-test-'));
  const tableName = `t${process.pid}_${Date.now().toString(36)}_${tableCounter++}`;
  // Suites call the API far faster than people do: fairness limits out of reach unless a test sets its own.
  const fairUse = { perTenant: 1_000_000, perPublicClient: 1_000_000, ...options.fairUse };
  const platform = await startLocal({ port: 0, dataDir, seed: 'none', ddbEndpoint: endpoint, tableName, log: () => {}, ...options, fairUse });
  const { signing } = await loadLocalKeys(dataDir);
  const token = (claims: Claims) => signLocalToken(signing, claims);

  const call = async (claims: Claims | null, path: string, input?: unknown, kind: 'query' | 'mutation' = 'query') => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (claims) headers.authorization = `Bearer ${await token(claims)}`;
    const res =
      kind === 'query'
        ? await platform.runtime.app.request(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
        : await platform.runtime.app.request(`/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input ?? null) });
    const body = (await res.json()) as { result?: { data: unknown }; error?: ApiResult<unknown>['error'] };
    return { status: res.status, data: body.result?.data, error: body.error } as ApiResult<any>;
  };

  // Every envelope the bus has finished delivering (to all matching consumers).
  const delivered = new Set<string>();
  const publish = platform.bus.publish.bind(platform.bus);
  platform.bus.publish = async (envelope) => {
    const outcome = await publish(envelope);
    delivered.add(envelope.id);
    return outcome;
  };

  const settle = async () => {
    // Done when every event committed so far (every outbox item) has been delivered.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const committed = await outboxIds(platform);
      if (committed.every((id) => delivered.has(id))) return;
      if (Date.now() > deadline) throw new Error(`settle: ${committed.filter((id) => !delivered.has(id)).length} events still undelivered`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    ...platform,
    dataDir,
    token,
    signing,
    call,
    query: (c, p, i) => call(c, p, i, 'query'),
    mutate: (c, p, i) => call(c, p, i, 'mutation'),
    settle,
    dispose: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const operator: Claims = { sub: 'op', roles: ['platform_operator'] };
export const adminOf = (tenantId: string): Claims => ({ sub: `admin-${tenantId}`, roles: ['federation_admin'], tenantId });
export const staffOf = (tenantId: string): Claims => ({ sub: `staff-${tenantId}`, roles: ['federation_staff'], tenantId });
export const reporterOf = (tenantId: string, unitId: string): Claims => ({ sub: `reporter-${tenantId}`, roles: ['unit_reporter'], tenantId, unitId });
export const leaderOf = (scope: string): Claims => ({ sub: `leader-${scope}`, roles: ['leadership_viewer'], scope });

/** The data of a call expected to succeed; anything but 200 fails the test with the status and the error. */
export async function ok<T = any>(res: Promise<ApiResult<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

export async function createTenant(p: TestPlatform, id: string, divisionCode: string, level: 'city' | 'county' = 'county', name = `${id}总工会`) {
  const res = await p.mutate(operator, 'platform.tenants.create', { id, name, level, divisionCode });
  if (res.status !== 200) throw new Error(`tenant ${id}: ${JSON.stringify(res.error)}`);
  return res.data;
}

let usccSerial = 1;
export async function createUnit(p: TestPlatform, tenantId: string, overrides: Record<string, unknown> = {}) {
  const { demoUscc } = await import('@ufp/local/seed');
  const res = await p.mutate(adminOf(tenantId), 'units.create', {
    name: `测试工会${usccSerial}`,
    type: 'enterprise',
    uscc: demoUscc('321281', usccSerial++),
    memberCount: 100,
    chair: { name: '王五', phone: '13800001111' },
    ...overrides,
  });
  if (res.status !== 200) throw new Error(`unit: ${JSON.stringify(res.error)}`);
  return res.data as { unitId: string; version: number; [k: string]: unknown };
}

/** A small file whose first bytes say PDF (the evidence checks sniff the type): the demo seed's. */
export { SAMPLE_PDF };

/**
 * Uploads a file the way the console does: `create` (a procedure answering an upload ticket), the PUT straight to
 * the blob store, then `complete`; returns the checked record's id.
 */
export async function uploadEvidence(p: TestPlatform, who: Claims, create: { path: string; input: Record<string, unknown> }, complete: string | { path: string; input: Record<string, unknown> }, bytes: Uint8Array): Promise<string> {
  const ticket = await p.mutate(who, create.path, { ...create.input, sizeBytes: bytes.length });
  if (ticket.status !== 200) throw new Error(`${create.path}: ${ticket.status} ${JSON.stringify(ticket.error)}`);
  const { uploadUrl, headers, evidenceId } = ticket.data as { uploadUrl: string; headers: Record<string, string>; evidenceId: string };
  const put = await p.runtime.app.request(uploadUrl, { method: 'PUT', headers, body: bytes as Uint8Array<ArrayBuffer> });
  if (put.status !== 200) throw new Error(`PUT ${uploadUrl}: ${put.status}`);
  const done = typeof complete === 'string' ? await p.mutate(who, complete, { evidenceId }) : await p.mutate(who, complete.path, { ...complete.input, evidenceId });
  if (done.status !== 200) throw new Error(`${typeof complete === 'string' ? complete : complete.path}: ${done.status} ${JSON.stringify(done.error)}`);
  return evidenceId;
}

/** The documents a hardship file needs before its notice under the default rule pack (申请表, 收入核对授权书). */
export const HARDSHIP_REQUIRED_DOCUMENTS = ['application', 'income_consent'] as const;

/** Uploads a checked PDF of each `kinds` to a hardship file as `who`; returns the documents' ids. */
export async function attachHardshipDocuments(p: TestPlatform, who: Claims, fileId: string, kinds: readonly string[] = HARDSHIP_REQUIRED_DOCUMENTS): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const create = { path: 'hardship.files.documents.createUpload', input: { fileId, kind, fileName: `${kind}.pdf`, contentType: 'application/pdf' } };
    ids.push(await uploadEvidence(p, who, create, { path: 'hardship.files.documents.complete', input: { fileId } }, SAMPLE_PDF));
  }
  return ids;
}

/** The 备案材料 a contract needs before it is filed under the default settings (文本, 决议, 代表名单, 要约及回复). */
export const CONTRACT_FILING_DOCUMENTS = ['contract_text', 'congress_resolution', 'representative_lists', 'offer_and_reply'] as const;

/** Uploads a checked PDF of each `kinds` as a contract's 备案材料, as `who`; returns the documents' ids. */
export async function attachFilingPackage(p: TestPlatform, who: Claims, contractId: string, kinds: readonly string[] = CONTRACT_FILING_DOCUMENTS): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const create = { path: 'contracts.evidence.createUpload', input: { contractId, purpose: 'filing', kind, fileName: `${kind}.pdf`, contentType: 'application/pdf' } };
    ids.push(await uploadEvidence(p, who, create, 'contracts.evidence.complete', SAMPLE_PDF));
  }
  return ids;
}

/** Uploads the bureau's 审查意见书 (a checked PDF) for a filed contract, as `who`; returns its id. */
export const attachReviewOpinion = (p: TestPlatform, who: Claims, contractId: string, fileName = '审查意见书.pdf'): Promise<string> =>
  uploadEvidence(p, who, { path: 'contracts.evidence.createUpload', input: { contractId, purpose: 'reviewOpinion', fileName, contentType: 'application/pdf' } }, 'contracts.evidence.complete', SAMPLE_PDF);

/** Three representatives of a side, the first the chief: 职工代表1…3 or 企业代表1…3. */
export const threeReps = (prefix: string) => Array.from({ length: 3 }, (_, i) => ({ name: `${prefix}${i + 1}`, role: i === 0 ? '首席' : '成员' }));

/**
 * The steps that take a draft contract to signed (for `walkContract`): the offer sent and accepted, three
 * representatives a side, one round, the vote (by default 31 of 60 in favour, 40 present) and the chiefs' signature.
 */
export function stepsToSigned(d: { sentOn: string; repliedOn?: string; roundOn?: string; votedOn?: string; signedOn: string; minutes?: string; vote?: Record<string, number> }): [string, Record<string, unknown>][] {
  return [
    ['contracts.offer.send', { sentOn: d.sentOn, fromSide: 'worker' }],
    ['contracts.offer.reply', { repliedOn: d.repliedOn ?? d.sentOn, accepted: true }],
    ['contracts.representatives.set', { side: 'worker', members: threeReps('职工代表'), chiefIndex: 0 }],
    ['contracts.representatives.set', { side: 'employer', members: threeReps('企业代表'), chiefIndex: 0 }],
    ['contracts.rounds.add', { heldOn: d.roundOn ?? d.repliedOn ?? d.sentOn, minutes: d.minutes ?? '就工资增幅达成一致', openIssues: [] }],
    ['contracts.congress.record', { heldOn: d.votedOn ?? d.signedOn, ...(d.vote ?? { representativesTotal: 60, present: 40, approve: 31 }) }],
    ['contracts.sign', { signedOn: d.signedOn }],
  ];
}

/**
 * Runs a contract's lifecycle steps in order as `who`, each expected to succeed (the failing step's path and error
 * otherwise); before `contracts.file` the default 备案材料 package is uploaded, as staff do before filing.
 */
export async function walkContract(p: TestPlatform, who: Claims, contractId: string, steps: readonly (readonly [string, Record<string, unknown>])[]): Promise<void> {
  for (const [path, input] of steps) {
    if (path === 'contracts.file') await attachFilingPackage(p, who, contractId);
    const res = await p.mutate(who, path, { contractId, ...input });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.error)}`);
  }
}

/**
 * Takes a draft hardship file through submit, investigation (visited 2026-03-01), its required documents and the notice
 * (from 2026-03-02) to 建档: `filer` files, `reviewer` (not the staff member who published the notice) approves.
 */
export async function putHardshipFileOnFile(p: TestPlatform, draft: { fileId: string; version: number }, who: { tenantId: string; filer: Claims; reviewer: Claims }) {
  const staff = staffOf(who.tenantId);
  let f = await ok(p.mutate(who.filer, 'hardship.files.submit', { fileId: draft.fileId, version: draft.version }));
  f = await ok(p.mutate(who.filer, 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实' }));
  await attachHardshipDocuments(p, staff, f.fileId);
  f = await ok(p.mutate(staff, 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
  return ok(p.mutate(who.reviewer, 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合相对困难条件' }));
}

/** Sets the platform's clock to 10:00 Asia/Shanghai on `date` (YYYY-MM-DD): a working morning, the same day in both zones. */
export const setDay = (p: TestPlatform, date: string): void => p.clock.set(new Date(`${date}T02:00:00Z`));

/** Runs the daily tick on `date` and waits until every event it raised is delivered. */
export async function tickOn(p: TestPlatform, date: string): Promise<void> {
  setDay(p, date);
  await p.scheduler.tick();
  await p.settle();
}
