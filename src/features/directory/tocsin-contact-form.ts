import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentLocale, LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import {
  emptyContact,
  PHONE_KINDS,
  type Contact,
  type Phone,
  type PhoneKind,
} from '../../domain/contact.js';
import { phoneKindName } from './contact-format.js';

/** An empty local contact, for "Add a contact". */
export function blankContact(): Contact {
  return emptyContact({ phones: [{ kind: 'mobile', number: '' }] });
}

/**
 * Adds or edits a local contact. Fires `save-contact` with the cleaned-up contact, or
 * `cancel-contact`; storing it is the page's job.
 */
@customElement('tocsin-contact-form')
export class TocsinContactForm extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    css`
      :host {
        display: block;
      }

      fieldset {
        border: 1px solid var(--tocsin-border);
        border-radius: var(--tocsin-radius);
        margin: 1rem 0;
        padding: 0.5rem 1rem 1rem;
      }

      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }

      .phone {
        display: grid;
        grid-template-columns: minmax(7rem, 10rem) 1fr auto;
        gap: 0.5rem;
        align-items: end;
        margin-bottom: 0.5rem;
      }

      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0 1rem;
      }
    `,
  ];

  /** The contact to edit (a copy is edited; the original is untouched until saved). */
  @property({ attribute: false }) contact: Contact = blankContact();

  /** A sentence to show above the buttons, e.g. why the last save failed. */
  @property() error = '';

  @state() private _draft: Contact = blankContact();
  @state() private _invalid = false;
  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('contact')) {
      this._draft = structuredClone(this.contact);
      if (this._draft.phones.length === 0) this._draft.phones = [{ kind: 'mobile', number: '' }];
    }
  }

  private update_<K extends keyof Contact>(key: K, value: Contact[K]): void {
    this._draft = { ...this._draft, [key]: value };
  }

  private updatePhone(index: number, change: Partial<Phone>): void {
    const phones = this._draft.phones.map((phone, i) =>
      i === index ? { ...phone, ...change } : phone,
    );
    this.update_('phones', phones);
  }

  private toggleRole(role: CrisisRoleId, on: boolean): void {
    const roles = on ? [...this._draft.roles, role] : this._draft.roles.filter((r) => r !== role);
    this.update_(
      'roles',
      CRISIS_ROLES.filter((r) => roles.includes(r)),
    );
  }

  private submit(event: Event): void {
    event.preventDefault();
    const draft = this._draft;
    const givenName = draft.givenName.trim();
    const familyName = draft.familyName.trim();
    const displayName =
      draft.displayName.trim() || [givenName, familyName].filter(Boolean).join(' ');
    if (!displayName) {
      this._invalid = true;
      return;
    }
    const contact: Contact = {
      ...draft,
      givenName,
      familyName,
      displayName,
      organisation: draft.organisation.trim(),
      service: draft.service.trim(),
      jobTitle: draft.jobTitle.trim(),
      phones: draft.phones
        .map((phone) => ({ ...phone, number: phone.number.trim() }))
        .filter((phone) => phone.number),
      emails: draft.emails.map((email) => email.trim()).filter(Boolean),
      groups: draft.groups.map((group) => group.trim()).filter(Boolean),
      notes: draft.notes.trim(),
      origin: 'local',
    };
    this.dispatchEvent(
      new CustomEvent('save-contact', { detail: contact, bubbles: true, composed: true }),
    );
  }

  private textField(
    key: 'givenName' | 'familyName' | 'displayName' | 'organisation' | 'service' | 'jobTitle',
    label: string,
    autocomplete: string,
  ) {
    return html`<div>
      <label for=${key}>${label}</label>
      <input
        id=${key}
        type="text"
        autocomplete=${autocomplete}
        .value=${this._draft[key]}
        @input=${(event: Event) => this.update_(key, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  override render() {
    const draft = this._draft;
    const locale = currentLocale();
    const isNew = !draft.displayName && !this.contact.displayName;
    return html`<h1 tabindex="-1">
        ${isNew ? t('contact.newTitle') : t('contact.editTitle', this.contact.displayName)}
      </h1>
      <form @submit=${this.submit} novalidate>
        <div class="grid">
          ${this.textField('givenName', t('contact.givenName'), 'given-name')}
          ${this.textField('familyName', t('contact.familyName'), 'family-name')}
          ${this.textField('displayName', t('contact.displayName'), 'name')}
          ${this.textField('organisation', t('contact.organisation'), 'organization')}
          ${this.textField('service', t('contact.service'), 'off')}
          ${this.textField('jobTitle', t('contact.jobTitle'), 'organization-title')}
        </div>
        ${this._invalid ? html`<p class="error" role="alert">${t('contact.nameRequired')}</p>` : ''}
        <fieldset>
          <legend>${t('contact.phones')}</legend>
          ${draft.phones.map(
            (phone, index) =>
              html`<div class="phone">
                <div>
                  <label for=${`kind-${index}`}>${t('contact.kind')}</label>
                  <select
                    id=${`kind-${index}`}
                    @change=${(event: Event) =>
                      this.updatePhone(index, {
                        kind: (event.target as HTMLSelectElement).value as PhoneKind,
                      })}
                  >
                    ${PHONE_KINDS.map(
                      (kind) =>
                        html`<option value=${kind} ?selected=${kind === phone.kind}>
                          ${phoneKindName(kind)}
                        </option>`,
                    )}
                  </select>
                </div>
                <div>
                  <label for=${`number-${index}`}>${t('contact.number')}</label>
                  <input
                    id=${`number-${index}`}
                    type="tel"
                    autocomplete="tel"
                    .value=${phone.number}
                    @input=${(event: Event) =>
                      this.updatePhone(index, { number: (event.target as HTMLInputElement).value })}
                  />
                </div>
                <button
                  type="button"
                  class="button secondary"
                  aria-label=${t('contact.removePhone', phone.number)}
                  @click=${() =>
                    this.update_(
                      'phones',
                      draft.phones.filter((_, i) => i !== index),
                    )}
                >
                  ✕
                </button>
              </div>`,
          )}
          <button
            type="button"
            class="button secondary"
            @click=${() => this.update_('phones', [...draft.phones, { kind: 'mobile', number: '' }])}
          >
            ${t('contact.addPhone')}
          </button>
        </fieldset>
        <label for="emails">${t('contact.emails')}</label>
        <textarea
          id="emails"
          aria-describedby="emails-hint"
          .value=${draft.emails.join('\n')}
          @input=${(event: Event) =>
            this.update_('emails', (event.target as HTMLTextAreaElement).value.split('\n'))}
        ></textarea>
        <p id="emails-hint" class="muted">${t('contact.emailsHint')}</p>
        <fieldset>
          <legend>${t('contact.roles')}</legend>
          ${CRISIS_ROLES.map(
            (role) =>
              html`<label class="check">
                <input
                  type="checkbox"
                  .checked=${draft.roles.includes(role)}
                  @change=${(event: Event) => this.toggleRole(role, (event.target as HTMLInputElement).checked)}
                />
                ${ROLE_NAMES[role][locale]}
              </label>`,
          )}
          <label class="check">
            <input
              type="checkbox"
              .checked=${draft.cellMember}
              @change=${(event: Event) => this.update_('cellMember', (event.target as HTMLInputElement).checked)}
            />
            ${t('contact.isCellMember')}
          </label>
        </fieldset>
        <label for="groups">${t('contact.groups')}</label>
        <input
          id="groups"
          type="text"
          aria-describedby="groups-hint"
          .value=${draft.groups.join(', ')}
          @input=${(event: Event) =>
            this.update_('groups', (event.target as HTMLInputElement).value.split(','))}
        />
        <p id="groups-hint" class="muted">${t('contact.groupsHint')}</p>
        <label for="notes">${t('contact.notes')}</label>
        <textarea
          id="notes"
          .value=${draft.notes}
          @input=${(event: Event) => this.update_('notes', (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            @click=${() =>
              this.dispatchEvent(
                new CustomEvent('cancel-contact', { bubbles: true, composed: true }),
              )}
          >
            ${t('contact.cancel')}
          </button>
          <button type="submit" class="button">${t('contact.save')}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-contact-form': TocsinContactForm;
  }
}
