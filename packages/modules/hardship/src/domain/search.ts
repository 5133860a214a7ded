import { parseIdNumber } from '@ufp/core/validation/identifiers';

/**
 * What a caseworker typed in the file search, read as one of: a whole ID number (looked up through the tenant's
 * blind index, never compared in clear), a file number (a file id or its start: upper-case letters and digits,
 * at least 6), or a part of the worker's name.
 */
export type FileSearch = { kind: 'idNumber'; idNumber: string } | { kind: 'fileId'; prefix: string } | { kind: 'name'; text: string };

export function fileSearch(raw: string | undefined): FileSearch | undefined {
  const q = raw?.trim();
  if (!q) return undefined;
  const id = parseIdNumber(q);
  if (id.ok) return { kind: 'idNumber', idNumber: id.value };
  if (/^[0-9A-Za-z]{6,26}$/.test(q)) return { kind: 'fileId', prefix: q.toUpperCase() };
  return { kind: 'name', text: q };
}
