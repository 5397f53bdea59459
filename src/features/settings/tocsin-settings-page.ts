import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  currentLocale,
  formatBytes,
  resolveLocale,
  setLocale,
  t,
  type LocalePreference,
} from '../../app/i18n/i18n.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import '../../app/tocsin-install-card.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';

// Language names are written in their own language, whatever the UI language is.
const LANGUAGE_CHOICES: readonly { value: LocalePreference; label: () => string; lang?: string }[] =
  [
    { value: 'auto', label: () => t('settings.languageAuto') },
    { value: 'fr', label: () => 'Français', lang: 'fr' },
    { value: 'en', label: () => 'English', lang: 'en' },
  ];

/** Settings: the UI language, this device's storage (persistence and space), the version. */
@customElement('tocsin-settings-page')
export class TocsinSettingsPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    css`
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
      }

      legend {
        font-size: 1.1875rem;
        font-weight: 700;
        margin-bottom: 0.5rem;
        padding: 0;
      }

      label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--tocsin-touch);
        cursor: pointer;
      }

      input[type='radio'] {
        width: 1.5rem;
        height: 1.5rem;
        margin: 0;
        accent-color: var(--tocsin-red);
      }
    `,
  ];

  @state() private _preference: LocalePreference = 'auto';
  @state() private _requesting = false;

  protected readonly observer = new ObserveController(this, () =>
    this.services ? [this.services.storage.status] : [],
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.observer.resubscribe();
      void this.services.storage.refresh();
      this.services.settings.loadLocalePreference().then(
        (preference) => (this._preference = preference),
        () => undefined,
      );
    }
  }

  private async chooseLanguage(preference: LocalePreference): Promise<void> {
    this._preference = preference;
    setLocale(resolveLocale(preference));
    try {
      await this.services.settings.saveLocalePreference(preference);
    } catch {
      // The shell's database banner explains; the choice still applies to this session.
    }
  }

  private async requestPersistence(): Promise<void> {
    this._requesting = true;
    try {
      await this.services.storage.requestPersistence();
    } finally {
      this._requesting = false;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('settings.title')}</h1>
      <section class="card">
        <fieldset>
          <legend>${t('settings.language')}</legend>
          ${LANGUAGE_CHOICES.map(
            (choice) =>
              html`<label lang=${choice.lang ?? currentLocale()}>
                <input
                  type="radio"
                  name="language"
                  .value=${choice.value}
                  .checked=${this._preference === choice.value}
                  @change=${() => this.chooseLanguage(choice.value)}
                />
                ${choice.label()}
              </label>`,
          )}
        </fieldset>
      </section>
      ${this.renderStorage()}
      <tocsin-install-card .install=${this.services.install}></tocsin-install-card>
      <section class="card" aria-labelledby="about-title">
        <h2 id="about-title">${t('settings.about')}</h2>
        <p>${t('settings.version', this.services.appVersion)}</p>
      </section>`;
  }

  private renderStorage() {
    const status = this.services.storage.status.value;
    const persisted = status?.persisted;
    return html`<section class="card" aria-labelledby="storage-title">
      <h2 id="storage-title">${t('settings.storage')}</h2>
      <dl class="facts">
        <dt>${t('settings.persisted')}</dt>
        <dd class=${persisted ? 'ok' : persisted === false ? 'warning' : ''}>
          ${
            persisted
              ? t('settings.persistedYes')
              : persisted === false
                ? t('settings.persistedNo')
                : t('settings.persistedUnsupported')
          }
        </dd>
        <dt>${t('settings.space')}</dt>
        <dd>
          ${
            status?.usage != null && status.quota != null
              ? t('settings.usage', formatBytes(status.usage), formatBytes(status.quota))
              : t('settings.usageUnknown')
          }
        </dd>
      </dl>
      ${
        persisted
          ? ''
          : html`<p>
              <button
                class="button secondary"
                ?disabled=${this._requesting}
                @click=${this.requestPersistence}
              >
                ${t('settings.persistRequest')}
              </button>
            </p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-settings-page': TocsinSettingsPage;
  }
}
