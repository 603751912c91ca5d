/**
 * Builds our own instance of the `arima` package's WASM module (ctsa) so that its verbose
 * summary — the only place the fitted coefficients, orders and optimizer failures appear —
 * is captured instead of printed. Loads `native.wasm` from the package directory once per
 * process (or worker thread). Only this file touches the file system.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArimaOrders } from './arima-css.core';

/** What ctsa's constructor takes: the orders, and how it estimates them. */
export interface ArimaModelOptions extends ArimaOrders {
  method?: number;
  optimizer?: number;
  verbose?: boolean;
}

export interface ArimaInstance {
  /** `exog`: regressors, one value per step (one regressor) or one array per regressor. */
  train(ts: number[], exog?: number[]): ArimaInstance;
  predict(h: number, exog?: number[]): [number[], number[]];
  destroy(): void;
}

export type ArimaConstructor = new (options: ArimaModelOptions) => ArimaInstance;

export interface ArimaRuntime {
  ARIMA: ArimaConstructor;
  /** Runs fn and returns what the WASM module printed meanwhile, one entry per line. */
  capture: <T>(fn: () => T) => { result: T; output: string[] };
}

let runtime: ArimaRuntime | undefined;

export function loadArima(): ArimaRuntime {
  if (runtime) return runtime;
  // The package's `exports` hide these files; resolve its directory and load them directly.
  const dir = dirname(require.resolve('arima'));
  /* eslint-disable @typescript-eslint/no-require-imports */
  const factory = require(join(dir, 'wasm', 'native-sync.js')) as (arg: object) => unknown;
  const bindArima = require(join(dir, 'load.js')) as (module: unknown) => ArimaConstructor;
  /* eslint-enable @typescript-eslint/no-require-imports */
  let sink: string[] | undefined;
  const write = (line: string): void => {
    sink?.push(line);
  };
  const module = factory({
    wasmBinary: readFileSync(join(dir, 'wasm', 'native.wasm')),
    print: write,
    printErr: write,
  });
  const ARIMA = bindArima(module);
  runtime = {
    ARIMA,
    capture: <T>(fn: () => T) => {
      const output: string[] = [];
      sink = output;
      try {
        return { result: fn(), output };
      } finally {
        sink = undefined;
      }
    },
  };
  return runtime;
}
