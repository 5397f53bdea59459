import { html, nothing } from 'lit';
import { renderFailure } from '../../app/failure-view.js';
import { customElement, query, state } from 'lit/decorators.js';
import { failureOf, type ShownFailure } from '../../app/failure-message.js';
import { PageElement } from '../../app/page-element.js';
import { hrefFor } from '../../app/router.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-empty-state.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { logTime } from '../../app/i18n/time-format.js';
import { ROLL_CALL_STATUSES, type RollCallStatus } from '../../domain/records.js';
import { memberName, signedMembers, type SignedMember } from '../../domain/signed-members.js';
import { renderBoard } from './roll-call-board-view.js';
import type { RollCallBoard } from './roll-call-store.js';
import { rollcallPageStyles } from './rollcall-page-styles.js';
import { t } from './rollcall-messages.js';
import '../sync/tocsin-sync-status.js';

type RollCallView =
  | { state: 'loading' }
  | { state: 'failed'; failure: ShownFailure }
  | { state: 'not-enrolled' }
  | {
      state: 'ready';
      /** This device's member id. */
      self: string;
      members: SignedMember[];
      /** The latest roll-call; undefined when none was ever started. */
      board?: RollCallBoard;
    };

/**
 * The roll-call ("Présences"): a member starts one, every member answers in one tap (present on site,
 * available remotely, unavailable, needs help), and the board shows each member's latest answer and
 * when — whoever needs help at the top — with a call and an SMS for those who have not answered.
 * Answers are shared records: they reach the others through the crisis room's exchange.
 *
 * For end-to-end tests: the answer buttons carry `data-answer` (present, remote, unavailable,
 * help), the start button `data-action="start-rollcall"` (its confirmation
 * `data-action="confirm-start"`), every board row `data-member` and `data-status` (an answer, or
 * "none"), and the host `data-view` (loading, failed, not-enrolled, empty, board).
 */
@customElement('tocsin-rollcall-page')
export class TocsinRollcallPage extends PageElement {
  static override styles = [tokens, buttons, pageFrame, content, dialogStyles, rollcallPageStyles];

  @state() private _view: RollCallView = { state: 'loading' };
  @state() private _answerMessage = '';
  @state() private _error = '';
  /** The error's own words, behind "Technical details" under `_error`. */
  @state() private _errorDetail = '';
  @query('dialog') private confirmDialog!: HTMLDialogElement;

  private loads = 0;
  private busy = false;
  private unfollow?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.services && this.hasUpdated) {
      this.follow();
      void this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollow?.();
    this.unfollow = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services') && this.services) {
      this.follow();
      void this.load();
    }
  }

  override updated(): void {
    this.dataset['view'] = this.viewName();
  }

  /** Records merged from others and directory changes are new board data: read it again. */
  private follow(): void {
    this.unfollow?.();
    const reload = () => void this.load();
    const stops = [
      this.services.log.changes.subscribe(reload),
      this.services.directory.revision.subscribe(reload),
    ];
    this.unfollow = () => stops.forEach((stop) => stop());
  }

  private async load(): Promise<void> {
    const services = this.services;
    const load = ++this.loads;
    try {
      const [kit, contacts, board] = await Promise.all([
        services.kit.loadInstalledKit(),
        services.directory.list(),
        services.rollCall.latest(),
      ]);
      // A later read (or other services) won the race: it shows its own result.
      if (load !== this.loads || services !== this.services) return;
      this._view = kit
        ? { state: 'ready', self: kit.member.id, members: signedMembers(contacts), board }
        : { state: 'not-enrolled' };
    } catch (error) {
      if (load === this.loads) {
        this._view = { state: 'failed', failure: failureOf(error, 'reload') };
      }
    }
  }

  private viewName(): string {
    const view = this._view;
    if (view.state !== 'ready') return view.state;
    return view.board ? 'board' : 'empty';
  }

  private requestStart(): void {
    if (this._view.state !== 'ready') return;
    // A new roll-call replaces the board everyone is looking at: ask first.
    if (this._view.board) this.confirmDialog.showModal();
    else void this.start();
  }

  private async start(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this._error = '';
    try {
      await this.services.rollCall.start();
      this._answerMessage = '';
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#current-title')?.focus();
    } catch (error) {
      const failure = failureOf(error);
      this._error = t('rollcall.startFailed', failure.reason);
      this._errorDetail = failure.detail;
    } finally {
      this.busy = false;
    }
  }

  private async answer(rollCallId: string, status: RollCallStatus): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this._error = '';
    try {
      const answer = await this.services.rollCall.answer(rollCallId, status);
      this._answerMessage = t(
        'rollcall.answered',
        t(`rollcall.status.${status}`),
        logTime(answer.at),
      );
      await this.load();
    } catch (error) {
      const failure = failureOf(error);
      this._error = t('rollcall.answerFailed', failure.reason);
      this._errorDetail = failure.detail;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('rollcall.title')}</h1>
      <tocsin-sync-status .services=${this.services}></tocsin-sync-status>
      ${this.renderView()}`;
  }

  private renderView() {
    const view = this._view;
    switch (view.state) {
      case 'loading':
        return html`<p role="status">${t('rollcall.loading')}</p>`;
      case 'failed':
        return renderFailure(t('rollcall.loadFailed', view.failure.reason), view.failure.detail);
      case 'not-enrolled':
        return html`<tocsin-empty-state
          heading=${t('rollcall.notEnrolled.title')}
          body=${t('rollcall.notEnrolled.body')}
        >
          <a class="button" href=${hrefFor('enroll')}>${t('rollcall.notEnrolled.action')}</a>
        </tocsin-empty-state>`;
      case 'ready':
        if (!view.board) {
          return html`<tocsin-empty-state
              heading=${t('rollcall.empty.title')}
              body=${t('rollcall.empty.body')}
            >
              <button class="button" data-action="start-rollcall" @click=${this.requestStart}>
                ${t('rollcall.start')}
              </button>
            </tocsin-empty-state>
            ${this.renderError()}`;
        }
        return html`${this.renderCurrent(view.board, view.members)}
        ${this.renderYourAnswer(view.board, view.self)}
        ${renderBoard(view.board, view.members, view.self)} ${this.renderConfirmDialog()}`;
    }
  }

  private renderError() {
    if (!this._error) return nothing;
    return renderFailure(this._error, this._errorDetail);
  }

  private renderCurrent(board: RollCallBoard, members: readonly SignedMember[]) {
    const { rollCall } = board;
    return html`<section class="card" aria-labelledby="current-title">
      <h2 id="current-title" tabindex="-1">${t('rollcall.current')}</h2>
      <p>${t('rollcall.started', logTime(rollCall.startedAt), memberName(rollCall.by, members))}</p>
      <button
        class="button secondary"
        data-action="start-rollcall"
        aria-haspopup="dialog"
        @click=${this.requestStart}
      >
        ${t('rollcall.startNew')}
      </button>
    </section>`;
  }

  private renderYourAnswer(board: RollCallBoard, self: string) {
    const mine = board.answers.find(
      (answer) => answer.member === self && answer.rollCallId === board.rollCall.id,
    );
    return html`<section class="card" aria-labelledby="answer-title">
      <h2 id="answer-title">${t('rollcall.yourAnswer')}</h2>
      <p class="muted" id="answer-hint">${t('rollcall.yourAnswerHint')}</p>
      <div
        class="answers"
        role="group"
        aria-labelledby="answer-title"
        aria-describedby="answer-hint"
      >
        ${ROLL_CALL_STATUSES.map(
          (status) =>
            html`<button
              class="answer status-${status}"
              data-answer=${status}
              aria-pressed=${mine?.status === status ? 'true' : 'false'}
              @click=${() => void this.answer(board.rollCall.id, status)}
            >
              <span class="tick" aria-hidden="true">✓</span>
              ${t(`rollcall.status.${status}`)}
            </button>`,
        )}
      </div>
      <p role="status">${this._answerMessage}</p>
      ${this.renderError()}
    </section>`;
  }

  private renderConfirmDialog() {
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-body">
      <h2 id="confirm-title">${t('rollcall.confirm.title')}</h2>
      <p id="confirm-body">${t('rollcall.confirm.body')}</p>
      <div class="actions">
        <button class="button secondary" @click=${() => this.confirmDialog.close()}>
          ${t('rollcall.confirm.cancel')}
        </button>
        <button
          class="button"
          data-action="confirm-start"
          @click=${() => {
            this.confirmDialog.close();
            void this.start();
          }}
        >
          ${t('rollcall.confirm.start')}
        </button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-rollcall-page': TocsinRollcallPage;
  }
}
