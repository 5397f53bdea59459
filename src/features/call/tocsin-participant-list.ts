import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { content, tokens } from '../../ui/tokens.js';
import { t } from './call-messages.js';
import type { CallParticipant } from './call-types.js';

/**
 * The call's participants as a list, in words: what the tiles show as badges and icons (encryption,
 * unverified, muted, camera off, speaking, connection), readable in one pass without the pictures.
 *
 * Its section has the id `participant-list`; each item carries `data-identity`.
 */
@customElement('tocsin-participant-list')
export class TocsinParticipantList extends LitElement {
  static override styles = [
    tokens,
    content,
    css`
      :host {
        display: block;
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

      .facts {
        display: block;
        color: var(--tocsin-muted);
        font-size: 0.9375rem;
      }

      .problem {
        color: var(--tocsin-danger);
        font-weight: 700;
      }
    `,
  ];

  /** Who is in the call, this device first. */
  @property({ attribute: false }) participants: readonly CallParticipant[] = [];

  protected readonly locale = new LocaleController(this);

  override render() {
    return html`<section class="card" id="participant-list" aria-labelledby="list-title">
      <h3 id="list-title">${t('call.list.title')}</h3>
      <ul class="people">
        ${this.participants.map((p) => this.renderParticipant(p))}
      </ul>
    </section>`;
  }

  private renderParticipant(p: CallParticipant) {
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
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-participant-list': TocsinParticipantList;
  }
}
