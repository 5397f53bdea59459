// The look of <tocsin-app>. Kept in one sheet rather than one per part: the grid places the
// banners, the page and the navigation together, and each layout (phone, wide screen, print)
// reads best whole. The floating "+ Log" button covers no control: the page keeps room for it
// below its content, and dialogs open in the top layer, above it.
import { css } from 'lit';

/**
 * The shell's layout, banners and navigation: a bottom bar on phones, a side rail from 48rem,
 * nothing but the page on paper. After the shared tokens and buttons.
 */
export const shellStyles = css`
  :host {
    /* The floating "+ Log" button's height, and the room kept for it below every page. */
    --quick-height: 56px;
    --quick-room: calc(var(--quick-height) + 2.5rem);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto 1fr auto;
    min-height: 100vh;
    min-height: 100dvh;
    background: var(--tocsin-bg);
  }

  /* Only its dialog shows, in the top layer: it takes no place in the grid. */
  tocsin-quick-entry {
    position: absolute;
  }

  .skip {
    position: absolute;
    left: 0.5rem;
    top: -5rem;
    z-index: 10;
    background: var(--tocsin-surface);
  }

  .skip:focus {
    top: 0.5rem;
  }

  .alert {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    padding: 0.75rem 1rem;
    background: var(--tocsin-surface);
    border-bottom: 3px solid var(--tocsin-danger);
  }

  .alert p {
    flex: 1 1 14rem;
    margin: 0;
    font-weight: 600;
  }

  /* Expired data is still the best data there is: seen, but not alarming. */
  .alert.notice {
    border-bottom-color: var(--tocsin-warn);
  }

  .alert.notice p {
    font-weight: 400;
  }

  .alert.call {
    border-bottom-color: var(--tocsin-ok);
  }

  main {
    min-width: 0;
    padding-bottom: var(--quick-room);
  }

  main:focus {
    outline: none;
  }

  .status {
    padding: 2rem 1rem;
    text-align: center;
  }

  nav {
    position: sticky;
    bottom: 0;
    background: var(--tocsin-surface);
    border-top: 1px solid var(--tocsin-border);
    padding-bottom: env(safe-area-inset-bottom);
  }

  nav ul {
    display: grid;
    /* Seven pages share a phone's width. Each column is at least as wide as its longest word, so
       a label wraps between words ("Main / courante"), never inside one ("Présence / s"); the
       words of the seven labels together take about 270 px at 360 px, so the bar still fits. */
    grid-template-columns: repeat(7, minmax(min-content, 1fr));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /*
   * A seventh of a 360 px screen is 51 px: the labels are sized to the screen (about 10 px there,
   * 12 px from 430 px), and the current page is marked by colour and a bar rather than by bold,
   * which is wider.
   */
  nav a {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.125rem;
    min-width: 0;
    min-height: 56px;
    padding: 0.25rem 0;
    color: var(--tocsin-muted);
    text-decoration: none;
    font-size: clamp(0.625rem, 2.8vw, 0.75rem);
    letter-spacing: -0.01em;
    text-align: center;
  }

  nav a span {
    max-width: 100%;
    overflow-wrap: break-word;
  }

  nav a[aria-current='page'] {
    color: var(--tocsin-red);
    box-shadow: inset 0 3px 0 var(--tocsin-red);
  }

  .quick {
    position: fixed;
    right: 1rem;
    bottom: calc(56px + 1rem + env(safe-area-inset-bottom));
    z-index: 5;
    min-height: var(--quick-height);
    border-radius: 28px;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
  }

  /* At the end of the page, where floating it would cover what the page needs in sight. */
  .quick.in-flow {
    position: static;
    display: flex;
    width: fit-content;
    margin: 0 var(--tocsin-gap) 0 auto;
    box-shadow: none;
  }

  main:has(> .quick.in-flow) {
    padding-bottom: var(--tocsin-gap);
  }

  @media print {
    .skip,
    .banners,
    .quick,
    nav {
      display: none;
    }

    :host {
      display: block;
      background: none;
    }
  }

  /*
   * The rail: the first column, from the top of the page to its end (its background and border
   * run the whole height); its links stick to the top of the screen as the page scrolls. The
   * banners sit beside it, above the page.
   */
  @media (min-width: 48rem) {
    .quick {
      bottom: 1.5rem;
    }

    :host {
      grid-template-columns: 7rem minmax(0, 1fr);
      grid-template-rows: auto 1fr;
    }

    .banners {
      grid-row: 1;
      grid-column: 2;
    }

    nav {
      grid-row: 1 / 3;
      grid-column: 1;
      position: static;
      border-top: none;
      border-right: 1px solid var(--tocsin-border);
      padding-bottom: 0;
    }

    nav ul {
      position: sticky;
      top: 0;
      max-height: 100vh;
      max-height: 100dvh;
      overflow-y: auto;
      grid-template-columns: 1fr;
    }

    nav a {
      min-height: 72px;
      padding: 0.25rem;
      font-size: 0.875rem;
      letter-spacing: normal;
    }

    nav a[aria-current='page'] {
      font-weight: 700;
      box-shadow: inset 4px 0 0 var(--tocsin-red);
    }

    main {
      grid-row: 2;
      grid-column: 2;
    }
  }
`;
