import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, t } from './i18n/i18n.js';
import { ObserveController } from './observable.js';
import type { PageElement } from './page-element.js';
import { PAGES, loadPage } from './pages.js';
import { renderRoutedPage } from './routed-page.js';
import { hrefFor, parseHash, type PageId, type Route } from './router.js';
import type { AppServices } from './services.js';
import { renderShellAlerts } from './shell-banners.js';
import { shellStyles } from './shell-styles.js';
import './tocsin-update-banner.js';
import { QUICK_ENTRY_EVENT, type EntryPreset } from './quick-entry-event.js';
import { icons } from '../ui/icons.js';
import { buttons, tokens } from '../ui/tokens.js';

const NAV_ORDER = [
  'home',
  'directory',
  'playbook',
  'log',
  'rollcall',
  'room',
  'settings',
] as const satisfies readonly PageId[];

/**
 * The app shell: banners that must never be missed (update ready, storage blocked, a crisis kit
 * tampered with or expired), the routed page, and the navigation — a bottom bar on phones, a side
 * rail on tablets and desktops.
 */
@customElement('tocsin-app')
export class TocsinApp extends LitElement {
  static override styles = [tokens, buttons, shellStyles];

  /** The app's services. */
  @property({ attribute: false }) services!: AppServices;

  @state() private _route: Route = parseHash(window.location.hash);
  /** The page whose module has loaded and is shown; lags `_route` while a chunk loads. */
  @state() private _shownPage?: PageId;
  @state() private _loadFailed = false;

  protected readonly locale = new LocaleController(this);
  protected readonly observer = new ObserveController(this, () =>
    this.services
      ? [
          this.services.database.problem,
          this.services.crisisKit.integrity,
          this.services.callActive,
          this.services.kit.known,
        ]
      : [],
  );
  private readonly onHashChange = () => this.navigate(parseHash(window.location.hash), true);
  /** Shows the expired-kit banner when the kit expires while the app stays open. */
  private expiryTimer?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener(QUICK_ENTRY_EVENT, this.onQuickEntryRequest);
    this.navigate(this._route, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener(QUICK_ENTRY_EVENT, this.onQuickEntryRequest);
    clearTimeout(this.expiryTimer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.observer.resubscribe();
      void this.loadKitSummary();
    }
  }

  override updated(): void {
    const title =
      this._route.page === 'not-found' ? 'notFound.title' : PAGES[this._route.page].title;
    document.title = `${t(title)} · Tocsin`;
    this.scheduleExpiryCheck();
  }

  /**
   * The kit summary is in memory after launch; read it when it is not. The shell follows
   * `kit.known`, so a kit installed later, or the database correcting the launch snapshot,
   * re-renders it.
   */
  private async loadKitSummary(): Promise<void> {
    if (this.services.kit.alreadyKnown() !== undefined) return;
    try {
      await this.services.kit.loadInstalledKit();
    } catch {
      // The database banner says what went wrong.
    }
  }

  private scheduleExpiryCheck(): void {
    clearTimeout(this.expiryTimer);
    const kit = this.services?.kit.alreadyKnown();
    if (!kit) return;
    const delay = Date.parse(kit.expires) - Date.now();
    // A timer holds at most ~24.8 days; a kit expiring later is checked again at a later render.
    if (delay > 0 && delay < 2 ** 31 - 1) {
      this.expiryTimer = window.setTimeout(() => this.requestUpdate(), delay + 50);
    }
  }

  private async navigate(route: Route, byUser: boolean): Promise<void> {
    this._route = route;
    this._loadFailed = false;
    if (route.page === 'not-found') {
      this._shownPage = undefined;
      return;
    }
    // A page already loaded (home, at launch) shows in the same render as the shell.
    if (!customElements.get(PAGES[route.page].tag)) {
      try {
        await loadPage(route.page);
      } catch {
        if (this._route === route) this._loadFailed = true;
        return;
      }
      // A later navigation won the race; it shows its own page.
      if (this._route !== route) return;
    }
    this._shownPage = route.page;
    if (byUser) {
      await this.updateComplete;
      await this.renderRoot.querySelector<PageElement>('main > *')?.focusHeading();
    }
  }

  override render() {
    if (!this.services) return nothing;
    return html`
      <button class="skip button secondary" @click=${this.skipToContent}>
        ${t('app.skipToContent')}
      </button>
      <div class="banners">
        <tocsin-update-banner .updates=${this.services.updates}></tocsin-update-banner>
        ${renderShellAlerts(this.services, this._route.page)}
      </div>
      <main id="content" tabindex="-1">
        ${this.renderPage()}${this.quickEntryInFlow() ? this.renderQuickEntryButton() : nothing}
      </main>
      ${this.quickEntryInFlow() ? nothing : this.renderQuickEntryButton()}
      <tocsin-quick-entry .services=${this.services}></tocsin-quick-entry>
      ${this.renderNav()}
    `;
  }

  /**
   * Whether the "+ Log" button sits at the end of the page rather than floating over it: in the
   * room, where the call's own controls, tiles and safety code fill the screen.
   */
  private quickEntryInFlow(): boolean {
    return this._route.page === 'room';
  }

  /**
   * The "+ Log" button, on every page but enrollment, whose own actions it would cover. Floating,
   * it covers nothing: the page keeps room for it below its content (shell-styles.ts).
   */
  private renderQuickEntryButton() {
    if (this._route.page === 'enroll') return nothing;
    return html`<button
      class="quick button ${this.quickEntryInFlow() ? 'in-flow' : ''}"
      @click=${() => this.openQuickEntry()}
      aria-haspopup="dialog"
    >
      + ${t('log.quickEntry')}
    </button>`;
  }

  private renderPage(): TemplateResult {
    const route = this._route;
    if (route.page === 'not-found') {
      return html`<section class="status">
        <h1 tabindex="-1">${t('notFound.title')}</h1>
        <p>${t('notFound.body')}</p>
        <a class="button" href="#/">${t('notFound.home')}</a>
      </section>`;
    }
    if (this._loadFailed) {
      return html`<section class="status" role="alert">
        <p>${t('app.pageLoadFailed')}</p>
        <button class="button" @click=${() => this.navigate(route, true)}>${t('app.retry')}</button>
      </section>`;
    }
    if (this._shownPage !== route.page) {
      return html`<p class="status" role="status">${t('app.loading')}</p>`;
    }
    return renderRoutedPage(route, this.services);
  }

  private renderNav() {
    const current = this._route.page;
    return html`<nav aria-label=${t('nav.label')}>
      <ul>
        ${NAV_ORDER.map(
          (page) =>
            html`<li>
              <a href=${hrefFor(page)} aria-current=${current === page ? 'page' : 'false'}>
                ${icons[page]}<span>${t(PAGES[page].navLabel)}</span>
              </a>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** The quick-entry dialog is loaded with the log's code, on first use. */
  private readonly openQuickEntry = async (preset?: EntryPreset) => {
    await import('../features/log/tocsin-quick-entry.js');
    await this.updateComplete;
    await this.renderRoot.querySelector('tocsin-quick-entry')?.open(preset);
  };

  /** Any page can open the quick entry with a preset (e.g. "Log a call" on a contact card). */
  private readonly onQuickEntryRequest = (event: Event) =>
    void this.openQuickEntry((event as CustomEvent<EntryPreset>).detail);

  /**
   * A button rather than a `#content` link: the hash belongs to the router, and a fragment link
   * cannot reach into the shadow root anyway.
   */
  private skipToContent(): void {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-app': TocsinApp;
  }
}
