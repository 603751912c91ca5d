/**
 * Issue #10, item 13 (store and dependency parts):
 * - a stale LOCK naming an unrelated live PID blocked start-up: LOCK now records the owner's start
 *   time too, and a live process whose start time differs is not the owner;
 * - `uuid@8.3.2` (via exceljs) has advisory GHSA-w5hq-g745-h8pq: it is overridden to 11.1.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { processStartTime } from '../../src/store/data-dir-lock';
import { EmbeddedStore } from '../../src/store/embedded-store';

describe('security #13: a stale LOCK of a reused pid does not block start-up', () => {
  let dir: string;
  let other: ChildProcess;
  beforeAll(async () => {
    // an unrelated live process, as a pid reused after a crash would be
    other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await once(other, 'spawn');
  });
  afterAll(async () => {
    other.kill('SIGKILL');
    await once(other, 'exit');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-sec13-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records the pid and the start time of the process that holds the directory', async () => {
    const store = await EmbeddedStore.open({ dataDir: dir });
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    await store.close();
  });

  it('takes over a LOCK whose live pid started at another time', async () => {
    const start = processStartTime(other.pid!);
    expect(start).toMatch(/^\d+$/);
    writeFileSync(join(dir, 'LOCK'), `${other.pid} ${Number(start) - 1}`);
    const store = await EmbeddedStore.open({ dataDir: dir });
    await store.collection('x').insertOne({ _id: 'a' });
    await store.close();
  });

  it('still refuses a LOCK held by the live process that wrote it', async () => {
    writeFileSync(join(dir, 'LOCK'), `${other.pid} ${processStartTime(other.pid!)}`);
    await expect(EmbeddedStore.open({ dataDir: dir })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining(`in use by process ${other.pid}`),
    });
  });

  it('a server started on a held directory says so in one line and exits 1', async () => {
    // before: the whole AppError with its stack trace
    writeFileSync(join(dir, 'LOCK'), `${other.pid} ${processStartTime(other.pid!)}`);
    const server = spawn(process.execPath, [resolve(__dirname, '../../dist/src/main.js')], {
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dir, PORT: '0', SEED_ON_START: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(server, 'close')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain(`it is locked by process ${other.pid}`);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes over a LOCK of a dead process', async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await once(dead, 'exit');
    writeFileSync(join(dir, 'LOCK'), `${dead.pid} 1`);
    const store = await EmbeddedStore.open({ dataDir: dir });
    await store.close();
  });
});

describe('security #13: uuid is past GHSA-w5hq-g745-h8pq', () => {
  it('exceljs resolves uuid 11.1.1 or later', () => {
    const exceljsDir = dirname(require.resolve('exceljs/package.json'));
    const uuidPkg = require.resolve('uuid/package.json', { paths: [exceljsDir] });
    const { version } = JSON.parse(readFileSync(uuidPkg, 'utf8')) as { version: string };
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(11_001_001);
  });

  it('exceljs still writes what needs uuid (conditional formatting ids) and reads it back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('cf');
    ws.addRows([[1], [2], [3]]);
    ws.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'max' }],
          color: { argb: 'FF638EC6' },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet('cf')!.getCell('A3').value).toBe(3);
    const xml = JSON.stringify(
      (back.getWorksheet('cf') as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    );
    expect(xml).toMatch(/\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}/);
  });
});
