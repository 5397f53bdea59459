import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { ObserveController } from '../../app/observable.js';
import { hrefFor } from '../../app/router.js';
import type { AppServices } from '../../app/services.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, tokens } from '../../ui/tokens.js';
import { logTime } from '../../app/i18n/time-format.js';
import { memberName, signedMembers, type SignedMember } from '../../domain/signed-members.js';
import { t } from './sync-messages.js';
import { SyncProblemsDialog, syncProblemsStyles } from './sync-problems-dialog.js';
import {
  ALARMING_REASONS,
  alarmingCount,
  INITIAL_SYNC_STATUS,
  type PeerSync,
  type SyncStatus,
} from './sync-status.js';
import { syncStatusStyles } from './sync-status-styles.js';

/**
 * Where this device stands in the sharing of the cell's records: in the crisis room exchange or
 * not, each member present in sync or catching up, the changes waiting to be sent, when each
 * member's latest record arrived, the records refused (listed in a dialog), any member caught
 * signing two different records with the same number, and any member whose own signature is on
 * a refused record (the one who made it, never the one it names).
 *
 * For end-to-end tests the host carries `data-enrolled` ("true"/"false"), `data-connected`
 * ("true", absent when not in the exchange), `data-waiting`, `data-rejected` (the alarming
 * refusals), `data-in-sync`, `data-equivocators` and `data-culprits` (comma-separated member
 * ids, sorted).
 */
@customElement('tocsin-sync-status')
export class TocsinSyncStatus extends LitElement {
  static override styles = [
    tokens,
    buttons,
    content,
    dialogStyles,
    syncStatusStyles,
    syncProblemsStyles,
  ];

  /** The app's services: the sync's status and problems, and the directory for names. */
  @property({ attribute: false }) services!: AppServices;

  @state() private _members: readonly SignedMember[] = [];
  @state() private _selfId?: string;

  protected readonly locale = new LocaleController(this);
  protected readonly observer = new ObserveController(this, () =>
    this.services ? [this.services.sync.status] : [],
  );
  private readonly problems = new SyncProblemsDialog(
    this,
    async () => (await this.services.sync.problems()).rejections,
    (id) => this.name(id),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on a page: the exchange may have moved on while no one was looking. The first
    // connection is left to willUpdate, which reads it with the services.
    if (this.services && this.hasUpdated) this.refresh();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services') && this.services) {
      this.observer.resubscribe();
      this.refresh();
      void this.loadMembers();
    }
  }

  override updated(): void {
    const status = this.status();
    this.dataset['enrolled'] = String(status.enrolled);
    if (status.connected) this.dataset['connected'] = 'true';
    else delete this.dataset['connected'];
    this.dataset['waiting'] = String(status.waiting);
    this.dataset['rejected'] = String(alarmingCount(status));
    this.dataset['inSync'] = status.peers
      .filter(isInSync)
      .map((peer) => peer.identity)
      .sort()
      .join(',');
    this.dataset['equivocators'] = [...status.equivocators].sort().join(',');
    this.dataset['culprits'] = [...status.culprits].sort().join(',');
  }

  /** Opens the list of refused records. */
  openProblems(): Promise<void> {
    return this.problems.open();
  }

  private status(): SyncStatus {
    return this.services?.sync.status.value ?? INITIAL_SYNC_STATUS;
  }

  private refresh(): void {
    void this.services.sync.refresh().catch(() => undefined);
  }

  private async loadMembers(): Promise<void> {
    const services = this.services;
    try {
      const [contacts, kit] = await Promise.all([
        services.directory.list(),
        services.kit.loadInstalledKit(),
      ]);
      if (services !== this.services) return;
      this._members = signedMembers(contacts);
      this._selfId = kit?.member.id;
    } catch {
      // Without the directory, members show as their ids; the shell's banner says why.
    }
  }

  private name(id: string): string {
    const name = memberName(id, this._members);
    return id === this._selfId ? t('sync.you', name) : name;
  }

  override render() {
    const status = this.status();
    return html`${this.renderAlarms(status)}
      <section class="sync" aria-label=${t('sync.label')}>
        <div role="status" aria-live="polite">${this.renderSummary(status)}</div>
        ${this.renderPeers(status)} ${this.renderActions(status)} ${this.renderArrivals(status)}
      </section>
      ${this.problems.render()}`;
  }

  /**
   * The members whose own signatures prove them at fault, in red: who signed two records with one
   * number, and who signed a refused record. A member named for the first is not named again for
   * the second: their records are already said to be untrustworthy.
   */
  private renderAlarms(status: SyncStatus) {
    const culprits = [...status.culprits].filter((id) => !status.equivocators.includes(id)).sort();
    if (status.equivocators.length === 0 && culprits.length === 0) return nothing;
    return html`<div class="alarm" role="alert">
      ${status.equivocators.map(
        (id) => html`<p data-equivocator=${id}>${t('sync.equivocation', this.name(id))}</p>`,
      )}
      ${culprits.map((id) => html`<p data-culprit=${id}>${t('sync.culprits', this.name(id))}</p>`)}
    </div>`;
  }

  /** What the live region says: coarse enough that a catch-up does not chatter. */
  private renderSummary(status: SyncStatus) {
    const sentence = !status.enrolled
      ? t('sync.notEnrolled')
      : status.connected
        ? t('sync.connected')
        : t('sync.offline');
    const behind = status.peers.filter((peer) => !isInSync(peer)).length;
    const peersLine =
      !status.enrolled || !status.connected
        ? ''
        : status.peers.length === 0
          ? t('sync.alone')
          : behind === 0
            ? t('sync.allInSync', status.peers.length)
            : t('sync.catchingUp', behind, status.peers.length);
    // Not enrolled, nothing can be sent yet: the count matters only once there is one.
    const waiting = status.enrolled || status.waiting > 0 ? t('sync.waiting', status.waiting) : '';
    return html`<p class="connection">
        <span class="dot ${status.connected ? 'on' : ''}" aria-hidden="true"></span>
        <span>${sentence}</span>
      </p>
      ${peersLine || waiting ? html`<p class="detail">${peersLine} ${waiting}</p>` : nothing}`;
  }

  private renderPeers(status: SyncStatus) {
    if (!status.connected || status.peers.length === 0) return nothing;
    const peers = [...status.peers].sort((a, b) =>
      this.name(a.identity).localeCompare(this.name(b.identity)),
    );
    return html`<ul class="peers" aria-label=${t('sync.peers')}>
      ${peers.map(
        (peer) =>
          html`<li data-peer=${peer.identity} data-in-sync=${isInSync(peer) ? 'true' : 'false'}>
            ${this.name(peer.identity)} —
            <span class="peer-state ${isInSync(peer) ? 'in-sync' : ''}">${peerState(peer)}</span>
          </li>`,
      )}
    </ul>`;
  }

  /** Joining the room, and the refused records: kept out of the live region, being controls. */
  private renderActions(status: SyncStatus) {
    const join = status.enrolled && !status.connected;
    const alarming = alarmingCount(status);
    const setAside = Object.entries(status.rejected)
      .filter(([reason]) => !(ALARMING_REASONS as readonly string[]).includes(reason))
      .reduce((sum, [, count]) => sum + (count ?? 0), 0);
    if (!join && alarming === 0 && setAside === 0) return nothing;
    return html`<div class="actions-row">
        ${
          alarming > 0
            ? html`<button
                class="button danger"
                data-action="show-rejected"
                aria-haspopup="dialog"
                @click=${() => void this.openProblems()}
              >
                ${t('sync.rejected', alarming)}
              </button>`
            : nothing
        }
        ${
          join
            ? html`<a class="button secondary" href=${hrefFor('room')}>${t('sync.joinRoom')}</a>`
            : nothing
        }
      </div>
      ${
        setAside > 0
          ? html`<div class="set-aside">
              <p>${t('sync.setAside', setAside)}</p>
              ${
                alarming === 0
                  ? html`<button
                      class="button secondary"
                      data-action="show-rejected"
                      aria-haspopup="dialog"
                      @click=${() => void this.openProblems()}
                    >
                      ${t('sync.details')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  private renderArrivals(status: SyncStatus) {
    if (!status.enrolled) return nothing;
    const arrivals = [...status.lastArrival].sort((a, b) => (a.at < b.at ? 1 : -1));
    return html`<details>
      <summary>${t('sync.lastArrivals')}</summary>
      ${
        arrivals.length === 0
          ? html`<p>${t('sync.noArrivals')}</p>`
          : html`<ul>
              ${arrivals.map(
                (arrival) =>
                  html`<li data-arrival=${arrival.member}>
                    ${this.name(arrival.member)} —
                    <time datetime=${arrival.at}>${logTime(arrival.at)}</time>
                  </li>`,
              )}
            </ul>`
      }
    </details>`;
  }
}

/** A member present who holds everything this device holds, and nothing more. */
function isInSync(peer: PeerSync): boolean {
  return peer.missingHere === 0 && peer.missingThere === 0;
}

function peerState(peer: PeerSync): string {
  if (isInSync(peer)) return t('sync.inSync');
  const parts: string[] = [];
  if (peer.missingHere > 0) parts.push(t('sync.toReceive', peer.missingHere));
  if (peer.missingThere > 0) parts.push(t('sync.toSend', peer.missingThere));
  return parts.join(' · ');
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-sync-status': TocsinSyncStatus;
  }
}
