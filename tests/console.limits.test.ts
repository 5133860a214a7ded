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
    const identifierInputs = sources.flatMap(({ file, text }) => [...text.matchAll(/<[iI]nput\s+id="(hs-id|hs-phone|c-region)"[^>]*>/g)].map((m) => `${file}: ${m[0]}`));
    expect(identifierInputs.length).toBe(3);
    for (const tag of identifierInputs) expect(tag).toContain('IDENTIFIER_INPUT_MAX');
  });
});
