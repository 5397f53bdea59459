import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../app/i18n/page-messages.js';
import { failureOf, type ShownFailure } from '../../app/failure-message.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { downloadText, fileDate } from '../../ui/download.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import type { Contact } from '../../domain/contact.js';
import {
  directoryPageStyles,
  renderContactNotFound,
  renderDirectoryList,
  renderKitLine,
  renderNotice,
  type DirectoryNotice,
} from './directory-page-parts.js';
import { exportContactsCsv } from '../../domain/contact-files/csv-export.js';
import { exportContactsVcard } from '../../domain/contact-files/vcard.js';
import { loadDirectory, type LoadedDirectory } from './directory-loader.js';
import { buildDirectoryIndex } from './search-index.js';
import { searchDirectoryRanks, searchNeedsPhones } from './search.js';
import { SearchIndexStore, type StoredIndex } from './search-index-store.js';
import { StoredRows } from './stored-rows.js';
import { whenIdle } from '../../app/when-idle.js';
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
  static override styles = [tokens, buttons, pageFrame, content, directoryPageStyles];

  /** Every contact, indexed; undefined while loading. */
  @state() private _directory?: LoadedDirectory;
  /**
   * The stored index, while every contact is still being read: the list searches it at once and
   * reads by id only the contacts of the rows on screen.
   */
  @state() private _stored?: StoredIndex;
  @state() private _query = '';
  /** A sentence after an action; a failure carries its technical detail, shown behind a toggle. */
  @state() private _notice?: DirectoryNotice;
  @state() private _formFailure?: ShownFailure;
  /** The installed kit's summary; null when none, undefined until read. */
  @state() private _kit?: InstalledKitSummary | null;
  /** Contacts of the rows on screen, read by id while `_stored` stands in. */
  private readonly storedRows = new StoredRows(
    (ids) => (this.indexStore as SearchIndexStore).readContacts(ids),
    () => this.requestUpdate(),
  );
  /** When the search was last typed in (performance.now()). */
  private typedAt = -Infinity;
  private indexStore?: SearchIndexStore;
  /** Settles when the load under way (if any) does, for actions that need every contact. */
  private loading: Promise<void> = Promise.resolve();
  private loads = 0;
  /** Stops the load under way when the page goes away (see disconnectedCallback). */
  private loadAbort?: AbortController;
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

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a load was stopped (see disconnectedCallback): willUpdate loads again.
    if (this.loadedRevision === -1 && this.services) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The member left the directory: reading and checking every contact would only slow the page
    // they went to. The next open checks the stored index again.
    if (!this._directory) {
      this.loadAbort?.abort();
      this.loadedRevision = -1;
    }
  }

  private load(): Promise<void> {
    const load = ++this.loads;
    this.storedRows.discardReadsInFlight();
    this.indexStore ??= new SearchIndexStore(this.services.database, this.services.appVersion);
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.loading = loadDirectory(this.indexStore, this._directory, {
      signal: abort.signal,
      onStored: (stored) => {
        if (load === this.loads) this._stored = stored;
      },
      shown: () => this.rowsShown(),
      quiet: () => this.quiet(),
    }).then(
      ({ directory }) => {
        if (load !== this.loads) return;
        this._directory = directory;
        this._stored = undefined;
        this.storedRows.clear();
      },
      (error: unknown) => {
        if (load !== this.loads || abort.signal.aborted) return;
        this._directory ??= loadedNothing;
        this._stored = undefined;
        const failure = failureOf(error, 'reload');
        this._notice = {
          text: t('directory.loadFailed', failure.reason),
          error: true,
          detail: failure.detail,
        };
      },
    );
    return this.loading;
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

  /**
   * The ids of the contacts matching the query, in directory order; undefined while the stored
   * index reads the phone numbers the query needs.
   */
  private results(): readonly string[] | undefined {
    const searched = this._directory ?? this._stored;
    if (!searched) return [];
    if (this._query.trim() === '') return searched.ids;
    if (!searched.layout.hasPhones && searchNeedsPhones(this._query)) {
      void this._stored?.readPhones().then(() => this.requestUpdate());
      return undefined;
    }
    const ranks = searchDirectoryRanks(searched.layout, this._query);
    return Array.from(ranks, (rank) => searched.ids[rank]);
  }

  /** The contacts matching the query, once every contact is read (for exports). */
  private async resultContacts(): Promise<Contact[]> {
    await this.loading;
    const byId = this._directory?.byId;
    return byId ? (this.results() ?? []).map((id) => byId.get(id) as Contact) : [];
  }

  private contactById(id: string | null): Contact | undefined {
    if (id === null) return undefined;
    return this._directory
      ? this._directory.byId.get(id)
      : (this.storedRows.known(id) ?? undefined);
  }

  /** A row's contact; while the stored index stands in, it is read with the other rows shown. */
  private rowContact(id: string): Contact | undefined {
    if (this._directory) return this._directory.byId.get(id);
    return this.storedRows.contact(id);
  }

  /** Settles once the rows asked for so far are on screen and the page is quiet (see quiet). */
  private async rowsShown(): Promise<void> {
    await this.updateComplete;
    while (this.storedRows.pending) {
      await this.storedRows.nextRead();
      await this.updateComplete;
    }
    await this.quiet();
  }

  /**
   * Settles once no search was typed for a moment and the page is idle: work done then (reading
   * every contact, storing the index) does not slow down what the member is doing.
   */
  private async quiet(): Promise<void> {
    for (;;) {
      const sinceTyped = performance.now() - this.typedAt;
      if (sinceTyped >= TYPING_PAUSE_MS) break;
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS - sinceTyped));
    }
    await whenIdle(1000);
  }

  private async openCellAlert(): Promise<void> {
    await this.loading;
    await this.updateComplete;
    await this.cellAlert.open();
  }

  override render() {
    const params = this.params;
    // While the stored index stands in, a card or a form waits for its contact's row to be read.
    const shownId = params.get('edit') ?? params.get('contact');
    const shown = shownId === null || this._directory || this.rowContact(shownId);
    if ((this._directory || this._stored) && shown) {
      if (params.get('view') === 'paper') {
        return html`<tocsin-paper-kit .services=${this.services}></tocsin-paper-kit>`;
      }
      if (params.has('new') || params.has('edit')) return this.renderForm();
      if (params.has('contact')) return this.renderCard();
    }
    const listed = this._directory || (this._stored && shownId === null);
    // One heading element for "loading" and the list, so focus given to it survives the load.
    return html`<h1 tabindex="-1">${t('directory.title')}</h1>
      ${listed ? this.renderList() : html`<p role="status">${t('directory.loading')}</p>`}`;
  }

  private renderList() {
    const count = (this._directory ?? this._stored)?.ids.length ?? 0;
    const results = this.results();
    // The first rows the list will ask for, and those just below, read in one go.
    if (!this._directory && results) {
      for (const id of results.slice(0, ROWS_READ_AHEAD)) this.rowContact(id);
    }
    return html`${renderKitLine(this._kit, this.kitTampered())} ${renderNotice(this._notice)}
      <div class="toolbar">
        <button class="button" @click=${() => this.openCellAlert()}>
          ${t('directory.alertCell')}
        </button>
        <a class="button secondary" href="#/directory?new">${t('directory.add')}</a>
        <button class="button secondary" @click=${() => this.importer.open()}>
          ${t('directory.import')}
        </button>
        <a class="button secondary" href="#/directory?view=paper">${t('paper.open')}</a>
        ${
          count
            ? html`<button class="button secondary" @click=${() => this.export('csv')}>
                  ${t('directory.exportCsv')}
                </button>
                <button class="button secondary" @click=${() => this.export('vcard')}>
                  ${t('directory.exportVcard')}
                </button>`
            : nothing
        }
      </div>
      ${renderDirectoryList({
        count,
        query: this._query,
        results,
        typed: (query) => {
          this._query = query;
          this.typedAt = performance.now();
        },
        contactOf: (id) => this.rowContact(id),
      })}
      <tocsin-cell-alert .contacts=${this._directory?.index.contacts ?? []}></tocsin-cell-alert>
      <tocsin-directory-import
        @contacts-imported=${(event: CustomEvent<string>) =>
          (this._notice = { text: event.detail, error: false })}
        .directory=${this.services.directory}
      ></tocsin-directory-import>`;
  }

  private renderCard() {
    const contact = this.contactById(this.params.get('contact'));
    if (!contact) return renderContactNotFound();
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
      .error=${this._formFailure ? t('contact.saveFailed', this._formFailure.reason) : ''}
      .errorDetail=${this._formFailure?.detail ?? ''}
      @save-contact=${(event: CustomEvent<Contact>) => this.saveContact(event.detail)}
      @cancel-contact=${() => history.back()}
    ></tocsin-contact-form>`;
  }

  private async saveContact(contact: Contact): Promise<void> {
    try {
      await this.services.directory.save(contact);
      this._formFailure = undefined;
      location.hash = `#/directory?contact=${encodeURIComponent(contact.id)}`;
    } catch (error) {
      this._formFailure = failureOf(error);
    }
  }

  private async deleteContact(contact: Contact): Promise<void> {
    if (!confirm(t('contact.deleteConfirm', contact.displayName))) return;
    try {
      await this.services.directory.remove(contact.id);
      location.hash = '#/directory';
    } catch (error) {
      const failure = failureOf(error);
      this._notice = {
        text: t('contact.deleteFailed', failure.reason),
        error: true,
        detail: failure.detail,
      };
    }
  }

  private async export(format: 'csv' | 'vcard'): Promise<void> {
    const contacts = await this.resultContacts();
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

/** How long typing pauses before every contact is read (see rowsShown). */
const TYPING_PAUSE_MS = 500;

/**
 * Rows read at once while the stored index stands in: what the list renders on a tall phone (12
 * rows of 72 px and 16 more around them). One read of 32 takes about as long as one of 16, and
 * each further read costs a round trip and a render.
 */
const ROWS_READ_AHEAD = 32;

/** What the page shows when the directory could not be read. */
const emptyIndex = buildDirectoryIndex([]);
const loadedNothing: LoadedDirectory = {
  index: emptyIndex,
  layout: emptyIndex.layout,
  ids: [],
  signatures: [],
  byId: new Map(),
};

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-directory-page': TocsinDirectoryPage;
  }
}
