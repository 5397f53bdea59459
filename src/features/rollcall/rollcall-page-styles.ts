// The look of the roll-call page: the status colours, the four answer buttons, the board and the
// list of members yet to answer (drawn by roll-call-board-view.ts into the page's shadow root).
import { css } from 'lit';

/** The roll-call page, after the shared tokens, buttons, page frame, content and dialog styles. */
export const rollcallPageStyles = css`
  .status-present {
    --status-color: var(--tocsin-ok);
  }

  .status-remote {
    --status-color: var(--tocsin-focus);
  }

  .status-unavailable {
    --status-color: var(--tocsin-muted);
  }

  .status-help {
    --status-color: var(--tocsin-danger);
  }

  .answers {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.75rem;
    margin: 0.75rem 0 0.5rem;
  }

  @media (max-width: 22rem) {
    .answers {
      grid-template-columns: 1fr;
    }
  }

  .answer {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-width: 0;
    min-height: 4.5rem;
    padding: 0.5rem;
    border: 3px solid var(--status-color);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
    color: var(--status-color);
    font: inherit;
    font-size: 1.0625rem;
    font-weight: 700;
    text-align: center;
    hyphens: auto;
    cursor: pointer;
  }

  .answer[aria-pressed='true'] {
    background: var(--status-color);
    color: var(--tocsin-on-accent);
  }

  .answer .tick {
    display: none;
  }

  .answer[aria-pressed='true'] .tick {
    display: inline;
  }

  .answer.status-unavailable {
    color: var(--tocsin-text);
  }

  .answer.status-unavailable[aria-pressed='true'] {
    color: var(--tocsin-on-accent);
  }

  .help-alert {
    margin: 0 0 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--tocsin-danger);
    border-radius: var(--tocsin-radius);
    color: var(--tocsin-danger);
    font-weight: 700;
  }

  ul.board,
  ul.unanswered {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  ul.board li,
  ul.unanswered li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    min-height: var(--tocsin-touch);
    padding: 0.5rem 0.75rem;
    border-top: 1px solid var(--tocsin-border);
  }

  ul.board li:first-child,
  ul.unanswered li:first-child {
    border-top: none;
  }

  ul.board li {
    box-shadow: inset 4px 0 0 var(--status-color);
  }

  ul.board li.status-help {
    background: color-mix(in srgb, var(--tocsin-danger) 10%, transparent);
    font-weight: 700;
  }

  .who {
    flex: 1 1 10rem;
    overflow-wrap: anywhere;
  }

  ul.board .who {
    flex-basis: 100%;
  }

  .answer-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }

  .badge {
    color: var(--status-color);
    font-weight: 700;
  }

  .status-unavailable .badge {
    color: var(--tocsin-text);
  }

  time {
    font-variant-numeric: tabular-nums;
    color: var(--tocsin-muted);
  }

  .number {
    display: block;
    color: var(--tocsin-muted);
    font-variant-numeric: tabular-nums;
  }

  .contact-actions {
    display: flex;
    gap: 0.5rem;
  }

  h2[tabindex]:focus {
    outline: none;
  }

  h3 {
    font-size: 1.0625rem;
    margin: 1.25rem 0 0.25rem;
  }
`;
