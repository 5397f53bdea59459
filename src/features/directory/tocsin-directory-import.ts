import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { hasMessage } from '../../app/i18n/i18n.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { describeError, isQuotaError } from '../../app/database-service.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-file-button.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { contactSubtitle } from './contact-format.js';
import type { DirectoryStore } from './directory-store.js';
import { importContactsCsv } from '../../domain/contact-files/csv-import.js';
import type { ImportOutcome } from '../../domain/contact-files/types.js';
import { importContactsVcard } from '../../domain/contact-files/vcard.js';

/** How many imported contacts the preview lists before the user confirms. */
const PREVIEW_ROWS = 20;

/** A refusal reason in the user's language, from its stable code. */
function reasonText(code: string, fallback: string): string {
  const key = `importReason.${code}`;
  return hasMessage(key) ? t(key as 'importReason.empty') : fallback;
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
 * line, with the reason), then confirm. Nothing is stored before the confirmation, and the
 * store writes all or nothing. Fires `contacts-imported` with the result sentence.
 */
@customElement('tocsin-directory-import')
export class TocsinDirectoryImport extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9375rem;
      }

      th,
      td {
        text-align: start;
        padding: 0.25rem 0.5rem;
        border-bottom: 1px solid var(--tocsin-border);
        overflow-wrap: anywhere;
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
  @state() private _reading = false;
  @state() private _saving = false;
  @state() private _error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly locale = new LocaleController(this);

  /** Opens the dialog, empty. */
  async open(): Promise<void> {
    this._outcome = undefined;
    this._fileName = '';
    this._error = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  /** Reads a file (also used by tests and drag-and-drop). */
  async readFile(file: File): Promise<void> {
    this._reading = true;
    this._error = '';
    this._fileName = file.name;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this._outcome = looksLikeVcard(file.name, bytes)
        ? importContactsVcard(bytes)
        : importContactsCsv(bytes);
    } catch (error) {
      this._outcome = undefined;
      this._error = t('import.failed', describeError(error));
    } finally {
      this._reading = false;
    }
  }

  private async confirmImport(): Promise<void> {
    const outcome = this._outcome;
    if (!outcome?.ok || outcome.contacts.length === 0) return;
    this._saving = true;
    try {
      const { added, replaced } = await this.directory.importContacts(outcome.contacts);
      this.dispatchEvent(
        new CustomEvent('contacts-imported', {
          detail: t('import.done', added, replaced),
          bubbles: true,
          composed: true,
        }),
      );
      this.dialog.close();
    } catch (error) {
      this._error = t(
        'import.saveFailed',
        isQuotaError(error) ? t('db.full') : describeError(error),
      );
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const outcome = this._outcome;
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
        ${
          outcome?.ok
            ? outcome.contacts.length
              ? html`<p>
                  <strong>${t('import.ready', outcome.contacts.length, this._fileName)}</strong>
                </p>`
              : html`<p class="error">${t('import.nothing')}</p>`
            : nothing
        }
      </div>
      ${outcome?.ok && outcome.contacts.length ? this.renderPreview(outcome) : nothing}
      ${
        outcome?.ok && outcome.refused.length
          ? html`<p class="warning">${t('import.refused', outcome.refused.length)}</p>
              <ul class="refused">
                ${outcome.refused.map(
                  (line) =>
                    html`<li>
                      ${t('import.line', line.line, reasonText(line.code, line.reason))}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="actions">
        <button class="button secondary" @click=${() => this.dialog.close()}>
          ${outcome?.ok ? t('import.cancel') : t('import.close')}
        </button>
        ${
          outcome?.ok && outcome.contacts.length
            ? html`<button class="button" ?disabled=${this._saving} @click=${this.confirmImport}>
                ${t('import.confirm', outcome.contacts.length)}
              </button>`
            : nothing
        }
      </div>
    </dialog>`;
  }

  private renderPreview(outcome: Extract<ImportOutcome, { ok: true }>) {
    const rows = outcome.contacts.slice(0, PREVIEW_ROWS);
    return html`<table>
      <caption class="muted">
        ${t('import.previewCaption', rows.length, outcome.contacts.length)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('contact.displayName')}</th>
          <th scope="col">${t('contact.organisation')}</th>
          <th scope="col">${t('contact.phones')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (contact) =>
            html`<tr>
              <td>
                ${contact.displayName}${contact.cellMember ? html` <strong>★</strong>` : nothing}
              </td>
              <td>${contactSubtitle(contact)}</td>
              <td>${contact.phones.map((phone) => phone.number).join(', ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-directory-import': TocsinDirectoryImport;
  }
}
