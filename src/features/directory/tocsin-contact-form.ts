import { LitElement, css, html, nothing } from 'lit';
import { renderFailure } from '../../app/failure-view.js';
import { customElement, property, state } from 'lit/decorators.js';
import { currentLocale, LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import {
  CONTACT_LIMITS,
  emptyContact,
  PHONE_KINDS,
  type Contact,
  type Phone,
  type PhoneKind,
} from '../../domain/contact.js';
import { exceededBound, type BoundExceeded } from '../../domain/contact-bounds.js';
import { formatPhone } from '../../domain/phone-number.js';
import { phoneKindName } from './contact-format.js';
import {
  boundErrorAt,
  checkedDraft,
  checkedPhone,
  renderBoundError,
} from './contact-form-checks.js';

type TextKey = 'givenName' | 'familyName' | 'displayName' | 'organisation' | 'service' | 'jobTitle';

/** An empty local contact, for "Add a contact". */
export function blankContact(): Contact {
  return emptyContact({ phones: [{ kind: 'mobile', number: '' }] });
}

/**
 * Adds or edits a local contact. Fires `save-contact` with the cleaned-up contact (numbers in
 * E.164), or `cancel-contact`; storing it is the page's job. A number that is not valid, or a
 * value over its bound (CONTACT_LIMITS), is shown next to its field and nothing is saved.
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
        grid-template-columns: minmax(7rem, 10rem) minmax(0, 1fr) auto;
        gap: 0.5rem;
        align-items: end;
        margin-bottom: 0.5rem;
      }

      .phone .error {
        grid-column: 1 / -1;
        margin: 0;
      }

      .field-error {
        margin: 0.25rem 0 0.5rem;
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

  /** The technical side of `error` (the browser's words), behind a disclosure. */
  @property() errorDetail = '';

  @state() private _draft: Contact = blankContact();
  @state() private _invalid = false;
  /** Why each number cannot be saved, by its index; shown under it. */
  @state() private _phoneErrors: (string | undefined)[] = [];
  /** The bound the last save exceeded, shown next to its field. */
  @state() private _bound?: BoundExceeded;
  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('contact')) {
      this._draft = structuredClone(this.contact);
      // Stored in E.164, edited as people write them ("06 12 34 56 78").
      this._draft.phones = this._draft.phones.map((phone) => ({
        ...phone,
        number: formatPhone(phone.number),
      }));
      if (this._draft.phones.length === 0) this._draft.phones = [{ kind: 'mobile', number: '' }];
      this._phoneErrors = [];
      this._bound = undefined;
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
    // An error is cleared as the number changes, and said again when the field is left.
    if (this._phoneErrors[index]) this.setPhoneError(index, undefined);
  }

  private setPhoneError(index: number, error: string | undefined): void {
    const errors = [...this._phoneErrors];
    errors[index] = error;
    this._phoneErrors = errors;
  }

  /** Checks one number when its field is left, so the mistake shows before saving. */
  private checkPhoneAt(index: number): void {
    const phone = this._draft.phones[index];
    if (!phone || phone.number.trim() === '') return this.setPhoneError(index, undefined);
    const checked = checkedPhone(phone);
    this.setPhoneError(index, 'error' in checked ? checked.error : undefined);
  }

  private removePhone(index: number): void {
    this.update_(
      'phones',
      this._draft.phones.filter((_, i) => i !== index),
    );
    this._phoneErrors = this._phoneErrors.filter((_, i) => i !== index);
  }

  /** Moves the keyboard to the first field whose value cannot be saved. */
  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
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
    const { contact, nameMissing, phoneErrors } = checkedDraft(this._draft);
    this._invalid = nameMissing;
    this._phoneErrors = phoneErrors;
    if (this._invalid || phoneErrors.some(Boolean)) {
      this._bound = undefined;
      void this.focusFirstError();
      return;
    }
    this._bound = exceededBound(contact);
    if (this._bound) {
      void this.focusFirstError();
      return;
    }
    this.dispatchEvent(
      new CustomEvent('save-contact', { detail: contact, bubbles: true, composed: true }),
    );
  }

  private textField(key: TextKey, label: string, autocomplete: string) {
    const error = boundErrorAt(this._bound, key);
    return html`<div>
      <label for=${key}>${label}</label>
      <input
        id=${key}
        type="text"
        autocomplete=${autocomplete}
        maxlength=${CONTACT_LIMITS.name}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error?.id ?? nothing}
        .value=${this._draft[key]}
        @input=${(event: Event) => this.update_(key, (event.target as HTMLInputElement).value)}
      />
      ${renderBoundError(error)}
    </div>`;
  }

  private renderPhone(phone: Phone, index: number) {
    const error = this._phoneErrors[index];
    const errorId = `number-${index}-error`;
    return html`<div class="phone">
      <div>
        <label for=${`kind-${index}`}>${t('contact.kind')}</label>
        <select
          id=${`kind-${index}`}
          @change=${(event: Event) => {
            this.updatePhone(index, {
              kind: (event.target as HTMLSelectElement).value as PhoneKind,
            });
            this.checkPhoneAt(index);
          }}
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
          maxlength=${CONTACT_LIMITS.phoneText}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? errorId : nothing}
          .value=${phone.number}
          @input=${(event: Event) =>
            this.updatePhone(index, { number: (event.target as HTMLInputElement).value })}
          @change=${() => this.checkPhoneAt(index)}
        />
      </div>
      <button
        type="button"
        class="button secondary"
        aria-label=${t('contact.removePhone', phone.number)}
        @click=${() => this.removePhone(index)}
      >
        ✕
      </button>
      ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const draft = this._draft;
    const locale = currentLocale();
    const isNew = !draft.displayName && !this.contact.displayName;
    const emailsError = boundErrorAt(this._bound, 'emails');
    const groupsError = boundErrorAt(this._bound, 'groups');
    const notesError = boundErrorAt(this._bound, 'notes');
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
          ${draft.phones.map((phone, index) => this.renderPhone(phone, index))}
          ${renderBoundError(boundErrorAt(this._bound, 'phones'))}
          <button
            type="button"
            class="button secondary"
            ?disabled=${draft.phones.length >= CONTACT_LIMITS.phones}
            @click=${() => this.update_('phones', [...draft.phones, { kind: 'mobile', number: '' }])}
          >
            ${t('contact.addPhone')}
          </button>
        </fieldset>
        <label for="emails">${t('contact.emails')}</label>
        <textarea
          id="emails"
          aria-describedby=${emailsError ? `emails-hint ${emailsError.id}` : 'emails-hint'}
          aria-invalid=${emailsError ? 'true' : 'false'}
          .value=${draft.emails.join('\n')}
          @input=${(event: Event) =>
            this.update_('emails', (event.target as HTMLTextAreaElement).value.split('\n'))}
        ></textarea>
        <p id="emails-hint" class="muted">${t('contact.emailsHint')}</p>
        ${renderBoundError(emailsError)}
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
          aria-describedby=${groupsError ? `groups-hint ${groupsError.id}` : 'groups-hint'}
          aria-invalid=${groupsError ? 'true' : 'false'}
          .value=${draft.groups.join(', ')}
          @input=${(event: Event) =>
            this.update_('groups', (event.target as HTMLInputElement).value.split(','))}
        />
        <p id="groups-hint" class="muted">${t('contact.groupsHint')}</p>
        ${renderBoundError(groupsError)}
        <label for="notes">${t('contact.notes')}</label>
        <textarea
          id="notes"
          maxlength=${CONTACT_LIMITS.notes}
          aria-invalid=${notesError ? 'true' : 'false'}
          aria-describedby=${notesError?.id ?? nothing}
          .value=${draft.notes}
          @input=${(event: Event) => this.update_('notes', (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${renderBoundError(notesError)}
        ${this.error ? renderFailure(this.error, this.errorDetail) : ''}
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
