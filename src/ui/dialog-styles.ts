import { css } from 'lit';

/**
 * Forms and the native <dialog> as Tocsin shows them: modal, readable, with large touch targets.
 * A `label.check` holds a checkbox and its text on one touch-sized line.
 */
export const dialogStyles = css`
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    box-sizing: border-box;
    padding: 1.25rem;
    border: 1px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
    color: var(--tocsin-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  dialog h2 {
    margin-top: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    justify-content: flex-end;
    margin-top: 1rem;
  }

  /*
   * A dialog's own action row (its last child in every dialog) is a sticky footer: a long dialog
   * scrolls under it, so its buttons stay on screen on a phone (the import preview pushed
   * "Import" below the edge). It reaches into the dialog's bottom padding (1.25rem) so that
   * nothing shows below it; the spacing above stays 1rem. A short dialog looks as before.
   */
  dialog > .actions {
    position: sticky;
    bottom: -1.25rem;
    z-index: 1;
    margin: 0.25rem 0 -1.25rem;
    padding: 0.75rem 0 1.25rem;
    background: var(--tocsin-surface);
  }

  label {
    display: block;
    font-weight: 600;
    margin: 0.75rem 0 0.25rem;
  }

  textarea,
  input[type='text'],
  input[type='search'],
  input[type='tel'],
  input[type='email'],
  input[type='datetime-local'],
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--tocsin-touch);
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--tocsin-border);
    border-radius: 8px;
    background: var(--tocsin-bg);
    color: inherit;
    font: inherit;
  }

  textarea {
    min-height: 6rem;
    resize: vertical;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: var(--tocsin-touch);
    font-weight: 400;
    margin: 0;
  }

  label.check input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--tocsin-red);
  }

  .error {
    color: var(--tocsin-danger);
    font-weight: 600;
  }
`;
