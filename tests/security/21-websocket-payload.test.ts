/**
 * WebSocket messages could be 5 MiB, the HTTP body limit. ws gathers, decodes and parses a
 * message on the event loop: a 4.8 MB `connection_init` from a socket nobody had signed in
 * on held it 42-83 ms, as often as it was sent. Sockets carry subscriptions, so a message
 * now holds the longest query document allowed and its variables (`wsMaxPayload`), and a
 * larger one closes the socket with 1009 before it is parsed, and is logged as the
 * client's fault, not as an internal error.
 */
import { wsMaxPayload } from '../../src/server/ws-server';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { openSocket } from '../helpers/ws-client';

const MAX_QUERY_LENGTH = 100_000; // GRAPHQL_MAX_QUERY_LENGTH's default

interface Frame {
  id?: string;
  type: string;
}

/** A graphql-transport-ws socket that records the frames it receives and how it closed. */
async function socketTo(url: string) {
  const { ws, closed } = await openSocket(url);
  const frames: Frame[] = [];
  ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Frame));
  const frame = async (type: string): Promise<Frame> => {
    for (let i = 0; i < 500; i++) {
      const found = frames.find((f) => f.type === type);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} frame`);
  };
  return { ws, closed, frame };
}

describe('security #21: WebSocket messages are as large as a subscription needs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('holds the longest query document allowed, and its variables', async () => {
    expect(wsMaxPayload(MAX_QUERY_LENGTH)).toBe(300_000);
    expect(wsMaxPayload(1000)).toBe(256 * 1024);
    const { ws, frame } = await socketTo(t.app.url);
    const token = await t.login('partner');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await frame('connection_ack');
    const head = 'subscription { ping { at } }';
    const query = head + ' '.repeat(MAX_QUERY_LENGTH - head.length);
    const message = JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query, variables: { pad: 'v'.repeat(4096) } },
    });
    expect(message.length).toBeLessThan(wsMaxPayload(MAX_QUERY_LENGTH));
    ws.send(message);
    expect(await frame('next')).toMatchObject({ id: '1', type: 'next' });
    ws.close();
  });

  it('closes with 1009 a socket that sends more, before anyone signed in, and the server goes on', async () => {
    const consoleError = jest.spyOn(console, 'error');
    const { ws, closed } = await socketTo(t.app.url);
    const payload = { authorization: 'x'.repeat(wsMaxPayload(MAX_QUERY_LENGTH)) };
    ws.send(JSON.stringify({ type: 'connection_init', payload }));
    expect((await closed)[0]).toBe(1009);
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    expect(consoleError).not.toHaveBeenCalled(); // a client's fault is not our internal error
    consoleError.mockRestore();
  });
});
