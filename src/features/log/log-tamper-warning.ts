// The warning every view of the main courante opens with when the chain check found entries
// altered or missing: the list, the situation report and the print alike, so a printed or reported
// log never looks sound when it is not.
import { css, html, nothing } from 'lit';
import { t } from '../../app/i18n/page-messages.js';
import type { ChainProblem } from '../../domain/log-chain.js';

export const tamperWarningStyles = css`
  .tamper {
    padding: 0.75rem 1rem;
    border: 2px solid var(--tocsin-danger);
    border-radius: var(--tocsin-radius);
    color: var(--tocsin-danger);
    font-weight: 600;
  }
`;

/** Nothing when the chains verify; else how many entries are affected (one may have several). */
export function renderTamperWarning(problems: readonly ChainProblem[]) {
  if (problems.length === 0) return nothing;
  const count = new Set(problems.map((p) => p.entryId)).size;
  return html`<p class="tamper" role="alert">${t('log.tamper', count)}</p>`;
}
