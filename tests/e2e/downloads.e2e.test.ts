import ExcelJS from 'exceljs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { Role } from '../../src/auth/roles';
import { notFound } from '../../src/errors';
import type { DownloadRoute } from '../../src/export/download';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** A real route definition served by the real router on the running app. */
const planRoute: DownloadRoute = {
  path: '/exports/test-plans/:id',
  roles: [Role.MANAGER],
  fileName: ({ id }) => `plan-${id}`,
  async sheets({ id }) {
    if (id !== 'p1') throw notFound('Plan', id);
    return [
      {
        name: 'Coverage',
        columns: [
          { header: 'Interval', key: 't' },
          { header: 'Required', key: 'req' },
          { header: 'Scheduled', key: 'got' },
        ],
        rows: [
          { t: '08:00', req: 3, got: 3 },
          { t: '08:15', req: 5, got: 4 },
        ],
        highlight: (r) => Number(r.got) < Number(r.req),
      },
    ];
  },
};

/** Gates of the route below: each download waits in `sheets()` until the test opens its gate. */
const gates: { entered: () => void; open: Promise<void> }[] = [];

/** A download that builds its sheet only once the test has let it (after its client left). */
const gatedRoute: DownloadRoute = {
  path: '/exports/test-gated/:id',
  roles: [Role.MANAGER],
  fileName: ({ id }) => `gated-${id}`,
  async sheets() {
    const gate = gates.shift()!;
    gate.entered();
    await gate.open;
    return [
      {
        name: 'Rows',
        columns: [{ header: 'n', key: 'n' }],
        rows: Array.from({ length: 1000 }, (_, n) => ({ n })),
      },
    ];
  },
};

describe('download routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    // served by the app's download router, beside the features' routes
    t = await startTestApp({ extraDownloads: [planRoute, gatedRoute] });
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) =>
    fetch(`${t.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses anonymous (401) and wrong-role (403) callers with a coded JSON error', async () => {
    const anon = await get('/exports/test-plans/p1.xlsx');
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const agent = await get('/exports/test-plans/p1.csv', await t.login('agent'));
    expect(agent.status).toBe(403);
  });

  it('answers 404 for a missing resource', async () => {
    const res = await get('/exports/test-plans/nope.csv', await t.login('manager'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Plan nope not found' } });
  });

  it('streams CSV with a header row', async () => {
    const res = await get('/exports/test-plans/p1.csv', await t.login('manager'));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="plan-p1.csv"');
    expect(await res.text()).toBe('Interval,Required,Scheduled\r\n08:00,3,3\r\n08:15,5,4\r\n');
  });

  it('streams XLSX that reads back with the same cells and highlighted under-cover', async () => {
    const res = await get('/exports/test-plans/p1.xlsx', await t.login('admin'));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Coverage')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Interval', 'Required', 'Scheduled']);
    expect(ws.getRow(3).values).toEqual([undefined, '08:15', 5, 4]);
    expect((ws.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });

  it('frees the user’s export lanes when clients leave mid-download', async () => {
    // Two downloads a client left before they were written held both of that user's heavy-read
    // lanes for good: the writers waited for a 'finish' a closed response never emits, and every
    // later plan, outcome or export of the user waited behind them.
    const token = await t.login('manager');
    for (const ext of ['csv', 'xlsx', 'csv', 'xlsx']) {
      let entered!: () => void;
      let open!: () => void;
      const inSheets = new Promise<void>((resolve) => (entered = resolve));
      gates.push({ entered, open: new Promise<void>((resolve) => (open = resolve)) });
      const serverSocket = new Promise<Socket>((resolve) => t.app.httpServer.once('connection', resolve));
      const req = http.get(`${t.app.url}/exports/test-gated/x.${ext}`, {
        headers: { authorization: `Bearer ${token}` },
        agent: false,
      });
      req.on('error', () => undefined);
      await inSheets;
      const socket = await serverSocket;
      const closed = new Promise((resolve) => socket.once('close', resolve));
      req.destroy();
      await closed;
      open();
    }
    const res = await get('/exports/test-plans/p1.csv', token);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^Interval,Required,Scheduled/);
  });
});
