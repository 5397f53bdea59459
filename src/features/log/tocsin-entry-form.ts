import { LitElement, css, html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { failureOf } from '../../app/failure-message.js';
import type { AppServices } from '../../app/services.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { kindName, toLocalInputValue } from './log-format.js';
import { ENTRY_KINDS, type EntryKind, type LogEntry } from '../../domain/log.js';
import type { EntryPreset } from '../../app/quick-entry-event.js';

/**
 * Writes one main-courante entry. "Saved" is said only once the entry is committed to disk; on
 * failure the text stays in the form. Fires `entry-saved` with the stored entry.
 */
@customElement('tocsin-entry-form')
export class TocsinEntryForm extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    css`
      :host {
        display: block;
      }

      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 1rem;
      }

      .ok {
        font-weight: 600;
      }

      /* In a dialog (quick entry), "Save" stays on screen however tall the form is on a phone:
         the row sticks to the dialog's bottom edge, over its bottom padding (see dialogStyles). */
      :host([in-dialog]) .actions {
        position: sticky;
        bottom: -1.25rem;
        z-index: 1;
        padding: 0.75rem 0 1.25rem;
        background: var(--tocsin-surface);
      }
    `,
  ];

  /** Set when the form is a dialog's content: its actions then stick to the dialog's bottom. */
  @property({ type: Boolean, reflect: true, attribute: 'in-dialog' }) inDialog = false;

  /** The app's services. */
  @property({ attribute: false }) services!: AppServices;

  /** The crisis the entry belongs to. */
  @property() crisisId = '';

  /** Who writes it. */
  @property() author = '';

  /** What a new entry starts with, e.g. a call to a contact from its card. */
  @property({ attribute: false }) preset?: EntryPreset;

  /** The entry being corrected, if this is a correction. */
  @property({ attribute: false }) correcting?: LogEntry;

  @state() private _kind: EntryKind = 'fact';
  @state() private _text = '';
  @state() private _high = false;
  @state() private _when = toLocalInputValue(new Date());
  @state() private _whenEdited = false;
  /** What the form says after a save; `detail` is the error's own words, for support. */
  @state() private _status?: { text: string; error: boolean; detail?: string };
  @state() private _saving = false;
  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('preset') && this.preset) {
      this._kind = this.preset.kind ?? this._kind;
      this._text = this.preset.text ?? '';
    }
    if (changed.has('correcting') && this.correcting) {
      this._kind = this.correcting.kind;
      this._text = this.correcting.text;
      this._high = this.correcting.priority === 'high';
      this._when = toLocalInputValue(new Date(this.correcting.occurredAt));
      this._whenEdited = true;
    }
  }

  /** Puts the cursor in the text, ready to type. */
  async focusText(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this._saving || !this._text.trim()) return;
    this._saving = true;
    this._status = { text: t('log.saving'), error: false };
    try {
      const entry = await this.services.log.append({
        crisisId: this.crisisId,
        author: this.author,
        kind: this._kind,
        text: this._text,
        priority: this._high ? 'high' : 'normal',
        occurredAt: this._whenEdited ? new Date(this._when) : new Date(),
        refs: { contactIds: this.preset?.contactIds ?? [] },
        ...(this.correcting ? { corrects: this.correcting.id } : {}),
      });
      this._text = '';
      this._high = false;
      this._whenEdited = false;
      this._when = toLocalInputValue(new Date());
      this._status = { text: t('log.saved'), error: false };
      this.dispatchEvent(
        new CustomEvent('entry-saved', { detail: entry, bubbles: true, composed: true }),
      );
    } catch (error) {
      const failure = failureOf(error);
      this._status = {
        text: t('log.saveFailed', failure.reason),
        error: true,
        detail: failure.detail,
      };
    } finally {
      this._saving = false;
    }
  }

  override render() {
    return html`<form @submit=${this.save}>
      ${
        this.correcting
          ? html`<p class="warning">${t('log.correcting', this.correcting.text)}</p>`
          : nothing
      }
      <label for="text">${t('log.text')}</label>
      <textarea
        id="text"
        required
        maxlength="10000"
        .value=${this._text}
        @input=${(event: Event) => (this._text = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="row">
        <div>
          <label for="kind">${t('log.kind')}</label>
          <select
            id="kind"
            @change=${(event: Event) => (this._kind = (event.target as HTMLSelectElement).value as EntryKind)}
          >
            ${ENTRY_KINDS.map(
              (kind) =>
                html`<option value=${kind} ?selected=${kind === this._kind}>
                  ${kindName(kind)}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="when">${t('log.occurredAt')}</label>
          <input
            id="when"
            type="datetime-local"
            .value=${this._when}
            @input=${(event: Event) => {
              this._when = (event.target as HTMLInputElement).value;
              this._whenEdited = true;
            }}
          />
        </div>
      </div>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this._high}
          @change=${(event: Event) => (this._high = (event.target as HTMLInputElement).checked)}
        />
        ${t('log.highPriority')}
      </label>
      <div class="actions">
        <slot name="extra-actions"></slot>
        <button class="button" type="submit" ?disabled=${this._saving || !this._text.trim()}>
          ${t('log.save')}
        </button>
      </div>
      <p role="status" aria-live="polite" class=${this._status?.error ? 'error' : 'ok'}>
        ${this._status?.text ?? ''}
      </p>
      ${renderErrorDetails(this._status?.detail ?? '')}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-entry-form': TocsinEntryForm;
  }
}
