// Reading the command line: node:util's parseArgs (strict, so unknown options are errors) and the
// few value types the commands take. Every mistake is a UsageError.
import { UsageError } from './cli-error.js';

/** Runs a parseArgs call, turning its errors (unknown option, missing value…) into UsageErrors. */
export function withUsageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}

/**
 * Joins `--option value` into `--option=value` for the options given, so that a value starting
 * with "-" — one kit key in 64 does, base64url uses "-" — is read as the value, not as an option.
 */
export function attachDashValues(args: readonly string[], options: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (options.includes(arg) && value?.startsWith('-') && !value.startsWith('--')) {
      joined.push(`${arg}=${value}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** The value of an option that must be given. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is required.`);
  return value;
}

/** An integer option of at least `min`. */
export function integerOption(text: string, option: string, min: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} must be a whole number of at least ${min}, not "${text}".`);
  }
  return value;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_VALIDITY_DAYS = 10 * 366;

/** A validity such as "180d" or "72h", in milliseconds. */
export function durationOption(text: string, option: string): number {
  const match = /^(\d+)([dh])$/.exec(text.trim());
  const amount = match ? Number(match[1]) : 0;
  const ms = match?.[2] === 'd' ? amount * DAY_MS : (amount * DAY_MS) / 24;
  if (!match || amount < 1 || ms > MAX_VALIDITY_DAYS * DAY_MS) {
    throw new UsageError(
      `${option} must be a number of days or hours such as 180d or 72h (at most ${MAX_VALIDITY_DAYS} days), not "${text}".`,
    );
  }
  return ms;
}

/** An ISO 8601 date or time ("2026-03-01", "2026-03-01T08:00:00Z"). */
export function timeOption(text: string, option: string): Date {
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)
    ? new Date(text)
    : new Date(NaN);
  if (Number.isNaN(time.getTime())) {
    throw new UsageError(`${option} must be an ISO 8601 time such as 2026-03-01T08:00:00Z.`);
  }
  return time;
}
