// The look of <tocsin-app>. Kept in one sheet rather than one per part: the grid places the
// banners, the page and the navigation together, and each layout (phone, wide screen, print)
// reads best whole.
import { css } from 'lit';

/**
 * The shell's layout, banners and navigation: a bottom bar on phones, a side rail from 48rem,
 * nothing but the page on paper. After the shared tokens and buttons.
 */
export const shellStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr auto;
    min-height: 100vh;
    min-height: 100dvh;
    background: var(--tocsin-bg);
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
    padding-bottom: 1rem;
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
    /* Seven pages share a phone's width: no label may push the bar wider than the screen. */
    grid-template-columns: repeat(7, minmax(0, 1fr));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  nav a {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.125rem;
    min-height: 56px;
    padding: 0.25rem 0.125rem;
    color: var(--tocsin-muted);
    text-decoration: none;
    font-size: 0.75rem;
    text-align: center;
  }

  nav a[aria-current='page'] {
    color: var(--tocsin-red);
    font-weight: 700;
    box-shadow: inset 0 3px 0 var(--tocsin-red);
  }

  .quick {
    position: fixed;
    right: 1rem;
    bottom: calc(72px + env(safe-area-inset-bottom));
    z-index: 5;
    min-height: 56px;
    border-radius: 28px;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
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

  @media (min-width: 48rem) {
    .quick {
      bottom: 1.5rem;
    }

    :host {
      grid-template-columns: 7rem 1fr;
      grid-template-rows: auto 1fr;
    }

    .banners {
      grid-column: 1 / -1;
    }

    nav {
      grid-row: 2;
      grid-column: 1;
      position: sticky;
      top: 0;
      align-self: start;
      height: 100vh;
      border-top: none;
      border-right: 1px solid var(--tocsin-border);
    }

    nav ul {
      grid-template-columns: 1fr;
    }

    nav a {
      min-height: 72px;
      font-size: 0.875rem;
    }

    nav a[aria-current='page'] {
      box-shadow: inset 4px 0 0 var(--tocsin-red);
    }

    main {
      grid-row: 2;
      grid-column: 2;
    }
  }
`;
