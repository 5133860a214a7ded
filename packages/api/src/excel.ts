import type ExcelJS from 'exceljs';

/**
 * exceljs is large (~1 MB); it is loaded on the first export or import, not at cold start,
 * so requests that never touch a spreadsheet do not pay for it.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
