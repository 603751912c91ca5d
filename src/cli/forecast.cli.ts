/**
 * Forecast a CSV series from the command line.
 *
 *   node dist/src/cli/forecast.cli.js --input <csv> --horizon <n>
 *     [--seasonality 24,168] [--model auto|snaive|mstl|arima|theta|ets|harmonic|prophet|ensemble] [--out <file.json>]
 *     [--box-cox none|auto|<λ>]
 *
 * Input: header `timestamp,value`, equally spaced rows. Output: JSON `{"model", "requested",
 * "boxCoxLambda"?, "points": [{"t","mean","lo80","hi80","lo95","hi95"}]}` with `t`
 * continuing the input's step in the input's timestamp format. Exit codes: 0 ok, 2 bad
 * input or flags, 1 model failure.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { isTimeZone, zoneOf } from '../common/time-zone';
import { clip } from '../common/bounded';
import { FieldCounter } from '../import/csv-reader';
import { assertWritableOutput, outputWriteError } from './output-path';
import { DEFAULT_IMPORT_LIMITS } from '../import/import-limits';
import { badInput, isAppError } from '../errors';
import { isModelFitError } from '../forecasting/forecast-errors';
import { fitModel } from '../forecasting/models/forecaster-registry';
import type { BoxCoxOption, ModelSelection } from '../forecasting/forecast.types';
import {
  BOX_COX_LAMBDA_RANGE,
  choosesBoxCoxByBacktest,
  isBoxCoxLambda,
} from '../forecasting/model-training-options';
import {
  addStep,
  detectStep,
  formatOffset,
  formatTimestamp,
  inferSeasonality,
  parseTimestamp,
  stepMinutes,
  type TimeFormat,
  type TimeStep,
} from '../forecasting/time-axis';

export interface ForecastCliOptions {
  input: string;
  horizon: number;
  seasonality?: number[];
  model: ModelSelection;
  out?: string;
  /** IANA zone of the input's offsets: output timestamps get the zone's offset at each instant. */
  timeZone?: string;
  /** Box-Cox for a single model: `auto` (Guerrero's λ), a λ in [−1, 2], or `none`. */
  boxCox?: BoxCoxOption;
}

export interface CsvSeries {
  /** Wall clock read as UTC, or real UTC instants when every timestamp carries an offset. */
  times: number[];
  values: number[];
  format: TimeFormat;
  step: TimeStep;
  /** UTC offset of each row (minutes) when the timestamps carry offsets; then `times` are instants. */
  offsets?: number[];
}

export interface ForecastPoint {
  t: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface ForecastCliOutput {
  model: string;
  requested: string;
  /** The Box-Cox λ the model was fitted with (absent: raw values). */
  boxCoxLambda?: number;
  points: ForecastPoint[];
}

const MODELS: Record<string, ModelSelection> = {
  auto: 'AUTO',
  snaive: 'SNAIVE',
  mstl: 'MSTL',
  arima: 'ARIMA',
  theta: 'THETA',
  ets: 'ETS',
  harmonic: 'HARMONIC',
  prophet: 'PROPHET',
  ensemble: 'ENSEMBLE',
};

/** Bounds of the command's flags and input (an input past them is refused before any work). */
export const FORECAST_CLI_LIMITS = {
  /** Steps ahead: 8 weeks of 5-minute intervals. */
  maxHorizon: 16_128,
  maxSeasonalPeriods: 4,
  /** Longest seasonal period, in steps (a year of hours). */
  maxPeriod: 8_784,
  maxInputBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  /** Fields of any row, counted before the row is built (the import's limit). */
  maxColumns: DEFAULT_IMPORT_LIMITS.maxColumns,
  /** Characters of a flag or cell shown in an error. */
  echoChars: 200,
} as const;
const shown = (v: string): string => clip(v, FORECAST_CLI_LIMITS.echoChars);

export const USAGE =
  'usage: forecast --input <csv> --horizon <n> [--seasonality 24,168] ' +
  '[--model auto|snaive|mstl|arima|theta|ets|harmonic|prophet|ensemble] [--out <file.json>] [--time-zone Europe/London] ' +
  '[--box-cox none|auto|<λ>]';

/** `--box-cox none|auto|<λ>` → the fit option. */
function parseBoxCox(flag: string): BoxCoxOption {
  if (flag === 'none' || flag === 'auto') return flag;
  const [lo, hi] = BOX_COX_LAMBDA_RANGE;
  const lambda = /^-?\d{1,2}(\.\d{1,6})?$/.test(flag) ? Number(flag) : NaN;
  if (!isBoxCoxLambda(lambda))
    throw badInput(`--box-cox must be none, auto or a number in [${lo}, ${hi}], got ${shown(flag)}`);
  return lambda;
}

/** `--seasonality 24,168` → [24, 168]. */
function parseSeasonality(flag: string): number[] {
  const { maxSeasonalPeriods, maxPeriod } = FORECAST_CLI_LIMITS;
  const parts = flag.split(',').map((s) => s.trim());
  if (
    parts.length > maxSeasonalPeriods ||
    parts.some((p) => !/^\d{1,9}$/.test(p) || Number(p) < 2 || Number(p) > maxPeriod)
  ) {
    throw badInput(
      `--seasonality must be up to ${maxSeasonalPeriods} comma-separated integers in [2, ${maxPeriod}], ` +
        `got ${shown(flag)}`,
    );
  }
  return parts.map(Number);
}

/** `--horizon 12` → 12, within FORECAST_CLI_LIMITS.maxHorizon. */
function parseHorizon(flag: string): number {
  const { maxHorizon } = FORECAST_CLI_LIMITS;
  if (!/^\d{1,9}$/.test(flag) || Number(flag) < 1 || Number(flag) > maxHorizon)
    throw badInput(`--horizon must be an integer in [1, ${maxHorizon}], got ${shown(flag)}`);
  return Number(flag);
}

/** Parses and validates the command-line flags; throws badInput naming the flag. */
export function parseForecastArgs(argv: string[]): ForecastCliOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        horizon: { type: 'string' },
        seasonality: { type: 'string' },
        model: { type: 'string' },
        out: { type: 'string' },
        'time-zone': { type: 'string' },
        'box-cox': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw badInput(`${(e as Error).message}\n${USAGE}`);
  }
  if (!values.input) throw badInput(`--input is required\n${USAGE}`);
  if (values.horizon === undefined) throw badInput(`--horizon is required\n${USAGE}`);
  const horizon = parseHorizon(values.horizon);
  const seasonality = values.seasonality === undefined ? undefined : parseSeasonality(values.seasonality);
  const modelName = (values.model ?? 'auto').toLowerCase();
  const model = MODELS[modelName];
  if (!model)
    throw badInput(
      `--model must be one of ${Object.keys(MODELS).join('|')}, got ${shown(values.model ?? '')}`,
    );
  const boxCox = values['box-cox'] === undefined ? undefined : parseBoxCox(values['box-cox']);
  if (boxCox !== undefined && boxCox !== 'none' && choosesBoxCoxByBacktest(model))
    throw badInput(`--box-cox is for a single --model; ${modelName} chooses Box-Cox by backtest`);
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && !isTimeZone(timeZone))
    throw badInput(`--time-zone must be an IANA zone name, got ${shown(timeZone)}`);
  return {
    input: values.input,
    horizon,
    ...(timeZone ? { timeZone } : {}),
    model,
    ...(seasonality ? { seasonality } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(boxCox !== undefined ? { boxCox } : {}),
  };
}

/**
 * Parses `timestamp,value` CSV text; errors name the 1-based file row. A row of more than
 * `maxColumns` fields is refused before csv-parse builds it (a 45 MB row of commas took
 * 22.5 s and 2.58 GB), and parsing stops one record past `maxRows`.
 */
export function parseSeriesCsv(text: string): CsvSeries {
  const { maxColumns, maxRows } = FORECAST_CLI_LIMITS;
  const wide = new FieldCounter(',', maxColumns).overWide(text);
  if (wide !== null) throw badInput(`row ${wide}: the row has more than ${maxColumns} columns`);
  const rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true, to: maxRows + 2 });
  if (rows.length === 0) throw badInput('input is empty');
  const header = rows[0].map((h) => h.toLowerCase());
  if (header.length !== 2 || header[0] !== 'timestamp' || header[1] !== 'value') {
    throw badInput(`input header must be "timestamp,value", got "${shown(rows[0].join(','))}"`);
  }
  if (rows.length - 1 > maxRows) throw badInput(`input has more than ${maxRows} data rows`);
  const times: number[] = [];
  const values: number[] = [];
  const offsets: (number | null)[] = [];
  let format: TimeFormat | undefined;
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length !== 2) throw badInput(`row ${line} must have 2 columns, got ${row.length}`);
    const parsed = parseTimestamp(row[0]);
    if (!parsed) throw badInput(`invalid timestamp "${shown(row[0])}" at row ${line}`);
    const v = row[1] === '' ? NaN : Number(row[1]);
    if (!Number.isFinite(v)) throw badInput(`non-numeric value "${shown(row[1])}" at row ${line}`);
    format ??= parsed.format;
    times.push(parsed.ms);
    offsets.push(parsed.offsetMinutes);
    values.push(v);
  });
  if (!format) throw badInput('input has no data rows');
  // With offsets on every row the real instants are equally spaced, also across a clock
  // change (a repeated autumn hour has two offsets); without, the wall clock is the axis.
  if (!format.dateOnly && offsets.every((o) => o !== null)) {
    const instants = times.map((t, i) => t - offsets[i] * 60_000);
    return { times: instants, values, format, step: detectStep(instants, 2), offsets: offsets };
  }
  return { times, values, format, step: detectStep(times, 2) };
}

/** Fits the model on the series and lays the forecast out on the continued time axis. */
export function forecastSeries(series: CsvSeries, options: ForecastCliOptions): ForecastCliOutput {
  const periods = options.seasonality ?? inferSeasonality(series.step);
  const model = fitModel(
    options.model,
    { values: series.values, periods },
    {
      auto: { stepMinutes: stepMinutes(series.step) },
      ...(options.boxCox !== undefined ? { boxCox: options.boxCox } : {}),
    },
  );
  const f = model.forecast(options.horizon);
  const last = series.times[series.times.length - 1];
  const stamp = (t: number): string => {
    if (!series.offsets) return formatTimestamp(t, series.format);
    // the zone's offset at that instant (after a clock change too), else the last input offset
    const offset = options.timeZone
      ? zoneOf(options.timeZone).offset(t)
      : series.offsets[series.offsets.length - 1];
    const zone = formatOffset(offset, series.format.zone === 'Z');
    return formatTimestamp(t + offset * 60_000, { ...series.format, zone });
  };
  const points = f.mean.map((mean, i) => ({
    t: stamp(addStep(last, series.step, i + 1)),
    mean,
    lo80: f.lo80[i],
    hi80: f.hi80[i],
    lo95: f.lo95[i],
    hi95: f.hi95[i],
  }));
  const { boxCoxLambda } = model.params;
  return {
    model: model.kind,
    requested: options.model,
    ...(boxCoxLambda !== undefined ? { boxCoxLambda } : {}),
    points,
  };
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the command; returns the exit code (0 ok, 2 bad input, 1 model failure). */
export async function runForecastCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const options = parseForecastArgs(argv);
    if (options.out) assertWritableOutput('out', options.out);
    let text: string;
    try {
      const { size } = statSync(options.input);
      if (size > FORECAST_CLI_LIMITS.maxInputBytes) {
        throw badInput(`--input is ${size} bytes, more than ${FORECAST_CLI_LIMITS.maxInputBytes}`);
      }
      text = readFileSync(options.input, 'utf8');
    } catch (e) {
      if (isAppError(e)) throw e;
      throw badInput(
        `cannot read --input ${shown(options.input)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const output = forecastSeries(parseSeriesCsv(text), options);
    const json = `${JSON.stringify(output, null, 2)}\n`;
    if (!options.out) io.stdout(json);
    else
      try {
        writeFileSync(options.out, json);
      } catch (e) {
        io.stderr(`forecast: ${outputWriteError('out', options.out, e)}\n`);
        return 1;
      }
    return 0;
  } catch (e) {
    if (isAppError(e) && e.code === 'BAD_USER_INPUT') {
      io.stderr(`forecast: ${e.message}\n`);
      return 2;
    }
    if (isModelFitError(e)) {
      io.stderr(`forecast: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  void runForecastCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
