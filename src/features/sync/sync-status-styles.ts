// The look of <tocsin-sync-status>: the panel, its alarms, the members present and the last
// arrivals. The dialog's list of refusals has its own, in sync-problems-dialog.ts.
import { css } from 'lit';

/** The sync status panel, after the shared tokens, buttons, content and dialog styles. */
export const syncStatusStyles = css`
  :host {
    display: block;
    margin: 0 0 var(--tocsin-gap);
  }

  .sync {
    padding: 0.75rem 1rem;
    border: 1px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
    font-size: 0.9375rem;
  }

  .sync p {
    margin: 0 0 0.25rem;
  }

  .connection {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    font-weight: 600;
  }

  .dot {
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    /* Centred on the first line of the sentence, however many lines it wraps to. */
    margin-top: 0.375em;
    border-radius: 50%;
    background: var(--tocsin-muted);
  }

  .dot.on {
    background: var(--tocsin-ok);
  }

  .detail {
    padding-left: 1.375rem;
  }

  .button {
    font-size: 0.9375rem;
    padding: 0 1rem;
  }

  .button.danger {
    border-color: var(--tocsin-danger);
    background: var(--tocsin-danger);
  }

  .actions-row,
  .set-aside {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.5rem;
  }

  .set-aside p {
    flex: 1 1 14rem;
    margin: 0;
    color: var(--tocsin-muted);
  }

  ul.peers {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0 0 0 1.375rem;
  }

  .peer-state {
    color: var(--tocsin-muted);
    font-variant-numeric: tabular-nums;
  }

  .peer-state.in-sync {
    color: var(--tocsin-ok);
  }

  details {
    margin-top: 0.25rem;
  }

  summary {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--tocsin-touch);
    cursor: pointer;
    color: var(--tocsin-muted);
  }

  summary::before {
    content: '▸' / '';
  }

  details[open] summary::before {
    content: '▾' / '';
  }

  details ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  details li,
  ul.peers li {
    overflow-wrap: anywhere;
  }

  time {
    font-variant-numeric: tabular-nums;
  }

  .alarm {
    margin: 0 0 0.5rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--tocsin-danger);
    border-radius: var(--tocsin-radius);
    color: var(--tocsin-danger);
    background: var(--tocsin-surface);
    font-weight: 600;
  }

  .alarm p {
    margin: 0;
  }

  .alarm p + p {
    margin-top: 0.5rem;
  }

  @media print {
    :host {
      display: none;
    }
  }
`;
