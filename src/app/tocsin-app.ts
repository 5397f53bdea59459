import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, t } from './i18n/i18n.js';
import { ObserveController } from './observable.js';
import type { PageElement } from './page-element.js';
import { PAGES, loadPage } from './pages.js';
import { hrefFor, parseHash, type PageId, type Route } from './router.js';
import type { AppServices } from './services.js';
import './tocsin-update-banner.js';
import { isKitExpired } from '../features/kit/kit-summary-store.js';
import { QUICK_ENTRY_EVENT, type EntryPreset } from '../features/log/quick-entry-event.js';
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
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--tocsin-bg);
      }

      .skip {
        position: absolute;
        left: 0.5rem;
        top: -5rem;
        z-index: 10;
        background: var(--tocsin-surface);
      }

      .skip:focus {
        top: 0.5rem;
      }

      .alert {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        padding: 0.75rem 1rem;
        background: var(--tocsin-surface);
        border-bottom: 3px solid var(--tocsin-danger);
      }

      .alert p {
        flex: 1 1 14rem;
        margin: 0;
        font-weight: 600;
      }

      /* Expired data is still the best data there is: seen, but not alarming. */
      .alert.notice {
        border-bottom-color: var(--tocsin-warn);
      }

      .alert.notice p {
        font-weight: 400;
      }

      .alert.call {
        border-bottom-color: var(--tocsin-ok);
      }

      main {
        min-width: 0;
        padding-bottom: 1rem;
      }

      main:focus {
        outline: none;
      }

      .status {
        padding: 2rem 1rem;
        text-align: center;
      }

      nav {
        position: sticky;
        bottom: 0;
        background: var(--tocsin-surface);
        border-top: 1px solid var(--tocsin-border);
        padding-bottom: env(safe-area-inset-bottom);
      }

      nav ul {
        display: grid;
        /* Seven pages share a phone's width: no label may push the bar wider than the screen. */
        grid-template-columns: repeat(7, minmax(0, 1fr));
        margin: 0;
        padding: 0;
        list-style: none;
      }

      nav a {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.125rem;
        min-height: 56px;
        padding: 0.25rem 0.125rem;
        color: var(--tocsin-muted);
        text-decoration: none;
        font-size: 0.75rem;
        text-align: center;
      }

      nav a[aria-current='page'] {
        color: var(--tocsin-red);
        font-weight: 700;
        box-shadow: inset 0 3px 0 var(--tocsin-red);
      }

      .quick {
        position: fixed;
        right: 1rem;
        bottom: calc(72px + env(safe-area-inset-bottom));
        z-index: 5;
        min-height: 56px;
        border-radius: 28px;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
      }

      @media print {
        .skip,
        .banners,
        .quick,
        nav {
          display: none;
        }

        :host {
          display: block;
          background: none;
        }
      }

      @media (min-width: 48rem) {
        .quick {
          bottom: 1.5rem;
        }

        :host {
          grid-template-columns: 7rem 1fr;
          grid-template-rows: auto 1fr;
        }

        .banners {
          grid-column: 1 / -1;
        }

        nav {
          grid-row: 2;
          grid-column: 1;
          position: sticky;
          top: 0;
          align-self: start;
          height: 100vh;
          border-top: none;
          border-right: 1px solid var(--tocsin-border);
        }

        nav ul {
          grid-template-columns: 1fr;
        }

        nav a {
          min-height: 72px;
          font-size: 0.875rem;
        }

        nav a[aria-current='page'] {
          box-shadow: inset 4px 0 0 var(--tocsin-red);
        }

        main {
          grid-row: 2;
          grid-column: 2;
        }
      }
    `,
  ];

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
        ${this.renderDatabaseProblem()} ${this.renderKitProblem()} ${this.renderCallInProgress()}
      </div>
      <main id="content" tabindex="-1">${this.renderPage()}</main>
      ${this.renderQuickEntryButton()}
      <tocsin-quick-entry .services=${this.services}></tocsin-quick-entry>
      ${this.renderNav()}
    `;
  }

  /** The "+ Log" button, on every page but enrollment, whose own actions it would cover. */
  private renderQuickEntryButton() {
    if (this._route.page === 'enroll') return nothing;
    return html`<button
      class="quick button"
      @click=${() => this.openQuickEntry()}
      aria-haspopup="dialog"
    >
      + ${t('log.quickEntry')}
    </button>`;
  }

  /**
   * The call goes on while the member uses other pages: say so, so no one forgets their
   * microphone is live, and offer the way back.
   */
  private renderCallInProgress() {
    if (!this.services.callActive.value || this._route.page === 'room') return nothing;
    return html`<div class="alert call" role="status">
      <p>${t('call.inProgress')}</p>
      <a class="button secondary" href=${hrefFor('room')}>${t('call.backToCall')}</a>
    </div>`;
  }

  private renderDatabaseProblem() {
    const problem = this.services.database.problem.value;
    if (!problem) return nothing;
    const messages = {
      blocked: () => t('db.blocked'),
      blocking: () => t('db.blocking'),
      full: () => t('db.full'),
      failed: () => t('db.failed', problem.kind === 'failed' ? problem.reason : ''),
    };
    const message = messages[problem.kind]();
    return html`<div class="alert" role="alert">
      <p>${message}</p>
      ${
        problem.kind === 'blocking'
          ? html`<button class="button" @click=${() => window.location.reload()}>
              ${t('db.reload')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /**
   * A kit that no longer matches its signature outranks an expired one: its dates cannot be
   * trusted either. Neither blocks anything; the room refuses a tampered kit by itself.
   */
  private renderKitProblem() {
    const onEnrollPage = this._route.page === 'enroll';
    if (this.services.crisisKit.integrity.value.state === 'tampered') {
      return html`<div class="alert" role="alert">
        <p>${t('kitStatus.tampered')} ${t('kitStatus.tamperedAction')}</p>
        ${
          onEnrollPage
            ? nothing
            : html`<a class="button" href=${hrefFor('enroll')}>${t('kitStatus.reinstall')}</a>`
        }
      </div>`;
    }
    const kit = this.services.kit.alreadyKnown();
    if (!kit || !isKitExpired(kit)) return nothing;
    return html`<div class="alert notice" role="status">
      <p>
        <strong>${t('kitStatus.expired', t('format.dayMonth', new Date(kit.issued)))}</strong>
        ${t('kitStatus.expiredAction')}
      </p>
      ${
        onEnrollPage
          ? nothing
          : html`<a class="button secondary" href=${hrefFor('enroll')}
              >${t('kitStatus.installNew')}</a
            >`
      }
    </div>`;
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
    const services = this.services;
    switch (route.page) {
      case 'home':
        return html`<tocsin-home-page
          .services=${services}
          .params=${route.params}
        ></tocsin-home-page>`;
      case 'directory':
        return html`<tocsin-directory-page
          .services=${services}
          .params=${route.params}
        ></tocsin-directory-page>`;
      case 'playbook':
        return html`<tocsin-playbook-page
          .services=${services}
          .params=${route.params}
        ></tocsin-playbook-page>`;
      case 'log':
        return html`<tocsin-log-page
          .services=${services}
          .params=${route.params}
        ></tocsin-log-page>`;
      case 'rollcall':
        return html`<tocsin-rollcall-page
          .services=${services}
          .params=${route.params}
        ></tocsin-rollcall-page>`;
      case 'room':
        return html`<tocsin-room-page
          .services=${services}
          .params=${route.params}
        ></tocsin-room-page>`;
      case 'settings':
        return html`<tocsin-settings-page
          .services=${services}
          .params=${route.params}
        ></tocsin-settings-page>`;
      case 'enroll':
        return html`<tocsin-enroll-page
          .services=${services}
          .params=${route.params}
        ></tocsin-enroll-page>`;
    }
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
