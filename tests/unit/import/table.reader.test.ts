import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { caught } from '../../helpers/caught';
import { readTable, readTableFile } from '../../../src/import/table-reader';
import { sheetXml, writeZip, xlsxFrame, xlsxRow, type ZipPart } from '../../helpers/xlsx-zip';
import { timerGaps } from '../../helpers/timer-gaps';

const fixture = (name: string): { fileName: string; bytes: Buffer } => ({
  fileName: name,
  bytes: readFileSync(join(__dirname, '../../fixtures/import', name)),
});

const xlsxBytes = async (rows: ExcelJS.CellValue[][], sheets = 1): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('staff');
  rows.forEach((r) => ws.addRow(r));
  for (let i = 1; i < sheets; i++) wb.addWorksheet(`other${i}`).addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('readTable: CSV', () => {
  it('reads a good CSV with user-visible row numbers, quoted commas and empty lines skipped', async () => {
    const t = await readTable(fixture('staff-good.csv'));
    expect(t.format).toBe('csv');
    expect(t.columns[0]).toBe('employeeNo');
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(t.rows[1]!.values.name).toBe('Grace Hopper, Jr.');
    expect(t.rows[2]!.values.active).toBe('');
  });

  it('strips a BOM and guesses the ; delimiter', async () => {
    const t = await readTable(fixture('staff-semicolon-bom.csv'));
    expect(t.columns.slice(0, 3)).toEqual(['employeeNo', 'Name', 'Skills']);
    expect(t.rows[0]!.values.Skills).toBe('calls|emails');
  });

  it('counts a quoted multi-line cell from the line where its record starts', async () => {
    const bytes = Buffer.from('a,b\n"line1\nline2",x\ny,z\n');
    const t = await readTable({ fileName: 'm.csv', bytes });
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('reports every ragged row with its row number (trailing empty cells are tolerated)', async () => {
    const e = await caught(readTable(fixture('ragged.csv')));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('2 rows have errors');
    expect(e.details).toEqual([
      { row: 3, message: 'row has 2 values but the header has 3 columns' },
      { row: 4, message: 'row has 4 values but the header has 3 columns' },
    ]);
  });

  it('returns no rows for a header-only file', async () => {
    const t = await readTable(fixture('staff-header-only.csv'));
    expect(t.columns).toHaveLength(9);
    expect(t.rows).toEqual([]);
  });

  it('refuses an empty file', async () => {
    expect((await caught(readTable(fixture('empty.csv')))).message).toBe('empty.csv: file is empty');
    const blank = await caught(readTable({ fileName: 'blank.csv', bytes: Buffer.from('\n\n  \n') }));
    expect(blank.message).toBe('blank.csv: file is empty');
  });

  it('refuses duplicate and empty headers', async () => {
    const e = await caught(readTable({ fileName: 'd.csv', bytes: Buffer.from('a,A,,b\n1,2,3,4\n') }));
    expect(e.details.map((d) => d.message)).toEqual([
      'column "A" appears twice in the header',
      'column 3 has an empty header',
    ]);
  });

  it('enforces the row limit at the first row past it, naming the limit and the row', async () => {
    const e = await caught(readTable(fixture('staff-good.csv'), { maxRows: 2 }));
    expect(e.message).toBe('staff-good.csv: row 5: the file has more than 2 data rows');
    expect(e.details).toEqual([{ field: 'maxRows', row: 5, message: 'the file has more than 2 data rows' }]);
  });

  it('reports an unclosed quote as a CSV syntax error', async () => {
    const e = await caught(readTable({ fileName: 'q.csv', bytes: Buffer.from('a,b\n"oops,1\n') }));
    expect(e.details[0]!.message).toMatch(/^CSV syntax error/);
  });

  it.each(['{"$gt": ""}', '=HYPERLINK("http://x")'])(
    'reports a quote opened inside a field (%s) as a coded CSV syntax error (found by the fuzzer)',
    async (text) => {
      const e = await caught(readTable({ fileName: 'q.csv', bytes: Buffer.from(text) }));
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.details[0]!.message).toMatch(/^CSV syntax error: Invalid Opening Quote/);
    },
  );
});

describe('readTable: not CSV or XLSX', () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  it.each([
    ['logo.png', png, 'it looks like a PNG image'],
    ['report.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1'), 'it looks like a PDF document'],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'legacy .xls'],
    ['noise.bin', Buffer.from([0x41, 0x00, 0x42]), 'NUL bytes'],
    ['latin1.csv', Buffer.from('name\nJos\xe9\n', 'latin1'), 'not UTF-8'],
  ])('refuses %s', async (fileName, bytes, reason) => {
    const e = await caught(readTable({ fileName, bytes }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain(`${fileName}: file is not CSV or XLSX`);
    expect(e.message).toContain(reason);
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
    const e = await caught(readTable({ fileName: 'x.xlsx', bytes: zip }));
    expect(e.message).toMatch(/^x\.xlsx: file is not CSV or XLSX \(unreadable workbook/);
  });
});

describe('readTable: XLSX', () => {
  it('reads the first worksheet, converting numbers, booleans, dates and times to text', async () => {
    const bytes = await xlsxBytes(
      [
        ['timestamp', 'day', 'start', 'value', 'flag', 'name'],
        [
          new Date(Date.UTC(2026, 2, 29, 1, 15)),
          new Date(Date.UTC(2026, 2, 29)),
          new Date(Date.UTC(1899, 11, 30, 9, 30)),
          12.5,
          true,
          ' Ada ',
        ],
        [],
        ['2026-03-29T02:00', null, null, 3, false, { richText: [{ text: 'Gr' }, { text: 'ace' }] }],
      ],
      2,
    );
    const t = await readTable({ fileName: 'v.xlsx', bytes });
    expect(t.format).toBe('xlsx');
    expect(t.columns).toEqual(['timestamp', 'day', 'start', 'value', 'flag', 'name']);
    expect(t.rows).toEqual([
      {
        row: 2,
        values: {
          timestamp: '2026-03-29T01:15:00',
          day: '2026-03-29',
          start: '09:30',
          value: '12.5',
          flag: 'true',
          name: 'Ada',
        },
      },
      {
        row: 4,
        values: {
          timestamp: '2026-03-29T02:00',
          day: '',
          start: '',
          value: '3',
          flag: 'false',
          name: 'Grace',
        },
      },
    ]);
  });

  it('reports ragged XLSX rows and refuses an empty workbook', async () => {
    const ragged = await xlsxBytes([
      ['a', 'b'],
      [1, 2, 3],
    ]);
    expect((await caught(readTable({ fileName: 'r.xlsx', bytes: ragged }))).details).toEqual([
      { row: 2, message: 'row has 3 values but the header has 2 columns' },
    ]);
    const empty = await xlsxBytes([]);
    expect((await caught(readTable({ fileName: 'e.xlsx', bytes: empty }))).message).toMatch(/file is empty/);
  });

  describe('parts found by name, in any order the archive stores them', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'xlsx-order-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const sharedStrings = (texts: string[]): ZipPart => ({
      name: 'xl/sharedStrings.xml',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
      ],
    });
    /** A row of shared-string cells: `indexes` point into the shared strings. */
    const sharedRow = (r: number, indexes: number[]): string =>
      `<row r="${r}">${indexes.map((n, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="s"><v>${n}</v></c>`).join('')}</row>`;

    it('reads a workbook stored with xl/workbook.xml last, after its shared strings and sheet', async () => {
      // exceljs' one-pass reader parsed the sheet as soon as it met it here, before the workbook:
      // "Cannot read properties of undefined (reading 'sheets')" every time (exceljs#3064).
      const path = join(dir, 'late-workbook.xlsx');
      const [types, rels, workbook, workbookRels] = xlsxFrame([
        { name: 'data', target: 'worksheets/sheet1.xml' },
      ]);
      writeZip(path, [
        types!,
        rels!,
        workbookRels!,
        sharedStrings(['name', 'skill', 'Ada', 'calls']),
        { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml([sharedRow(1, [0, 1]), sharedRow(2, [2, 3])]) },
        workbook!,
      ]);
      const t = await readTableFile(path);
      expect(t.columns).toEqual(['name', 'skill']);
      expect(t.rows).toEqual([{ row: 2, values: { name: 'Ada', skill: 'calls' } }]);
    });

    it('reads the first tab in the workbook, not the first sheet file in the archive', async () => {
      const path = join(dir, 'tabs.xlsx');
      writeZip(path, [
        ...xlsxFrame([
          { name: 'staff', target: 'worksheets/sheet2.xml' },
          { name: 'notes', target: '/xl/worksheets/sheet1.xml' },
        ]),
        {
          name: 'xl/worksheets/sheet1.xml',
          chunks: sheetXml([xlsxRow(1, ['note']), xlsxRow(2, ['ignored'])]),
        },
        {
          name: 'xl/worksheets/sheet2.xml',
          chunks: sheetXml([xlsxRow(1, ['employeeNo']), xlsxRow(2, ['E1'])]),
        },
      ]);
      const t = await readTableFile(path);
      expect(t.rows).toEqual([{ row: 2, values: { employeeNo: 'E1' } }]);
    });

    it('refuses a ZIP whose workbook names a sheet it does not hold', async () => {
      const path = join(dir, 'missing-sheet.xlsx');
      writeZip(path, xlsxFrame([{ name: 'data', target: 'worksheets/sheet1.xml' }]));
      const e = await caught(readTableFile(path));
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.message).toBe(
        'missing-sheet.xlsx: file is not CSV or XLSX (unreadable workbook: the workbook has no xl/worksheets/sheet1.xml)',
      );
    });
  });
});

describe('readTable: bytes in memory', () => {
  it('lets the event loop run while a 4 MiB upload is parsed', async () => {
    // importVolumes(csv:) takes up to 4 MiB: the whole buffer went to the CSV parser as one
    // chunk and 200,000 short rows were parsed and tabled in one block (2.9 s on a busy
    // 2-core machine) during which no timer, socket or request was served
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${i % 97}`);
    const bytes = Buffer.from(`a,b\n${rows.join('\n')}\n`);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const { longest, ticks } = await timerGaps(async () => {
      const table = await readTable({ fileName: 'big.csv', bytes });
      expect(table.rows).toHaveLength(200_000);
      expect(table.rows[199_999]).toEqual({ row: 200_001, values: { a: '199999', b: String(199_999 % 97) } });
    });
    // before: the timer could not fire until the table was done; now it fires between slices
    // (what remains are garbage-collection pauses of a few hundred milliseconds at most)
    expect(ticks).toBeGreaterThan(20);
    expect(longest).toBeLessThan(1000);
  });
});
