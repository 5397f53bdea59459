import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from './i18n/i18n.js';
import type { InstallService } from './install-service.js';
import { ObserveController } from './observable.js';
import { buttons, content, tokens } from '../ui/tokens.js';

/**
 * How to get Tocsin on the home screen: our own button where the browser offers to install, the
 * Share → "Add to Home Screen" steps on iPhone and iPad, the browser menu elsewhere.
 */
@customElement('tocsin-install-card')
export class TocsinInstallCard extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The app's install service. */
  @property({ attribute: false }) install!: InstallService;

  protected readonly locale = new LocaleController(this);
  protected readonly observer = new ObserveController(this, () =>
    this.install ? [this.install.mode] : [],
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('install')) this.observer.resubscribe();
  }

  override render() {
    const mode = this.install?.mode.value;
    return html`<section class="card" aria-labelledby="install-title">
      <h2 id="install-title">${t('install.title')}</h2>
      ${
        mode === 'installed'
          ? html`<p class="ok">${t('install.installed')}</p>`
          : mode === 'promptable'
            ? html`<button class="button" @click=${() => this.install.promptInstall()}>
                ${t('install.button')}
              </button>`
            : html`<p>${mode === 'ios' ? t('install.ios') : t('install.other')}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-install-card': TocsinInstallCard;
  }
}
