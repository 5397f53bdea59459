import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../app/i18n/page-messages.js';
import { describeError } from '../../app/database-service.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { downloadText, fileDate } from '../../ui/download.js';
import '../../ui/tocsin-empty-state.js';
import '../../ui/tocsin-virtual-list.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { isKitExpired } from '../../domain/kit.js';
import type { Contact } from '../../domain/contact.js';
import { contactSubtitle } from './contact-format.js';
import { exportContactsCsv } from '../../domain/contact-files/csv-export.js';
import { exportContactsVcard } from '../../domain/contact-files/vcard.js';
import { buildDirectoryIndex, searchDirectory, type DirectoryIndex } from './search.js';
import { telUri } from '../../domain/phone-links.js';
import './tocsin-cell-alert.js';
import type { TocsinCellAlert } from './tocsin-cell-alert.js';
import './tocsin-contact-card.js';
import './tocsin-contact-form.js';
import { blankContact } from './tocsin-contact-form.js';
import './tocsin-directory-import.js';
import './tocsin-paper-kit.js';
import type { TocsinDirectoryImport } from './tocsin-directory-import.js';

/**
 * The crisis directory: search as you type over every contact, a contact card with call, SMS
 * and mail, "Alert the cell", import, export and local edits. The header says which signed kit the
 * contacts come from and whether it expired. Views follow the route's query: `?contact=<id>`
 * (card), `?edit=<id>`, `?new` (form), nothing (the list).
 */
@customElement('tocsin-directory-page')
export class TocsinDirectoryPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    css`
      .search label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }

      input[type='search'] {
        box-sizing: border-box;
        width: 100%;
        min-height: 52px;
        padding: 0.5rem 0.875rem;
        border: 2px solid var(--tocsin-border);
        border-radius: var(--tocsin-radius);
        background: var(--tocsin-surface);
        color: inherit;
        font: inherit;
        font-size: 1.125rem;
      }

      .status {
        margin: 0.5rem 0;
        color: var(--tocsin-muted);
      }

      tocsin-virtual-list {
        height: calc(100dvh - 22rem);
        min-height: 18rem;
        border: 1px solid var(--tocsin-border);
        border-radius: var(--tocsin-radius);
        background: var(--tocsin-surface);
      }

      .row {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        height: 100%;
        padding: 0 0.5rem 0 1rem;
        border-bottom: 1px solid var(--tocsin-border);
      }

      .row a.open {
        flex: 1;
        min-width: 0;
        color: inherit;
        text-decoration: none;
        padding: 0.5rem 0;
      }

      .name {
        display: block;
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }

      .sub {
        display: block;
        font-size: 0.9375rem;
        color: var(--tocsin-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }

      .cell {
        color: var(--tocsin-red);
        font-weight: 700;
        font-size: 0.8125rem;
        text-transform: uppercase;
        letter-spacing: 0.02em;
      }

      .call {
        flex: none;
        min-width: 48px;
        min-height: 48px;
        padding: 0 0.75rem;
      }

      .notice {
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--tocsin-ok);
        background: var(--tocsin-surface);
      }

      .notice.error {
        border-color: var(--tocsin-danger);
      }

      .kit-data {
        margin: -0.5rem 0 1rem;
      }
    `,
  ];

  /** Every contact; undefined while loading. */
  @state() private _contacts?: Contact[];
  @state() private _query = '';
  @state() private _notice?: { text: string; error: boolean };
  @state() private _formError = '';
  /** The installed kit's summary; null when none, undefined until read. */
  @state() private _kit?: InstalledKitSummary | null;
  private index?: DirectoryIndex;
  @query('tocsin-cell-alert') private cellAlert!: TocsinCellAlert;
  @query('tocsin-directory-import') private importer!: TocsinDirectoryImport;

  protected readonly observer = new ObserveController(this, () =>
    this.services ? [this.services.directory.revision, this.services.crisisKit.integrity] : [],
  );
  private loadedRevision = -1;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.observer.resubscribe();
      void this.loadKit();
    }
    if (this.services && this.loadedRevision !== this.services.directory.revision.value) {
      this.loadedRevision = this.services.directory.revision.value;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const contacts = await this.services.directory.list();
      this.index = buildDirectoryIndex(contacts);
      this._contacts = contacts;
    } catch (error) {
      this._contacts = [];
      this._notice = { text: describeError(error), error: true };
    }
  }

  private async loadKit(): Promise<void> {
    this._kit = this.services.kit.alreadyKnown();
    try {
      this._kit = (await this.services.kit.loadInstalledKit()) ?? null;
    } catch {
      // Contacts still show; the shell's database banner says what went wrong.
      this._kit = null;
    }
  }

  private kitTampered(): boolean {
    return this.services.crisisKit.integrity.value.state === 'tampered';
  }

  private results(): Contact[] {
    return this.index ? searchDirectory(this.index, this._query) : [];
  }

  /** Every contact in directory order (French collation), e.g. for the alert's recipients. */
  private allSorted(): Contact[] {
    return this.index ? searchDirectory(this.index, '') : [];
  }

  private contactById(id: string | null): Contact | undefined {
    return id ? this._contacts?.find((contact) => contact.id === id) : undefined;
  }

  override render() {
    const params = this.params;
    if (this._contacts) {
      if (params.get('view') === 'paper') {
        return html`<tocsin-paper-kit .services=${this.services}></tocsin-paper-kit>`;
      }
      if (params.has('new') || params.has('edit')) return this.renderForm();
      if (params.has('contact')) return this.renderCard();
    }
    // One heading element for "loading" and the list, so focus given to it survives the load.
    return html`<h1 tabindex="-1">${t('directory.title')}</h1>
      ${this._contacts ? this.renderList() : html`<p role="status">${t('directory.loading')}</p>`}`;
  }

  private renderList() {
    const contacts = this._contacts ?? [];
    const results = this.results();
    return html`${this.renderKitData()}
      ${
        this._notice
          ? html`<p class="notice ${this._notice.error ? 'error' : ''}" role="status">
              ${this._notice.text}
            </p>`
          : nothing
      }
      <div class="toolbar">
        <button class="button" @click=${() => this.cellAlert.open()}>
          ${t('directory.alertCell')}
        </button>
        <a class="button secondary" href="#/directory?new">${t('directory.add')}</a>
        <button class="button secondary" @click=${() => this.importer.open()}>
          ${t('directory.import')}
        </button>
        <a class="button secondary" href="#/directory?view=paper">${t('paper.open')}</a>
        ${
          contacts.length
            ? html`<button class="button secondary" @click=${() => this.export('csv')}>
                  ${t('directory.exportCsv')}
                </button>
                <button class="button secondary" @click=${() => this.export('vcard')}>
                  ${t('directory.exportVcard')}
                </button>`
            : nothing
        }
      </div>
      ${
        contacts.length === 0
          ? html`<tocsin-empty-state
              heading=${t('directory.empty.title')}
              body=${t('directory.empty.body')}
            ></tocsin-empty-state>`
          : html`<div class="search" role="search">
                <label for="search">${t('directory.searchLabel')}</label>
                <input
                  id="search"
                  type="search"
                  autocomplete="off"
                  spellcheck="false"
                  placeholder=${t('directory.searchHint')}
                  .value=${this._query}
                  @input=${(event: Event) => (this._query = (event.target as HTMLInputElement).value)}
                />
              </div>
              <p class="status" role="status" aria-live="polite">
                ${
                  results.length === 0
                    ? t('directory.noResults', this._query.trim())
                    : this._query.trim()
                      ? t('directory.results', results.length, contacts.length)
                      : t('directory.count', contacts.length)
                }
              </p>
              <tocsin-virtual-list
                label=${t('directory.listLabel')}
                row-height="72"
                .items=${results}
                .keyOf=${(contact: unknown) => (contact as Contact).id}
                .renderItem=${(contact: unknown) => this.renderRow(contact as Contact)}
              ></tocsin-virtual-list>`
      }
      <tocsin-cell-alert .contacts=${this.allSorted()}></tocsin-cell-alert>
      <tocsin-directory-import
        @contacts-imported=${(event: CustomEvent<string>) =>
          (this._notice = { text: event.detail, error: false })}
        .directory=${this.services.directory}
      ></tocsin-directory-import>`;
  }

  /** Where the kit contacts come from, as of when; local additions are marked on their cards. */
  private renderKitData() {
    const kit = this._kit;
    if (!kit) return nothing;
    if (this.kitTampered()) {
      return html`<p class="kit-data warning">${t('directory.kitTampered')}</p>`;
    }
    const expired = isKitExpired(kit);
    return html`<p class="kit-data muted">
      ${t('directory.kitData', kit.organisation.name, t('format.dayMonth', new Date(kit.issued)))}${
        expired ? html` — <span class="warning">${t('directory.kitExpired')}</span>` : nothing
      }
    </p>`;
  }

  private renderRow(contact: Contact) {
    const phone = contact.phones[0];
    const subtitle = contactSubtitle(contact);
    return html`<div class="row">
      <a class="open" href=${`#/directory?contact=${encodeURIComponent(contact.id)}`}>
        <span class="name">${contact.displayName}</span>
        <span class="sub"
          >${contact.cellMember ? html`<span class="cell">${t('directory.cellMember')}</span> ` : nothing}${subtitle}</span
        >
      </a>
      ${
        phone
          ? html`<a
              class="button secondary call"
              href=${telUri(phone.number)}
              aria-label=${t('contact.call', `${contact.displayName}, ${phone.number}`)}
              >${t('contact.callShort')}</a
            >`
          : nothing
      }
    </div>`;
  }

  private renderCard() {
    const contact = this.contactById(this.params.get('contact'));
    if (!contact) {
      return html`<h1 tabindex="-1">${t('directory.title')}</h1>
        <p>${t('contact.notFound')}</p>
        <a class="button secondary" href="#/directory">${t('contact.back')}</a>`;
    }
    return html`<tocsin-contact-card
      .contact=${contact}
      .kit=${this._kit ?? undefined}
      ?kit-tampered=${this.kitTampered()}
      @edit-contact=${() => (location.hash = `#/directory?edit=${encodeURIComponent(contact.id)}`)}
      @delete-contact=${() => this.deleteContact(contact)}
    ></tocsin-contact-card>`;
  }

  private renderForm() {
    const editing = this.contactById(this.params.get('edit'));
    const contact = editing?.origin === 'local' ? editing : blankContact();
    return html`<tocsin-contact-form
      .contact=${contact}
      .error=${this._formError}
      @save-contact=${(event: CustomEvent<Contact>) => this.saveContact(event.detail)}
      @cancel-contact=${() => history.back()}
    ></tocsin-contact-form>`;
  }

  private async saveContact(contact: Contact): Promise<void> {
    try {
      await this.services.directory.save(contact);
      this._formError = '';
      location.hash = `#/directory?contact=${encodeURIComponent(contact.id)}`;
    } catch (error) {
      this._formError = t('contact.saveFailed', describeError(error));
    }
  }

  private async deleteContact(contact: Contact): Promise<void> {
    if (!confirm(t('contact.deleteConfirm', contact.displayName))) return;
    try {
      await this.services.directory.remove(contact.id);
      location.hash = '#/directory';
    } catch (error) {
      this._notice = { text: describeError(error), error: true };
    }
  }

  private export(format: 'csv' | 'vcard'): void {
    const contacts = this.results();
    if (format === 'csv') {
      downloadText(exportContactsCsv(contacts), `tocsin-annuaire-${fileDate()}.csv`, 'text/csv');
    } else {
      downloadText(
        exportContactsVcard(contacts),
        `tocsin-annuaire-${fileDate()}.vcf`,
        'text/vcard',
      );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-directory-page': TocsinDirectoryPage;
  }
}
