// The directory page's pieces that hold no state of their own: the search box and the list of
// contacts (or the empty state), a row of the list, the line saying where the kit contacts come
// from, the notice after an action, and the page's styles. They draw into the page's shadow root,
// so the page's tests and the end-to-end selectors see them as they always did.
import { css, html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { t } from '../../app/i18n/page-messages.js';
import '../../ui/tocsin-empty-state.js';
import '../../ui/tocsin-virtual-list.js';
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

/** What the list shows and how it tells the page the member typed; see renderDirectoryList. */
export interface DirectoryListView {
  /** How many contacts the directory holds. */
  count: number;
  /** The search as typed. */
  query: string;
  /** The ids of the contacts matching it; undefined while the numbers it needs are read. */
  results: readonly string[] | undefined;
  /** The member typed in the search box. */
  typed(query: string): void;
  /** A row's contact; undefined while read. */
  contactOf(id: string): Contact | undefined;
}

/**
 * The search box, how many contacts match, and the matching rows; the empty state instead when
 * the directory holds no contact.
 */
export function renderDirectoryList(view: DirectoryListView) {
  const { count, query, results } = view;
  if (count === 0) {
    return html`<tocsin-empty-state
      heading=${t('directory.empty.title')}
      body=${t('directory.empty.body')}
    ></tocsin-empty-state>`;
  }
  return html`<div class="search" role="search">
      <label for="search">${t('directory.searchLabel')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t('directory.searchHint')}
        .value=${query}
        @input=${(event: Event) => view.typed((event.target as HTMLInputElement).value)}
      />
    </div>
    <p class="status" role="status" aria-live="polite">
      ${
        !results
          ? t('directory.loading')
          : results.length === 0
            ? t('directory.noResults', query.trim())
            : query.trim()
              ? t('directory.results', results.length, count)
              : t('directory.count', count)
      }
    </p>
    <tocsin-virtual-list
      label=${t('directory.listLabel')}
      row-height="72"
      .items=${results ?? []}
      .keyOf=${(id: unknown) => id}
      .renderItem=${(id: unknown) => renderDirectoryRow(view.contactOf(id as string))}
    ></tocsin-virtual-list>`;
}

/** A sentence after an action; a failure carries its technical detail, shown behind a toggle. */
export interface DirectoryNotice {
  text: string;
  error: boolean;
  detail?: string;
}

/** The notice after an action (an import, a failure), or nothing. */
export function renderNotice(notice: DirectoryNotice | undefined) {
  if (!notice) return nothing;
  return html`<div role="status">
    <p class="notice ${notice.error ? 'error' : ''}">${notice.text}</p>
    ${renderErrorDetails(notice.detail ?? '')}
  </div>`;
}

/** What a card's route shows when its contact is not in the directory. */
export function renderContactNotFound() {
  return html`<h1 tabindex="-1">${t('directory.title')}</h1>
    <p>${t('contact.notFound')}</p>
    <a class="button secondary" href="#/directory">${t('contact.back')}</a>`;
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
