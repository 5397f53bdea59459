import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from './i18n/i18n.js';
import { ObserveController } from './observable.js';
import type { UpdateService } from './update-service.js';
import { buttons, tokens } from '../ui/tokens.js';

/**
 * "A new version is ready — reload": shown while a new release waits. Reloading is the user's
 * choice, so nothing they are typing is lost to an update.
 */
@customElement('tocsin-update-banner')
export class TocsinUpdateBanner extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }

      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        background: var(--tocsin-surface);
        border-bottom: 3px solid var(--tocsin-red);
      }

      p {
        flex: 1 1 14rem;
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  /** The app's update service. */
  @property({ attribute: false }) updates!: UpdateService;

  protected readonly locale = new LocaleController(this);
  protected readonly observer = new ObserveController(this, () =>
    this.updates ? [this.updates.state] : [],
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('updates')) this.observer.resubscribe();
  }

  override render() {
    const state = this.updates?.state.value;
    if (state !== 'waiting' && state !== 'reloading') return nothing;
    const reloading = state === 'reloading';
    return html`<div class="banner" role="status">
      <p>${reloading ? t('update.reloading') : t('update.ready')}</p>
      <button class="button" ?disabled=${reloading} @click=${() => this.updates.acceptUpdate()}>
        ${t('update.reload')}
      </button>
      <button
        class="button secondary"
        ?disabled=${reloading}
        @click=${() => this.updates.dismiss()}
      >
        ${t('update.later')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-update-banner': TocsinUpdateBanner;
  }
}
