import { describe, expect, it } from 'vitest';
import { refusalOf } from '../errors.js';
import { attachmentDisposition } from './blob-store.js';
import { checkDeclaration, checkUploaded, evidenceKey, EVIDENCE_KEY_PATTERN, MAX_EVIDENCE_BYTES, sanitiseFileName, sniffType } from './rules.js';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml');
const EXE = bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode');

const refusal = (fn: () => unknown) => refusalOf(fn)!;

describe('an upload declaration', () => {
  it('accepts images, PDF and Office files up to 10 MB, with a sanitised name', () => {
    expect(checkDeclaration({ fileName: '宣讲现场.JPG', contentType: 'image/jpeg', sizeBytes: 2_000_000 })).toEqual({ fileName: '宣讲现场.jpg', contentType: 'image/jpeg', sizeBytes: 2_000_000 });
    expect(checkDeclaration({ fileName: '签到表.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: MAX_EVIDENCE_BYTES }).fileName).toBe('签到表.xlsx');
  });

  it('refuses a type that is not on the list, naming the field, in both languages', () => {
    const e = refusal(() => checkDeclaration({ fileName: 'setup.exe', contentType: 'application/x-msdownload', sizeBytes: 100 }));
    expect(e.kind).toBe('invalid');
    expect(e.details).toMatchObject({ field: 'contentType', reason: 'type_not_allowed' });
    expect(e.text.zh).toContain('不支持');
    expect(e.text.en).toContain('not accepted');
  });

  it('refuses a file over 10 MB and an empty one', () => {
    expect(refusal(() => checkDeclaration({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: MAX_EVIDENCE_BYTES + 1 })).details).toMatchObject({ field: 'sizeBytes', reason: 'too_large' });
    expect(refusal(() => checkDeclaration({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 0 })).details).toMatchObject({ field: 'sizeBytes', reason: 'empty' });
  });
});

describe('file names', () => {
  it('drop directories, control and reserved characters', () => {
    expect(sanitiseFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('C:\\Users\\王\\照片 1.png', 'image/png')).toBe('照片 1.png');
    expect(sanitiseFileName('a<b>"c"|d?\u0000e.pdf', 'application/pdf')).toBe('abcde.pdf');
  });

  it('carry the extension of the declared type, so a renamed file cannot pose as another', () => {
    expect(sanitiseFileName('tool.exe', 'image/png')).toBe('tool.exe.png');
    expect(sanitiseFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpg');
    expect(sanitiseFileName('...', 'image/png')).toBe('file.png');
  });

  it('are at most 100 characters, extension included', () => {
    const name = sanitiseFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('travel in Content-Disposition with an ASCII fallback and the UTF-8 form', () => {
    expect(attachmentDisposition('现场照片.png')).toBe(`attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
  });
});

describe('the real type comes from the bytes', () => {
  it('recognises the signatures of every accepted type', () => {
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(WEBP)).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(ZIP)).toBe('zip');
    expect(sniffType(EXE)).toBeUndefined();
    expect(sniffType(new Uint8Array())).toBeUndefined();
  });

  it('rejects a renamed executable declared as a PNG', () => {
    expect(checkUploaded({ contentType: 'image/png', sizeBytes: EXE.length }, { sizeBytes: EXE.length, head: EXE })).toEqual({ ok: false, reason: 'type_mismatch' });
  });

  it('rejects a real PNG declared as a PDF, and a size other than the declared one', () => {
    expect(checkUploaded({ contentType: 'application/pdf', sizeBytes: 100 }, { sizeBytes: 100, head: PNG })).toEqual({ ok: false, reason: 'type_mismatch' });
    expect(checkUploaded({ contentType: 'image/png', sizeBytes: 100 }, { sizeBytes: 99, head: PNG })).toEqual({ ok: false, reason: 'size_mismatch' });
  });

  it('accepts what was declared, Office files as ZIP containers', () => {
    expect(checkUploaded({ contentType: 'image/png', sizeBytes: 100 }, { sizeBytes: 100, head: PNG })).toEqual({ ok: true });
    expect(checkUploaded({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 5 }, { sizeBytes: 5, head: ZIP })).toEqual({ ok: true });
  });
});

describe('object keys', () => {
  it('start with the tenant', () => {
    expect(evidenceKey('321281', '01J0ABC')).toBe('321281/evidence/01J0ABC');
    expect(EVIDENCE_KEY_PATTERN.test('321281/evidence/01J0ABC')).toBe(true);
    expect(EVIDENCE_KEY_PATTERN.test('../321281/evidence/x')).toBe(false);
  });
});
