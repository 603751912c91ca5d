import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  'password',
  'oldPassword',
  'newPassword',
  'token',
  'authorization',
  '*.password',
  '*.oldPassword',
  '*.newPassword',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'variables.password',
  'variables.*.password',
];

/** JSON in production and tests, pretty (coloured on a terminal) in development. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'production' | 'NODE_ENV'>): Logger {
  const pretty = config.NODE_ENV === 'development';
  return pino({
    level: config.LOG_LEVEL,
    redact: { paths: REDACT, censor: '[redacted]' },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss' },
          },
        }
      : {}),
  });
}
