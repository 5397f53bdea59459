import { css, html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { customElement, state } from 'lit/decorators.js';
import {
  currentLocale,
  formatBytes,
  formatDate,
  resolveLocale,
  setLocale,
  type LocalePreference,
} from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import '../../app/tocsin-install-card.js';
import { failureOf } from '../../app/failure-message.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { downloadText, fileDate } from '../../ui/download.js';
import '../../ui/tocsin-file-button.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { createBackup, parseBackup, restoreBackup, serializeBackup } from './backup.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import { isKitExpired } from '../../domain/kit.js';

// Language names are written in their own language, whatever the UI language is.
const LANGUAGE_CHOICES: readonly { value: LocalePreference; label: () => string; lang?: string }[] =
  [
    { value: 'auto', label: () => t('settings.languageAuto') },
    { value: 'fr', label: () => 'Français', lang: 'fr' },
    { value: 'en', label: () => 'English', lang: 'en' },
  ];

/**
 * Settings: the UI language, the installed crisis kit (and the way to a new one), the user's name
 * and role, this device's storage (persistence, space, backup), the version.
 */
@customElement('tocsin-settings-page')
export class TocsinSettingsPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    css`
      label.field {
        display: block;
        font-weight: 600;
        margin: 0.75rem 0 0.25rem;
      }

      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }

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

      fieldset label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--tocsin-touch);
        margin: 0;
        font-weight: 400;
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
  @state() private _name = '';
  @state() private _role: CrisisRoleId | '' = '';
  /** Taken from the signed kit, not chosen on this device: the name, the role. */
  @state() private _fromKit = { name: false, role: false };
  @state() private _profileStatus = '';
  /** What the browser said when saving the profile failed, for the technical details. */
  @state() private _profileDetail = '';
  @state() private _backupStatus = '';
  @state() private _backupDetail = '';
  @state() private _requesting = false;
  /** The installed kit's summary; null when none, undefined until read. */
  @state() private _kit?: InstalledKitSummary | null;

  protected readonly observer = new ObserveController(this, () =>
    this.services ? [this.services.storage.status, this.services.crisisKit.integrity] : [],
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.observer.resubscribe();
      void this.services.storage.refresh();
      this.services.settings.loadLocalePreference().then(
        (preference) => (this._preference = preference),
        () => undefined,
      );
      this._kit = this.services.kit.alreadyKnown();
      this.services.kit.loadInstalledKit().then(
        (kit) => (this._kit = kit ?? null),
        () => (this._kit = null),
      );
      // The kit's member and role until the member chooses their own.
      this.services.settings.loadProfileInUse().then(
        (profile) => {
          this._name = profile?.name ?? '';
          this._role = profile?.role ?? '';
          this._fromKit = profile?.fromKit ?? { name: false, role: false };
        },
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

  private async saveProfile(event: Event): Promise<void> {
    event.preventDefault();
    this._profileDetail = '';
    try {
      // "No role" is a choice too: it stands over the kit's role.
      await this.services.settings.saveProfile({ name: this._name, role: this._role || null });
      this._fromKit = { name: false, role: false };
      this._profileStatus = t('settings.profileSaved');
    } catch (error) {
      const failure = failureOf(error);
      this._profileStatus = t('settings.profileFailed', failure.reason);
      this._profileDetail = failure.detail;
    }
  }

  private async saveBackup(): Promise<void> {
    this._backupDetail = '';
    try {
      const backup = await createBackup(this.services.database);
      downloadText(
        serializeBackup(backup),
        `tocsin-sauvegarde-${fileDate()}.json`,
        'application/json',
      );
    } catch (error) {
      const failure = failureOf(error);
      this._backupStatus = t('settings.backupFailed', failure.reason);
      this._backupDetail = failure.detail;
    }
  }

  private readonly restoreFile = async (event: CustomEvent<File>) => {
    this._backupDetail = '';
    const parsed = parseBackup(await event.detail.text());
    if (!parsed.ok) {
      this._backupStatus = t(
        'settings.restoreFailed',
        t(`settings.restoreRefusal.${parsed.refusal}`),
      );
      this._backupDetail = parsed.error;
      return;
    }
    const { contacts, crises, logEntries } = parsed.backup;
    if (!confirm(t('settings.restoreConfirm', contacts.length, crises.length, logEntries.length))) {
      return;
    }
    try {
      const report = await restoreBackup(this.services.database, parsed.backup);
      this._backupStatus = t(
        'settings.restored',
        report.added,
        report.alreadyPresent,
        report.conflicts,
      );
    } catch (error) {
      const failure = failureOf(error);
      this._backupStatus = t('settings.restoreFailed', failure.reason);
      this._backupDetail = failure.detail;
    }
  };

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
      ${this.renderKit()} ${this.renderProfile()} ${this.renderStorage()}
      <tocsin-install-card .install=${this.services.install}></tocsin-install-card>
      <section class="card" aria-labelledby="about-title">
        <h2 id="about-title">${t('settings.about')}</h2>
        <p>${t('settings.version', this.services.appVersion)}</p>
      </section>`;
  }

  private renderKit() {
    const kit = this._kit;
    if (kit === undefined) return nothing;
    return html`<section class="card" aria-labelledby="kit-title">
      <h2 id="kit-title">${t('settings.kit')}</h2>
      ${kit ? this.renderKitFacts(kit) : html`<p>${t('settings.kitNone')}</p>`}
      <p>
        <a class="button secondary" href="#/enroll"
          >${kit ? t('kitStatus.installNew') : t('home.notEnrolled.install')}</a
        >
      </p>
    </section>`;
  }

  private renderKitFacts(kit: InstalledKitSummary) {
    const expires = formatDate(new Date(kit.expires));
    const integrity = this.services.crisisKit.integrity.value.state;
    return html`<dl class="facts">
      <dt>${t('home.organisation')}</dt>
      <dd>${kit.organisation.name}</dd>
      <dt>${t('home.fingerprint')}</dt>
      <dd><code>${kit.organisation.fingerprint}</code></dd>
      <dt>${t('settings.kitVersion')}</dt>
      <dd>${kit.version}</dd>
      <dt>${t('settings.kitIssued')}</dt>
      <dd>${formatDate(new Date(kit.issued))}</dd>
      <dt>${t('settings.kitExpires')}</dt>
      ${
        isKitExpired(kit)
          ? html`<dd class="warning">${t('settings.kitExpired', expires)}</dd>`
          : html`<dd>${expires}</dd>`
      }
      <dt>${t('settings.kitMember')}</dt>
      <dd>${kit.member.displayName}</dd>
      <dt>${t('kitStatus.signature')}</dt>
      ${
        integrity === 'verified'
          ? html`<dd class="ok"><span aria-hidden="true">✓</span> ${t('kitStatus.verified')}</dd>`
          : integrity === 'tampered'
            ? html`<dd class="warning">${t('kitStatus.tamperedShort')}</dd>`
            : html`<dd class="muted">${t('kitStatus.checking')}</dd>`
      }
    </dl>`;
  }

  private renderProfile() {
    const locale = currentLocale();
    return html`<form class="card" @submit=${this.saveProfile} aria-labelledby="profile-title">
      <h2 id="profile-title">${t('settings.profile')}</h2>
      <label class="field" for="profile-name">${t('settings.name')}</label>
      <input
        id="profile-name"
        type="text"
        autocomplete="name"
        aria-describedby="profile-name-hint"
        .value=${this._name}
        @input=${(event: Event) => (this._name = (event.target as HTMLInputElement).value)}
      />
      <p id="profile-name-hint" class="muted">
        ${t('settings.nameHint')} ${this._fromKit.name ? t('settings.nameFromKit') : nothing}
      </p>
      <label class="field" for="profile-role">${t('settings.role')}</label>
      <select
        id="profile-role"
        aria-describedby=${this._fromKit.role ? 'profile-role-hint' : nothing}
        @change=${(event: Event) =>
          (this._role = (event.target as HTMLSelectElement).value as CrisisRoleId | '')}
      >
        <option value="" ?selected=${this._role === ''}>${t('settings.noRole')}</option>
        ${CRISIS_ROLES.map(
          (role) =>
            html`<option value=${role} ?selected=${this._role === role}>
              ${ROLE_NAMES[role][locale]}
            </option>`,
        )}
      </select>
      ${
        this._fromKit.role
          ? html`<p id="profile-role-hint" class="muted">${t('settings.roleFromKit')}</p>`
          : nothing
      }
      <p>
        <button class="button" type="submit" ?disabled=${!this._name.trim()}>
          ${t('settings.saveProfile')}
        </button>
      </p>
      <p role="status">${this._profileStatus}</p>
      ${renderErrorDetails(this._profileDetail)}
    </form>`;
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
      <h2>${t('settings.backup')}</h2>
      <p>${t('settings.backupHint')}</p>
      <p class="row">
        <button class="button secondary" @click=${this.saveBackup}>
          ${t('settings.backupSave')}
        </button>
        <tocsin-file-button
          id="restore"
          label=${t('settings.backupRestore')}
          accept=".json,application/json"
          @file-picked=${this.restoreFile}
        ></tocsin-file-button>
      </p>
      <p role="status">${this._backupStatus}</p>
      ${renderErrorDetails(this._backupDetail)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-settings-page': TocsinSettingsPage;
  }
}
