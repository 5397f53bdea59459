// The dialog listing the records this device refused, for <tocsin-sync-status>. Drawn into the
// status's shadow root rather than by an element of its own: the dialog and its list stay where
// the status's styles and the end-to-end tests find them, and the names come from the status,
// which already reads the directory.
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { renderFailure } from '../../app/failure-view.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { failureOf, type ShownFailure } from '../../app/failure-message.js';
import { logTime } from '../../app/i18n/time-format.js';
import type { Rejection } from '../../domain/records.js';
import { t } from './sync-messages.js';
import { ALARMING_REASONS } from './sync-status.js';

/** The most refusals the dialog lists: enough to see what is going on, light enough to open. */
const MAX_PROBLEMS_SHOWN = 200;

type ProblemList =
  | { state: 'loading' }
  | { state: 'loaded'; rejections: readonly Rejection[] }
  | { state: 'failed'; failure: ShownFailure };

/** The list of refusals, after the shared dialog styles. */
export const syncProblemsStyles = css`
  ol.rejections {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  ol.rejections li {
    padding: 0.75rem 0;
    border-top: 1px solid var(--tocsin-border);
  }

  ol.rejections li.alarming .reason {
    color: var(--tocsin-danger);
  }

  .reason {
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
`;

/**
 * The refused records, read afresh each time the dialog opens (the exchange keeps refusing while
 * it is closed). The refusals that point at an attack come first.
 */
export class SyncProblemsDialog {
  private problems: ProblemList = { state: 'loading' };
  private readonly dialog = createRef<HTMLDialogElement>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Reads the refusals kept on this device, the latest first. */
    private readonly read: () => Promise<readonly Rejection[]>,
    /** How a member id is shown: their name in the signed directory, or the id itself. */
    private readonly name: (id: string) => string,
  ) {}

  /** Opens the dialog at once, saying it is loading, then shows the list. */
  async open(): Promise<void> {
    this.show({ state: 'loading' });
    await this.host.updateComplete;
    const dialog = this.dialog.value!;
    if (!dialog.open) dialog.showModal();
    try {
      this.show({ state: 'loaded', rejections: await this.read() });
    } catch (error) {
      this.show({ state: 'failed', failure: failureOf(error, 'reload') });
    }
  }

  render() {
    return html`<dialog ${ref(this.dialog)} aria-labelledby="problems-title">
      <h2 id="problems-title">${t('sync.problems.title')}</h2>
      ${this.renderList()}
      <div class="actions">
        <button class="button secondary" @click=${() => this.dialog.value?.close()}>
          ${t('sync.problems.close')}
        </button>
      </div>
    </dialog>`;
  }

  private show(problems: ProblemList): void {
    this.problems = problems;
    this.host.requestUpdate();
  }

  private renderList() {
    const problems = this.problems;
    if (problems.state === 'loading') {
      return html`<p role="status">${t('sync.problems.loading')}</p>`;
    }
    if (problems.state === 'failed') {
      return renderFailure(
        t('sync.problems.loadFailed', problems.failure.reason),
        problems.failure.detail,
      );
    }
    if (problems.rejections.length === 0) return html`<p>${t('sync.problems.none')}</p>`;
    // The refusals that point at an attack come before ordinary network noise, latest first.
    const ordered = [
      ...problems.rejections.filter(isAlarming),
      ...problems.rejections.filter((rejection) => !isAlarming(rejection)),
    ];
    const shown = ordered.slice(0, MAX_PROBLEMS_SHOWN);
    const unknown = t('sync.problems.unknown');
    return html`<p>${t('sync.problems.intro')}</p>
      <ol class="rejections">
        ${shown.map(
          (rejection) =>
            html`<li
              class=${isAlarming(rejection) ? 'alarming' : ''}
              data-reason=${rejection.reason}
            >
              <p class="reason">${t(`sync.reason.${rejection.reason}`)}</p>
              <dl class="facts">
                ${this.renderOrigin(rejection)}
                <dt>${t('sync.problems.from')}</dt>
                <dd>${this.name(rejection.from)}</dd>
                <dt>${t('sync.problems.seq')}</dt>
                <dd>${rejection.seq ?? unknown}</dd>
                <dt>${t('sync.problems.at')}</dt>
                <dd><time datetime=${rejection.at}>${logTime(rejection.at)}</time></dd>
                ${
                  rejection.detail
                    ? html`<dt>${t('sync.problems.detail')}</dt>
                        <dd lang="en">${rejection.detail}</dd>`
                    : nothing
                }
              </dl>
            </li>`,
        )}
      </ol>
      ${
        ordered.length > shown.length
          ? html`<p class="muted">${t('sync.problems.more', ordered.length - shown.length)}</p>`
          : nothing
      }`;
  }

  /**
   * Who a refused record comes from. Only a signature that verified names its maker ("Signed
   * by"); without one, the author it names is a claim anyone could write, shown as such.
   */
  private renderOrigin(rejection: Rejection) {
    if (rejection.signer) {
      return html`<dt>${t('sync.problems.signer')}</dt>
        <dd data-signer=${rejection.signer}>${this.name(rejection.signer)}</dd>`;
    }
    return html`<dt>${t('sync.problems.claims')}</dt>
      <dd>${rejection.author ? this.name(rejection.author) : t('sync.problems.unknown')}</dd>`;
  }
}

function isAlarming(rejection: Rejection): boolean {
  return ALARMING_REASONS.includes(rejection.reason);
}
