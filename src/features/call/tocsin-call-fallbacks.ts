import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import type { Contact } from '../../domain/contact.js';
import {
  detectSmsPlatform,
  emergencyTelUri,
  smsUri,
  telUri,
  textablePhone,
  readablePhone,
} from '../../domain/phone-links.js';
import '../directory/tocsin-cell-alert.js';
import type { TocsinCellAlert } from '../directory/tocsin-cell-alert.js';
import type { EmergencyNumber } from '../../domain/kit.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { t } from './call-messages.js';

/**
 * What still works when the crisis room does not: a call or an SMS to every crisis-cell member of
 * the signed directory, "alert the cell" (one SMS to all) and the kit's emergency numbers. All of
 * it goes over the phone network alone.
 */
@customElement('tocsin-call-fallbacks')
export class TocsinCallFallbacks extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    css`
      :host {
        display: block;
      }

      ul {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
      }

      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        padding: 0.5rem 0;
        border-top: 1px solid var(--tocsin-border);
      }

      li:first-child {
        border-top: none;
      }

      .who {
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }

      .number {
        display: block;
        color: var(--tocsin-muted);
        font-variant-numeric: tabular-nums;
      }

      .alert {
        margin: 0 0 1rem;
      }

      h3 {
        font-size: 1.0625rem;
        margin: 1rem 0 0.5rem;
      }
    `,
  ];

  /** The crisis-cell members to offer, from the signed directory. */
  @property({ attribute: false }) members: readonly Contact[] = [];

  /** The kit's emergency numbers. */
  @property({ attribute: false }) emergencyNumbers: readonly EmergencyNumber[] = [];

  @query('tocsin-cell-alert') private cellAlert!: TocsinCellAlert;
  protected readonly locale = new LocaleController(this);

  override render() {
    const platform = detectSmsPlatform();
    return html`<section class="card" aria-labelledby="fallback-title">
        <h2 id="fallback-title">${t('call.fallback.title')}</h2>
        <p class="muted">${t('call.fallback.hint')}</p>
        ${
          this.members.length
            ? html`<button class="button alert" @click=${() => this.cellAlert.open()}>
                  ${t('call.fallback.alert')}
                </button>
                <ul class="members">
                  ${this.members.map((member) => this.renderMember(member, platform))}
                </ul>`
            : html`<p>${t('call.fallback.noMembers')}</p>`
        }
        ${
          this.emergencyNumbers.length
            ? html`<h3>${t('call.fallback.emergency')}</h3>
                <ul class="emergency">
                  ${this.emergencyNumbers.map((entry) => this.renderEmergency(entry))}
                </ul>`
            : nothing
        }
      </section>
      <tocsin-cell-alert .contacts=${this.members}></tocsin-cell-alert>`;
  }

  // A number that is not dialable is shown with a note and no button, never as a wrong button.
  private renderEmergency(entry: EmergencyNumber) {
    const tel = emergencyTelUri(entry.number);
    return html`<li>
      <span class="who">${entry.label}</span>
      ${
        tel
          ? html`<a
              class="button"
              href=${tel}
              aria-label=${t('call.fallback.emergencyLabel', entry.label, entry.number)}
              >${entry.number}</a
            >`
          : html`<span class="number">${entry.number} — ${t('call.fallback.invalidNumber')}</span>`
      }
    </li>`;
  }

  private renderMember(member: Contact, platform: ReturnType<typeof detectSmsPlatform>) {
    const phone = textablePhone(member);
    const tel = phone && telUri(phone.number);
    const sms = phone && smsUri([phone.number], '', platform);
    return html`<li data-member=${member.member?.id ?? member.id}>
      <span class="who"
        >${member.displayName}
        <span class="number"
          >${phone ? readablePhone(phone.number) : t('call.fallback.noPhone')}${
            phone && !tel ? ` — ${t('call.fallback.invalidNumber')}` : ''
          }</span
        ></span
      >
      ${
        phone && tel
          ? html`<a
              class="button"
              href=${tel}
              aria-label=${t('call.fallback.callLabel', member.displayName, readablePhone(phone.number))}
              >${t('call.fallback.call')}</a
            >`
          : nothing
      }
      ${
        phone && sms
          ? html`<a
              class="button secondary"
              href=${sms}
              aria-label=${t('call.fallback.smsLabel', member.displayName, readablePhone(phone.number))}
              >${t('call.fallback.sms')}</a
            >`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-call-fallbacks': TocsinCallFallbacks;
  }
}
