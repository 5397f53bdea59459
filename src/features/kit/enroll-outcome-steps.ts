// The enrollment steps that wait on the kit or end the enrollment: work under way, the member
// declining, the kit installed, the kit refused. Drawn into the enrollment page's shadow root,
// whose styles they use; every action goes back to the page.
import { html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { hrefFor } from '../../app/router.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { t } from './kit-messages.js';
import { isSeriousProblem, problemMessage, type KitProblem } from './kit-problem-message.js';

/** Reading, opening or installing the kit: a heading and a bar with no end. */
export function renderBusyStep(message: string) {
  return html`<section class="card" role="status">
    <h2 id="step-title" tabindex="-1">${message}</h2>
    <progress aria-label=${message}></progress>
  </section>`;
}

/**
 * The member did not confirm. Declining a first enrollment means the fingerprint did not match the
 * paper kit, which the crisis administrator must hear of: it is shown as a serious problem.
 */
export function renderDeclinedStep(update: boolean, actions: { startAgain(): void }) {
  return html`<section class="card ${update ? '' : 'problem serious'}" role="alert">
    <h2 id="step-title" tabindex="-1">
      ${update ? t('kit.cancelled.title') : t('kit.declined.title')}
    </h2>
    ${update ? nothing : html`<p class="message">${t('kit.declined.body')}</p>`}
    <p>${t('kit.nothingWritten')}</p>
    <div class="actions">
      <button class="button secondary" type="button" @click=${actions.startAgain}>
        ${t('kit.startAgain')}
      </button>
    </div>
  </section>`;
}

/** The kit is installed; `persisted` is false when the browser would not promise to keep it. */
export function renderInstalledStep(summary: InstalledKitSummary, persisted: boolean | undefined) {
  return html`<section class="card done" role="status">
    <h2 id="step-title" tabindex="-1">${t('kit.installed.title')}</h2>
    <p>${t('kit.installed.body', summary.organisation.name, summary.version)}</p>
    <p>
      ${t(
        'kit.installed.counts',
        t('kit.contacts', summary.counts.contacts),
        t('kit.playbookItems', summary.counts.playbookItems),
      )}
    </p>
    ${persisted === false ? html`<p class="muted">${t('kit.installed.notPersisted')}</p>` : nothing}
    <div class="actions">
      <a class="button" href=${hrefFor('directory')}>${t('kit.installed.directory')}</a>
      <a class="button secondary" href=${hrefFor('home')}>${t('kit.installed.home')}</a>
    </div>
  </section>`;
}

export interface RefusedView {
  problem: KitProblem;
  /** Storage failed while installing: the verified kit can be installed again as it is. */
  canInstallAgain: boolean;
  /** The key was wrong and the file is still in hand. */
  canRetypeKey: boolean;
}

export interface RefusedActions {
  installAgain(): void;
  keyAgain(): void;
  startAgain(): void;
}

/**
 * The kit was not installed, and why. "Already installed" is no failure: it is shown as done, with
 * the way home.
 */
export function renderRefusedStep(view: RefusedView, actions: RefusedActions) {
  const { problem, canInstallAgain } = view;
  const already = problem.kind === 'kit' && problem.code === 'already-installed';
  const serious = isSeriousProblem(problem);
  return html`<section
    class="card ${already ? 'done' : `problem ${serious ? 'serious' : ''}`}"
    role=${already ? 'status' : 'alert'}
  >
    <h2 id="step-title" tabindex="-1">
      ${already ? t('kit.refused.alreadyTitle') : t('kit.refused.title')}
    </h2>
    <p class="message">${problemMessage(problem)}</p>
    ${problem.kind === 'failed' ? renderErrorDetails(problem.reason) : nothing}
    ${already ? nothing : html`<p>${t('kit.refused.unchanged')}</p>`}
    <div class="actions">
      ${
        canInstallAgain
          ? html`<button class="button" type="button" @click=${actions.installAgain}>
              ${t('kit.refused.installAgain')}
            </button>`
          : nothing
      }
      ${
        view.canRetypeKey
          ? html`<button class="button" type="button" @click=${actions.keyAgain}>
              ${t('kit.refused.keyAgain')}
            </button>`
          : nothing
      }
      ${
        already
          ? html`<a class="button" href=${hrefFor('home')}>${t('kit.installed.home')}</a>`
          : nothing
      }
      <button class="button secondary" type="button" @click=${actions.startAgain}>
        ${canInstallAgain ? t('kit.startAgain') : t('kit.refused.anotherFile')}
      </button>
    </div>
  </section>`;
}
