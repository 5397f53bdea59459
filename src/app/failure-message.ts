// What the member is told when something they did could not be done on this device: a sentence
// in their language that fits after "Not saved: " and says what to do, while the error's own words
// (a DOMException's name and message, in English) go behind "Technical details"
// (src/ui/tocsin-error-details.ts), never inline.
import { describeError, isQuotaError } from './database-service.js';
import { t } from './i18n/i18n.js';

/** A failure as shown: the reason in the member's language, and the detail for support. */
export interface ShownFailure {
  reason: string;
  detail: string;
}

/**
 * `error` in words: a full device says so; anything else asks to try again (`retry`, for
 * something the member did) or to reload Tocsin (`reload`, for reading what is stored).
 */
export function failureOf(error: unknown, advice: 'retry' | 'reload' = 'retry'): ShownFailure {
  const detail = describeError(error);
  if (isQuotaError(error)) return { reason: t('db.full'), detail };
  return { reason: advice === 'retry' ? t('error.retry') : t('error.reload'), detail };
}
