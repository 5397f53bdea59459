import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { describeError } from '../../app/database-service.js';
import { PageElement } from '../../app/page-element.js';
import { hrefFor } from '../../app/router.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-empty-state.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { detectSmsPlatform, smsUri, telUri, textablePhone } from '../directory/sms.js';
import { logTime } from '../log/log-format.js';
import { ROLL_CALL_STATUSES, type RollCallStatus } from './model.js';
import { arrangeBoard, memberName, signedMembers, type SignedMember } from './roll-call-board.js';
import type { RollCallBoard } from './roll-call-store.js';
import { t } from './sync-messages.js';
import './tocsin-sync-status.js';

type RollCallView =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
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
 * The roll-call ("Appel"): a member starts one, every member answers in one tap (present on site,
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
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    css`
      .status-present {
        --status-color: var(--tocsin-ok);
      }

      .status-remote {
        --status-color: var(--tocsin-focus);
      }

      .status-unavailable {
        --status-color: var(--tocsin-muted);
      }

      .status-help {
        --status-color: var(--tocsin-danger);
      }

      .answers {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
        margin: 0.75rem 0 0.5rem;
      }

      @media (max-width: 22rem) {
        .answers {
          grid-template-columns: 1fr;
        }
      }

      .answer {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        min-width: 0;
        min-height: 4.5rem;
        padding: 0.5rem;
        border: 3px solid var(--status-color);
        border-radius: var(--tocsin-radius);
        background: var(--tocsin-surface);
        color: var(--status-color);
        font: inherit;
        font-size: 1.0625rem;
        font-weight: 700;
        text-align: center;
        hyphens: auto;
        cursor: pointer;
      }

      .answer[aria-pressed='true'] {
        background: var(--status-color);
        color: var(--tocsin-on-accent);
      }

      .answer .tick {
        display: none;
      }

      .answer[aria-pressed='true'] .tick {
        display: inline;
      }

      .answer.status-unavailable {
        color: var(--tocsin-text);
      }

      .answer.status-unavailable[aria-pressed='true'] {
        color: var(--tocsin-on-accent);
      }

      .help-alert {
        margin: 0 0 0.75rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--tocsin-danger);
        border-radius: var(--tocsin-radius);
        color: var(--tocsin-danger);
        font-weight: 700;
      }

      ul.board,
      ul.unanswered {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      ul.board li,
      ul.unanswered li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        min-height: var(--tocsin-touch);
        padding: 0.5rem 0.75rem;
        border-top: 1px solid var(--tocsin-border);
      }

      ul.board li:first-child,
      ul.unanswered li:first-child {
        border-top: none;
      }

      ul.board li {
        box-shadow: inset 4px 0 0 var(--status-color);
      }

      ul.board li.status-help {
        background: color-mix(in srgb, var(--tocsin-danger) 10%, transparent);
        font-weight: 700;
      }

      .who {
        flex: 1 1 10rem;
        overflow-wrap: anywhere;
      }

      ul.board .who {
        flex-basis: 100%;
      }

      .answer-line {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
      }

      .badge {
        color: var(--status-color);
        font-weight: 700;
      }

      .status-unavailable .badge {
        color: var(--tocsin-text);
      }

      time {
        font-variant-numeric: tabular-nums;
        color: var(--tocsin-muted);
      }

      .number {
        display: block;
        color: var(--tocsin-muted);
        font-variant-numeric: tabular-nums;
      }

      .contact-actions {
        display: flex;
        gap: 0.5rem;
      }

      h2[tabindex]:focus {
        outline: none;
      }

      h3 {
        font-size: 1.0625rem;
        margin: 1.25rem 0 0.25rem;
      }
    `,
  ];

  @state() private _view: RollCallView = { state: 'loading' };
  @state() private _answerMessage = '';
  @state() private _error = '';
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
      if (load === this.loads) this._view = { state: 'failed', reason: describeError(error) };
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
      this._error = t('rollcall.startFailed', describeError(error));
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
      this._error = t('rollcall.answerFailed', describeError(error));
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
        return html`<p class="error" role="alert">${t('rollcall.loadFailed', view.reason)}</p>`;
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
        ${this.renderBoard(view.board, view.members, view.self)} ${this.renderConfirmDialog()}`;
    }
  }

  private renderError() {
    return this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing;
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

  private renderBoard(board: RollCallBoard, members: readonly SignedMember[], self: string) {
    const { answered, unanswered } = arrangeBoard(board, members);
    const total = new Set([...members.map((m) => m.id), ...answered.map((row) => row.member)]).size;
    const needHelp = answered.filter((row) => row.answer.status === 'help');
    const name = (id: string, plain: string) => (id === self ? t('rollcall.you', plain) : plain);
    const platform = detectSmsPlatform();
    const smsBody = t('rollcall.smsBody', logTime(board.rollCall.startedAt));
    return html`<section class="card" aria-labelledby="board-title">
      <h2 id="board-title">${t('rollcall.board')}</h2>
      <p role="status">${t('rollcall.count', answered.length, total)}</p>
      ${
        needHelp.length
          ? html`<p class="help-alert" role="alert">
              ${t('rollcall.helpAlert', needHelp.map((row) => row.name).join(', '))}
            </p>`
          : nothing
      }
      ${
        answered.length
          ? html`<ul class="board">
              ${answered.map(
                (row) =>
                  html`<li
                    class="status-${row.answer.status}"
                    data-member=${row.member}
                    data-status=${row.answer.status}
                  >
                    <span class="who">${name(row.member, row.name)}</span>
                    <span class="answer-line">
                      <span class="badge">${t(`rollcall.status.${row.answer.status}`)}</span>
                      <time datetime=${row.answer.at}>${logTime(row.answer.at)}</time>
                    </span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('rollcall.noAnswers')}</p>`
      }
      <h3>${t('rollcall.notAnswered')} (${unanswered.length})</h3>
      ${
        unanswered.length
          ? html`<ul class="unanswered">
              ${unanswered.map((member) =>
                this.renderUnanswered(member, member.id === self, platform, smsBody),
              )}
            </ul>`
          : html`<p class="ok">${t('rollcall.everyoneAnswered')}</p>`
      }
    </section>`;
  }

  private renderUnanswered(
    member: SignedMember,
    isSelf: boolean,
    platform: ReturnType<typeof detectSmsPlatform>,
    smsBody: string,
  ) {
    const phone = isSelf ? undefined : textablePhone(member.contact);
    return html`<li data-member=${member.id} data-status="none">
      <span class="who"
        >${isSelf ? t('rollcall.you', member.name) : member.name}
        ${
          isSelf
            ? nothing
            : html`<span class="number">${phone ? phone.number : t('rollcall.noPhone')}</span>`
        }</span
      >
      ${
        phone
          ? html`<span class="contact-actions">
              <a
                class="button"
                href=${telUri(phone.number)}
                aria-label=${t('rollcall.callLabel', member.name, phone.number)}
                >${t('rollcall.call')}</a
              >
              <a
                class="button secondary"
                href=${smsUri([phone.number], smsBody, platform)}
                aria-label=${t('rollcall.smsLabel', member.name, phone.number)}
                >${t('rollcall.sms')}</a
              >
            </span>`
          : nothing
      }
    </li>`;
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
