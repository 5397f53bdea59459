import { css } from 'lit';

/**
 * Design tokens and the few shared rules every page uses. Touch targets are at least 48 px
 * (WCAG 2.5.5 asks 44), text starts at 1.0625rem: these screens are read by tired people in a hurry.
 */
export const tokens = css`
  :host {
    --tocsin-red: #8f1d14;
    --tocsin-red-strong: #6d140d;
    --tocsin-bg: #faf7f2;
    --tocsin-surface: #ffffff;
    --tocsin-text: #1d1b19;
    --tocsin-muted: #57514b;
    --tocsin-border: #d9d2c9;
    --tocsin-ok: #1e6b34;
    --tocsin-warn: #8a5300;
    --tocsin-danger: #a4161a;
    --tocsin-focus: #1a5fb4;
    --tocsin-on-accent: #ffffff;
    --tocsin-radius: 12px;
    --tocsin-touch: 48px;
    --tocsin-gap: 1rem;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      sans-serif;
    font-size: 1.0625rem;
    line-height: 1.5;
    color: var(--tocsin-text);
    /* A long unbroken value (a name, an address) breaks rather than running off the screen. */
    overflow-wrap: break-word;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --tocsin-red: #e0685c;
      --tocsin-red-strong: #f08a80;
      --tocsin-bg: #171412;
      --tocsin-surface: #221e1b;
      --tocsin-text: #f1ece6;
      --tocsin-muted: #c4bbb1;
      --tocsin-border: #433b35;
      --tocsin-ok: #7fd494;
      --tocsin-warn: #f0b35a;
      --tocsin-danger: #ff8a80;
      --tocsin-focus: #8bb8ff;
      --tocsin-on-accent: #1d0603;
    }
  }

  :focus-visible {
    outline: 3px solid var(--tocsin-focus);
    outline-offset: 2px;
  }
`;

/** `.visually-hidden`: text that screen readers read and the screen does not show. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Buttons and links styled as buttons, all at least one touch target tall. */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: var(--tocsin-touch);
    min-width: var(--tocsin-touch);
    padding: 0 1.25rem;
    border: 2px solid var(--tocsin-red);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-red);
    color: var(--tocsin-on-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--tocsin-red);
  }

  .button:disabled {
    opacity: 0.6;
    cursor: default;
  }
`;

/** The frame of a routed page. */
export const pageFrame = css`
  :host {
    display: block;
    padding: var(--tocsin-gap);
    max-width: 48rem;
    margin: 0 auto;
  }
`;

/** Headings (the h1 takes focus on navigation), cards and fact lists, inside a page or a card. */
export const content = css`
  h1 {
    font-size: 1.625rem;
    line-height: 1.2;
    margin: 0.5rem 0 1rem;
  }

  h1:focus {
    outline: none;
  }

  h2 {
    font-size: 1.1875rem;
    margin: 0 0 0.75rem;
  }

  .card {
    background: var(--tocsin-surface);
    border: 1px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    padding: 1rem;
    margin: 0 0 var(--tocsin-gap);
  }

  dl.facts {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.5rem 1rem;
    margin: 0;
  }

  dl.facts dt {
    color: var(--tocsin-muted);
  }

  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* On a phone held upright, a label above its value reads better than two thin columns. */
  @media (max-width: 30rem) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0.125rem;
    }

    dl.facts dd + dt {
      margin-top: 0.625rem;
    }
  }

  .muted {
    color: var(--tocsin-muted);
  }

  /* A row of actions above a page's content; it wraps on narrow screens. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1rem;
  }

  .warning {
    color: var(--tocsin-warn);
    font-weight: 600;
  }

  .ok {
    color: var(--tocsin-ok);
  }
`;
