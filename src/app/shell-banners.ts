// The shell's alerts, shown above every page because they must never be missed: the database
// cannot be used, the crisis kit was tampered with or has expired, a call goes on elsewhere.
// Drawn into the shell's shadow root, whose styles (shell-styles.ts) they use.
import { html, nothing } from 'lit';
import { renderErrorDetails } from './failure-view.js';
import { isKitExpired } from '../domain/kit.js';
import { t } from './i18n/i18n.js';
import { hrefFor, type Route } from './router.js';
import type { AppServices } from './services.js';

/** The alerts that apply now, most serious first, above the page `page`. */
export function renderShellAlerts(services: AppServices, page: Route['page']) {
  const database = renderDatabaseProblem(services);
  const kit = renderKitProblem(services, page);
  const call = renderCallInProgress(services, page);
  return html`${database} ${kit} ${call}`;
}

/**
 * The call goes on while the member uses other pages: say so, so no one forgets their
 * microphone is live, and offer the way back.
 */
function renderCallInProgress(services: AppServices, page: Route['page']) {
  if (!services.callActive.value || page === 'room') return nothing;
  return html`<div class="alert call" role="status">
    <p>${t('call.inProgress')}</p>
    <a class="button secondary" href=${hrefFor('room')}>${t('call.backToCall')}</a>
  </div>`;
}

function renderDatabaseProblem(services: AppServices) {
  const problem = services.database.problem.value;
  if (!problem) return nothing;
  const messages = {
    blocked: () => t('db.blocked'),
    blocking: () => t('db.blocking'),
    full: () => t('db.full'),
    failed: () => t('db.failed'),
  };
  const message = messages[problem.kind]();
  return html`<div class="alert" role="alert">
    <p>${message}</p>
    ${problem.kind === 'failed' ? renderErrorDetails(problem.reason) : nothing}
    ${
      problem.kind === 'blocking'
        ? html`<button class="button" @click=${() => window.location.reload()}>
            ${t('db.reload')}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * A kit that no longer matches its signature outranks an expired one: its dates cannot be
 * trusted either. Neither blocks anything; the room refuses a tampered kit by itself. On the
 * enrollment page the alert says what is wrong without a link to the page already open.
 */
function renderKitProblem(services: AppServices, page: Route['page']) {
  const onEnrollPage = page === 'enroll';
  if (services.crisisKit.integrity.value.state === 'tampered') {
    return html`<div class="alert" role="alert">
      <p>${t('kitStatus.tampered')} ${t('kitStatus.tamperedAction')}</p>
      ${
        onEnrollPage
          ? nothing
          : html`<a class="button" href=${hrefFor('enroll')}>${t('kitStatus.reinstall')}</a>`
      }
    </div>`;
  }
  const kit = services.kit.alreadyKnown();
  if (!kit || !isKitExpired(kit)) return nothing;
  return html`<div class="alert notice" role="status">
    <p>
      <strong>${t('kitStatus.expired', t('format.dayMonth', new Date(kit.issued)))}</strong>
      ${t('kitStatus.expiredAction')}
    </p>
    ${
      onEnrollPage
        ? nothing
        : html`<a class="button secondary" href=${hrefFor('enroll')}
            >${t('kitStatus.installNew')}</a
          >`
    }
  </div>`;
}
