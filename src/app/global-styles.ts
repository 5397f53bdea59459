import { css } from 'lit';

/**
 * Page-level styles; every element styles itself in its shadow root. Adopted from the entry chunk
 * rather than linked as a CSS file: one file fewer for the service worker to serve on each launch.
 */
export const globalStyles = css`
  :root {
    color-scheme: light dark;
    background: #faf7f2;
    color: #1d1b19;
  }

  @media (prefers-color-scheme: dark) {
    :root {
      background: #171412;
      color: #f1ece6;
    }
  }

  html,
  body {
    margin: 0;
    min-height: 100%;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      sans-serif;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }

  /* The paper kit and the printed main courante are laid out for A4. */
  @page {
    size: A4;
    margin: 12mm;
  }

  .boot {
    padding: 2rem 1rem;
    font-size: 1.25rem;
    text-align: center;
  }
`;
