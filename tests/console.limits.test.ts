import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The console and the server agree on limits because the console reads them from the same module
 * (`@ufp/core/validation/limits`) that the routers' schemas use: a form must not let a person type
 * what the server refuses (the user form once took 50 characters where the server took 30), nor
 * cut short what it takes (an 18-character ID pasted with spaces around it).
 */
const root = join(import.meta.dirname, '../apps/console/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []));
const sources = files(root).map((file) => ({ file: file.slice(root.length + 1), text: readFileSync(file, 'utf8') }));

/** Inputs whose id reads like an identifier's but which hold a code typed exactly (a tenant's id has its own bounds). */
const NOT_NORMALISED = ['tenant-id'];

/** Textareas that hold lists the console parses itself into dates (the holiday notice). */
const PARSED_LISTS = ['cal-off', 'cal-work'];

describe('console input limits come from the shared limits module', () => {
  it('no maxlength is a number typed into the page', () => {
    const literal = /max[lL]ength(?:=\{\s*\d+\s*\}|="\d+"|:\s*\d+\b)/g;
    const found = sources.flatMap(({ file, text }) => [...text.matchAll(literal)].map((m) => `${file}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('every textarea has a maxlength', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/<textarea\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/max[lL]ength=/.test(tag) && !PARSED_LISTS.some((id) => tag.includes(`"${id}"`))).map((tag) => `${file}: ${tag}`),
    );
    expect(missing).toEqual([]);
  });

  it('the pages that take identifiers leave room for what the server normalises away', () => {
    // An input whose id names an ID number, a phone or a region code, written out or built from a form's prefix.
    const identifierInput = /<[iI]nput\s+id=(?:"[^"]*|\{`[^`]*)(?:-id|-phone|c-region)["`][^>]*>/g;
    const found = sources
      .flatMap(({ file, text }) => [...text.matchAll(identifierInput)].map((m) => `${file}: ${m[0]}`))
      .filter((tag) => !NOT_NORMALISED.some((id) => tag.includes(`id="${id}"`)));
    // The household form's phone (the application and its 转正), a contract's region code, the ID numbers typed outside it.
    expect(found.some((tag) => tag.startsWith('modules/hardship/Household.tsx') && tag.includes('-phone`'))).toBe(true);
    expect(found.some((tag) => tag.includes('id="c-region"'))).toBe(true);
    expect(found.some((tag) => tag.includes('id="hs-temp-id"'))).toBe(true);
    for (const tag of found) expect(tag).toContain('IDENTIFIER_INPUT_MAX');
    // Every ID number field of the hardship forms (the worker's, each member's, a student's) is this one component.
    const household = sources.find(({ file }) => file === 'modules/hardship/Household.tsx')!.text;
    expect(household.match(/export function IdNumberInput[\s\S]*?\n\}\n/)?.[0]).toContain('maxLength={IDENTIFIER_INPUT_MAX}');
  });
});
