import { formatPhone } from '../../domain/phone-number.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentLocale, formatDate, LocaleController } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import type { AppServices } from '../../app/services.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { CRISIS_ROLES, ROLE_NAMES } from '../../domain/crisis-roles.js';
import { PHASE_NAMES, PHASES, type Playbook } from '../../domain/playbook.js';
import type { Contact } from '../../domain/contact.js';
import { contactSubtitle, phoneKindName, roleNames } from './contact-format.js';
import { buildDirectoryIndex } from './search-index.js';
import { searchDirectory } from './search.js';

/**
 * The paper crisis kit: the cell members first, then the whole directory, then the playbook as
 * checklists, laid out for A4 with the date of the data and, on an enrolled device, the
 * organisation's fingerprint, the kit version and its member. Crisis cells keep one in the binder
 * for the day every screen is down.
 */
@customElement('tocsin-paper-kit')
export class TocsinPaperKit extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    css`
      :host {
        display: block;
      }

      /* Laid out for A4: on a narrow screen its tables scroll sideways (phone numbers never wrap). */
      @media screen {
        :host {
          overflow-x: auto;
        }
      }

      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9375rem;
        margin-bottom: 1rem;
      }

      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.25rem 0.375rem;
        border: 1px solid var(--tocsin-border);
        overflow-wrap: anywhere;
      }

      tr {
        break-inside: avoid;
      }

      .phones {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }

      ul.checklist {
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
      }

      ul.checklist li {
        break-inside: avoid;
        padding: 0.125rem 0 0.125rem 1.5rem;
        text-indent: -1.5rem;
      }

      .playbook {
        break-before: page;
      }

      h3 {
        margin: 0.75rem 0 0.25rem;
        font-size: 1rem;
      }

      @media print {
        :host {
          font-size: 10pt;
          color: #000;
        }

        .toolbar {
          display: none;
        }

        th,
        td {
          border-color: #777;
        }
      }
    `,
  ];

  /** The app's services. */
  @property({ attribute: false }) services!: AppServices;

  @state() private _data?: {
    contacts: Contact[];
    playbook: Playbook;
    kit?: InstalledKitSummary;
  };
  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) void this.load();
  }

  private async load(): Promise<void> {
    const [contacts, { playbook }, kit] = await Promise.all([
      this.services.directory.list(),
      this.services.playbooks.active(),
      this.services.kit.loadInstalledKit().catch(() => undefined),
    ]);
    this._data = {
      contacts: searchDirectory(buildDirectoryIndex(contacts), ''),
      playbook,
      ...(kit ? { kit } : {}),
    };
  }

  /** The date of the newest data printed: what a reader compares with the binder's last copy. */
  private dataDate(contacts: Contact[], playbook: Playbook): string {
    const dates = [playbook.updated, ...contacts.map((contact) => contact.updatedAt)].filter(
      Boolean,
    );
    const newest = dates.reduce((a, b) => (a > b ? a : b), '');
    return newest ? formatDate(new Date(newest)) : '';
  }

  override render() {
    if (!this._data) return html`<p role="status">${t('app.loading')}</p>`;
    const { contacts, playbook, kit } = this._data;
    const cell = contacts.filter((contact) => contact.cellMember);
    const dataDate = this.dataDate(contacts, playbook);
    return html`<div class="toolbar">
        <a class="button secondary" href="#/directory">${t('paper.back')}</a>
        <button class="button" @click=${() => window.print()}>${t('paper.print')}</button>
      </div>
      <h1 tabindex="-1">${kit?.organisation.name ?? t('paper.title')}</h1>
      <p>
        <strong>${t('paper.title')}</strong> — ${dataDate ? t('paper.dataOf', dataDate) : nothing},
        ${t('paper.printedOn', formatDate(new Date(), true))}
      </p>
      ${
        kit
          ? html`<p>
              ${t('paper.fingerprint', kit.organisation.fingerprint)}<br />
              ${t('paper.kit', kit.version, kit.member.displayName)}
            </p>`
          : nothing
      }
      <p class="muted">${t('paper.hint')}</p>

      <h2>${t('paper.cell')}</h2>
      ${cell.length ? this.renderContacts(cell, true) : html`<p>${t('paper.noCell')}</p>`}

      <h2>${t('paper.directory')}</h2>
      ${this.renderContacts(contacts, false)}

      <section class="playbook">
        <h2>${t('paper.playbook')} — ${playbook.title[currentLocale()]}</h2>
        ${this.renderPlaybook(playbook)}
      </section>`;
  }

  private renderContacts(contacts: Contact[], withRoles: boolean) {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('paper.name')}</th>
          <th scope="col">${t('paper.function')}</th>
          <th scope="col">${t('paper.phones')}</th>
        </tr>
      </thead>
      <tbody>
        ${contacts.map(
          (contact) =>
            html`<tr>
              <td>
                <strong>${contact.displayName}</strong>
                ${withRoles && contact.roles.length ? html`<br />${roleNames(contact)}` : nothing}
              </td>
              <td>${contactSubtitle(contact)}</td>
              <td class="phones">
                ${contact.phones.map(
                  (phone, i) =>
                    html`${i ? html`<br />` : nothing}${phoneKindName(phone.kind)} :
                    ${formatPhone(phone.number)}`,
                )}
                ${contact.emails.length ? html`<br />${contact.emails.join(', ')}` : nothing}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderPlaybook(playbook: Playbook) {
    const locale = currentLocale();
    return PHASES.filter((phase) => playbook.items.some((item) => item.phase === phase)).map(
      (phase) =>
        html`<h3>${PHASE_NAMES[phase][locale]}</h3>
          ${CRISIS_ROLES.filter((role) =>
            playbook.items.some((item) => item.phase === phase && item.role === role),
          ).map(
            (role) =>
              html`<p><strong>${ROLE_NAMES[role][locale]}</strong></p>
                <ul class="checklist">
                  ${playbook.items
                    .filter((item) => item.phase === phase && item.role === role)
                    .sort((a, b) => a.order - b.order)
                    .map(
                      (item) =>
                        html`<li>
                          ☐
                          ${item.text[locale]}${item.due ? html` <em>(${item.due})</em>` : nothing}
                        </li>`,
                    )}
                </ul>`,
          )}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-paper-kit': TocsinPaperKit;
  }
}
