import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Never log a credential or a client's identifying data: headers that carry tokens and any field
 * that could hold personal data are censored wherever they appear in a log object.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.ssn',
  '*.body',
];

/** `destination` is for tests that read what was logged; processes log to stdout. */
export function createLogger(options: {
  service: string;
  level?: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.service,
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(1),
  );
}
