import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import type { Contact } from '../../domain/contact.js';
import {
  cellAlertRecipients,
  detectSmsPlatform,
  smsUri,
  readablePhone,
} from '../../domain/phone-links.js';

/**
 * "Alert the cell": one SMS, written once, to every member of the crisis cell. It opens the
 * phone's messages app, so it works with no data connection at all. Members without a dialable
 * number are named as unreachable, never texted on a number that would reach someone else.
 * (The call page shows it too: it must not import phone-number.ts, so French numbers are shown
 * by readablePhone and others as stored.)
 */
@customElement('tocsin-cell-alert')
export class TocsinCellAlert extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    css`
      dialog {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Every contact of the directory; the cell members are picked from them. */
  @property({ attribute: false }) contacts: readonly Contact[] = [];

  @state() private _message = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly locale = new LocaleController(this);

  /** Opens the dialog with the default message. */
  async open(): Promise<void> {
    this._message = t('alert.defaultMessage');
    await this.updateComplete;
    this.dialog.showModal();
  }

  override render() {
    const { reachable, unreachable } = cellAlertRecipients(this.contacts);
    const uri = smsUri(
      reachable.map((r) => r.phone.number),
      this._message,
      detectSmsPlatform(),
    );
    return html`<dialog aria-labelledby="alert-title">
      <h2 id="alert-title">${t('alert.title')}</h2>
      ${
        reachable.length === 0
          ? html`<p>${t('alert.noMembers')}</p>`
          : html`<p>${t('alert.hint')}</p>
              <label for="alert-message">${t('alert.message')}</label>
              <textarea
                id="alert-message"
                .value=${this._message}
                @input=${(event: Event) =>
                  (this._message = (event.target as HTMLTextAreaElement).value)}
              ></textarea>
              <p>${t('alert.recipients', reachable.length)}</p>
              <ul>
                ${reachable.map(
                  ({ contact, phone }) =>
                    html`<li>${contact.displayName} — ${readablePhone(phone.number)}</li>`,
                )}
              </ul>`
      }
      ${
        unreachable.length
          ? html`<p class="warning">
              ${t('alert.unreachable', unreachable.map((c) => c.displayName).join(', '))}
            </p>`
          : nothing
      }
      <div class="actions">
        <button class="button secondary" @click=${() => this.dialog.close()}>
          ${t('alert.close')}
        </button>
        ${
          uri
            ? html`<a class="button" href=${uri} @click=${() => this.dialog.close()}
                >${t('alert.send')}</a
              >`
            : nothing
        }
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-cell-alert': TocsinCellAlert;
  }
}
