/**
 * Loads augurs' Prophet and the Stan optimizer (`@bsull/augurs-prophet-wasmstan`) for Node.
 *
 * - The Prophet module is initialised with `initSync` and its `.wasm` read from disk (the
 *   documented async `init()` fetches a `file:` URL, which fails in Node; see NOTES.md).
 * - The optimizer is an ES module with top-level await, which CommonJS cannot `require` and
 *   Jest cannot `import()`. It runs in a helper thread of its own; `optimize` posts the
 *   problem there and blocks on `Atomics.wait` until the answer is back, so Prophet's
 *   synchronous optimizer interface holds. The thread is created on first use, is `unref`ed
 *   and lives as long as its process (or worker thread).
 *
 * Only this file touches the file system and threads.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { initSync, Prophet } from '@bsull/augurs/prophet';

/** An optimisation that takes longer is abandoned (the fit fails). */
const OPTIMIZE_TIMEOUT_MS = 120_000;

const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.entry).then((m) => m.optimizer);
parentPort.on('message', async ({ init, data, opts, port, flag }) => {
  const signal = new Int32Array(flag);
  try {
    const optimizer = await ready;
    port.postMessage({ ok: true, value: optimizer.optimize(init, data, opts) });
  } catch (e) {
    port.postMessage({ ok: false, error: e && e.payload ? JSON.stringify(e.payload) : String(e && e.message || e) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

type OptimizeFn = (init: unknown, data: unknown, opts: unknown) => unknown;

let helper: Worker | undefined;
let prophetReady = false;

function syncOptimize(init: unknown, data: unknown, opts: unknown): unknown {
  if (!helper) {
    const entry = require.resolve('@bsull/augurs-prophet-wasmstan');
    helper = new Worker(HELPER, { eval: true, workerData: { entry } });
    helper.unref();
  }
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  try {
    helper.postMessage({ init, data, opts, port: port2, flag }, [port2]);
    const waited = Atomics.wait(new Int32Array(flag), 0, 0, OPTIMIZE_TIMEOUT_MS);
    if (waited === 'timed-out') throw new Error('the Prophet optimizer timed out');
    const reply = receiveMessageOnPort(port1)?.message as
      { ok: true; value: unknown } | { ok: false; error: string } | undefined;
    if (!reply) throw new Error('the Prophet optimizer sent no answer');
    if (!reply.ok) throw new Error(`the Prophet optimizer failed: ${reply.error}`);
    return reply.value;
  } finally {
    port1.close();
  }
}

/** The optimizer object Prophet's constructor takes. */
export const prophetOptimizer: { optimize: OptimizeFn } = { optimize: syncOptimize };

/** Returns the Prophet class with its WASM initialised. */
export function loadProphet(): typeof Prophet {
  if (!prophetReady) {
    const wasm = readFileSync(join(dirname(require.resolve('@bsull/augurs/prophet')), 'prophet_bg.wasm'));
    initSync({ module: wasm });
    prophetReady = true;
  }
  return Prophet;
}
