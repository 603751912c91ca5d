/** Signatures of common non-tabular files, named in the error so users know what they uploaded. */
export const KNOWN_BINARY: { name: string; magic: number[] }[] = [
  { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a legacy .xls / OLE2 file (save it as .xlsx or .csv)', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
];

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const startsWith = (bytes: Buffer, magic: number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
