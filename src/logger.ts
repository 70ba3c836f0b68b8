import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths redacted from every log line. Secrets should never reach a logger; this is the net
 * under that rule, for objects logged whole.
 */
export const REDACTED_LOG_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'privateKey',
  '*.privateKey',
  'token',
  '*.token',
  'clientSecret',
  '*.clientSecret',
  'req.headers.authorization',
  'headers.authorization',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_LOG_PATHS, censor: '[REDACTED]' } }, destination);
}
