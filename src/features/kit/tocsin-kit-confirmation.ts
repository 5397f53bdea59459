// The consent step of enrollment: what the opened kit holds, its fingerprint, install or not.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDate, LocaleController } from '../../app/i18n/i18n.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { normaliseFingerprint } from '../../kit-format/organisation.js';
import type { PreparedKit } from './kit-installer.js';
import { t } from './kit-messages.js';
import { enrollStepStyles } from './kit-styles.js';

/**
 * The question asked before installing: compare the fingerprint with the paper kit (first
 * enrollment), accept a newer version (update), or install the same kit again over altered data
 * (repair).
 */
export type ConfirmationMode = 'first' | 'update' | 'repair';

/** The question a prepared kit calls for. */
export function confirmationModeOf(prepared: PreparedKit): ConfirmationMode {
  if (!prepared.installed) return 'first';
  return prepared.repair ? 'repair' : 'update';
}

/**
 * Shows a verified kit and asks the member whether to install it. Fires `kit-install` or
 * `kit-decline` (bubbling, composed, with the prepared kit as detail); it installs nothing itself.
 */
@customElement('tocsin-kit-confirmation')
export class TocsinKitConfirmation extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    enrollStepStyles,
    css`
      :host {
        display: block;
      }

      .organisation {
        font-size: 1.375rem;
        font-weight: 700;
        margin: 0 0 1rem;
        overflow-wrap: anywhere;
      }

      .fingerprint {
        display: grid;
        grid-template-columns: repeat(4, max-content);
        gap: 0.25rem 0.875rem;
        justify-content: start;
        margin: 0.25rem 0 1rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--tocsin-text);
        border-radius: var(--tocsin-radius);
        background: var(--tocsin-bg);
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
        font-size: 1.5rem;
        font-weight: 700;
        letter-spacing: 0.05em;
      }

      /* Four groups to a row need about 27rem; a phone held upright gets four rows of two, as
         large, rather than a smaller print. */
      @media (max-width: 27rem) {
        .fingerprint {
          grid-template-columns: repeat(2, max-content);
        }
      }

      .fingerprint.small {
        font-size: 1.0625rem;
        font-weight: 400;
        border-width: 1px;
      }

      .label {
        font-weight: 600;
        margin: 0;
      }

      .compare {
        font-weight: 700;
      }
    `,
  ];

  /** The opened and verified kit, not installed yet. */
  @property({ attribute: false }) prepared?: PreparedKit;

  /** Which question to ask; see {@link confirmationModeOf}. */
  @property() mode: ConfirmationMode = 'first';

  protected readonly locale = new LocaleController(this);

  /** Moves focus to the step's heading, once it is rendered, as the page does for its own steps. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  private answer(name: 'kit-install' | 'kit-decline', prepared: PreparedKit): void {
    this.dispatchEvent(
      new CustomEvent<PreparedKit>(name, { detail: prepared, bubbles: true, composed: true }),
    );
  }

  override render() {
    const prepared = this.prepared;
    if (!prepared) return nothing;
    const installed = prepared.installed;
    // Update and repair compare with the installed kit; without one there is only the first question.
    if (this.mode === 'first' || !installed) return this.renderFirstEnrollment(prepared);
    return this.mode === 'repair'
      ? this.renderRepair(prepared, installed)
      : this.renderUpdate(prepared, installed);
  }

  private renderFirstEnrollment(prepared: PreparedKit) {
    const { kit } = prepared;
    return html`<section class="card" aria-labelledby="step-title">
        <h2 id="step-title" tabindex="-1">${t('kit.confirm.title')}</h2>
        <p class="label">${t('kit.confirm.signedBy')}</p>
        <p class="organisation">${kit.manifest.organisation.name}</p>
        <p class="label" id="fingerprint-label">${t('kit.confirm.fingerprint')}</p>
        ${this.renderFingerprint(kit.fingerprint, false)}
        <p class="compare">${t('kit.confirm.compare')}</p>
        <div class="actions">
          <button class="button" type="button" @click=${() => this.answer('kit-install', prepared)}>
            ${t('kit.confirm.matches')}
          </button>
          <button
            class="button secondary"
            type="button"
            @click=${() => this.answer('kit-decline', prepared)}
          >
            ${t('kit.confirm.differs')}
          </button>
        </div>
      </section>
      <section class="card" aria-labelledby="details-title">
        <h2 id="details-title">${t('kit.confirm.details')}</h2>
        ${this.renderFacts(prepared, undefined)}
      </section>`;
  }

  private renderUpdate(prepared: PreparedKit, installed: InstalledKitSummary) {
    const { manifest } = prepared.kit;
    const epochChanged = manifest.epoch !== installed.epoch;
    const from = epochChanged
      ? t('kit.fact.versionValue', installed.version, installed.epoch)
      : String(installed.version);
    const to = epochChanged
      ? t('kit.fact.versionValue', manifest.version, manifest.epoch)
      : String(manifest.version);
    return this.renderForPinnedOrganisation(prepared, {
      title: t('kit.update.title'),
      intro: t('kit.update.fromTo', from, to),
      facts: this.renderFacts(prepared, installed),
      install: t('kit.update.install'),
    });
  }

  /** The same kit again, over installed data that no longer matches its signature. */
  private renderRepair(prepared: PreparedKit, installed: InstalledKitSummary) {
    return this.renderForPinnedOrganisation(prepared, {
      title: t('kit.repair.title'),
      intro: t('kit.repair.body', String(installed.version)),
      facts: this.renderFacts(prepared, undefined, true),
      install: t('kit.repair.install'),
    });
  }

  /**
   * An update or a repair: the organisation is already trusted, so the fingerprint is shown for
   * reference only and one tap installs.
   */
  private renderForPinnedOrganisation(
    prepared: PreparedKit,
    text: { title: string; intro: string; facts: TemplateResult; install: string },
  ) {
    return html`<section class="card" aria-labelledby="step-title">
      <h2 id="step-title" tabindex="-1">${text.title}</h2>
      <p class="compare">${text.intro}</p>
      ${text.facts}
      <p class="label" id="fingerprint-label">${t('kit.update.fingerprint')}</p>
      ${this.renderFingerprint(prepared.kit.fingerprint, true)}
      <div class="actions">
        <button class="button" type="button" @click=${() => this.answer('kit-install', prepared)}>
          ${text.install}
        </button>
        <button
          class="button secondary"
          type="button"
          @click=${() => this.answer('kit-decline', prepared)}
        >
          ${t('kit.update.cancel')}
        </button>
      </div>
    </section>`;
  }

  private renderFingerprint(fingerprint: string, small: boolean) {
    const groups = (normaliseFingerprint(fingerprint) ?? fingerprint).split(' ');
    return html`<p class="fingerprint ${small ? 'small' : ''}" aria-describedby="fingerprint-label">
      ${groups.map((group) => html`<span>${group}</span> `)}
    </p>`;
  }

  /** What the kit holds; with the installed kit, how the counts change. */
  private renderFacts(
    prepared: PreparedKit,
    installed: InstalledKitSummary | undefined,
    withOrganisation = !!installed,
  ) {
    const { manifest, content } = prepared.kit;
    const contacts = content.directory.contacts.length;
    const actions = content.playbook.items.length;
    return html`<dl class="facts">
      ${
        withOrganisation
          ? html`<dt>${t('kit.fact.organisation')}</dt>
              <dd>${manifest.organisation.name}</dd>`
          : nothing
      }
      <dt>${t('kit.fact.member')}</dt>
      <dd>${content.member.displayName}</dd>
      <dt>${t('kit.fact.version')}</dt>
      <dd>${t('kit.fact.versionValue', manifest.version, manifest.epoch)}</dd>
      <dt>${t('kit.fact.issued')}</dt>
      <dd>${formatDate(new Date(manifest.issued))}</dd>
      <dt>${t('kit.fact.expires')}</dt>
      <dd>${formatDate(new Date(manifest.expires))}</dd>
      <dt>${t('kit.fact.directory')}</dt>
      <dd>
        ${
          installed
            ? t('kit.contactsChange', installed.counts.contacts, contacts)
            : t('kit.contacts', contacts)
        }
      </dd>
      <dt>${t('kit.fact.playbook')}</dt>
      <dd>
        ${
          installed
            ? t('kit.playbookChange', installed.counts.playbookItems, actions)
            : t('kit.playbookItems', actions)
        }
      </dd>
      <dt>${t('kit.fact.room')}</dt>
      <dd>${content.room.roomName}</dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-kit-confirmation': TocsinKitConfirmation;
  }
}
