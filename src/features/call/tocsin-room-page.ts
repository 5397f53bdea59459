import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ObserveController, type Subscribable } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import type { Contact } from '../../domain/contact.js';
import type { VerifiedRoomAccess } from '../kit/kit-service.js';
import { t } from './call-messages.js';
import { cellMembersToCall, directoryMembersOf } from './call-participants.js';
import { currentCall, ensureCall, releaseIdleCall } from './active-call.js';
import type { CallSession, CallSessionOptions } from './call-session.js';
import type { CallState } from './call-types.js';
import { canEncryptCalls } from './e2ee.js';
import {
  renderCallEnded,
  renderServerStatus,
  serverStateOf,
  type ServerState,
} from './room-server-status.js';
import { RoomServerWatch } from './room-server-watch.js';
import { deriveSafetyCode, type SafetyCode } from './safety-code.js';
import type { ProbeResult } from './server-probe.js';
import './tocsin-call-fallbacks.js';
import './tocsin-call-view.js';
import type { TocsinCallView } from './tocsin-call-view.js';

/** What the page shows, one at a time; the host's `data-view`. */
export type RoomView =
  | 'loading'
  | 'not-enrolled'
  | 'tampered'
  | 'kit-error'
  | 'unsupported'
  | 'ready'
  | 'media'
  | 'connecting'
  | 'in-call'
  | 'unreachable'
  | 'left';

/** The views that offer to join, where the page says whether the kit's server answers. */
const PROBED_VIEWS: readonly RoomView[] = ['ready', 'media', 'left', 'unreachable'];

/** The kit's room, or why there is none. */
type Access =
  | { state: 'loading' }
  | { state: 'ready'; access: VerifiedRoomAccess }
  | { state: 'none' | 'tampered' | 'error' };

/**
 * The crisis room. Before joining it says why this device cannot join (no kit, a tampered kit, a
 * browser that cannot encrypt), or offers to join with or without the camera after saying what
 * the browser will ask, and whether the kit's server answers (asked again every half minute while
 * nobody is in the call). In the call it shows <tocsin-call-view>; when the room cannot be reached
 * or the call dropped for good, it says so plainly and offers the phone: every crisis-cell member,
 * "alert the cell" and the kit's emergency numbers — also before joining when the server is silent.
 *
 * The host carries `data-view` (a {@link RoomView}) and `data-connection` (the call's connection:
 * idle, connecting, connected, reconnecting, rejoining, unreachable or left).
 */
@customElement('tocsin-room-page')
export class TocsinRoomPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    css`
      :host([data-view='in-call']) {
        max-width: 80rem;
      }

      h2:focus {
        outline: none;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 1rem 0 0;
      }

      .join {
        min-height: 3.5rem;
        font-size: 1.1875rem;
      }
    `,
  ];

  /** Options for the call session; tests hand in the E2EE worker's factory. */
  @property({ attribute: false }) sessionOptions: CallSessionOptions = {};

  @state() private _access: Access = { state: 'loading' };
  @state() private _contacts: readonly Contact[] = [];
  @state() private _safety?: SafetyCode;
  private session?: CallSession;
  private shownView?: RoomView;
  private readonly encryptionSupported = canEncryptCalls();
  private readonly serverWatch = new RoomServerWatch(this, {
    url: () => this.livekitUrl(),
    wanted: () => PROBED_VIEWS.includes(this.view()),
  });

  protected readonly observer = new ObserveController(this, () => {
    const sources: Subscribable[] = [];
    if (this.services) sources.push(this.services.crisisKit.integrity);
    if (this.session) sources.push(this.session.state);
    return sources;
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services) {
      // Back on the room page during a call: show the call that went on meanwhile.
      this.session ??= currentCall();
      this.observer.resubscribe();
      void this.load();
    }
  }

  override updated(): void {
    const view = this.view();
    this.dataset['view'] = view;
    this.dataset['connection'] = this.session?.state.value.connection ?? 'idle';
    const server = this.serverState();
    if (server) this.dataset['server'] = server;
    else delete this.dataset['server'];
    // A new state is announced by focusing its heading; the first one is the router's to focus.
    if (this.shownView !== undefined && view !== this.shownView) void this.focusState(view);
    this.shownView = view;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A call in progress goes on while the member uses other pages; one that ended is let go.
    if (this.services) releaseIdleCall(this.services);
    this.session = undefined;
  }

  private async load(): Promise<void> {
    const services = this.services;
    try {
      const [access, contacts] = await Promise.all([
        services.crisisKit.roomAccess(),
        services.directory.list(),
      ]);
      if (services !== this.services) return;
      this._contacts = contacts;
      if (!access) {
        const integrity = services.crisisKit.integrity.value.state;
        this._access = { state: integrity === 'tampered' ? 'tampered' : 'none' };
        return;
      }
      this._access = { state: 'ready', access };
      this._safety = await deriveSafetyCode(access.roomKey, access.room.roomName);
    } catch {
      if (services === this.services) this._access = { state: 'error' };
    }
  }

  private view(): RoomView {
    const access = this._access;
    if (access.state === 'loading') return 'loading';
    if (access.state === 'none') return 'not-enrolled';
    if (access.state === 'tampered') return 'tampered';
    if (access.state === 'error') return 'kit-error';
    if (!this.encryptionSupported) return 'unsupported';
    const call = this.session?.state.value;
    if (!call) return 'ready';
    switch (call.connection) {
      case 'idle':
        if (call.problem?.kind === 'unsupported') return 'unsupported';
        return call.media ? 'media' : 'ready';
      case 'connecting':
        return 'connecting';
      case 'connected':
      case 'reconnecting':
      case 'rejoining':
        return 'in-call';
      case 'unreachable':
        return 'unreachable';
      case 'left':
        return 'left';
    }
  }

  private async focusState(view: RoomView): Promise<void> {
    await this.updateComplete;
    if (view === 'in-call') {
      await this.renderRoot.querySelector<TocsinCallView>('tocsin-call-view')?.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h2[tabindex]')?.focus();
    }
  }

  private join(options: { audioOnly?: boolean; listenOnly?: boolean } = {}): void {
    if (this._access.state !== 'ready') return;
    if (!this.session) {
      this.session = ensureCall(this.services, this.sessionOptions);
      this.observer.resubscribe();
    }
    void this.session.join({
      access: this._access.access,
      directoryMembers: directoryMembersOf(this._contacts),
      ...options,
    });
    this.requestUpdate();
  }

  override render() {
    return html`<h1 tabindex="-1">${t('room.title')}</h1>
      ${this.renderView(this.view())}`;
  }

  private renderView(view: RoomView) {
    const access = this._access.state === 'ready' ? this._access.access : undefined;
    switch (view) {
      case 'loading':
        return html`<p role="status" class="muted">${t('call.loading')}</p>`;
      case 'not-enrolled':
        return html`<section class="card">
          <h2 tabindex="-1">${t('call.notEnrolled.title')}</h2>
          <p>${t('call.notEnrolled.body')}</p>
          ${this.encryptionSupported ? html`<p class="ok">${t('call.capable')}</p>` : nothing}
          <a class="button" href="#/enroll">${t('call.notEnrolled.action')}</a>
        </section>`;
      case 'tampered':
        // Nothing from the altered kit is used: not its room, not its phone numbers.
        return html`<section class="card" role="alert">
          <h2 tabindex="-1">${t('call.tampered.title')}</h2>
          <p>${t('call.tampered.body')}</p>
          <a class="button" href="#/enroll">${t('call.tampered.action')}</a>
        </section>`;
      case 'kit-error':
        return html`<section class="card">
          <h2 tabindex="-1">${t('call.kitError.title')}</h2>
          <p>${t('call.kitError.body')}</p>
        </section>`;
      case 'unsupported':
        return html`<section class="card">
            <h2 tabindex="-1">${t('call.unsupported.title')}</h2>
            <p class="warning">${t('call.unsupported.body')}</p>
          </section>
          ${this.renderFallbacks(access)}`;
      case 'ready':
        return this.renderReady(access!);
      case 'media':
        return this.renderMediaProblem();
      case 'connecting':
        return html`<section class="card">
          <h2 tabindex="-1">${t('call.connecting.title')}</h2>
          <p role="status">${t('call.connecting.body')}</p>
        </section>`;
      case 'in-call':
        return html`<tocsin-call-view
          .state=${this.session!.state.value}
          .session=${this.session!}
          .safety=${this._safety}
          .roomName=${access!.room.roomName}
          .members=${this.fallbackMembers(access)}
          .emergencyNumbers=${access!.room.emergencyNumbers}
        ></tocsin-call-view>`;
      case 'unreachable':
        return this.renderEnded(this.session!.state.value, access);
      case 'left':
        return html`<section class="card">
          <h2 tabindex="-1">${t('call.left.title')}</h2>
          ${renderServerStatus(this.serverProbe())}
          <div class="actions">
            <button class="button join" @click=${() => this.join(this.lastMode())}>
              ${t('call.rejoin')}
            </button>
          </div>
        </section>`;
    }
  }

  private renderReady(access: VerifiedRoomAccess) {
    return html`<section class="card">
        <h2 tabindex="-1">${t('call.ready.title')}</h2>
        <p class="muted">${t('call.roomName', access.room.roomName)}</p>
        ${renderServerStatus(this.serverProbe())}
        <p>${t('call.ready.permission')}</p>
        <p>${t('call.ready.encrypted')}</p>
        <div class="actions">
          <button class="button join" @click=${() => this.join()}>${t('call.join')}</button>
          <button class="button secondary join" @click=${() => this.join({ audioOnly: true })}>
            ${t('call.joinAudio')}
          </button>
        </div>
      </section>
      ${this.serverState() === 'unreachable' ? this.renderFallbacks(access) : nothing}`;
  }

  /** The kit's LiveKit server, when the verified kit is read. */
  private livekitUrl(): string | undefined {
    return this._access.state === 'ready' ? this._access.access.room.livekitUrl : undefined;
  }

  /** The latest answer of the kit's server, while the page offers to join. */
  private serverProbe(): ProbeResult | undefined {
    const url = this.livekitUrl();
    if (!url || !PROBED_VIEWS.includes(this.view())) return undefined;
    return this.serverWatch.resultFor(url);
  }

  /** What the page says of the kit's server now; the host's `data-server`. */
  private serverState(): ServerState | undefined {
    if (!this.livekitUrl() || !PROBED_VIEWS.includes(this.view())) return undefined;
    return serverStateOf(this.serverProbe());
  }

  private renderMediaProblem() {
    const media = this.session!.state.value.media!;
    const wasAudioOnly = media.device === 'microphone';
    const explanation = {
      denied: t('call.media.denied'),
      'not-found': t('call.media.notFound'),
      'in-use': t('call.media.inUse'),
      other: t('call.media.other'),
    }[media.kind];
    return html`<section class="card" data-media=${media.kind}>
      <h2 tabindex="-1">${t('call.media.title')}</h2>
      <p>${explanation}</p>
      ${media.kind === 'denied' ? html`<p>${t('call.media.deniedHowTo')}</p>` : nothing}
      <p>${t('call.media.options')}</p>
      ${renderServerStatus(this.serverProbe())}
      <div class="actions">
        <button class="button" @click=${() => this.join({ audioOnly: wasAudioOnly })}>
          ${t('call.media.retry')}
        </button>
        ${
          wasAudioOnly
            ? nothing
            : html`<button class="button secondary" @click=${() => this.join({ audioOnly: true })}>
                ${t('call.joinAudio')}
              </button>`
        }
        <button class="button secondary" @click=${() => this.join({ listenOnly: true })}>
          ${t('call.joinListen')}
        </button>
      </div>
    </section>`;
  }

  private renderEnded(call: CallState, access?: VerifiedRoomAccess) {
    return html`${renderCallEnded(call, this.serverProbe(), () => void this.session?.retry())}
    ${this.renderFallbacks(access)}`;
  }

  private renderFallbacks(access?: VerifiedRoomAccess) {
    return html`<tocsin-call-fallbacks
      .members=${this.fallbackMembers(access)}
      .emergencyNumbers=${access?.room.emergencyNumbers ?? []}
    ></tocsin-call-fallbacks>`;
  }

  private fallbackMembers(access?: VerifiedRoomAccess): Contact[] {
    return access ? cellMembersToCall(this._contacts, access.member.id) : [];
  }

  /** Joins again as last time: audio only or listening only if that was the choice. */
  private lastMode(): { audioOnly?: boolean; listenOnly?: boolean } {
    const call = this.session?.state.value;
    return { audioOnly: call?.audioOnly ?? false, listenOnly: call?.listenOnly ?? false };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-room-page': TocsinRoomPage;
  }
}
