import { describe, expect, it } from 'vitest';
import { platformRules as ruleTable } from '../rules.js';
import { compilePattern, InvalidPatternError, matchesPattern, type EventPattern } from './index.js';

const matches = (pattern: EventPattern, event: unknown): boolean => matchesPattern(pattern, event);
const rejects = (pattern: unknown): void => {
  expect(() => compilePattern(pattern as EventPattern)).toThrow(InvalidPatternError);
};

describe('exact values', () => {
  it('matches a string exactly and case-sensitively', () => {
    expect(matches({ source: ['aws.ec2'] }, { source: 'aws.ec2' })).toBe(true);
    expect(matches({ source: ['aws.ec2'] }, { source: 'AWS.EC2' })).toBe(false);
  });

  it('a list of values is an OR', () => {
    const pattern = { state: ['running', 'stopped'] };
    expect(matches(pattern, { state: 'stopped' })).toBe(true);
    expect(matches(pattern, { state: 'pending' })).toBe(false);
  });

  it('numbers compare numerically but never equal numeric-looking strings', () => {
    expect(matches({ n: [300] }, JSON.parse('{"n": 3.0e2}'))).toBe(true);
    expect(matches({ n: [300] }, { n: '300' })).toBe(false);
    expect(matches({ n: ['300'] }, { n: 300 })).toBe(false);
  });

  it('booleans and null match only themselves', () => {
    expect(matches({ b: [false] }, { b: false })).toBe(true);
    expect(matches({ b: [false] }, { b: 'false' })).toBe(false);
    expect(matches({ v: [null] }, { v: null })).toBe(true);
    expect(matches({ v: [null] }, { v: '' })).toBe(false);
    expect(matches({ v: [null] }, {})).toBe(false);
    expect(matches({ v: [''] }, { v: null })).toBe(false);
  });

  it('an IP address literal matches the same address however it is spelled', () => {
    expect(matches({ ip: ['2001:db8::1'] }, { ip: '2001:DB8:0:0:0:0:0:1' })).toBe(true);
    expect(matches({ ip: ['::0'] }, { ip: '::1' })).toBe(false);
  });

  it('fields the pattern does not name are ignored', () => {
    expect(matches({ a: ['x'] }, { a: 'x', b: 'anything', c: { d: [1, 2] } })).toBe(true);
  });

  it('a missing field or a field holding an object does not match a value', () => {
    expect(matches({ a: ['x'] }, { b: 'x' })).toBe(false);
    expect(matches({ a: ['x'] }, { a: { x: 'x' } })).toBe(false);
  });
});

describe('nesting and event arrays', () => {
  it('nested pattern objects follow nested event objects', () => {
    expect(matches({ detail: { state: ['running'] } }, { detail: { state: 'running' } })).toBe(true);
    expect(matches({ detail: { state: ['running'] } }, { state: 'running' })).toBe(false);
  });

  it('an event array matches if any element matches', () => {
    const pattern = { resources: ['arn:b'] };
    expect(matches(pattern, { resources: ['arn:a', 'arn:b'] })).toBe(true);
    expect(matches(pattern, { resources: ['arn:a'] })).toBe(false);
    expect(matches(pattern, { resources: [] })).toBe(false);
  });

  it('matches fields inside arrays of objects in detail, even nested arrays', () => {
    const event = { detail: { units: [[{ code: 'A', members: [{ role: 'chair' }] }], [{ code: 'B' }]] } };
    expect(matches({ detail: { units: { code: ['B'] } } }, event)).toBe(true);
    expect(matches({ detail: { units: { members: { role: ['chair'] } } } }, event)).toBe(true);
  });

  it('fields under one event array must all match within the same element', () => {
    const event = { people: [{ first: 'Anna', last: 'Smith' }, { first: 'Peter', last: 'Jones' }] };
    expect(matches({ people: { first: ['Anna'], last: ['Smith'] } }, event)).toBe(true);
    expect(matches({ people: { first: ['Anna'], last: ['Jones'] } }, event)).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('prefix matches the start of a string only', () => {
    expect(matches({ t: [{ prefix: '2017-10' }] }, { t: '2017-10-02T16:24:49Z' })).toBe(true);
    expect(matches({ t: [{ prefix: '2017-10' }] }, { t: 'x2017-10' })).toBe(false);
    expect(matches({ n: [{ prefix: '1' }] }, { n: 123 })).toBe(false);
  });

  it('prefix with equals-ignore-case ignores case', () => {
    expect(matches({ s: [{ prefix: { 'equals-ignore-case': 'EVENTb' } }] }, { s: 'EventBridge' })).toBe(true);
    expect(matches({ s: [{ prefix: { 'equals-ignore-case': 'EVENTb' } }] }, { s: 'Events' })).toBe(false);
  });

  it('suffix matches the end of a string, case-sensitively unless asked', () => {
    expect(matches({ f: [{ suffix: '.png' }] }, { f: 'photo.png' })).toBe(true);
    expect(matches({ f: [{ suffix: '.png' }] }, { f: 'photo.PNG' })).toBe(false);
    expect(matches({ f: [{ suffix: { 'equals-ignore-case': '.png' } }] }, { f: 'photo.PnG' })).toBe(true);
  });

  it('works on multi-byte characters', () => {
    expect(matches({ name: [{ suffix: '工会' }] }, { name: '杭州市总工会' })).toBe(true);
  });
});

describe('anything-but', () => {
  it('anything-but a single value matches every other value, including non-strings', () => {
    const pattern = { state: [{ 'anything-but': 'initializing' }] };
    expect(matches(pattern, { state: 'running' })).toBe(true);
    expect(matches(pattern, { state: 'initializing' })).toBe(false);
    expect(matches(pattern, { state: null })).toBe(true);
    expect(matches(pattern, { state: 7 })).toBe(true);
  });

  it('anything-but list rejects any listed value', () => {
    const pattern = { state: [{ 'anything-but': ['stopped', 'overloaded'] }] };
    expect(matches(pattern, { state: 'stopped' })).toBe(false);
    expect(matches(pattern, { state: 'overloaded' })).toBe(false);
    expect(matches(pattern, { state: 'running' })).toBe(true);
  });

  it('anything-but numbers compares numerically and lets strings through', () => {
    const pattern = { x: [{ 'anything-but': [100, 200] }] };
    expect(matches(pattern, { x: 200 })).toBe(false);
    expect(matches(pattern, { x: 201 })).toBe(true);
    expect(matches(pattern, { x: '200' })).toBe(true);
  });

  it('anything-but does not match a missing field', () => {
    expect(matches({ state: [{ 'anything-but': 'x' }] }, {})).toBe(false);
  });

  it('anything-but prefix, suffix, wildcard and equals-ignore-case exclude what they describe', () => {
    expect(matches({ r: [{ 'anything-but': { prefix: 'us-' } }] }, { r: 'us-east-1' })).toBe(false);
    expect(matches({ r: [{ 'anything-but': { prefix: 'us-' } }] }, { r: 'eu-west-1' })).toBe(true);
    expect(matches({ f: [{ 'anything-but': { suffix: '.png' } }] }, { f: 'a.png' })).toBe(false);
    expect(matches({ f: [{ 'anything-but': { suffix: '.png' } }] }, { f: 'a.jpg' })).toBe(true);
    expect(matches({ p: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { p: '/usr/lib/x' })).toBe(false);
    expect(matches({ p: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { p: '/usr/bin/x' })).toBe(true);
    expect(matches({ s: [{ 'anything-but': { 'equals-ignore-case': 'init' } }] }, { s: 'INIT' })).toBe(false);
    expect(matches({ s: [{ 'anything-but': { 'equals-ignore-case': 'init' } }] }, { s: 'run' })).toBe(true);
  });

  it('anything-but in an event array passes if any element is not excluded', () => {
    expect(matches({ s: [{ 'anything-but': 'a' }] }, { s: ['a', 'b'] })).toBe(true);
    expect(matches({ s: [{ 'anything-but': 'a' }] }, { s: ['a'] })).toBe(false);
  });
});

describe('numeric', () => {
  it('combines a lower and an upper bound', () => {
    const pattern = { c: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matches(pattern, { c: 5 })).toBe(true);
    expect(matches(pattern, { c: 0 })).toBe(false);
    expect(matches(pattern, { c: 5.000001 })).toBe(false);
  });

  it('supports =, <, <=, >, >= on their own', () => {
    expect(matches({ a: [{ numeric: ['=', 301.8] }] }, { a: 301.8 })).toBe(true);
    expect(matches({ a: [{ numeric: ['<', 10] }] }, { a: 10 })).toBe(false);
    expect(matches({ a: [{ numeric: ['<=', 10] }] }, { a: 10 })).toBe(true);
    expect(matches({ a: [{ numeric: ['>', -1] }] }, { a: -0.5 })).toBe(true);
    expect(matches({ a: [{ numeric: ['>=', 1e9] }] }, { a: 123456789012 })).toBe(true);
  });

  it('only matches JSON numbers, not numeric strings', () => {
    expect(matches({ a: [{ numeric: ['>', 0] }] }, { a: '5' })).toBe(false);
  });
});

describe('exists', () => {
  it('exists:true matches any leaf value, including null and the empty string', () => {
    expect(matches({ a: [{ exists: true }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, { a: '' })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, {})).toBe(false);
  });

  it('exists:false matches when the field is absent', () => {
    expect(matches({ a: [{ exists: false }] }, { b: 1 })).toBe(true);
    expect(matches({ a: [{ exists: false }] }, { a: 1 })).toBe(false);
  });

  it('exists only sees leaves: objects and empty arrays count as absent', () => {
    expect(matches({ a: [{ exists: true }] }, { a: { b: 1 } })).toBe(false);
    expect(matches({ a: [{ exists: false }] }, { a: { b: 1 } })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, { a: [] })).toBe(false);
    expect(matches({ a: [{ exists: false }] }, { a: [] })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, { a: [0] })).toBe(true);
  });

  it('exists:false under an array looks only at the element picked by fields sorted before it', () => {
    const event = { items: [{ id: 'x' }, { id: 'y', note: 1 }] };
    expect(matches({ items: { id: ['x'], note: [{ exists: false }] } }, event)).toBe(true);
    expect(matches({ items: { id: ['y'], note: [{ exists: false }] } }, event)).toBe(false);
  });

  it('exists:false with no element picked yet requires the field to be absent from every element', () => {
    expect(matches({ items: { note: [{ exists: false }] } }, { items: [{ note: 1 }, { id: 'y' }] })).toBe(false);
    // event-ruler evaluates fields in sorted path order: "items.flag" comes before "items.id", so no element
    // is picked when flag is checked, and the flag in the other element counts.
    const event = { items: [{ id: 'x' }, { id: 'y', flag: 1 }] };
    expect(matches({ items: { id: ['x'], flag: [{ exists: false }] } }, event)).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches the whole string ignoring case', () => {
    expect(matches({ n: [{ 'equals-ignore-case': 'alice' }] }, { n: 'ALICE' })).toBe(true);
    expect(matches({ n: [{ 'equals-ignore-case': 'alice' }] }, { n: 'Alicia' })).toBe(false);
  });

  it('folds case character by character like event-ruler (ß matches SS)', () => {
    expect(matches({ n: [{ 'equals-ignore-case': 'straße' }] }, { n: 'STRASSE' })).toBe(true);
  });
});

describe('wildcard', () => {
  it('* matches any run of characters, including none', () => {
    const pattern = { k: [{ wildcard: 'dir/*.png' }] };
    expect(matches(pattern, { k: 'dir/a.png' })).toBe(true);
    expect(matches(pattern, { k: 'dir/.png' })).toBe(true);
    expect(matches(pattern, { k: 'dir/a.png.txt' })).toBe(false);
    expect(matches({ k: [{ wildcard: '12*4*' }] }, { k: '12345' })).toBe(true);
  });

  it('an escaped \\* matches a literal star and \\\\ a literal backslash', () => {
    expect(matches({ k: [{ wildcard: 'a\\*b' }] }, { k: 'a*b' })).toBe(true);
    expect(matches({ k: [{ wildcard: 'a\\*b' }] }, { k: 'axb' })).toBe(false);
    expect(matches({ k: [{ wildcard: 'a\\\\b' }] }, { k: 'a\\b' })).toBe(true);
  });
});

describe('cidr', () => {
  it('matches IPv4 and IPv6 addresses inside the range', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' })).toBe(true);
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '2400:6500:FF00::36FB:1F80/122' }] }, { ip: '2400:6500:ff00::36fb:1fbf' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2400:6500:FF00::36FB:1F80/122' }] }, { ip: '2400:6500:ff00::36fb:1fc0' })).toBe(false);
  });

  it('does not match non-addresses or addresses of the other family', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'ten' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 10 })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'a00::' })).toBe(false);
  });
});

describe('$or', () => {
  const pattern = { source: ['app'], $or: [{ a: ['1'] }, { b: { c: ['2'] } }] };

  it('needs one branch plus the fields beside it', () => {
    expect(matches(pattern, { source: 'app', a: '1' })).toBe(true);
    expect(matches(pattern, { source: 'app', b: { c: '2' } })).toBe(true);
    expect(matches(pattern, { source: 'app', a: '2' })).toBe(false);
    expect(matches(pattern, { source: 'other', a: '1' })).toBe(false);
  });

  it('works nested inside an object', () => {
    const nested = { detail: { $or: [{ x: [{ numeric: ['<', 0] }] }, { y: ['on'] }] } };
    expect(matches(nested, { detail: { x: -1 } })).toBe(true);
    expect(matches(nested, { detail: { y: 'on' } })).toBe(true);
    expect(matches(nested, { x: -1 })).toBe(false);
  });
});

describe('compilePattern', () => {
  it('compiles once and can be applied to many events', () => {
    const isTick = compilePattern({ 'detail-type': ['schedule.tick'] });
    expect(isTick({ 'detail-type': 'schedule.tick' })).toBe(true);
    expect(isTick({ 'detail-type': 'units.unit.created' })).toBe(false);
  });

  it('never matches something that is not an event object', () => {
    const anything = compilePattern({ a: [{ exists: false }] });
    for (const event of [null, undefined, 'x', 1, []]) expect(anything(event)).toBe(false);
  });
});

describe('pattern validation (PutRule would reject these)', () => {
  it('a field value must be an array or an object', () => {
    rejects({ source: 'aws.ec2' });
    rejects({ source: null });
  });

  it('empty patterns, objects and arrays are rejected', () => {
    rejects({});
    rejects({ detail: {} });
    rejects({ source: [] });
    rejects([]);
  });

  it('match expressions need exactly one known operator', () => {
    rejects({ a: [{}] });
    rejects({ a: [{ prefix: 'x', suffix: 'y' }] });
    rejects({ a: [{ contains: 'x' }] });
    rejects({ a: [{ exactly: 'x' }] });
    rejects({ a: [['nested']] });
  });

  it('operands must have the right type', () => {
    rejects({ a: [{ prefix: 1 }] });
    rejects({ a: [{ prefix: { 'not-equals': 'x' } }] });
    rejects({ a: [{ exists: 'true' }] });
    rejects({ a: [{ 'equals-ignore-case': 5 }] });
    rejects({ a: [{ cidr: 5 }] });
  });

  it('numeric expressions must be well formed', () => {
    rejects({ a: [{ numeric: [] }] });
    rejects({ a: [{ numeric: ['>', '5'] }] });
    rejects({ a: [{ numeric: ['<', 10, '>', 0] }] });
    rejects({ a: [{ numeric: ['=', 5, '<', 7] }] });
    rejects({ a: [{ numeric: ['>=', 5, '<=', 5] }] });
    rejects({ a: [{ numeric: ['!=', 5] }] });
  });

  it('anything-but takes one string, one number, or a homogeneous non-empty list', () => {
    rejects({ a: [{ 'anything-but': ['a', 1] }] });
    rejects({ a: [{ 'anything-but': [] }] });
    rejects({ a: [{ 'anything-but': null }] });
    rejects({ a: [{ 'anything-but': { prefix: '' } }] });
    rejects({ a: [{ 'anything-but': { exists: true } }] });
  });

  it('wildcards may not repeat * or escape anything but * and \\', () => {
    rejects({ a: [{ wildcard: 'a**b' }] });
    rejects({ a: [{ wildcard: 'a\\b' }] });
  });

  it('cidr needs an address and a mask shorter than the address', () => {
    rejects({ a: [{ cidr: '10.0.0.0' }] });
    rejects({ a: [{ cidr: 'host/24' }] });
    rejects({ a: [{ cidr: '10.0.0.1/32' }] });
    rejects({ a: [{ cidr: '::1/128' }] });
  });

  it('$or needs an array of at least two objects without reserved field names', () => {
    rejects({ $or: [{ a: ['1'] }] });
    rejects({ $or: { a: ['1'] } });
    rejects({ $or: [{ a: ['1'] }, 'b'] });
    rejects({ $or: [{ prefix: ['1'] }, { b: ['2'] }] });
  });

  it('the error names the offending field', () => {
    expect(() => compilePattern({ detail: { state: [{ numeric: ['~', 1] }] } })).toThrow(
      /at "detail\.state": Unrecognized numeric range operator/,
    );
  });
});

describe('the rule table', () => {
  const rule = (name: string) => {
    const found = ruleTable.find((r) => r.name === name);
    if (!found) throw new Error(`no rule ${name}`);
    return compilePattern(found.pattern);
  };
  const unitCreated = {
    source: 'federation.units',
    'detail-type': 'units.unit.created',
    detail: { data: { metrics: { 'units.count': 1 } }, meta: {} },
  };

  it.each(ruleTable.map((r) => [r.name, r.pattern] as const))('rule %s compiles', (_name, pattern) => {
    expect(() => compilePattern(pattern)).not.toThrow();
  });

  it('rollup-projector matches a units.unit.created event carrying detail.data.metrics', () => {
    expect(rule('rollup-projector')(unitCreated)).toBe(true);
  });

  it('rollup-projector does not match a schedule.tick event', () => {
    const tick = { ...unitCreated, source: 'federation.scheduler', 'detail-type': 'schedule.tick' };
    expect(rule('rollup-projector')(tick)).toBe(false);
  });

  it('rollup-projector cannot filter on detail.data.metrics, an object (exists sees leaves only)', () => {
    // rules.ts takes every domain event and leaves the metrics check to the projector: a pattern such as
    // `metrics: [{ exists: true }]` would never match, because metrics holds an object, not a leaf value.
    expect(rule('rollup-projector')({ ...unitCreated, detail: { data: {}, meta: {} } })).toBe(true);
    expect(matches({ detail: { data: { metrics: [{ exists: true }] } } }, unitCreated)).toBe(false);
  });

  it('daily-tick matches the scheduler tick', () => {
    const tick = { source: 'federation.scheduler', 'detail-type': 'schedule.tick', detail: { data: {} } };
    expect(rule('daily-tick')(tick)).toBe(true);
    expect(rule('daily-tick')(unitCreated)).toBe(false);
  });
});
