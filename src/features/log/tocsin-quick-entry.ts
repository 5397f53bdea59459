import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import type { AppServices } from '../../app/services.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import type { Crisis } from '../../domain/log.js';
import './tocsin-entry-form.js';
import type { EntryPreset } from '../../app/quick-entry-event.js';
import type { TocsinEntryForm } from './tocsin-entry-form.js';

/** Quick entry in the main courante from any page: one tap opens it, ready to type. */
@customElement('tocsin-quick-entry')
export class TocsinQuickEntry extends LitElement {
  static override styles = [tokens, buttons, content, dialogStyles];

  /** The app's services. */
  @property({ attribute: false }) services!: AppServices;

  @state() private _crisis?: Crisis | null;
  @state() private _author = '';
  @state() private _preset?: EntryPreset;
  private closeTimer?: ReturnType<typeof setTimeout>;
  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly locale = new LocaleController(this);

  /** Opens the dialog on the current crisis, with the cursor in the text. */
  async open(preset?: EntryPreset): Promise<void> {
    // A close still pending from the last save must not shut the dialog just reopened.
    clearTimeout(this.closeTimer);
    this._preset = preset;
    const [crises, profile] = await Promise.all([
      this.services.log.listCrises().catch(() => []),
      this.services.settings.loadProfile().catch(() => undefined),
    ]);
    this._crisis = crises.find((crisis) => !crisis.closedAt) ?? null;
    this._author = profile?.name ?? '';
    await this.updateComplete;
    this.dialog.showModal();
    await this.renderRoot.querySelector<TocsinEntryForm>('tocsin-entry-form')?.focusText();
  }

  override render() {
    const ready = this._crisis && this._author;
    return html`<dialog aria-labelledby="quick-title">
      <h2 id="quick-title">${t('log.quickEntryTitle')}</h2>
      ${
        ready
          ? html`<p class="muted">${this._crisis!.name}</p>
              <tocsin-entry-form
                in-dialog
                .services=${this.services}
                crisisId=${this._crisis!.id}
                author=${this._author}
                .preset=${this._preset}
                @entry-saved=${() => (this.closeTimer = setTimeout(() => this.dialog.close(), 600))}
              >
                <!-- One row with "Save", so that both stay on a phone's screen. -->
                ${this.renderClose('extra-actions')}
              </tocsin-entry-form>`
          : html`<p>${this._crisis ? t('playbook.noAuthor') : t('log.noCrisis')}</p>
              <div class="actions">
                <a class="button" href="#/log" @click=${() => this.dialog.close()}
                  >${t('log.title')}</a
                >
                ${this.renderClose()}
              </div>`
      }
    </dialog>`;
  }

  private renderClose(slot?: string) {
    return html`<button
      class="button secondary"
      slot=${slot ?? nothing}
      @click=${() => this.dialog.close()}
    >
      ${t('log.close')}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-quick-entry': TocsinQuickEntry;
  }
}
