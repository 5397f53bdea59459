import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { content, tokens } from '../../ui/tokens.js';
import { t } from './call-messages.js';
import { stageLayout } from './call-stage-layout.js';
import type { CallParticipant, CallState } from './call-types.js';
import './tocsin-participant-tile.js';

/**
 * The participants' tiles: in a grid (1–2 tiles full size, then 2 columns, more on tablets) or
 * with the active speaker large above a strip of the others.
 *
 * The layout's container carries `data-layout` (`grid` or `speaker`) and `data-count`.
 */
@customElement('tocsin-call-stage')
export class TocsinCallStage extends LitElement {
  static override styles = [
    tokens,
    content,
    css`
      :host {
        display: block;
      }

      .stage {
        display: grid;
        gap: 0.5rem;
        margin: 0 0 1rem;
        grid-template-columns: repeat(var(--columns, 1), minmax(0, 1fr));
        --tile-aspect: 4 / 3;
      }

      .stage.grid[data-count='2'] {
        --tile-aspect: 16 / 9;
      }

      .stage.grid[data-count='3'],
      .stage.grid[data-count='4'],
      .stage.grid[data-many] {
        --columns: 2;
      }

      @media (orientation: landscape) {
        .stage {
          --tile-aspect: 16 / 9;
        }

        .stage.grid[data-count='2'] {
          --columns: 2;
        }
      }

      @media (min-width: 48rem) {
        .stage.grid[data-many] {
          --columns: 3;
        }
      }

      @media (min-width: 72rem) {
        .stage.grid[data-count='7'],
        .stage.grid[data-count='8'],
        .stage.grid[data-crowd] {
          --columns: 4;
        }
      }

      .stage.speaker {
        --tile-fit: contain;
      }

      .strip {
        display: flex;
        gap: 0.5rem;
        overflow-x: auto;
        padding-bottom: 0.25rem;
      }

      .strip tocsin-participant-tile {
        flex: 0 0 9rem;
        --tile-aspect: 4 / 3;
        --tile-fit: cover;
      }

      .alone {
        margin: 0 0 1rem;
      }
    `,
  ];

  /** The call's state: its participants and who speaks. */
  @property({ attribute: false }) state!: CallState;

  /** Whether the active speaker is shown large. */
  @property({ type: Boolean, attribute: 'speaker-view' }) speakerView = false;

  protected readonly locale = new LocaleController(this);

  override render() {
    if (!this.state) return nothing;
    const layout = stageLayout(this.state, this.speakerView);
    const count = this.state.participants.length;
    if (layout.kind === 'speaker') {
      return html`<div class="stage speaker" data-layout="speaker" data-count=${count}>
        <tocsin-participant-tile .participant=${layout.main}></tocsin-participant-tile>
        <div class="strip">${tiles(layout.others)}</div>
      </div>`;
    }
    return html`<div
        class="stage grid"
        data-layout="grid"
        data-count=${count}
        ?data-many=${count > 4}
        ?data-crowd=${count > 8}
      >
        ${tiles(layout.participants)}
      </div>
      ${count <= 1 ? html`<p class="alone muted">${t('call.alone')}</p>` : nothing}`;
  }
}

/** One tile per participant, kept by identity so a tile's video survives a reordering. */
function tiles(participants: readonly CallParticipant[]) {
  return repeat(
    participants,
    (p) => p.identity,
    (p) => html`<tocsin-participant-tile .participant=${p}></tocsin-participant-tile>`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-call-stage': TocsinCallStage;
  }
}
