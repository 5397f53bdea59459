import { css, html, nothing } from 'lit';
import { renderFailure } from '../../app/failure-view.js';
import { customElement, state } from 'lit/decorators.js';
import { failureOf, type ShownFailure } from '../../app/failure-message.js';
import { t } from '../../app/i18n/page-messages.js';
import { fullTime } from '../../app/i18n/time-format.js';
import { PageElement } from '../../app/page-element.js';
import type { ChainProblem } from '../../domain/log-chain.js';
import { writerOfDevice } from '../../domain/log-writer.js';
import type { Crisis, LogEntry } from '../../domain/log.js';
import { signedMembers, type SignedMember } from '../../domain/signed-members.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { downloadText, fileDate } from '../../ui/download.js';
import '../../ui/tocsin-empty-state.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import '../sync/tocsin-sync-status.js';
import { logEntryRowStyles, renderLogEntryList } from './log-entry-row.js';
import { logToCsv, logToJson, toLocalInputValue } from './log-format.js';
import { logPrintStyles, renderLogPrint } from './log-print-view.js';
import { logReportStyles, renderLogReport } from './log-report-view.js';
import { renderTamperWarning, tamperWarningStyles } from './log-tamper-warning.js';
import { playbookStanding, type PlaybookStanding } from './situation-report.js';
import './tocsin-entry-form.js';

/** Changes arriving in a burst reload the log at most this often. */
const RELOAD_DELAY_MS = 1000;

/**
 * The main courante: open a crisis, write entries, correct them by appending, see the chain
 * verified, and export. Views follow the route's query: `?view=report` (log-report-view.ts) and
 * `?view=print` (log-print-view.ts) draw the same log another way; `?crisis=<id>` picks a crisis
 * other than the latest. Every entry is shown as written by its verified signer from the signed
 * directory, never by its free-text author alone (entry-signer.ts).
 */
@customElement('tocsin-log-page')
export class TocsinLogPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    tamperWarningStyles,
    logEntryRowStyles,
    logReportStyles,
    logPrintStyles,
    css`
      @media print {
        .toolbar,
        .no-print {
          display: none;
        }

        :host {
          max-width: none;
          padding: 0;
        }
      }
    `,
  ];

  @state() private _crises?: Crisis[];
  @state() private _entries: LogEntry[] = [];
  @state() private _problems: ChainProblem[] = [];
  /** The signed directory's members: the names of the entries' signers. */
  @state() private _members: readonly SignedMember[] = [];
  @state() private _author = '';
  @state() private _correcting?: LogEntry;
  /**
   * Who writes on this device (domain/log-writer.ts): only their own entries can be corrected
   * here.
   */
  @state() private _writer?: string;
  @state() private _error = '';
  /** The error's own words, behind "Technical details" under `_error`. */
  @state() private _errorDetail = '';
  /** The playbook's progress, for the situation report only. */
  @state() private _standing?: PlaybookStanding;
  @state() private _newName = '';
  @state() private _newStart = toLocalInputValue(new Date());

  private stopFollowing?: () => void;
  private reloadTimer?: ReturnType<typeof setTimeout>;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      void this.load();
      this.follow();
    } else if (changed.has('params') && this._crises) void this.loadEntries();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.services) this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    clearTimeout(this.reloadTimer);
  }

  /**
   * Reads the log again when it changes: entries from the other members arrive while the page is
   * open. Grouped, since a catch-up merges records window after window. A new directory may
   * rename the signers.
   */
  private follow(): void {
    this.stopFollowing?.();
    const reload = () => {
      if (this.reloadTimer) return;
      this.reloadTimer = setTimeout(() => {
        this.reloadTimer = undefined;
        void this.load();
      }, RELOAD_DELAY_MS);
    };
    const stops = [
      this.services.log.changes.subscribe(reload),
      this.services.directory.revision.subscribe(reload),
    ];
    this.stopFollowing = () => stops.forEach((stop) => stop());
  }

  /** A failure in the member's language, with the error's own words behind it. */
  private showFailure(key: 'log.loadFailed' | 'log.openFailed', failure: ShownFailure): void {
    this._error = t(key, failure.reason);
    this._errorDetail = failure.detail;
  }

  private currentCrisis(): Crisis | undefined {
    const wanted = this.params.get('crisis');
    return this._crises?.find((crisis) => crisis.id === wanted) ?? this._crises?.[0];
  }

  private async load(): Promise<void> {
    try {
      const [crises, profile, kit, contacts, writer] = await Promise.all([
        this.services.log.listCrises(),
        this.services.settings.loadProfile(),
        this.services.kit.loadInstalledKit(),
        this.services.directory.list(),
        this.services.log.writerChain(),
      ]);
      this._writer = writerOfDevice(writer.deviceId);
      // An enrolled member writes under the name the signed kit gives them, unless they chose one.
      this._author = profile?.name ?? kit?.member.displayName ?? '';
      this._members = signedMembers(contacts);
      this._crises = crises;
      await this.loadEntries();
    } catch (error) {
      this._crises = [];
      this.showFailure('log.loadFailed', failureOf(error, 'reload'));
    }
  }

  private async loadEntries(): Promise<void> {
    const crisis = this.currentCrisis();
    if (!crisis) return;
    const { entries, problems } = await this.services.log.openLog(crisis.id);
    this._entries = entries;
    this._problems = problems;
    if (this.params.get('view') === 'report') await this.loadProgress(crisis);
  }

  private async loadProgress(crisis: Crisis): Promise<void> {
    const [{ playbook }, ticks] = await Promise.all([
      this.services.playbooks.active(),
      this.services.log.ticks(crisis.id),
    ]);
    this._standing = playbookStanding(playbook.items, ticks);
  }

  private async openCrisis(event: Event): Promise<void> {
    event.preventDefault();
    const name = this._newName.trim();
    const author = this._author.trim();
    if (!name || !author) return;
    try {
      await this.services.settings.saveName(author);
      const crisis = await this.services.log.openCrisis(name, author, new Date(this._newStart));
      this._newName = '';
      location.hash = `#/log?crisis=${encodeURIComponent(crisis.id)}`;
      await this.load();
    } catch (error) {
      this.showFailure('log.openFailed', failureOf(error));
    }
  }

  override render() {
    if (!this._crises) {
      return html`<h1 tabindex="-1">${t('log.title')}</h1>
        <p role="status">${t('app.loading')}</p>`;
    }
    const crisis = this.currentCrisis();
    if (!crisis || this.params.has('new')) return this.renderOpenCrisis();
    switch (this.params.get('view')) {
      case 'report':
        return renderLogReport({ ...this.shownLog(crisis), standing: this._standing });
      case 'print':
        return renderLogPrint(this.shownLog(crisis));
      default:
        return this.renderLog(crisis);
    }
  }

  private renderOpenCrisis() {
    return html`<h1 tabindex="-1">${t('log.title')}</h1>
      <tocsin-sync-status .services=${this.services}></tocsin-sync-status>
      ${
        this._crises?.length
          ? nothing
          : html`<tocsin-empty-state
              heading=${t('log.empty.title')}
              body=${t('log.empty.body')}
            ></tocsin-empty-state>`
      }
      <form class="card" @submit=${this.openCrisis}>
        <h2>${t('log.openCrisis')}</h2>
        <label for="crisis-name">${t('log.crisisName')}</label>
        <input
          id="crisis-name"
          type="text"
          required
          aria-describedby="crisis-name-hint"
          .value=${this._newName}
          @input=${(event: Event) => (this._newName = (event.target as HTMLInputElement).value)}
        />
        <p id="crisis-name-hint" class="muted">${t('log.crisisNameHint')}</p>
        <label for="crisis-start">${t('log.startedAt')}</label>
        <input
          id="crisis-start"
          type="datetime-local"
          .value=${this._newStart}
          @input=${(event: Event) => (this._newStart = (event.target as HTMLInputElement).value)}
        />
        <label for="author">${t('log.yourName')}</label>
        <input
          id="author"
          type="text"
          required
          autocomplete="name"
          aria-describedby="author-hint"
          .value=${this._author}
          @input=${(event: Event) => (this._author = (event.target as HTMLInputElement).value)}
        />
        <p id="author-hint" class="muted">${t('log.yourNameHint')}</p>
        ${this._error ? renderFailure(this._error, this._errorDetail) : nothing}
        <div class="actions">
          <button
            class="button"
            type="submit"
            ?disabled=${!this._newName.trim() || !this._author.trim()}
          >
            ${t('log.openCrisis')}
          </button>
        </div>
      </form>`;
  }

  private renderLog(crisis: Crisis) {
    const crisisQuery = `crisis=${encodeURIComponent(crisis.id)}`;
    return html`<h1 tabindex="-1">${crisis.name}</h1>
      <tocsin-sync-status .services=${this.services}></tocsin-sync-status>
      <p class="muted">
        ${t('log.startedAt')} : ${fullTime(crisis.startedAt)} ·
        ${t('log.entries', this._entries.length)}
      </p>
      ${renderTamperWarning(this._problems)}
      <div class="toolbar">
        <a class="button secondary" href=${`#/log?${crisisQuery}&view=report`}
          >${t('log.report')}</a
        >
        <a class="button secondary" href=${`#/log?${crisisQuery}&view=print`}>${t('log.print')}</a>
        <button class="button secondary" @click=${() => this.export('csv', crisis)}>
          ${t('log.exportCsv')}
        </button>
        <button class="button secondary" @click=${() => this.export('json', crisis)}>
          ${t('log.exportJson')}
        </button>
        <a class="button secondary" href="#/log?new">${t('log.newCrisis')}</a>
      </div>
      <section class="card" aria-labelledby="new-entry-title">
        <h2 id="new-entry-title">${this._correcting ? t('log.correction') : t('log.newEntry')}</h2>
        ${
          this._author
            ? html`<tocsin-entry-form
                .services=${this.services}
                crisisId=${crisis.id}
                author=${this._author}
                .correcting=${this._correcting}
                @entry-saved=${() => {
                  this._correcting = undefined;
                  void this.loadEntries();
                }}
              >
                ${
                  this._correcting
                    ? html`<button
                        slot="extra-actions"
                        class="button secondary"
                        type="button"
                        @click=${() => (this._correcting = undefined)}
                      >
                        ${t('log.cancelCorrection')}
                      </button>`
                    : nothing
                }
              </tocsin-entry-form>`
            : this.renderAuthorPrompt()
        }
      </section>
      ${renderLogEntryList({ ...this.shownLog(crisis), writer: this._writer }, this.correct)}`;
  }

  private renderAuthorPrompt() {
    return html`<form
      @submit=${async (event: Event) => {
        event.preventDefault();
        const input = this.renderRoot.querySelector<HTMLInputElement>('#author-only');
        const name = input?.value.trim() ?? '';
        if (!name) return;
        await this.services.settings.saveName(name);
        this._author = name;
      }}
    >
      <label for="author-only">${t('log.yourName')}</label>
      <input id="author-only" type="text" required autocomplete="name" />
      <p class="muted">${t('log.yourNameHint')}</p>
      <div class="actions"><button class="button" type="submit">${t('contact.save')}</button></div>
    </form>`;
  }

  /** Starts a correction of `entry`: the entry form shows it and takes focus. */
  private readonly correct = (entry: LogEntry) => {
    this._correcting = entry;
    this.renderRoot.querySelector('tocsin-entry-form')?.focusText();
  };

  /** The log as the report and print views draw it. */
  private shownLog(crisis: Crisis) {
    return { crisis, entries: this._entries, problems: this._problems, members: this._members };
  }

  private export(format: 'csv' | 'json', crisis: Crisis): void {
    const name = `tocsin-main-courante-${fileDate()}`;
    if (format === 'csv') {
      downloadText(logToCsv(this._entries, this._members), `${name}.csv`, 'text/csv');
    } else {
      const json = logToJson(crisis, this._entries, this._members);
      downloadText(json, `${name}.json`, 'application/json');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-log-page': TocsinLogPage;
  }
}
