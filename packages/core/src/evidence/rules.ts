import { invalid } from '../errors.js';

/**
 * 佐证材料 (evidence files): what may be uploaded, how big, and how the real type is told from the bytes.
 * The browser's declared type is only a claim; `complete` reads the first bytes of the stored object and
 * refuses anything whose signature is not the declared type (a renamed .exe starts with "MZ", not a PNG header).
 */
export const evidenceTypes = {
  'image/jpeg': { ext: 'jpg', also: ['jpeg'], label: 'JPEG' },
  'image/png': { ext: 'png', also: [], label: 'PNG' },
  'image/webp': { ext: 'webp', also: [], label: 'WebP' },
  'application/pdf': { ext: 'pdf', also: [], label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', also: [], label: 'Excel (.xlsx)' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', also: [], label: 'Word (.docx)' },
} as const satisfies Record<string, { ext: string; also: readonly string[]; label: string }>;
export type EvidenceContentType = keyof typeof evidenceTypes;
export const evidenceContentTypes = Object.keys(evidenceTypes) as EvidenceContentType[];

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 64;
const MAX_NAME_CHARS = 100;

const isEvidenceType = (t: string): t is EvidenceContentType => Object.hasOwn(evidenceTypes, t);
const allowedText = { zh: 'JPG、PNG、WebP 图片，PDF，Excel（.xlsx）或 Word（.docx）', en: 'JPG, PNG or WebP images, PDF, Excel (.xlsx) or Word (.docx)' };

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control or reserved
 * characters, at most 100 characters, and the extension of its (already checked) type.
 */
export function sanitiseFileName(raw: string, contentType: EvidenceContentType): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*;%]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const { ext, also } = evidenceTypes[contentType];
  const dot = cleaned.lastIndexOf('.');
  const currentExt = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const stem = currentExt === ext || (also as readonly string[]).includes(currentExt) ? cleaned.slice(0, dot) : cleaned;
  const room = MAX_NAME_CHARS - ext.length - 1;
  const shortStem = [...(stem || 'file')].slice(0, room).join('').replace(/[\s.]+$/, '') || 'file';
  return `${shortStem}.${ext}`;
}

export interface EvidenceDeclaration {
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
}

/** The upload request checked before any URL is issued: an allowed type, a size within the limit, a usable name. */
export function checkDeclaration(input: { fileName: string; contentType: string; sizeBytes: number }): EvidenceDeclaration {
  const contentType = input.contentType.trim().toLowerCase();
  if (!isEvidenceType(contentType)) {
    throw invalid({ zh: `不支持该文件类型（${input.contentType || '未知'}），请上传${allowedText.zh}`, en: `File type ${input.contentType || 'unknown'} is not accepted; upload ${allowedText.en}` }, { field: 'contentType', reason: 'type_not_allowed' });
  }
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes <= 0) {
    throw invalid({ zh: '文件为空', en: 'The file is empty' }, { field: 'sizeBytes', reason: 'empty' });
  }
  if (input.sizeBytes > MAX_EVIDENCE_BYTES) {
    throw invalid(
      { zh: `文件过大（${megabytes(input.sizeBytes)} MB），单个文件不能超过 ${megabytes(MAX_EVIDENCE_BYTES)} MB`, en: `The file is too large (${megabytes(input.sizeBytes)} MB); the limit is ${megabytes(MAX_EVIDENCE_BYTES)} MB` },
      { field: 'sizeBytes', reason: 'too_large', maxBytes: MAX_EVIDENCE_BYTES },
    );
  }
  return { fileName: sanitiseFileName(input.fileName, contentType), contentType, sizeBytes: input.sizeBytes };
}

/** The type the bytes say, from their signature; undefined for anything not accepted. */
export function sniffType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | 'zip' | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => head[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(ascii('RIFF')) && starts(ascii('WEBP'), 8)) return 'image/webp';
  if (starts(ascii('%PDF-'))) return 'application/pdf';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'zip'; // .xlsx and .docx are ZIP (OOXML) containers
  return undefined;
}

/** Whether the stored bytes are what was declared: same size, and a signature of the declared type. */
export function checkUploaded(declared: Pick<EvidenceDeclaration, 'contentType' | 'sizeBytes'>, stored: { sizeBytes: number; head: Uint8Array }): { ok: true } | { ok: false; reason: 'size_mismatch' | 'type_mismatch' } {
  if (stored.sizeBytes !== declared.sizeBytes) return { ok: false, reason: 'size_mismatch' };
  const sniffed = sniffType(stored.head);
  const expected = declared.contentType.startsWith('application/vnd.openxmlformats') ? 'zip' : declared.contentType;
  return sniffed === expected ? { ok: true } : { ok: false, reason: 'type_mismatch' };
}

export const uploadRejection = {
  size_mismatch: { zh: '上传的文件大小与申报不一致，请重新上传', en: 'The uploaded file does not have the declared size; upload it again' },
  type_mismatch: { zh: `文件内容与声明的类型不符，已拒收（仅接受${allowedText.zh}）`, en: `The file's content does not match its declared type and was refused (only ${allowedText.en})` },
} as const;

/** Object keys are tenant-first, like table keys: `<tenantId>/evidence/<evidenceId>`. */
export const evidenceKey = (tenantId: string, evidenceId: string): string => `${tenantId}/evidence/${evidenceId}`;
export const EVIDENCE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}\/evidence\/[A-Za-z0-9]{1,64}$/;

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
