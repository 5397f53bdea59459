import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDate, t } from '../../app/i18n/i18n.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import '../../app/tocsin-install-card.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import '../../ui/tocsin-empty-state.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import type { KitIntegrity } from '../kit/kit-integrity.js';
import { isKitExpired } from '../../domain/kit.js';

/** Marked once the home page has shown real data; `npm run bench` times offline launches by it. */
export const HOME_READY_MARK = 'tocsin:home-ready';

/**
 * Home: the organisation, its crisis room, the member and whether the kit still matches its
 * signature once this device is enrolled (how to enroll until then), and the state of this
 * device — network, storage, version, installation. Home is in the start-up chunk: the kit's
 * verification code stays behind `services.crisisKit`, which loads it when idle.
 */
@customElement('tocsin-home-page')
export class TocsinHomePage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    css`
      ol {
        display: inline-block;
        margin: 0;
        text-align: start;
      }

      li + li {
        margin-top: 0.5rem;
      }

      .enroll {
        margin-top: 1.25rem;
      }
    `,
  ];

  /** The installed kit; null once known to be absent, undefined while loading. */
  @state() private _kit?: InstalledKitSummary | null;

  protected readonly observer = new ObserveController(this, () =>
    this.services
      ? [
          this.services.network.online,
          this.services.storage.status,
          this.services.crisisKit.integrity,
          this.services.kit.known,
        ]
      : [],
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.observer.resubscribe();
      void this.load();
    }
    // A kit installed while home is open (the installer remembers it before its check starts), or
    // the database correcting the launch snapshot.
    const known = this.services?.kit.alreadyKnown();
    if (known !== undefined && this._kit !== undefined && known !== this._kit) this._kit = known;
  }

  private async load(): Promise<void> {
    const services = this.services;
    // In memory already, or the launch snapshot's: real data in the first frame.
    this._kit = services.kit.alreadyKnown();
    if (this._kit !== undefined) await this.markReady();
    // Asking the browser about storage takes a round trip to it: after the first frame.
    void services.storage.refresh();
    try {
      this._kit = (await services.kit.loadInstalledKit()) ?? null;
    } catch {
      // The database banner of the shell says what went wrong; the page shows the empty state.
      this._kit = null;
    }
    await this.markReady();
  }

  /** Marks the first time this page shows real data (the kit, or that there is none). */
  private async markReady(): Promise<void> {
    await this.updateComplete;
    if (performance.getEntriesByName(HOME_READY_MARK).length === 0) {
      performance.mark(HOME_READY_MARK);
    }
  }

  override render() {
    return html`
      <h1 tabindex="-1">${t('home.title')}</h1>
      ${
        this._kit === undefined
          ? html`<p role="status" class="muted">${t('app.loading')}</p>`
          : this._kit
            ? this.renderKit(this._kit)
            : this.renderNotEnrolled()
      }
      ${this.renderDevice()}
      <tocsin-install-card .install=${this.services.install}></tocsin-install-card>
    `;
  }

  private renderKit(kit: InstalledKitSummary) {
    const expires = formatDate(new Date(kit.expires));
    return html`<section class="card" aria-labelledby="org-title">
      <h2 id="org-title">${kit.organisation.name}</h2>
      <dl class="facts">
        <dt>${t('home.fingerprint')}</dt>
        <dd><code>${kit.organisation.fingerprint}</code></dd>
        <dt>${t('home.room')}</dt>
        <dd>${kit.room.name}</dd>
        <dt>${t('home.server')}</dt>
        <dd>${kit.room.livekitUrl}</dd>
        <dt>${t('home.member')}</dt>
        <dd>${kit.member.displayName}</dd>
        <dt>${t('home.kitVersion')}</dt>
        <dd>
          ${t('home.kitVersionValue', kit.version, formatDate(new Date(kit.issued)))}<br />
          ${
            // The shell's banner announces it; here it is only stated, next to the dates.
            isKitExpired(kit)
              ? html`<span class="warning">${t('home.kitExpired', expires)}</span>`
              : t('home.kitExpires', expires)
          }
        </dd>
        <dt>${t('kitStatus.signature')}</dt>
        ${this.renderIntegrity(this.services.crisisKit.integrity.value)}
      </dl>
    </section>`;
  }

  private renderIntegrity(integrity: KitIntegrity) {
    switch (integrity.state) {
      case 'verified':
        return html`<dd class="ok">
          <span aria-hidden="true">✓</span> ${t('kitStatus.verified')}
        </dd>`;
      case 'tampered':
        return html`<dd class="warning">${t('kitStatus.tamperedShort')}</dd>`;
      case 'none':
      case 'unchecked':
      case 'checking':
        // 'none' with a summary shown: a kit was installed meanwhile and its check is starting.
        return html`<dd class="muted">${t('kitStatus.checking')}</dd>`;
    }
  }

  private renderNotEnrolled() {
    return html`<tocsin-empty-state
      heading=${t('home.notEnrolled.title')}
      body=${t('home.notEnrolled.body')}
    >
      <ol>
        <li>${t('home.notEnrolled.step1')}</li>
        <li>${t('home.notEnrolled.step2')}</li>
        <li>${t('home.notEnrolled.step3')}</li>
      </ol>
      <p class="enroll">
        <a class="button" href="#/enroll">${t('home.notEnrolled.install')}</a>
      </p>
    </tocsin-empty-state>`;
  }

  private renderDevice() {
    const online = this.services.network.online.value;
    const persisted = this.services.storage.status.value?.persisted;
    return html`<section class="card" aria-labelledby="device-title">
      <h2 id="device-title">${t('home.status')}</h2>
      <dl class="facts">
        <dt>${t('home.network')}</dt>
        <dd class=${online ? 'ok' : 'warning'}>${online ? t('home.online') : t('home.offline')}</dd>
        <dt>${t('home.storage')}</dt>
        <dd class=${persisted ? 'ok' : persisted === false ? 'warning' : nothing}>
          ${
            persisted
              ? t('home.storagePersistent')
              : persisted === false
                ? t('home.storageNotPersistent')
                : t('home.storageUnknown')
          }
        </dd>
        <dt>${t('home.version')}</dt>
        <dd>${this.services.appVersion}</dd>
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-home-page': TocsinHomePage;
  }
}
