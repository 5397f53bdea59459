import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { requestQuickEntry } from '../../app/quick-entry-event.js';
import type { Contact, Phone } from '../../domain/contact.js';
import { contactSubtitle, phoneKindName, roleNames } from './contact-format.js';
import { smsUri, detectSmsPlatform, telUri, type SmsPlatform } from '../../domain/phone-links.js';
import { formatPhone } from '../../domain/phone-number.js';

/**
 * One contact, with a call and a text button for every number and a mail link for every
 * address: in a crisis, the next thing after finding someone is reaching them. A number that is
 * not dialable (kept as written by an earlier version) is shown with "not a valid number" and no
 * button: a button that dials something else is worse than none.
 * Fires `edit-contact` and `delete-contact` for local contacts.
 */
@customElement('tocsin-contact-card')
export class TocsinContactCard extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    css`
      /* A 200-character name or address without a space must wrap, not widen the screen. */
      :host {
        display: block;
        overflow-wrap: anywhere;
      }

      .badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1rem;
      }

      .badge {
        padding: 0.125rem 0.625rem;
        border-radius: 999px;
        border: 1px solid var(--tocsin-border);
        font-size: 0.9375rem;
      }

      .badge.tampered {
        border-color: var(--tocsin-danger);
        color: var(--tocsin-danger);
        font-weight: 600;
      }

      .badge.cell {
        border-color: var(--tocsin-red);
        color: var(--tocsin-red);
        font-weight: 700;
      }

      ul.reach {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      ul.reach li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        padding: 0.5rem 0;
        border-top: 1px solid var(--tocsin-border);
      }

      ul.reach li:first-child {
        border-top: none;
      }

      .number {
        flex: 1 1 10rem;
        min-width: 0;
        font-size: 1.1875rem;
        font-variant-numeric: tabular-nums;
      }

      .invalid {
        display: block;
        font-size: 0.875rem;
        color: var(--tocsin-danger);
      }

      .kind {
        display: block;
        font-size: 0.875rem;
        color: var(--tocsin-muted);
      }

      .notes {
        white-space: pre-wrap;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  /** The contact to show. */
  @property({ attribute: false }) contact!: Contact;

  /** The installed kit, to say who signed a kit contact and when; unset while unknown. */
  @property({ attribute: false }) kit?: InstalledKitSummary;

  /** The installed kit no longer matches its signature: its contacts are not called signed. */
  @property({ type: Boolean, attribute: 'kit-tampered' }) kitTampered = false;

  protected readonly locale = new LocaleController(this);

  override render() {
    const contact = this.contact;
    const platform = detectSmsPlatform();
    return html`<h1 tabindex="-1">${contact.displayName}</h1>
      ${contactSubtitle(contact) ? html`<p class="muted">${contactSubtitle(contact)}</p>` : nothing}
      <div class="badges">
        ${
          contact.cellMember
            ? html`<span class="badge cell">${t('directory.cellMember')}</span>`
            : nothing
        }
        ${this.renderOrigin(contact)}
      </div>
      ${
        contact.phones.length
          ? html`<section class="card" aria-labelledby="phones-title">
              <h2 id="phones-title">${t('contact.phones')}</h2>
              <ul class="reach">
                ${contact.phones.map((phone) => this.renderPhone(phone, platform))}
              </ul>
            </section>`
          : nothing
      }
      ${
        contact.emails.length
          ? html`<section class="card" aria-labelledby="emails-title">
              <h2 id="emails-title">${t('contact.emails')}</h2>
              <ul class="reach">
                ${contact.emails.map(
                  (email) =>
                    html`<li>
                      <a href=${`mailto:${email}`} aria-label=${t('contact.email', email)}
                        >${email}</a
                      >
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      <section class="card">
        <dl class="facts">
          ${this.fact(t('contact.organisation'), contact.organisation)}
          ${this.fact(t('contact.service'), contact.service)}
          ${this.fact(t('contact.jobTitle'), contact.jobTitle)}
          ${this.fact(t('contact.roles'), roleNames(contact))}
          ${this.fact(t('contact.groups'), contact.groups.join(', '))}
        </dl>
        ${
          contact.notes
            ? html`<h2>${t('contact.notes')}</h2>
                <p class="notes">${contact.notes}</p>`
            : nothing
        }
      </section>
      <div class="actions">
        <a class="button secondary" href="#/directory">${t('contact.back')}</a>
        <button
          class="button secondary"
          @click=${() =>
            requestQuickEntry({
              kind: 'communication_out',
              text: t('contact.logCallText', contact.displayName),
              contactIds: [contact.id],
            })}
        >
          ${t('contact.logCall')}
        </button>
        ${
          contact.origin === 'local'
            ? html`<button class="button secondary" @click=${() => this.emit('edit-contact')}>
                  ${t('contact.edit')}
                </button>
                <button class="button secondary" @click=${() => this.emit('delete-contact')}>
                  ${t('contact.delete')}
                </button>`
            : nothing
        }
      </div>`;
  }

  private renderPhone(phone: Phone, platform: SmsPlatform) {
    const shown = formatPhone(phone.number);
    const tel = telUri(phone.number);
    const sms = smsUri([phone.number], '', platform);
    // A radio call sign ("Canal 3") is not meant to be dialled: no note for it.
    const invalid = !tel && phone.kind !== 'radio';
    return html`<li>
      <span class="number"
        ><span class="kind">${phoneKindName(phone.kind)}</span>${shown}${
          invalid ? html`<span class="invalid">${t('contact.invalidNumber')}</span>` : nothing
        }</span
      >
      ${
        tel
          ? html`<a class="button" href=${tel} aria-label=${t('contact.call', shown)}
              >${t('contact.callShort')}</a
            >`
          : nothing
      }
      ${
        sms
          ? html`<a class="button secondary" href=${sms} aria-label=${t('contact.sms', shown)}
              >${t('contact.smsShort')}</a
            >`
          : nothing
      }
    </li>`;
  }

  private renderOrigin(contact: Contact) {
    if (contact.origin === 'local') return html`<span class="badge">${t('directory.local')}</span>`;
    if (this.kitTampered) {
      return html`<span class="badge tampered">${t('directory.fromKitTampered')}</span>`;
    }
    return html`<span class="badge"
      >${
        this.kit
          ? t(
              'directory.signedBy',
              this.kit.organisation.name,
              t('format.dayMonth', new Date(this.kit.issued)),
            )
          : t('directory.fromKit')
      }</span
    >`;
  }

  private fact(label: string, value: string) {
    return value
      ? html`<dt>${label}</dt>
          <dd>${value}</dd>`
      : nothing;
  }

  private emit(type: 'edit-contact' | 'delete-contact'): void {
    this.dispatchEvent(
      new CustomEvent(type, { detail: this.contact, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-contact-card': TocsinContactCard;
  }
}
