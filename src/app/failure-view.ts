// How a failure looks wherever it is shown: the sentence in the member's language, and the
// error's own words behind a closed "Technical details" toggle (failure-message.ts says why).
import { html } from 'lit';
import '../ui/tocsin-error-details.js';
import { t } from './i18n/i18n.js';

/** The technical side of a failure, behind its toggle; nothing when there is no detail. */
export function renderErrorDetails(detail: string) {
  return html`<tocsin-error-details
    label=${t('error.technicalDetails')}
    detail=${detail}
  ></tocsin-error-details>`;
}

/** A failure announced as it appears: what happened and what to do, then the details. */
export function renderFailure(sentence: string, detail: string) {
  return html`<div role="alert">
    <p class="error">${sentence}</p>
    ${renderErrorDetails(detail)}
  </div>`;
}
