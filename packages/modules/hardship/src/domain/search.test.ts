import { describe, expect, it } from 'vitest';
import { fileSearch } from './search.js';

describe('fileSearch', () => {
  it('reads a whole ID number (normalised), a file number and a name', () => {
    expect(fileSearch(' 11010519491231002x ')).toEqual({ kind: 'idNumber', idNumber: '11010519491231002X' });
    expect(fileSearch('01jabc')).toEqual({ kind: 'fileId', prefix: '01JABC' });
    expect(fileSearch('张')).toEqual({ kind: 'name', text: '张' });
    expect(fileSearch('   ')).toBeUndefined();
    expect(fileSearch(undefined)).toBeUndefined();
  });
  it('an ID number with a wrong check digit is not looked up as an ID', () => {
    expect(fileSearch('110105194912310021')?.kind).toBe('fileId');
  });
});
