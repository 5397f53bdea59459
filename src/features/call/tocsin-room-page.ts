import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../../app/i18n/page-messages.js';
import { PageElement } from '../../app/page-element.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import '../../ui/tocsin-empty-state.js';
import { content, pageFrame, tokens } from '../../ui/tokens.js';
import { canEncryptCalls } from './e2ee.js';

/**
 * The crisis room. It checks that this device can encrypt calls end to end; joining arrives with
 * the crisis-room feature, on the room the crisis kit names.
 */
@customElement('tocsin-room-page')
export class TocsinRoomPage extends PageElement {
  static override styles = [tokens, pageFrame, content];

  @state() private _kit?: InstalledKitSummary | null;
  private readonly encryptionSupported = canEncryptCalls();

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.services.kit.loadInstalledKit().then(
        (kit) => (this._kit = kit ?? null),
        () => (this._kit = null),
      );
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('room.title')}</h1>
      <section class="card" aria-live="polite">
        <p class=${this.encryptionSupported ? 'ok' : 'warning'}>
          ${this.encryptionSupported ? t('room.e2eeSupported') : t('room.e2eeUnsupported')}
        </p>
      </section>
      ${
        this._kit === undefined
          ? html`<p role="status" class="muted">${t('app.loading')}</p>`
          : this._kit
            ? html`<section class="card">
                <p>${t('room.enrolled', this._kit.room.name)}</p>
              </section>`
            : html`<tocsin-empty-state
                heading=${t('home.notEnrolled.title')}
                body=${t('room.notEnrolled')}
              ></tocsin-empty-state>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-room-page': TocsinRoomPage;
  }
}
