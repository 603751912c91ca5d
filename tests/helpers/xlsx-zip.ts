import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes a minimal XLSX (a real workbook: exceljs reads it) whose first sheet's XML comes from
 * `sheetRows`, streamed chunk by chunk into the file: the workbook is never in memory whole.
 * Rows given as one Buffer repeated (the same object) are deflated once, which makes huge sheets
 * cheap to generate.
 * `declareSheetBytes` writes a false uncompressed size for the sheet in the ZIP directory (a bomb
 * that lies about its size).
 */
export function writeXlsxZip(
  path: string,
  sheetRows: Iterable<string | Buffer>,
  options: { declareSheetBytes?: number } = {},
): void {
  const fd = openSync(path, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const write = (buf: Buffer) => {
    writeSync(fd, buf);
    offset += buf.length;
  };
  /** Compressed form of each Buffer chunk already seen: a repeated chunk is deflated once. */
  const deflated = new Map<Buffer, Buffer>();
  const entry = (name: string, chunks: Iterable<string | Buffer>, declared?: number) => {
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x08, 6); // sizes in a data descriptor
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(nameBuf.length, 26);
    const start = offset;
    write(Buffer.concat([local, nameBuf]));
    let crc = 0;
    let size = 0;
    let csize = 0;
    for (const chunk of chunks) {
      const raw = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      crc = crc32(raw, crc);
      size += raw.length;
      const z = deflated.get(raw) ?? deflateRawSync(raw, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
      if (typeof chunk !== 'string') deflated.set(raw, z);
      csize += z.length;
      write(z);
    }
    const end = deflateRawSync(Buffer.alloc(0));
    csize += end.length;
    write(end);
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(crc >>> 0, 4);
    dd.writeUInt32LE(csize, 8);
    dd.writeUInt32LE(size, 12);
    write(dd);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x08, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(csize, 20);
    cd.writeUInt32LE(declared ?? size, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(start, 42);
    central.push(cd, nameBuf);
  };
  entry('[Content_Types].xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ]);
  entry('_rels/.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ]);
  entry('xl/workbook.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ]);
  entry('xl/_rels/workbook.xml.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ]);
  entry(
    'xl/worksheets/sheet1.xml',
    (function* (): Generator<string | Buffer> {
      yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
      let batch = '';
      for (const row of sheetRows) {
        if (typeof row !== 'string') {
          if (batch) yield batch;
          batch = '';
          yield row;
          continue;
        }
        batch += row;
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      yield `${batch}</sheetData></worksheet>`;
    })(),
    options.declareSheetBytes,
  );
  const dir = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(5, 8);
  eocd.writeUInt16LE(5, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  write(dir);
  write(eocd);
  closeSync(fd);
}

/** One sheet row of inline-string cells (`r` is the 1-based row number). */
export const xlsxRow = (r: number, cells: string[]): string =>
  `<row r="${r}">${cells
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('')}</row>`;
