import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Track } from 'livekit-client';
import { LocaleController } from '../../app/i18n/i18n.js';
import { buttons, content, tokens, visuallyHidden } from '../../ui/tokens.js';
import type { Contact } from '../../domain/contact.js';
import type { EmergencyNumber } from '../../domain/kit.js';
import { t } from './call-messages.js';
import type { CallSession } from './call-session.js';
import { callAnnouncements, callHeading } from './call-announcements.js';
import type { CallState } from './call-types.js';
import type { SafetyCode } from './safety-code.js';
import './tocsin-call-controls.js';
import './tocsin-call-fallbacks.js';
import './tocsin-call-stage.js';
import './tocsin-participant-list.js';
import './tocsin-safety-code.js';

/** After this many failed rejoin attempts, the phone fallbacks show under the banner. */
const FALLBACKS_AFTER_ATTEMPTS = 3;

/**
 * The call itself: banners for reconnecting, rejoining and trouble with sound or devices, the
 * controls, the safety code (right below them: everyone compares it as they join, so it is on the
 * first screen of a small phone), the participants' tiles (`<tocsin-call-stage>`), the participant
 * list on demand, and the remote participants' sound. Joins, departures and encryption problems are
 * announced in live regions (`call-announcements.ts` says what).
 *
 * The sound plays from audio elements of this view, not of the tiles, so that it goes on whatever
 * the layout shows or hides.
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
      const { status, alert } = callAnnouncements(this.previous, this.state);
      if (status) this._announcement = status;
      if (alert) this._alert = alert;
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
    return html`<h2 tabindex="-1">${callHeading(state.connection)}</h2>
      ${this.roomName ? html`<p class="room muted">${t('call.roomName', this.roomName)}</p>` : nothing}
      ${this.renderBanners(state)}
      <tocsin-call-controls
        class="primary"
        group="primary"
        .state=${state}
        .session=${this.session}
      ></tocsin-call-controls>
      <tocsin-safety-code .safety=${this.safety}></tocsin-safety-code>
      ${
        state.connection === 'rejoining'
          ? nothing
          : html`<tocsin-call-stage
                .state=${state}
                ?speaker-view=${this._speakerView}
              ></tocsin-call-stage>
              <tocsin-call-controls
                group="secondary"
                .state=${state}
                .session=${this.session}
                ?speaker-view=${this._speakerView}
                ?list-open=${this._listOpen}
                @toggle-speaker-view=${() => (this._speakerView = !this._speakerView)}
                @toggle-participants=${() => (this._listOpen = !this._listOpen)}
              ></tocsin-call-controls>
              ${
                this._listOpen
                  ? html`<tocsin-participant-list
                      .participants=${state.participants}
                    ></tocsin-participant-list>`
                  : nothing
              }`
      }
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
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-call-view': TocsinCallView;
  }
}
