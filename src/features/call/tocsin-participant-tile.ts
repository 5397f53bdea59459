import {
  LitElement,
  css,
  html,
  nothing,
  svg,
  type PropertyValues,
  type SVGTemplateResult,
} from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { iconFrame } from '../../ui/icons.js';
import { tokens, visuallyHidden } from '../../ui/tokens.js';
import type { Track } from 'livekit-client';
import { t } from './call-messages.js';
import type { CallParticipant } from './call-types.js';
import { markJoin } from './join-timeline.js';

const icon = (body: SVGTemplateResult) => iconFrame(body, 18);

const micOffIcon = icon(
  svg`<path d="M9 5a3 3 0 016 0v5"/><path d="M15 13.5A3 3 0 019 11"/><path d="M5 11a7 7 0 0012 4.9M19 11a7 7 0 01-.4 2.3"/><path d="M12 18v3"/><path d="M3 3l18 18"/>`,
);
const lockIcon = icon(
  svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 018 0v3"/>`,
);
const warningIcon = icon(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18v.01"/>`);
const cameraOffIcon = icon(
  svg`<path d="M15.5 10.5l6-3.5v10l-6-3.5"/><path d="M2.5 6h9a4 4 0 014 4v8h-11a2 2 0 01-2-2z"/><path d="M3 3l18 18"/>`,
);

/** The bars of the connection-quality indicator, by quality. */
const QUALITY_BARS = { excellent: 3, good: 2, poor: 1, lost: 0, unknown: 0 } as const;

/**
 * One participant of the call: their video (or their initials), their name from the signed
 * directory or their identity marked unverified, and what a glance must tell — muted, camera off,
 * connection quality, and above all whether their media is encrypted and decrypted.
 *
 * The host carries `data-identity`, `data-encryption`, `data-verified`, `data-local`,
 * `data-speaking`, `data-microphone` and `data-camera` for end-to-end tests; the `<video>` inside
 * shows the camera track.
 */
@customElement('tocsin-participant-tile')
export class TocsinParticipantTile extends LitElement {
  static override styles = [
    tokens,
    visuallyHidden,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
        border-radius: var(--tocsin-radius);
        overflow: hidden;
        background: #1d1b19;
        color: #ffffff;
        aspect-ratio: var(--tile-aspect, 16 / 9);
        container-type: inline-size;
        outline: 3px solid transparent;
        outline-offset: -3px;
      }

      :host([data-speaking='true']) {
        outline-color: #7fd494;
      }

      :host([data-encryption='cannot-decrypt']),
      :host([data-encryption='not-encrypted']) {
        outline-color: #ff8a80;
      }

      video {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        object-fit: var(--tile-fit, cover);
        background: #000000;
      }

      video[hidden] {
        display: none;
      }

      :host([data-local='true']) video {
        transform: scaleX(-1);
      }

      .initials {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        font-size: clamp(1.5rem, 8cqi, 3.5rem);
        font-weight: 700;
        color: #f1ece6;
      }

      .caption {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
        padding: 0.375rem 0.5rem;
        background: rgb(0 0 0 / 0.72);
        font-size: 0.9375rem;
        line-height: 1.3;
      }

      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
        flex: 1 1 auto;
        min-width: 0;
      }

      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        padding: 0 0.5rem;
        border-radius: 999px;
        font-size: 0.8125rem;
        font-weight: 700;
        white-space: nowrap;
      }

      .encryption.cannot-decrypt,
      .encryption.not-encrypted {
        white-space: normal;
      }

      .unverified,
      .encryption.cannot-decrypt,
      .encryption.not-encrypted {
        background: #b3261e;
        color: #ffffff;
      }

      .encryption.encrypted {
        background: #1e6b34;
        color: #ffffff;
      }

      .state {
        display: inline-flex;
        align-items: center;
      }

      .quality {
        display: inline-flex;
        align-items: flex-end;
        gap: 2px;
        height: 14px;
      }

      .quality span {
        width: 4px;
        background: rgb(255 255 255 / 0.35);
      }

      .quality span:nth-child(1) {
        height: 5px;
      }

      .quality span:nth-child(2) {
        height: 9px;
      }

      .quality span:nth-child(3) {
        height: 14px;
      }

      .quality span.on {
        background: #ffffff;
      }

      .quality.poor span.on,
      .quality.lost span.on {
        background: #ff8a80;
      }

      /* On a small tile (a phone's grid, the speaker strip) "Encrypted" is the lock alone; the
         problems keep their words. */
      @container (max-width: 14rem) {
        .caption {
          font-size: 0.8125rem;
          padding: 0.25rem 0.375rem;
        }

        .encryption.encrypted {
          padding: 0 0.25rem;
        }

        .encryption.encrypted .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }
    `,
  ];

  /** The participant to show. */
  @property({ attribute: false }) participant!: CallParticipant;

  @query('video') private video!: HTMLVideoElement;
  private attached?: Track;
  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('participant') && this.participant) {
      const p = this.participant;
      this.dataset['identity'] = p.identity;
      this.dataset['encryption'] = p.encryption;
      this.dataset['verified'] = String(p.verified);
      this.dataset['local'] = String(p.local);
      this.dataset['speaking'] = String(p.speaking);
      this.dataset['microphone'] = p.microphone;
      this.dataset['camera'] = p.camera;
    }
  }

  override updated(): void {
    const track = this.participant?.videoTrack;
    if (track === this.attached) return;
    this.attached?.detach(this.video);
    this.attached = track;
    track?.attach(this.video);
    if (track && !this.participant.local) markJoin('remote-video-attached');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.attached?.detach(this.video);
    this.attached = undefined;
  }

  override render() {
    const p = this.participant;
    if (!p) return nothing;
    const name = p.local ? t('call.you', p.name) : p.name;
    const bars = QUALITY_BARS[p.quality];
    return html`<video playsinline muted autoplay ?hidden=${!p.videoTrack}></video>
      ${p.videoTrack ? nothing : html`<div class="initials" aria-hidden="true">${initials(p.name)}</div>`}
      <div class="caption">
        <span class="name">${name}</span>
        ${
          p.verified
            ? nothing
            : html`<span class="badge unverified" title=${t('call.unverifiedHint')}
                >${t('call.unverified')}<span class="visually-hidden"
                  >: ${t('call.unverifiedHint')}</span
                ></span
              >`
        }
        <span class="badge encryption ${p.encryption}"
          >${p.encryption === 'encrypted' ? lockIcon : warningIcon}<span class="label"
            >${t(`call.encryption.${p.encryption}`)}</span
          ></span
        >
        ${
          p.microphone === 'on'
            ? nothing
            : html`<span class="state" title=${t('call.microphoneOff')}
                >${micOffIcon}<span class="visually-hidden">${t('call.microphoneOff')}</span></span
              >`
        }
        ${
          p.camera === 'on'
            ? nothing
            : html`<span class="state" title=${t('call.cameraOff')}
                >${cameraOffIcon}<span class="visually-hidden">${t('call.cameraOff')}</span></span
              >`
        }
        ${p.speaking ? html`<span class="visually-hidden">${t('call.speaking')}</span>` : nothing}
        <span class="quality ${p.quality}" title=${t(`call.quality.${p.quality}`)}
          ><span class=${bars >= 1 ? 'on' : ''}></span><span class=${bars >= 2 ? 'on' : ''}></span
          ><span class=${bars >= 3 ? 'on' : ''}></span
          ><span class="visually-hidden">${t(`call.quality.${p.quality}`)}</span></span
        >
      </div>`;
  }
}

/** One or two initials of a name, for a tile without video. */
function initials(name: string): string {
  const words = name.split(/[\s\-_.]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => [...word][0]!.toUpperCase()).join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-participant-tile': TocsinParticipantTile;
  }
}
