// The directory page's pieces that hold no state of their own: a row of the list, the line saying
// where the kit contacts come from, and the page's styles. They draw into the page's shadow root,
// so the page's tests and the end-to-end selectors see them as they always did.
import { css, html, nothing } from 'lit';
import { t } from '../../app/i18n/page-messages.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import type { Contact } from '../../domain/contact.js';
import { isKitExpired } from '../../domain/kit.js';
import { telUri } from '../../domain/phone-links.js';
import { formatPhone } from '../../domain/phone-number.js';
import { contactSubtitle } from './contact-format.js';

/**
 * A contact's row: its name and subtitle opening its card, and a call button for its first
 * dialable number; when it has numbers but none dialable, "not a valid number" instead of the
 * button (the card shows which). Empty while read.
 */
export function renderDirectoryRow(contact: Contact | undefined) {
  if (!contact) return html`<div class="row"></div>`;
  const phone = contact.phones.find((candidate) => telUri(candidate.number) !== undefined);
  const invalid = !phone && contact.phones.some((candidate) => candidate.kind !== 'radio');
  const subtitle = contactSubtitle(contact);
  return html`<div class="row">
    <a class="open" href=${`#/directory?contact=${encodeURIComponent(contact.id)}`}>
      <span class="name">${contact.displayName}</span>
      <span class="sub"
        >${contact.cellMember ? html`<span class="cell">${t('directory.cellMember')}</span> ` : nothing}${subtitle}</span
      >
    </a>
    ${
      phone
        ? html`<a
            class="button secondary call"
            href=${telUri(phone.number)}
            aria-label=${t('contact.call', `${contact.displayName}, ${formatPhone(phone.number)}`)}
            >${t('contact.callShort')}</a
          >`
        : invalid
          ? html`<span class="invalid">${t('contact.invalidNumber')}</span>`
          : nothing
    }
  </div>`;
}

/** Where the kit contacts come from, as of when; local additions are marked on their cards. */
export function renderKitLine(kit: InstalledKitSummary | null | undefined, tampered: boolean) {
  if (!kit) return nothing;
  if (tampered) return html`<p class="kit-data warning">${t('directory.kitTampered')}</p>`;
  const expired = isKitExpired(kit);
  return html`<p class="kit-data muted">
    ${t('directory.kitData', kit.organisation.name, t('format.dayMonth', new Date(kit.issued)))}${
      expired ? html` — <span class="warning">${t('directory.kitExpired')}</span>` : nothing
    }
  </p>`;
}

/** The directory page's own styles: the search box, the list and its rows, the kit line. */
export const directoryPageStyles = css`
  .search label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }

  input[type='search'] {
    box-sizing: border-box;
    width: 100%;
    min-height: 52px;
    padding: 0.5rem 0.875rem;
    border: 2px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
    color: inherit;
    font: inherit;
    font-size: 1.125rem;
  }

  .status {
    margin: 0.5rem 0;
    color: var(--tocsin-muted);
  }

  tocsin-virtual-list {
    height: calc(100dvh - 22rem);
    min-height: 18rem;
    border: 1px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
  }

  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    height: 100%;
    padding: 0 0.5rem 0 1rem;
    border-bottom: 1px solid var(--tocsin-border);
  }

  .row a.open {
    flex: 1;
    min-width: 0;
    color: inherit;
    text-decoration: none;
    padding: 0.5rem 0;
  }

  .name {
    display: block;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .sub {
    display: block;
    font-size: 0.9375rem;
    color: var(--tocsin-muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .cell {
    color: var(--tocsin-red);
    font-weight: 700;
    font-size: 0.8125rem;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .call {
    flex: none;
    min-width: 48px;
    min-height: 48px;
    padding: 0 0.75rem;
  }

  .invalid {
    flex: 0 1 auto;
    max-width: 40%;
    font-size: 0.8125rem;
    color: var(--tocsin-danger);
    text-align: end;
  }

  /* Names and addresses from a file may be long and unbroken: they wrap, never widen the page. */
  .notice {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--tocsin-ok);
    background: var(--tocsin-surface);
    overflow-wrap: anywhere;
  }

  .notice.error {
    border-color: var(--tocsin-danger);
  }

  .kit-data {
    margin: -0.5rem 0 1rem;
    overflow-wrap: anywhere;
  }
`;
