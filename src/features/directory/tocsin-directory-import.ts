import { LitElement, css, html, nothing } from 'lit';
import { renderFailure } from '../../app/failure-view.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import { hasMessage, LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { failureOf } from '../../app/failure-message.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-file-button.js';
import { buttons, content, tokens, visuallyHidden } from '../../ui/tokens.js';
import { boundMessage, phoneKindName } from './contact-format.js';
import type { DirectoryStore } from './directory-store.js';
import { importContactsCsv } from '../../domain/contact-files/csv-import.js';
import {
  DEFAULT_MATCH_CHOICE,
  importWrites,
  planImport,
  type ImportPlan,
  type MatchChoice,
  type PlanRow,
} from '../../domain/contact-files/import-plan.js';
import type { ImportOutcome, RefusedLine } from '../../domain/contact-files/types.js';
import { importContactsVcard } from '../../domain/contact-files/vcard.js';
import { renderImportPreview, type PreviewChoices } from './import-preview.js';

/** A refusal reason in the user's language, from its stable code. */
function reasonText(code: string, fallback: string): string {
  const key = `importReason.${code}`;
  return hasMessage(key) ? t(key as 'importReason.empty') : fallback;
}

/**
 * Why a line was refused, in the user's language: the value at fault (the number as written, or
 * the field and its bound) when the importer named it, so it can be found and fixed in the file.
 */
function refusedLineText(line: RefusedLine): string {
  const subject = line.subject;
  if (subject?.kind === 'phone') {
    return t('importReason.phoneValue', phoneKindName(subject.phoneKind), subject.written);
  }
  if (subject?.kind === 'bound') {
    return boundMessage({ ...subject, kind: subject.count ? 'count' : 'length' });
  }
  return reasonText(line.code, line.reason);
}

/** Whether bytes look like a vCard file rather than CSV, whatever the file is called. */
function looksLikeVcard(name: string, bytes: Uint8Array): boolean {
  if (/\.(vcf|vcard)$/i.test(name)) return true;
  const start = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^BEGIN:VCARD/i.test(start);
}

/**
 * Imports a directory file: pick it, see what will be imported and what was refused (line by
 * line, with the reason), then confirm. The preview is the import plan against the directory:
 * each row new, already there, a copy of a signed kit contact (never imported) or a match of a
 * local contact, to merge, skip or add apart. Nothing is stored before the confirmation, and the
 * store writes all or nothing. Fires `contacts-imported` with the result sentence.
 */
@customElement('tocsin-directory-import')
export class TocsinDirectoryImport extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    visuallyHidden,
    dialogStyles,
    css`
      /* One block per contact rather than a table: it reads the same on a 360 px phone. */
      ul.rows {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      ul.rows > li {
        padding: 0.5rem 0;
        font-size: 0.9375rem;
        border-bottom: 1px solid var(--tocsin-border);
      }

      ul.rows p {
        margin: 0.25rem 0 0;
      }

      /* Names break between words, never inside one; a long email or number may break anywhere. */
      .name {
        font-weight: 600;
        overflow-wrap: break-word;
      }

      .numbers,
      .not-imported {
        overflow-wrap: anywhere;
      }

      .status {
        font-weight: 600;
      }

      .status.signed {
        color: var(--tocsin-danger);
      }

      h3 {
        font-size: 1rem;
        margin: 1rem 0 0.25rem;
      }

      .refused {
        max-height: 12rem;
        overflow-y: auto;
      }
    `,
  ];

  /** Where the imported contacts go. */
  @property({ attribute: false }) directory!: DirectoryStore;

  @state() private _fileName = '';
  @state() private _outcome?: ImportOutcome;
  @state() private _plan?: ImportPlan;
  /** The user's choices for local matches, by row index (unset: the default, merge). */
  @state() private _choices: ReadonlyMap<number, MatchChoice> = new Map();
  @state() private _reading = false;
  @state() private _saving = false;
  @state() private _error = '';
  @state() private _errorDetail = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly locale = new LocaleController(this);
  /** Bumped by every file read, so that a slower earlier read does not overwrite a later one. */
  private reads = 0;

  /** Opens the dialog, empty. */
  async open(): Promise<void> {
    this._outcome = undefined;
    this._plan = undefined;
    this._choices = new Map();
    this._fileName = '';
    this._error = '';
    this._errorDetail = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  /**
   * Reads a file (also used by tests and drag-and-drop), then compares it with the directory: the
   * preview shows that plan. Reading the directory (up to 20,000 contacts) is part of "reading".
   */
  async readFile(file: File): Promise<void> {
    const read = ++this.reads;
    this._reading = true;
    this._error = '';
    this._errorDetail = '';
    this._fileName = file.name;
    this._outcome = undefined;
    this._plan = undefined;
    this._choices = new Map();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const outcome = looksLikeVcard(file.name, bytes)
        ? importContactsVcard(bytes)
        : importContactsCsv(bytes);
      const plan =
        outcome.ok && outcome.contacts.length > 0
          ? planImport(outcome.contacts, await this.directory.list())
          : undefined;
      if (read !== this.reads) return;
      this._outcome = outcome;
      this._plan = plan;
    } catch (error) {
      if (read !== this.reads) return;
      this._outcome = undefined;
      const failure = failureOf(error);
      this._error = t('import.failed', failure.reason);
      this._errorDetail = failure.detail;
    } finally {
      if (read === this.reads) this._reading = false;
    }
  }

  private choiceOf(row: PlanRow): MatchChoice {
    return this._choices.get(row.index) ?? DEFAULT_MATCH_CHOICE;
  }

  /** The local matches' choices, as the preview reads and sets them. */
  private readonly choices: PreviewChoices = {
    of: (row) => this.choiceOf(row),
    set: (row, choice) => {
      this._choices = new Map(this._choices).set(row.index, choice);
    },
  };

  /** How many contacts the confirmation adds and merges, and how the local matches are decided. */
  private tally(plan: ImportPlan): { add: number; merge: number; apart: number; skip: number } {
    // What the confirmation would write, counted by the same code the store writes with.
    const writes = importWrites(plan, this._choices);
    const apart = writes.added - plan.counts.new;
    return {
      add: writes.added,
      merge: writes.merged,
      apart,
      skip: plan.counts.localMatches - writes.merged - apart,
    };
  }

  private async confirmImport(): Promise<void> {
    const plan = this._plan;
    if (!plan) return;
    this._saving = true;
    try {
      const { added, merged, skipped } = await this.directory.applyImport(plan, this._choices);
      this.dispatchEvent(
        new CustomEvent('contacts-imported', {
          detail: t('import.done', added, merged, skipped),
          bubbles: true,
          composed: true,
        }),
      );
      this.dialog.close();
    } catch (error) {
      const failure = failureOf(error);
      this._error = t('import.saveFailed', failure.reason);
      this._errorDetail = failure.detail;
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const outcome = this._outcome;
    const plan = this._plan;
    const tally = plan && this.tally(plan);
    return html`<dialog aria-labelledby="import-title">
      <h2 id="import-title">${t('import.title')}</h2>
      <p>${t('import.formats')}</p>
      <tocsin-file-button
        label=${t('import.choose')}
        accept=".csv,.txt,.vcf,.vcard,text/csv,text/vcard"
        @file-picked=${(event: CustomEvent<File>) => this.readFile(event.detail)}
      ></tocsin-file-button>
      <div role="status" aria-live="polite">
        ${this._reading ? html`<p>${t('import.reading')}</p>` : nothing}
        ${
          outcome && !outcome.ok
            ? html`<p class="error">
                ${t('import.failed', reasonText(outcome.code, outcome.error))}
              </p>`
            : nothing
        }
        ${outcome?.ok && !plan ? html`<p class="error">${t('import.nothing')}</p>` : nothing}
        ${
          outcome?.ok && plan && tally
            ? html`<p>
                  <strong>${t('import.ready', plan.rows.length, this._fileName)}</strong>
                </p>
                <p class="summary">
                  ${t(
                    'import.summary',
                    plan.counts.new,
                    plan.counts.same,
                    plan.counts.repeated,
                    plan.counts.signed,
                    tally.merge,
                    tally.apart,
                    tally.skip,
                  )}
                  ${tally.add + tally.merge === 0 ? t('import.nothingToDo') : nothing}
                </p>`
            : nothing
        }
      </div>
      ${plan ? renderImportPreview(plan, this.choices) : nothing}
      ${
        outcome?.ok && outcome.refused.length
          ? html`<p class="warning">${t('import.refused', outcome.refused.length)}</p>
              <ul class="refused">
                ${outcome.refused.map(
                  (line) => html`<li>${t('import.line', line.line, refusedLineText(line))}</li>`,
                )}
              </ul>`
          : nothing
      }
      ${this._error ? renderFailure(this._error, this._errorDetail) : nothing}
      <div class="actions">
        <button class="button secondary" @click=${() => this.dialog.close()}>
          ${plan && tally && tally.add + tally.merge > 0 ? t('import.cancel') : t('import.close')}
        </button>
        ${
          tally && tally.add + tally.merge > 0
            ? html`<button
                class="button"
                data-action="confirm-import"
                ?disabled=${this._saving}
                @click=${this.confirmImport}
              >
                ${t('import.confirm', tally.add, tally.merge)}
              </button>`
            : nothing
        }
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-directory-import': TocsinDirectoryImport;
  }
}
