/**
 * A signed-in PARTNER sent 20,000 `subscribe` messages (1.9 MB) on one socket: every one was
 * accepted, the heap grew from 58 MB to 434 MB (about 19 KB per subscription, still held
 * after the socket closed), and /healthz took 9.6 s to answer while they were set up. More
 * sockets of the same user multiplied it. Open operations are now capped per user, over
 * all of the user's sockets: past the cap a subscribe is refused with TOO_MANY_OPERATIONS
 * before the session check or parsing; completing or closing frees its place.
 */
import WebSocket from 'ws';
import {
  MAX_OPEN_OPERATIONS_PER_USER,
  MAX_SOCKETS_PER_USER,
  TOO_MANY_SOCKETS,
} from '../../src/server/ws-quotas';
import { HOURLY } from '../integration/forecasting/forecast-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface Frame {
  id?: string;
  type: string;
  payload?: { extensions?: { code?: string }; message?: string }[] | Record<string, unknown>;
}

/** A raw graphql-transport-ws socket: sends frames as fast as the client can write them. */
class RawSocket {
  private readonly frames: Frame[] = [];
  private readonly waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      for (const w of this.waiters.filter((w) => w.match(frame))) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    });
  }

  /** Connects and sends `connection_init`; resolves with the close code when refused instead. */
  static async tryOpen(
    url: string,
    token: string,
  ): Promise<RawSocket | { closedWith: number; reason: string }> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    const socket = new RawSocket(ws);
    const closed = new Promise<{ closedWith: number; reason: string }>((resolve) =>
      ws.on('close', (code: number, reason: Buffer) =>
        resolve({ closedWith: code, reason: reason.toString() }),
      ),
    );
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    return Promise.race([socket.next((f) => f.type === 'connection_ack').then(() => socket), closed]);
  }

  static async open(url: string, token: string): Promise<RawSocket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    const socket = new RawSocket(ws);
    const ack = socket.next((f) => f.type === 'connection_ack');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await ack;
    return socket;
  }

  /** The first frame (already received or still to come) that matches. */
  next(match: (f: Frame) => boolean): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  subscribe(id: string, query: string): void {
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  }

  complete(id: string): void {
    this.ws.send(JSON.stringify({ id, type: 'complete' }));
  }

  /**
   * Subscribes to the heartbeat until one runs (the server frees a place once it has
   * processed a `complete` or a close, a few messages later); gives up after `tries`.
   */
  async pingUntilRunning(prefix: string, tries = 200): Promise<number> {
    for (let i = 1; i <= tries; i++) {
      this.subscribe(`${prefix}${i}`, PING);
      if ((await this.outcome(`${prefix}${i}`)) === 'running') return i;
    }
    throw new Error(`no place freed after ${tries} tries`);
  }

  /** Whether operation `id` was refused (an error frame) or runs (a `next` frame). */
  async outcome(id: string): Promise<string> {
    const f = await this.next((x) => x.id === id && (x.type === 'error' || x.type === 'next'));
    if (f.type === 'next') return 'running';
    return (f.payload as { extensions?: { code?: string } }[])[0]?.extensions?.code ?? 'no code';
  }

  errorsWithCode(code: string): Frame[] {
    return this.frames.filter(
      (f) =>
        f.type === 'error' &&
        (f.payload as { extensions?: { code?: string } }[])[0]?.extensions?.code === code,
    );
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise((resolve) => {
      this.ws.on('close', resolve);
      this.ws.close();
    });
  }
}

const FORECASTS = 'subscription { forecastUpdated(channel: "calls") { channel } }';
/** The test server's heartbeat fires every 50 ms: a running `ping` answers quickly. */
const PING = 'subscription { ping { at } }';

describe('WebSocket operations are capped per user', () => {
  let t: TestApp;
  let partner: string;
  const sockets: RawSocket[] = [];
  const open = async (token: string): Promise<RawSocket> => {
    const s = await RawSocket.open(t.app.url, token);
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    // the channel the subscriptions follow (an unknown one is refused when it opens)
    t = await startTestApp({ seed: (s) => s.channels.create(HOURLY).then(() => undefined) });
    partner = await t.login('partner');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t.close();
  });

  it('refuses a flood past the cap on one socket, on the same user’s other sockets too, and frees places', async () => {
    const cap = MAX_OPEN_OPERATIONS_PER_USER;
    expect(cap).toBe(100);
    const a = await open(partner);
    // the attack: far more subscriptions than any client needs, sent back to back
    for (let i = 0; i < 2_000; i++) a.subscribe(`f${i}`, FORECASTS);
    a.subscribe('over', PING);
    expect(await a.outcome('over')).toBe('TOO_MANY_OPERATIONS');
    const refused = a.errorsWithCode('TOO_MANY_OPERATIONS');
    expect(refused.map((f) => f.id)).toEqual([
      ...Array.from({ length: 2_000 - cap }, (_, i) => `f${cap + i}`),
      'over',
    ]);
    const message = (refused[0]!.payload as { message?: string }[])[0]!.message;
    expect(message).toMatch(/at most 100 operations open per user/);

    const b = await open(partner);
    b.subscribe('b1', PING);
    expect(await b.outcome('b1')).toBe('TOO_MANY_OPERATIONS');

    // another user is not affected
    const other = await open(await t.login('manager'));
    other.subscribe('m1', PING);
    expect(await other.outcome('m1')).toBe('running');

    // completing one frees one place; closing the socket frees all of them
    a.complete('f0');
    await a.pingUntilRunning('again');
    a.subscribe('full', PING);
    expect(await a.outcome('full')).toBe('TOO_MANY_OPERATIONS');
    await a.close();
    await b.pingUntilRunning('b');
  });

  it('refuses a user’s sockets past the cap with TOO_MANY_SOCKETS; closing one makes room', async () => {
    // a PARTNER held 3,000 acknowledged idle sockets (+50 MB); at 20,000 the process has no
    // file descriptor left for anyone else
    const agent = await t.login('agent');
    const held: RawSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) held.push(await open(agent));
    const refused = await RawSocket.tryOpen(t.app.url, agent);
    expect(refused).toEqual({
      closedWith: TOO_MANY_SOCKETS,
      reason: `Too many sockets: at most ${MAX_SOCKETS_PER_USER} per user`,
    });
    // another user still connects
    const provider = await RawSocket.tryOpen(t.app.url, await t.login('provider'));
    expect(provider).toBeInstanceOf(RawSocket);
    sockets.push(provider as RawSocket);
    await held[0]!.close();
    let again: RawSocket | { closedWith: number } = { closedWith: 0 };
    // the server counts the close once it has processed it: retry until it has
    for (let i = 0; i < 50 && !(again instanceof RawSocket); i++)
      again = await RawSocket.tryOpen(t.app.url, agent);
    expect(again).toBeInstanceOf(RawSocket);
    sockets.push(again as RawSocket);
  });
});
