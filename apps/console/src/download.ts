import { lang } from './i18n';

/** What every spreadsheet download of the API answers (`XlsxFile` in packages/api/src/excel.ts). */
export interface XlsxFile {
  fileName: string;
  contentType: string;
  base64: string;
  rows: number;
}

/** The language a download's headers and labels are written in: the console's current one. */
export function sheetLang(): 'zh' | 'en' {
  return lang() === 'en' ? 'en' : 'zh';
}

/** Saves a file the API handed back as base64 (a workbook, an error report) under its own name. */
export function downloadFile(file: Pick<XlsxFile, 'fileName' | 'contentType' | 'base64'>): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
