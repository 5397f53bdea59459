// Why a kit was not installed, and what the enrollment page tells the member about it.
import { describeError, isQuotaError } from '../../app/database-service.js';
import { formatDate } from '../../app/i18n/i18n.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { isKitError, type KitRefusal } from '../../kit-format/kit-error.js';
import type { KitFetchFailure } from './kit-fetch.js';
import { t } from './kit-messages.js';

/** Why the kit was not installed: refused by the kit checks, no room left, or another failure. */
export type KitProblem =
  | { kind: 'kit'; code: KitRefusal; detail?: string; installed?: InstalledKitSummary }
  | { kind: 'full' }
  | { kind: 'failed'; reason: string };

/** Refusals whose message asks the member to tell the crisis administrator: shown louder. */
const SERIOUS_REFUSALS: readonly KitRefusal[] = [
  'equivocation',
  'bad-signature',
  'tampered',
  'other-organisation',
];

/** Refusals that typing or scanning the key again may mend. */
const KEY_REFUSALS: readonly KitRefusal[] = ['wrong-key', 'bad-key'];

/** Whether the message for this error names the installed kit, which must then be loaded first. */
export function refusalNamesInstalledKit(error: unknown): boolean {
  return (
    isKitError(error) && (error.code === 'other-organisation' || error.code === 'older-version')
  );
}

/** The problem an error of opening or installing a kit stands for. */
export function kitProblemOf(error: unknown, installed?: InstalledKitSummary): KitProblem {
  if (isKitError(error)) {
    return {
      kind: 'kit',
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(installed ? { installed } : {}),
    };
  }
  if (isQuotaError(error)) return { kind: 'full' };
  return { kind: 'failed', reason: describeError(error) };
}

/** Whether the kit may have been altered or forged, or comes from another organisation. */
export function isSeriousProblem(problem: KitProblem): boolean {
  return problem.kind === 'kit' && SERIOUS_REFUSALS.includes(problem.code);
}

/** Whether the key, not the file, was what failed. */
export function isKeyProblem(problem: KitProblem): boolean {
  return problem.kind === 'kit' && KEY_REFUSALS.includes(problem.code);
}

/** What happened and what to do, for every reason a kit is not installed. */
export function problemMessage(problem: KitProblem): string {
  if (problem.kind === 'full') return t('kit.refused.full');
  // The error's own words (problem.reason) go behind "Technical details", not in the sentence.
  if (problem.kind === 'failed') return t('kit.refused.failed');
  const { code, detail, installed } = problem;
  switch (code) {
    case 'other-organisation':
      return t('kit.refusal.other-organisation', installed?.organisation.name ?? '?');
    case 'older-version':
      return t('kit.refusal.older-version', installed ? String(installed.version) : '?');
    case 'expired':
      return t('kit.refusal.expired', dateOf(detail, false));
    case 'issued-in-future':
      return t('kit.refusal.issued-in-future', dateOf(detail, true));
    case 'too-large':
    case 'not-a-kit':
    case 'bad-key':
    case 'wrong-key':
    case 'malformed':
    case 'unsupported-schema':
    case 'bad-signature':
    case 'tampered':
    case 'equivocation':
    case 'already-installed':
      return t(`kit.refusal.${code}`);
  }
}

/** Why an enrollment link's kit could not be downloaded. */
export function downloadFailureMessage(reason: KitFetchFailure, status?: number): string {
  return reason === 'http' ? t('kit.fetch.http', status ?? 0) : t(`kit.fetch.${reason}`);
}

/** A date the policy put in a refusal's detail, in the member's language. */
function dateOf(detail: string | undefined, withTime: boolean): string {
  const time = detail ? Date.parse(detail) : NaN;
  return Number.isNaN(time) ? (detail ?? '?') : formatDate(new Date(time), withTime);
}
