import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel } from '@ufp/core/validation/labels';
import { adminOf, createTenant, createUnit, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { fieldsOf, procedurePaths, type Segment } from '@ufp/testing/schema-walk';

/**
 * One strict validation layer: every 400 names the field in words in Chinese and English (never a
 * path or a library's text), free text is refused when it carries control characters, bidi
 * overrides, unpaired surrogates or nothing visible, identifiers pasted with full-width digits or
 * separators are taken, and what tRPC answers before a procedure runs is bilingual too.
 */
const T = '321281';
const admin = adminOf(T);
const staff = staffOf(T);
const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** Fragments of zod's, tRPC's and the JavaScript runtime's own wording. */
const LIBRARY_TEXT = /期望|数值过|字符串|Invalid input: expected|Too small|Too big|expected string|received|Unexpected token|JSON at position|Invalid time value|No procedure found|Unsupported GET|Unexpected end of JSON|Expected property name/;

let p: TestPlatform;
let unitId: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '消息测试企业工会' })).unitId;
});
afterAll(() => p?.dispose());

const unitCount = async () => (await p.query(admin, 'units.list', { limit: 200 })).data.items.length as number;

function expectBilingual(res: ApiResult<unknown>, status: number) {
  expect(res.status, JSON.stringify(res.error)).toBe(status);
  expect(res.error?.message).toMatch(CJK);
  expect(res.error?.data.messageEn).toMatch(/[A-Za-z]/);
  expect(res.error?.data.messageEn).not.toMatch(CJK);
  expect(`${res.error?.message} ${res.error?.data.messageEn}`).not.toMatch(LIBRARY_TEXT);
}

describe('every field has a name in words', () => {
  it('each field of each procedure’s input, and each object or list on the way to it, has a label in the dictionary', () => {
    const missing = new Set<string>();
    for (const procedure of procedurePaths) {
      for (const field of fieldsOf(procedure)) {
        const keys = field.path.filter((s): s is string => typeof s === 'string');
        const upTo = field.inRecord ? keys.indexOf('key') : keys.length;
        for (let n = 1; n <= upTo; n++) {
          if (!fieldLabel(procedure, keys.slice(0, n), { exact: true })) missing.add(`${procedure}: ${keys.slice(0, n).join('.')}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
    expect(procedurePaths.flatMap(fieldsOf).length).toBeGreaterThan(200);
  });

  it('the most specific label wins: procedure, then the longest path suffix', () => {
    expect(fieldLabel('units.create', ['name'])?.zh).toBe('工会名称');
    expect(fieldLabel('units.create', ['chair', 'name'])?.zh).toBe('主席姓名');
    expect(fieldLabel('users.create', ['name'])?.zh).toBe('姓名');
    expect(fieldLabel('hardship.files.create', ['household', 'members', 2, 'idNumber'] as Segment[])?.zh).toBe('家庭成员身份证号');
    expect(fieldLabel('contracts.representatives.set', ['members', 0, 'name'] as Segment[])?.zh).toBe('代表姓名');
  });
});

describe('a 400 names the field in words, in both languages', () => {
  it.each<[string, string, Record<string, unknown>, Segment[], string, string]>([
    ['units.create', 'too short', { name: '工', type: 'regional', memberCount: 1, chair: { name: '甲' } }, ['name'], '工会名称至少需要 2 个字', 'Union name must have at least 2 characters'],
    ['units.create', 'a negative count', { name: '负数工会', type: 'regional', memberCount: -1, chair: { name: '甲' } }, ['memberCount'], '会员人数不能小于 0', 'Member count must be at least 0'],
    ['units.create', 'text for a number', { name: '文字工会', type: 'regional', memberCount: 'many', chair: { name: '甲' } }, ['memberCount'], '会员人数应为数字', 'Member count must be a number'],
    ['units.create', 'a fraction for a whole number', { name: '小数工会', type: 'regional', memberCount: 1.5, chair: { name: '甲' } }, ['memberCount'], '会员人数应为整数', 'Member count must be a whole number'],
    ['units.create', 'a missing field', { name: '缺类型工会', memberCount: 1, chair: { name: '甲' } }, ['type'], '工会类型必须填写', 'Union type is required'],
    ['units.create', 'an unknown option', { name: '选项工会', type: 'club', memberCount: 1, chair: { name: '甲' } }, ['type'], '工会类型应为以下之一：enterprise、industry、regional、new_employment_form', 'Union type must be one of: enterprise, industry, regional, new_employment_form'],
    ['units.create', 'a missing object', { name: '缺主席工会', type: 'regional', memberCount: 1 }, ['chair'], '工会主席必须填写', 'Union chair is required'],
    ['units.create', 'a zero-width-only name', { name: '\u200B\u200B', type: 'regional', memberCount: 1, chair: { name: '甲' } }, ['name'], '工会名称不能只包含空格或不可见字符', 'Union name cannot consist only of spaces or invisible characters'],
    ['units.create', 'a bidi override', { name: '兴化\u202E工会', type: 'regional', memberCount: 1, chair: { name: '甲' } }, ['name'], '工会名称不能包含文字方向控制符（如 U+202E）', 'Union name must not contain text-direction control characters (such as U+202E)'],
    ['units.create', 'a control character', { name: '兴化\u0007工会', type: 'regional', memberCount: 1, chair: { name: '甲' } }, ['name'], '工会名称不能包含控制字符', 'Union name must not contain control characters'],
    ['units.create', 'a line break in a name', { name: '兴化\n工会', type: 'regional', memberCount: 1, chair: { name: '甲' } }, ['name'], '工会名称只能填写一行，不能包含换行', 'Union name must be a single line, without line breaks'],
    ['units.create', 'an unpaired surrogate', { name: '兴化工会', type: 'regional', memberCount: 1, chair: { name: '甲\uD800' } }, ['chair', 'name'], '主席姓名含有无效的字符编码（不成对的代理项）', "Chair's name contains an invalid character encoding (an unpaired surrogate)"],
    ['units.create', 'a wrong check character', { name: '校验工会', type: 'enterprise', uscc: '91320000134710930T', memberCount: 1, chair: { name: '甲' } }, ['uscc'], '统一社会信用代码校验位不正确，请核对代码', 'The unified social credit code fails its check character; please check the code'],
    ['users.create', 'a name over the limit', { name: '长'.repeat(31), roles: ['federation_staff'] }, ['name'], '姓名不能超过 30 个字', 'Name must have at most 30 characters'],
    ['users.create', 'an empty list', { name: '无角色', roles: [] }, ['roles'], '角色至少需要 1 项', 'Roles must have at least 1 item'],
    ['hardship.aid.grant', 'an amount below one fen', { fileId: 'no-such-file', kind: 'living', amountFen: 0, fundSource: 'county' }, ['amountFen'], '发放金额不能小于 0.01 元', 'Amount must be at least 0.01 yuan'],
    ['hardship.aid.grant', '金秋助学 without its student', { fileId: 'no-such-file', kind: 'education', amountFen: 100_000, fundSource: 'county' }, ['student'], '金秋助学须选择受助学生及其学段', 'A Golden Autumn education grant must name the student and the school level'],
    ['hardship.aid.grant', 'a student on another kind', { fileId: 'no-such-file', kind: 'living', student: { memberIndex: 1, level: 'higher' }, amountFen: 100_000, fundSource: 'county' }, ['student'], '仅金秋助学填写受助学生', 'Only a Golden Autumn education grant names a student'],
    ['hardship.aid.grant', 'an unknown school level', { fileId: 'no-such-file', kind: 'education', student: { memberIndex: 1, level: 'college' }, amountFen: 100_000, fundSource: 'county' }, ['student', 'level'], '学段应为以下之一：higher、high_school', 'School level must be one of: higher, high_school'],
    ['hardship.files.create', 'a member’s ID number', { unitId: 'u', worker: { name: '甲', idNumber: '11010519491231002X' }, household: { members: [{ relation: '本人', name: '甲' }, { relation: '子', name: '乙', idNumber: '110105194912310021' }], annualIncomeFen: 1, rigidExpensesFen: 0 }, consentGiven: true }, ['household', 'members', 1, 'idNumber'], '家庭成员身份证号（第2项）：身份证号校验位不正确，请核对号码', "Household member's ID number (item 2): The ID number fails its check digit; please check the number"],
    ['contracts.create', 'too many decimals', { type: 'industry', scope: { industry: 'express' }, employerParties: [{ name: '甲' }], coveredEnterprises: 1, coveredEmployees: 1, term: { start: '2026-01-01', end: '2026-12-31' }, clauses: { wageGrowthPct: 1.234 } }, ['clauses', 'wageGrowthPct'], '工资增幅（%）最多保留 2 位小数', 'Wage growth (%) must have at most 2 decimal places'],
    ['contracts.sign', 'an impossible date', { contractId: 'no-such-contract', signedOn: '2026-02-30' }, ['signedOn'], '签订日期不是有效日期：应为真实存在的日期，格式 YYYY-MM-DD', 'Signing date is not a valid date: use a real calendar date as YYYY-MM-DD'],
  ])('%s with %s', async (path, _what, input, issuePath, zh, en) => {
    const before = await unitCount();
    const res = await p.mutate(path.startsWith('units') || path.startsWith('users') ? admin : staff, path, input);
    expectBilingual(res, 400);
    expect(res.error?.data.issues?.[0]).toMatchObject({ path: issuePath, message: zh, messageEn: en });
    expect(res.error?.message).toBe(`输入有误 — ${zh}`);
    expect(res.error?.data.messageEn).toBe(`Invalid input — ${en}`);
    expect(await unitCount()).toBe(before);
  });

  it('says how many more problems there are when there are several', async () => {
    const res = await p.mutate(admin, 'units.create', { name: '', type: 'x', memberCount: -1, chair: {} });
    expectBilingual(res, 400);
    expect(res.error?.data.issues?.length).toBe(4);
    expect(res.error?.message).toMatch(/（另有 3 处）$/);
    expect(res.error?.data.messageEn).toMatch(/ \(and 3 more\)$/);
  });

  it('a rule the procedure checks itself names its field too', async () => {
    const res = await p.mutate(staff, 'contracts.create', { type: 'regional', employerParties: [{ name: '区域企业' }], coveredEnterprises: 1, coveredEmployees: 1, term: { start: '2026-01-01', end: '2026-12-31' } });
    expectBilingual(res, 400);
    expect(res.error?.data.issues).toEqual([{ path: ['scope.regionCode'], message: '区域性集体合同须填写区域代码', messageEn: 'Enter the region code', field: { zh: '区域代码', en: 'Region code' } }]);
  });

  it('a record that is not there: 404 in both languages', async () => {
    const res = await p.query(admin, 'units.get', { unitId: 'no-such-unit' });
    expectBilingual(res, 404);
    expect(res.error?.message).toBe('基层工会不存在');
    expect(res.error?.data.messageEn).toBe('Union not found');
  });
});

describe('what tRPC answers before a procedure runs is bilingual too', () => {
  const headers = async () => ({ authorization: `Bearer ${await p.token(admin)}`, 'content-type': 'application/json' });
  const body = async (res: Response) => {
    const json = (await res.json()) as { error: ApiResult<unknown>['error'] };
    return { status: res.status, data: undefined, error: json.error } as ApiResult<unknown>;
  };

  it('a body that is not JSON → 400 saying so', async () => {
    const res = await body(await p.runtime.app.request('/trpc/units.create', { method: 'POST', headers: await headers(), body: '{"name": "坏的 JSON", ' }));
    expectBilingual(res, 400);
    expect(res.error?.message).toContain('JSON');
    expect(res.error?.data.messageEn).toContain('not valid JSON');
  });

  it('?input= that is not JSON → 400 saying so', async () => {
    const res = await body(await p.runtime.app.request(`/trpc/units.list?input=${encodeURIComponent('{not json')}`, { headers: await headers() }));
    expectBilingual(res, 400);
    expect(res.error?.data.messageEn).toContain('?input=');
  });

  it('an unknown procedure → 404, the wrong method → 405', async () => {
    expectBilingual(await body(await p.runtime.app.request('/trpc/units.nope', { headers: await headers() })), 404);
    expectBilingual(await body(await p.runtime.app.request('/trpc/units.list', { method: 'POST', headers: await headers(), body: '{}' })), 405);
  });
});

describe('identifiers as people paste them', () => {
  it('a hardship file takes an ID number in full-width digits and a phone with +86 and spaces, stored in canonical form', async () => {
    const res = await p.mutate(staff, 'hardship.files.create', {
      unitId,
      worker: { name: '全角职工', idNumber: '\u3000１１０１０５１９４９１２３１００２ｘ ', phone: '+86 138 1234 5678' },
      household: { members: [{ relation: '本人', name: '全角职工' }], annualIncomeFen: 100, rigidExpensesFen: 0 },
      consentGiven: true,
    });
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    expect(res.data.worker).toMatchObject({ idMasked: '1101**********002X', phoneMasked: '138****5678' });
    const id = await p.mutate(staff, 'hardship.files.reveal', { fileId: res.data.fileId, field: 'idNumber' });
    const phone = await p.mutate(staff, 'hardship.files.reveal', { fileId: res.data.fileId, field: 'phone' });
    expect([id.data.value, phone.data.value]).toEqual(['11010519491231002X', '13812345678']);
  });

  it('a unit takes a USCC in full-width letters and a landline in brackets', async () => {
    const { demoUscc } = await import('@ufp/local/seed');
    const uscc = demoUscc('321281', 987);
    const wide = [...uscc].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const res = await p.mutate(admin, 'units.create', { name: '全角代码企业工会', type: 'enterprise', uscc: ` ${wide} `, memberCount: 10, chair: { name: '甲', phone: '（０５２３）８６１２ ３４５６' } });
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    expect(res.data.uscc).toBe(uscc);
    const phone = await p.mutate(admin, 'units.revealChairPhone', { unitId: res.data.unitId });
    expect(phone.data.phone).toBe('0523-86123456');
  });
});
