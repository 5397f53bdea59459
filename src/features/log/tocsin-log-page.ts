import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { describeError } from '../../app/database-service.js';
import { PageElement } from '../../app/page-element.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { downloadText, fileDate } from '../../ui/download.js';
import '../../ui/tocsin-empty-state.js';
import '../../ui/tocsin-virtual-list.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { signedMembers, type SignedMember } from '../sync/roll-call-board.js';
import '../sync/tocsin-sync-status.js';
import { PHASE_NAMES, PHASES, type PlaybookItem } from '../playbook/model.js';
import { doneItemIds, playbookProgress, type PlaybookProgress } from '../playbook/progress.js';
import type { ChainProblem } from './chain.js';
import { entrySigner, formatSigner } from './entry-signer.js';
import { writerOfDevice } from './writer.js';
import { correctedIds } from './log-store.js';
import {
  fullTime,
  kindName,
  logTime,
  logToCsv,
  logToJson,
  toLocalInputValue,
} from './log-format.js';
import type { Crisis, LogEntry } from './model.js';
import './tocsin-entry-form.js';

/**
 * The main courante: open a crisis, write entries, correct them by appending, see the chain
 * verified, the situation report, and export or print. Views follow the route's query:
 * `?view=report`, `?view=print`; `?crisis=<id>` picks a crisis other than the latest. Every
 * entry is shown as written by its verified signer from the signed directory, never by its
 * free-text author alone (entry-signer.ts).
 */
/** Changes arriving in a burst reload the log at most this often. */
const RELOAD_DELAY_MS = 1000;

@customElement('tocsin-log-page')
export class TocsinLogPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    css`
      .tamper {
        padding: 0.75rem 1rem;
        border: 2px solid var(--tocsin-danger);
        border-radius: var(--tocsin-radius);
        color: var(--tocsin-danger);
        font-weight: 600;
      }

      tocsin-virtual-list {
        height: calc(100dvh - 16rem);
        min-height: 20rem;
        border: 1px solid var(--tocsin-border);
        border-radius: var(--tocsin-radius);
        background: var(--tocsin-surface);
      }

      .entry {
        display: flex;
        gap: 0.75rem;
        height: 100%;
        box-sizing: border-box;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--tocsin-border);
      }

      .entry.high {
        box-shadow: inset 4px 0 0 var(--tocsin-red);
      }

      .entry.broken {
        box-shadow: inset 4px 0 0 var(--tocsin-danger);
        background: color-mix(in srgb, var(--tocsin-danger) 8%, transparent);
      }

      .time {
        flex: none;
        width: 4.5rem;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }

      .body {
        flex: 1;
        min-width: 0;
      }

      .meta {
        font-size: 0.875rem;
        color: var(--tocsin-muted);
      }

      /* Rows have a fixed height: a long "for …" is cut on screen, read in full by a reader. */
      .meta.line {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }

      .text {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        overflow-wrap: anywhere;
      }

      .corrected .text {
        text-decoration: line-through;
        color: var(--tocsin-muted);
      }

      .entry button {
        flex: none;
        align-self: center;
        min-height: 44px;
        padding: 0 0.75rem;
      }

      table {
        width: 100%;
        border-collapse: collapse;
      }

      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.375rem 0.5rem;
        border-bottom: 1px solid var(--tocsin-border);
      }

      td.device {
        font-family: ui-monospace, monospace;
        white-space: nowrap;
      }

      td.text-cell {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      progress {
        width: 100%;
        height: 0.75rem;
        accent-color: var(--tocsin-red);
      }

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
  /** Who writes on this device (log/writer.ts): only their own entries can be corrected here. */
  @state() private _writer?: string;
  @state() private _error = '';
  @state() private _progress?: { progress: PlaybookProgress; open: PlaybookItem[] };
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
      this._error = describeError(error);
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
    const progress = playbookProgress(playbook.items, ticks);
    const done = doneItemIds(ticks);
    // The current phase: the first that still has items to do.
    const phase = PHASES.find((p) =>
      playbook.items.some((item) => item.phase === p && !done.has(item.id)),
    );
    const open = playbook.items.filter((item) => item.phase === phase && !done.has(item.id));
    this._progress = { progress, open };
  }

  private async openCrisis(event: Event): Promise<void> {
    event.preventDefault();
    const name = this._newName.trim();
    const author = this._author.trim();
    if (!name || !author) return;
    try {
      await this.services.settings.saveProfile({
        ...(await this.services.settings.loadProfile()),
        name: author,
      });
      const crisis = await this.services.log.openCrisis(name, author, new Date(this._newStart));
      this._newName = '';
      location.hash = `#/log?crisis=${encodeURIComponent(crisis.id)}`;
      await this.load();
    } catch (error) {
      this._error = describeError(error);
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
        return this.renderReport(crisis);
      case 'print':
        return this.renderPrint(crisis);
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
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
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

  private renderTamperWarning() {
    if (this._problems.length === 0) return nothing;
    const count = new Set(this._problems.map((p) => p.entryId)).size;
    return html`<p class="tamper" role="alert">${t('log.tamper', count)}</p>`;
  }

  private renderLog(crisis: Crisis) {
    const corrected = correctedIds(this._entries);
    const broken = new Set(this._problems.map((p) => p.entryId));
    const newestFirst = [...this._entries].reverse();
    const crisisQuery = `crisis=${encodeURIComponent(crisis.id)}`;
    return html`<h1 tabindex="-1">${crisis.name}</h1>
      <tocsin-sync-status .services=${this.services}></tocsin-sync-status>
      <p class="muted">
        ${t('log.startedAt')} : ${fullTime(crisis.startedAt)} ·
        ${t('log.entries', this._entries.length)}
      </p>
      ${this.renderTamperWarning()}
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
      <tocsin-virtual-list
        label=${t('log.listLabel')}
        row-height="104"
        .items=${newestFirst}
        .keyOf=${(entry: unknown) => (entry as LogEntry).id}
        .renderItem=${(entry: unknown) =>
          this.renderEntry(
            entry as LogEntry,
            corrected.has((entry as LogEntry).id),
            broken.has((entry as LogEntry).id),
          )}
      ></tocsin-virtual-list>`;
  }

  private renderAuthorPrompt() {
    return html`<form
      @submit=${async (event: Event) => {
        event.preventDefault();
        const input = this.renderRoot.querySelector<HTMLInputElement>('#author-only');
        const name = input?.value.trim() ?? '';
        if (!name) return;
        await this.services.settings.saveProfile({
          ...(await this.services.settings.loadProfile()),
          name,
        });
        this._author = name;
      }}
    >
      <label for="author-only">${t('log.yourName')}</label>
      <input id="author-only" type="text" required autocomplete="name" />
      <p class="muted">${t('log.yourNameHint')}</p>
      <div class="actions"><button class="button" type="submit">${t('contact.save')}</button></div>
    </form>`;
  }

  private renderEntry(entry: LogEntry, corrected: boolean, broken: boolean) {
    const classes = [
      'entry',
      entry.priority === 'high' ? 'high' : '',
      corrected ? 'corrected' : '',
      broken ? 'broken' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<article
      class=${classes}
      aria-label=${`${logTime(entry.occurredAt)} ${kindName(entry.kind)}`}
    >
      <span class="time">${logTime(entry.occurredAt)}</span>
      <div class="body">
        <div class="meta line">
          ${kindName(entry.kind)} ·
          ${this.signer(entry)}${entry.priority === 'high' ? ` · ${t('log.highPriority')}` : ''}${
            entry.corrects ? ` · ${t('log.correction')}` : ''
          }
        </div>
        <div class="text">${entry.text}</div>
        ${corrected ? html`<span class="meta">${t('log.corrected')}</span>` : nothing}
        ${broken ? html`<span class="meta error">${t('log.tamperMark')}</span>` : nothing}
      </div>
      ${
        corrected || writerOfDevice(entry.deviceId) !== this._writer
          ? nothing
          : html`<button
              class="button secondary"
              aria-label=${`${t('log.correct')} : ${entry.text.slice(0, 60)}`}
              @click=${() => {
                this._correcting = entry;
                this.renderRoot.querySelector('tocsin-entry-form')?.focusText();
              }}
            >
              ${t('log.correct')}
            </button>`
      }
    </article>`;
  }

  private renderReport(crisis: Crisis) {
    const corrected = correctedIds(this._entries);
    const live = this._entries.filter((entry) => !corrected.has(entry.id));
    const decisions = live
      .filter((entry) => entry.kind === 'decision')
      .slice(-10)
      .reverse();
    const high = live
      .filter((entry) => entry.priority === 'high' && entry.kind !== 'decision')
      .slice(-10)
      .reverse();
    const locale = currentLocale();
    const progress = this._progress?.progress;
    return html`<h1 tabindex="-1">${t('log.report')} — ${crisis.name}</h1>
      <p class="muted">${t('log.reportAt', fullTime(new Date().toISOString()))}</p>
      ${this.renderTamperWarning()}
      <div class="toolbar">
        <a class="button secondary" href=${`#/log?crisis=${encodeURIComponent(crisis.id)}`}
          >${t('log.backToLog')}</a
        >
        <button class="button secondary" @click=${() => window.print()}>${t('log.print')}</button>
      </div>
      <section class="card">
        <h2>${t('log.reportDecisions')}</h2>
        ${this.renderEntryList(decisions)}
      </section>
      <section class="card">
        <h2>${t('log.reportHighPriority')}</h2>
        ${this.renderEntryList(high)}
      </section>
      <section class="card">
        <h2>${t('log.reportProgress')}</h2>
        ${
          progress
            ? html`<dl class="facts">
                ${PHASES.filter((phase) => progress.byPhase.get(phase)?.total).map((phase) => {
                  const p = progress.byPhase.get(phase)!;
                  return html`<dt>${PHASE_NAMES[phase][locale]}</dt>
                    <dd>
                      ${p.done} / ${p.total}
                      <progress
                        max=${p.total}
                        .value=${p.done}
                        aria-label=${PHASE_NAMES[phase][locale]}
                      ></progress>
                    </dd>`;
                })}
              </dl>`
            : html`<p role="status">${t('app.loading')}</p>`
        }
      </section>
      <section class="card">
        <h2>${t('log.reportOpen')}</h2>
        ${
          this._progress?.open.length
            ? html`<ul>
                ${this._progress.open.map((item) => html`<li>${item.text[locale]}</li>`)}
              </ul>`
            : html`<p>${t('log.reportNone')}</p>`
        }
      </section>`;
  }

  private renderEntryList(entries: LogEntry[]) {
    if (entries.length === 0) return html`<p>${t('log.reportNone')}</p>`;
    return html`<ul>
      ${entries.map((entry) => html`<li><strong>${logTime(entry.occurredAt)}</strong> — ${entry.text} (${this.signer(entry)})</li>`)}
    </ul>`;
  }

  private renderPrint(crisis: Crisis) {
    const corrected = correctedIds(this._entries);
    return html`<h1 tabindex="-1">${t('log.title')} — ${crisis.name}</h1>
      <p>
        ${t('log.startedAt')} : ${fullTime(crisis.startedAt)} ·
        ${t('log.entries', this._entries.length)} ·
        ${t('log.reportAt', fullTime(new Date().toISOString()))}
      </p>
      ${this.renderTamperWarning()}
      <div class="toolbar">
        <a class="button secondary" href=${`#/log?crisis=${encodeURIComponent(crisis.id)}`}
          >${t('log.backToLog')}</a
        >
        <button class="button" @click=${() => window.print()}>${t('log.print')}</button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">${t('log.occurredAt')}</th>
            <th scope="col">${t('log.kind')}</th>
            <th scope="col">${t('log.signer.column')}</th>
            <th scope="col">${t('log.signer.device')}</th>
            <th scope="col">${t('log.text')}</th>
          </tr>
        </thead>
        <tbody>
          ${this._entries.map(
            (entry) =>
              html`<tr>
                <td>${fullTime(entry.occurredAt)}</td>
                <td>${kindName(entry.kind)}${entry.priority === 'high' ? ' !' : ''}</td>
                <td>${this.signer(entry)}</td>
                <td class="device">${entrySigner(entry, this._members).device}</td>
                <td class="text-cell">
                  ${corrected.has(entry.id) ? html`<s>${entry.text}</s>` : entry.text}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  /** Who an entry is shown as written by: its verified signer, and whom it was written for. */
  private signer(entry: LogEntry): string {
    return formatSigner(entrySigner(entry, this._members));
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
