/**
 * Loads the augurs MSTL WebAssembly module synchronously from disk, once per process
 * (or worker thread). The documented async `init()` fetches a `file:` URL, which fails in
 * Node. This is the forecasting core's only file-system access.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initSync, MSTL } from '@bsull/augurs/mstl';

let ready = false;

/** Returns the MSTL class with its WASM initialised. */
export function loadMstl(): typeof MSTL {
  if (!ready) {
    const wasm = readFileSync(join(dirname(require.resolve('@bsull/augurs/mstl')), 'mstl_bg.wasm'));
    initSync({ module: wasm });
    ready = true;
  }
  return MSTL;
}
