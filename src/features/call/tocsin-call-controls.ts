import { LitElement, css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { iconFrame } from '../../ui/icons.js';
import { buttons, tokens } from '../../ui/tokens.js';
import { t } from './call-messages.js';
import type { CallSession } from './call-session.js';
import type { CallState } from './call-types.js';

const icon = (body: SVGTemplateResult) => iconFrame(body, 24);

const icons = {
  mic: icon(
    svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0014 0"/><path d="M12 18v3"/>`,
  ),
  camera: icon(
    svg`<rect x="2.5" y="6" width="13" height="12" rx="2"/><path d="M15.5 10.5l6-3.5v10l-6-3.5"/>`,
  ),
  audioOnly: icon(
    svg`<path d="M4 14v-2a8 8 0 0116 0v2"/><rect x="3" y="14" width="4" height="6" rx="1.5"/><rect x="17" y="14" width="4" height="6" rx="1.5"/>`,
  ),
  leave: icon(
    svg`<path d="M10 17l5-5-5-5"/><path d="M15 12H3"/><path d="M14 3h5a2 2 0 012 2v14a2 2 0 01-2 2h-5"/>`,
  ),
  switchCamera: icon(svg`<path d="M4 8h11l-3-3"/><path d="M20 16H9l3 3"/>`),
  speaker: icon(
    svg`<rect x="3" y="3" width="18" height="12" rx="2"/><path d="M6 19h3M11 19h3M16 19h2"/>`,
  ),
  people: icon(
    svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/><path d="M16 4.5a3.5 3.5 0 010 7"/>`,
  ),
};

/**
 * The call's buttons, in two groups: `primary` holds mute, camera, audio only and leave (the ones
 * used in a hurry, kept in sight); `secondary` holds switch camera, speaker view, the participant
 * list and the sound output. Each is at least one touch target (48 px); toggles carry aria-pressed
 * with a label that does not change.
 * Fires `toggle-speaker-view` and `toggle-participants`; the rest goes to the session.
 */
@customElement('tocsin-call-controls')
export class TocsinCallControls extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }

      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: stretch;
      }

      /*
       * As wide as its longest word at least (min-content), so a label wraps inside its button
       * and never spills out of it ("Participants (2)"); the bar wraps when they do not fit.
       */
      .control {
        flex: 1 1 4.25rem;
        flex-direction: column;
        gap: 0.125rem;
        min-width: min-content;
        max-width: 9rem;
        padding: 0.375rem 0.375rem;
        font-size: 0.875rem;
        line-height: 1.15;
        text-align: center;
      }

      .control[aria-pressed='true'] {
        background: var(--tocsin-text);
        border-color: var(--tocsin-text);
        color: var(--tocsin-bg);
      }

      .control.off {
        background: var(--tocsin-surface);
        color: var(--tocsin-text);
        border-color: var(--tocsin-border);
      }

      .leave {
        background: var(--tocsin-danger);
        border-color: var(--tocsin-danger);
        margin-inline-start: auto;
      }

      label {
        display: flex;
        flex-direction: column;
        gap: 0.125rem;
        font-size: 0.875rem;
      }

      select {
        min-height: var(--tocsin-touch);
        font: inherit;
        font-size: 1rem;
        border-radius: var(--tocsin-radius);
        border: 2px solid var(--tocsin-border);
        background: var(--tocsin-surface);
        color: var(--tocsin-text);
        padding: 0 0.5rem;
        max-width: 16rem;
      }
    `,
  ];

  /** The call's state. */
  @property({ attribute: false }) state!: CallState;

  /** The session the buttons act on. */
  @property({ attribute: false }) session!: CallSession;

  /** Which buttons: the ones used in a hurry, or the others. */
  @property() group: 'primary' | 'secondary' = 'primary';

  /** Whether the speaker layout is on. */
  @property({ type: Boolean, attribute: 'speaker-view' }) speakerView = false;

  /** Whether the participant list is open. */
  @property({ type: Boolean, attribute: 'list-open' }) listOpen = false;

  protected readonly locale = new LocaleController(this);

  override render() {
    const state = this.state;
    if (!state) return nothing;
    const joined = state.connection === 'connected' || state.connection === 'reconnecting';
    const muted = !state.microphone;
    const cameraStopped = !state.camera;
    if (this.group === 'secondary') return this.renderSecondary(state);
    return html`<div class="bar" role="group" aria-label=${t('call.controls')}>
      <button
        class="button control ${muted ? 'off' : ''}"
        aria-pressed=${muted ? 'true' : 'false'}
        ?disabled=${!joined}
        @click=${() => void this.session.setMicrophoneEnabled(muted)}
      >
        ${icons.mic}<span>${t('call.control.mute')}</span>
      </button>
      <button
        class="button control ${cameraStopped ? 'off' : ''}"
        aria-pressed=${cameraStopped ? 'true' : 'false'}
        ?disabled=${!joined || state.audioOnly}
        @click=${() => void this.session.setCameraEnabled(cameraStopped)}
      >
        ${icons.camera}<span>${t('call.control.cameraOff')}</span>
      </button>
      <button
        class="button control secondary"
        aria-pressed=${state.audioOnly ? 'true' : 'false'}
        ?disabled=${!joined}
        @click=${() => void this.session.setAudioOnly(!state.audioOnly)}
      >
        ${icons.audioOnly}<span>${t('call.control.audioOnly')}</span>
      </button>
      <button class="button control leave" @click=${() => void this.session.leave()}>
        ${icons.leave}<span>${t('call.control.leave')}</span>
      </button>
    </div>`;
  }

  private renderSecondary(state: CallState) {
    const { cameras, speakers, activeSpeaker } = state.devices;
    return html`<div class="bar">
      ${
        cameras.length > 1 && state.camera
          ? html`<button
              class="button control secondary"
              @click=${() => void this.session.switchCamera()}
            >
              ${icons.switchCamera}<span>${t('call.control.switchCamera')}</span>
            </button>`
          : nothing
      }
      <button
        class="button control secondary"
        aria-pressed=${this.speakerView ? 'true' : 'false'}
        @click=${() => this.fire('toggle-speaker-view')}
      >
        ${icons.speaker}<span>${t('call.control.speakerView')}</span>
      </button>
      <button
        class="button control secondary"
        aria-expanded=${this.listOpen ? 'true' : 'false'}
        @click=${() => this.fire('toggle-participants')}
      >
        ${icons.people}<span>${t('call.control.participants', state.participants.length)}</span>
      </button>
      ${
        speakers.length > 1
          ? html`<label
              >${t('call.control.audioOutput')}
              <select
                @change=${(event: Event) =>
                  void this.session.setSpeaker((event.target as HTMLSelectElement).value)}
              >
                ${speakers.map(
                  (speaker) =>
                    html`<option
                      value=${speaker.deviceId}
                      ?selected=${speaker.deviceId === (activeSpeaker ?? 'default')}
                    >
                      ${
                        speaker.deviceId === 'default'
                          ? t('call.control.defaultOutput')
                          : speaker.label || t('call.control.outputN', speaker.ordinal)
                      }
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </div>`;
  }

  private fire(type: 'toggle-speaker-view' | 'toggle-participants'): void {
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-call-controls': TocsinCallControls;
  }
}
