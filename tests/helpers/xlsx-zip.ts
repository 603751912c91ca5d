import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One file of a ZIP written by `writeZip`: its name, contents and, to lie, a declared size. */
export interface ZipPart {
  name: string;
  chunks: Iterable<string | Buffer>;
  declaredSize?: number;
}

/**
 * Writes `parts` as a ZIP, in the order given, streamed chunk by chunk into the file: it is
 * never in memory whole. Chunks given as one Buffer repeated (the same object) are deflated once,
 * which makes huge entries cheap to generate.
 */
export function writeZip(path: string, parts: readonly ZipPart[]): void {
  const fd = openSync(path, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const write = (buf: Buffer) => {
    writeSync(fd, buf);
    offset += buf.length;
  };
  /** Compressed form of each Buffer chunk already seen: a repeated chunk is deflated once. */
  const deflated = new Map<Buffer, Buffer>();
  const entry = ({ name, chunks, declaredSize: declared }: ZipPart) => {
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
  parts.forEach(entry);
  const dir = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  write(dir);
  write(eocd);
  closeSync(fd);
}

/** The parts of an XLSX but its worksheets, `Relationships` and `sheets` as listed. */
export const xlsxFrame = (sheets: { name: string; target: string }[]): ZipPart[] => {
  const rels = sheets
    .map(
      (sh, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sh.target}"/>`,
    )
    .join('');
  const tabs = sheets
    .map((sh, i) => `<sheet name="${sh.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return [
    {
      name: '[Content_Types].xml',
      chunks: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ],
    },
    {
      name: '_rels/.rels',
      chunks: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ],
    },
    {
      name: 'xl/workbook.xml',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${tabs}</sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ],
    },
  ];
};

/** A worksheet part whose `<sheetData>` holds `rows` (row XML, batched into ~1 MiB chunks). */
export function* sheetXml(rows: Iterable<string | Buffer>): Generator<string | Buffer> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let batch = '';
  for (const row of rows) {
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
}

/**
 * Writes a minimal XLSX (a real workbook: exceljs reads it) whose one sheet's XML comes from
 * `sheetRows`, streamed into the file. `declareSheetBytes` writes a false uncompressed size for
 * the sheet in the ZIP directory (a bomb that lies about its size).
 */
export function writeXlsxZip(
  path: string,
  sheetRows: Iterable<string | Buffer>,
  options: { declareSheetBytes?: number } = {},
): void {
  writeZip(path, [
    ...xlsxFrame([{ name: 'data', target: 'worksheets/sheet1.xml' }]),
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: sheetXml(sheetRows),
      declaredSize: options.declareSheetBytes,
    },
  ]);
}

/** One sheet row of inline-string cells (`r` is the 1-based row number). */
export const xlsxRow = (r: number, cells: string[]): string =>
  `<row r="${r}">${cells
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('')}</row>`;
