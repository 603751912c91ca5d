import type * as ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use (the XLSX reader and writer share it): it is about half a
 * second of every process's (and every Jest suite's) start-up, and most never read or write
 * a workbook.
 */
export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
