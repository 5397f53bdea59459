import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Track } from 'livekit-client';
import { currentLocale, LocaleController } from '../../app/i18n/i18n.js';
import { buttons, content, tokens, visuallyHidden } from '../../ui/tokens.js';
import type { Contact } from '../directory/contact.js';
import type { EmergencyNumber } from '../kit/format/kit-types.js';
import { t } from './call-messages.js';
import type { CallParticipant, CallSession, CallState } from './call-session.js';
import type { SafetyCode } from './safety-code.js';
import './tocsin-call-controls.js';
import './tocsin-call-fallbacks.js';
import './tocsin-participant-tile.js';

/** After this many failed rejoin attempts, the phone fallbacks show under the banner. */
const FALLBACKS_AFTER_ATTEMPTS = 3;

/**
 * The call itself: banners for reconnecting and rejoining, the controls, the participants' tiles
 * in a grid (1–2 tiles full size, then 2 columns, more on tablets) or with the active speaker
 * large, the safety code, the participant list, and the remote participants' sound.
 * Joins, departures and encryption problems are announced in live regions.
 *
 * The safety code's element carries `data-safety-code` (the digits) and `data-safety-words`.
 */
@customElement('tocsin-call-view')
export class TocsinCallView extends LitElement {
  static override styles = [
    tokens,
    visuallyHidden,
    buttons,
    content,
    css`
      :host {
        display: block;
      }

      h2:focus {
        outline: none;
      }

      .room {
        margin: -0.5rem 0 0.75rem;
      }

      .banner {
        margin: 0 0 0.75rem;
        padding: 0.75rem 1rem;
        border-radius: var(--tocsin-radius);
        border: 2px solid var(--tocsin-warn);
        background: var(--tocsin-surface);
        font-weight: 600;
      }

      .banner p {
        margin: 0;
      }

      .banner p + p,
      .banner .button {
        margin-top: 0.5rem;
      }

      .banner.danger {
        border-color: var(--tocsin-danger);
      }

      tocsin-call-controls {
        margin: 0 0 1rem;
      }

      /* Mute and leave stay in sight while the tiles and the safety code scroll. */
      tocsin-call-controls.primary {
        position: sticky;
        top: 0;
        z-index: 2;
        padding: 0.5rem 0;
        margin: 0 0 0.5rem;
        background: var(--tocsin-bg);
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

      .safety {
        text-align: center;
      }

      .safety .words {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.25rem 1rem;
        margin: 0.25rem 0 0.5rem;
        font-size: 1.625rem;
        font-weight: 700;
        letter-spacing: 0.01em;
      }

      .safety .digits {
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
        font-size: 1.25rem;
        font-variant-numeric: tabular-nums;
        margin: 0 0 0.5rem;
      }

      .safety p {
        margin: 0 0 0.5rem;
      }

      .people {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      .people li {
        padding: 0.5rem 0;
        border-top: 1px solid var(--tocsin-border);
      }

      .people li:first-child {
        border-top: none;
      }

      .people .facts {
        display: block;
        color: var(--tocsin-muted);
        font-size: 0.9375rem;
      }

      .people .problem {
        color: var(--tocsin-danger);
        font-weight: 700;
      }
    `,
  ];

  /** The call's state. */
  @property({ attribute: false }) state!: CallState;

  /** The session the controls act on. */
  @property({ attribute: false }) session!: CallSession;

  /** The room's safety code, once derived. */
  @property({ attribute: false }) safety?: SafetyCode;

  /** The room's name, as the kit gives it. */
  @property({ attribute: false }) roomName = '';

  /** Crisis-cell members to call while the room cannot be rejoined. */
  @property({ attribute: false }) members: readonly Contact[] = [];

  /** The kit's emergency numbers. */
  @property({ attribute: false }) emergencyNumbers: readonly EmergencyNumber[] = [];

  @state() private _speakerView = false;
  @state() private _listOpen = false;
  @state() private _announcement = '';
  @state() private _alert = '';

  private previous?: CallState;
  private readonly playing = new Map<HTMLAudioElement, Track>();
  protected readonly locale = new LocaleController(this);

  /** Moves focus to the call's heading, for screen readers to say where they are. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') && this.state) {
      this.announceChanges(this.previous, this.state);
      this.previous = this.state;
    }
  }

  override updated(): void {
    this.attachAudio();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [element, track] of this.playing) track.detach(element);
    this.playing.clear();
  }

  override render() {
    const state = this.state;
    if (!state) return nothing;
    return html`<h2 tabindex="-1">${t('call.inCall.title')}</h2>
      ${this.roomName ? html`<p class="room muted">${t('call.roomName', this.roomName)}</p>` : nothing}
      ${this.renderBanners(state)}
      <tocsin-call-controls
        class="primary"
        group="primary"
        .state=${state}
        .session=${this.session}
      ></tocsin-call-controls>
      ${
        state.connection === 'rejoining'
          ? nothing
          : html`${this.renderStage(state)}
              <tocsin-call-controls
                group="secondary"
                .state=${state}
                .session=${this.session}
                ?speaker-view=${this._speakerView}
                ?list-open=${this._listOpen}
                @toggle-speaker-view=${() => (this._speakerView = !this._speakerView)}
                @toggle-participants=${() => (this._listOpen = !this._listOpen)}
              ></tocsin-call-controls>
              ${this._listOpen ? this.renderList(state) : nothing}`
      }
      ${this.renderSafetyCode()}
      <div class="audio" hidden>
        ${repeat(
          state.participants.filter((p) => p.audioTrack),
          (p) => p.audioTrack!.sid ?? p.identity,
          (p) => html`<audio data-identity=${p.identity}></audio>`,
        )}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      <div class="visually-hidden" role="alert">${this._alert}</div>`;
  }

  private renderBanners(state: CallState) {
    const banners = [];
    if (state.connection === 'reconnecting') {
      banners.push(html`<div class="banner" role="status"><p>${t('call.reconnecting')}</p></div>`);
    }
    if (state.connection === 'rejoining') {
      const long = state.rejoinAttempt > FALLBACKS_AFTER_ATTEMPTS;
      banners.push(
        html`<div class="banner danger" role="status">
            <p>${t('call.rejoining')}</p>
            ${
              state.rejoinAttempt > 1
                ? html`<p>${t('call.rejoiningAttempt', state.rejoinAttempt)}</p>`
                : nothing
            }
            ${long ? html`<p>${t('call.stillRejoining')}</p>` : nothing}
          </div>
          ${
            long
              ? html`<tocsin-call-fallbacks
                  .members=${this.members}
                  .emergencyNumbers=${this.emergencyNumbers}
                ></tocsin-call-fallbacks>`
              : nothing
          }`,
      );
    }
    if (state.audioBlocked) {
      banners.push(
        html`<div class="banner">
          <p>${t('call.audioBlocked')}</p>
          <button class="button" @click=${() => void this.session.startAudio()}>
            ${t('call.startAudio')}
          </button>
        </div>`,
      );
    }
    if (state.mediaStalled) {
      banners.push(html`<div class="banner danger"><p>${t('call.mediaStalled')}</p></div>`);
    }
    if (state.encryptionError) {
      banners.push(html`<div class="banner danger"><p>${t('call.encryptionProblem')}</p></div>`);
    }
    if (state.media) {
      const key =
        state.media.device !== 'camera'
          ? 'call.media.micLost'
          : state.media.phase === 'join'
            ? 'call.media.noCamera'
            : 'call.media.cameraLost';
      banners.push(html`<div class="banner"><p>${t(key)}</p></div>`);
    }
    return banners;
  }

  private renderStage(state: CallState) {
    const participants = state.participants;
    const count = participants.length;
    if (this._speakerView && count > 1) {
      const main = this.speaker(state);
      const others = participants.filter((p) => p !== main);
      return html`<div class="stage speaker" data-layout="speaker" data-count=${count}>
        <tocsin-participant-tile .participant=${main}></tocsin-participant-tile>
        <div class="strip">
          ${repeat(
            others,
            (p) => p.identity,
            (p) => html`<tocsin-participant-tile .participant=${p}></tocsin-participant-tile>`,
          )}
        </div>
      </div>`;
    }
    return html`<div
        class="stage grid"
        data-layout="grid"
        data-count=${count}
        ?data-many=${count > 4}
        ?data-crowd=${count > 8}
      >
        ${repeat(
          participants,
          (p) => p.identity,
          (p) => html`<tocsin-participant-tile .participant=${p}></tocsin-participant-tile>`,
        )}
      </div>
      ${count <= 1 ? html`<p class="alone muted">${t('call.alone')}</p>` : nothing}`;
  }

  /** Who the speaker layout shows large: who speaks now, else who spoke last, else someone else. */
  private speaker(state: CallState): CallParticipant {
    const remote = state.participants.filter((p) => !p.local);
    const byIdentity = (identity?: string) => remote.find((p) => p.identity === identity);
    return (
      state.activeSpeakers.map(byIdentity).find(Boolean) ??
      byIdentity(state.lastSpeaker) ??
      remote[0] ??
      state.participants[0]!
    );
  }

  private renderSafetyCode() {
    const safety = this.safety;
    if (!safety) return nothing;
    const words = safety.words[currentLocale()];
    return html`<section
      class="card safety"
      aria-labelledby="safety-title"
      data-safety-code=${safety.digits.join(' ')}
      data-safety-words=${words.join(' ')}
    >
      <h3 id="safety-title">${t('call.safety.title')}</h3>
      <p>${t('call.safety.readAloud')}</p>
      <p class="words">${words.map((word) => html`<span>${word}</span>`)}</p>
      <p class="digits">
        <span class="visually-hidden">${t('call.safety.digits')}: </span>${safety.digits.join(' ')}
      </p>
      <p class="muted">${t('call.safety.different')}</p>
    </section>`;
  }

  private renderList(state: CallState) {
    return html`<section class="card" id="participant-list" aria-labelledby="list-title">
      <h3 id="list-title">${t('call.list.title')}</h3>
      <ul class="people">
        ${state.participants.map((p) => {
          const problem = p.encryption !== 'encrypted';
          const facts = [
            p.verified ? '' : t('call.unverified'),
            p.microphone === 'on' ? '' : t('call.microphoneOff'),
            p.camera === 'on' ? '' : t('call.cameraOff'),
            p.speaking ? t('call.speaking') : '',
            t(`call.quality.${p.quality}`),
          ].filter(Boolean);
          return html`<li data-identity=${p.identity}>
            ${p.local ? t('call.you', p.name) : p.name}
            <span class="facts">
              <span class=${problem ? 'problem' : ''}>${t(`call.encryption.${p.encryption}`)}</span>
              · ${facts.join(' · ')}
            </span>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** Plays each remote participant's sound in its own audio element (even when tiles are hidden). */
  private attachAudio(): void {
    const tracks = new Map(
      this.state?.participants.filter((p) => p.audioTrack).map((p) => [p.identity, p.audioTrack!]),
    );
    for (const [element, track] of this.playing) {
      if (!element.isConnected || tracks.get(element.dataset['identity'] ?? '') !== track) {
        track.detach(element);
        this.playing.delete(element);
      }
    }
    for (const element of this.renderRoot.querySelectorAll<HTMLAudioElement>('audio')) {
      const track = tracks.get(element.dataset['identity'] ?? '');
      if (track && !this.playing.has(element)) {
        track.attach(element);
        this.playing.set(element, track);
      }
    }
  }

  /** Tells screen readers who joined or left, and any encryption problem, as it happens. */
  private announceChanges(previous: CallState | undefined, next: CallState): void {
    if (next.connection !== 'connected') return;
    if (previous?.connection !== 'connected') {
      this._announcement = t('call.announce.connected', Math.max(0, next.participants.length - 1));
    } else {
      const before = new Map(previous.participants.map((p) => [p.identity, p]));
      const after = new Set(next.participants.map((p) => p.identity));
      const messages: string[] = [];
      for (const p of next.participants) {
        if (before.has(p.identity) || p.local) continue;
        messages.push(
          p.verified
            ? t('call.announce.joined', p.name)
            : t('call.announce.joinedUnverified', p.name),
        );
      }
      for (const p of previous.participants) {
        if (!after.has(p.identity)) messages.push(t('call.announce.left', p.name));
      }
      if (messages.length) this._announcement = messages.join(' ');
    }
    const problems: string[] = [];
    const before = new Map(previous?.participants.map((p) => [p.identity, p.encryption]));
    for (const p of next.participants) {
      if (p.local || p.encryption === 'encrypted' || before.get(p.identity) === p.encryption) {
        continue;
      }
      problems.push(
        p.encryption === 'cannot-decrypt'
          ? t('call.announce.cannotDecrypt', p.name)
          : t('call.announce.notEncrypted', p.name),
      );
    }
    if (problems.length) this._alert = problems.join(' ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-call-view': TocsinCallView;
  }
}
