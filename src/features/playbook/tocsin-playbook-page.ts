import { css, html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { customElement, state } from 'lit/decorators.js';
import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { failureOf } from '../../app/failure-message.js';
import { ObserveController } from '../../app/observable.js';
import { PageElement } from '../../app/page-element.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-file-button.js';
import { downloadText, fileDate } from '../../ui/download.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import type { Crisis } from '../../domain/log.js';
import type { Profile } from '../settings/settings-store.js';
import { memberName, signedMembers, type SignedMember } from '../../domain/signed-members.js';
import {
  PHASE_NAMES,
  PHASES,
  type ChecklistTick,
  type PhaseId,
  type Playbook,
  type PlaybookItem,
} from '../../domain/playbook.js';
import { parsePlaybookJson, serializePlaybook } from '../../domain/playbook-json.js';
import { toCacao } from './playbook-cacao.js';
import { checklistStyles, renderChecklist } from './playbook-checklist.js';
import type { PlaybookOrigin } from './playbook-store.js';
import { playbookProgress } from '../../domain/playbook-progress.js';

type RoleFilter = 'all' | 'mine' | CrisisRoleId;

/**
 * The crisis playbook: phases × roles × checklist items. During a crisis each item is ticked in
 * one tap, by whom and when, and every tick is also written to the main courante. The page says
 * where its playbook comes from: the signed kit's own (its title, which organisation, which kit),
 * a file imported here, or Tocsin's default — also when it is the kit that carries the default.
 */
@customElement('tocsin-playbook-page')
export class TocsinPlaybookPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    checklistStyles,
    css`
      .toolbar,
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
      }

      .filters > div {
        flex: 1 1 12rem;
      }

      progress {
        width: 100%;
        height: 0.875rem;
        accent-color: var(--tocsin-red);
      }

      .notice {
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--tocsin-warn);
        background: var(--tocsin-surface);
      }

      div.notice > p {
        margin: 0;
      }
    `,
  ];

  @state() private _playbook?: { playbook: Playbook; origin: PlaybookOrigin };
  @state() private _kit?: InstalledKitSummary;
  @state() private _crisis?: Crisis | null;
  @state() private _ticks = new Map<string, ChecklistTick>();
  @state() private _profile?: Profile;
  /** The signed directory's members: a tick made once enrolled holds its signer's member id. */
  @state() private _members: readonly SignedMember[] = [];
  @state() private _phase: PhaseId | 'all' = 'all';
  @state() private _role: RoleFilter = 'all';
  @state() private _notice = '';
  /** What the browser or the file reader said, behind "Technical details" under the notice. */
  @state() private _noticeDetail = '';
  @state() private _busy = new Set<string>();

  protected readonly observer = new ObserveController(this, () =>
    this.services ? [this.services.playbooks.revision, this.services.crisisKit.integrity] : [],
  );
  private loadedRevision = -1;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) this.observer.resubscribe();
    if (this.services && this.loadedRevision !== this.services.playbooks.revision.value) {
      this.loadedRevision = this.services.playbooks.revision.value;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const [active, crises, profile, kit, contacts] = await Promise.all([
        this.services.playbooks.active(),
        this.services.log.listCrises(),
        this.services.settings.loadProfile(),
        this.services.kit.loadInstalledKit(),
        this.services.directory.list(),
      ]);
      const crisis = crises.find((c) => !c.closedAt) ?? null;
      const ticks = crisis ? await this.services.log.ticks(crisis.id) : [];
      this._playbook = active;
      this._kit = kit;
      this._crisis = crisis;
      // An enrolled member ticks under the name the signed kit gives them, unless they chose one.
      this._profile = profile ?? (kit ? { name: kit.member.displayName } : undefined);
      this._ticks = new Map(ticks.map((tick) => [tick.itemId, tick]));
      this._members = signedMembers(contacts);
      if (this._role === 'all' && profile?.role) this._role = 'mine';
    } catch (error) {
      this.showFailure('playbook.loadFailed', failureOf(error, 'reload'));
    }
  }

  private visibleItems(playbook: Playbook): PlaybookItem[] {
    const role =
      this._role === 'mine' ? this._profile?.role : this._role === 'all' ? undefined : this._role;
    return playbook.items.filter(
      (item) =>
        (this._phase === 'all' || item.phase === this._phase) &&
        (!role || item.role === role || item.links?.roles?.includes(role)),
    );
  }

  private async toggle(item: PlaybookItem, done: boolean): Promise<void> {
    const crisis = this._crisis;
    const by = this._profile?.name;
    if (!crisis || !by || this._busy.has(item.id)) return;
    this._busy = new Set([...this._busy, item.id]);
    const text = item.text[currentLocale()];
    try {
      await this.services.playbooks.setItemDone({
        crisisId: crisis.id,
        item,
        by,
        done,
        entryText: done ? t('playbook.tickEntry', text) : t('playbook.untickEntry', text),
      });
      const ticks = await this.services.log.ticks(crisis.id);
      this._ticks = new Map(ticks.map((tick) => [tick.itemId, tick]));
      this._notice = '';
      this._noticeDetail = '';
    } catch (error) {
      this.showFailure('playbook.tickFailed', failureOf(error));
    } finally {
      const busy = new Set(this._busy);
      busy.delete(item.id);
      this._busy = busy;
    }
  }

  override render() {
    if (!this._playbook) {
      return html`<h1 tabindex="-1">${t('playbook.title')}</h1>
        <p role="status">${t('app.loading')}</p>`;
    }
    const { playbook, origin } = this._playbook;
    const locale = currentLocale();
    const items = this.visibleItems(playbook);
    const ticks = [...this._ticks.values()];
    const fullProgress = playbookProgress(playbook.items, ticks);
    const progress = fullProgress.overall;
    return html`<h1 tabindex="-1">${playbook.title[locale]}</h1>
      ${this.renderOrigin(origin, playbook)}
      ${
        this._notice
          ? html`<div class="notice" role="alert">
              <p>${this._notice}</p>
              ${renderErrorDetails(this._noticeDetail)}
            </div>`
          : nothing
      }
      ${
        this._crisis
          ? html`<section class="card" aria-label=${this._crisis.name}>
              <strong>${this._crisis.name}</strong> —
              ${t('playbook.progress', progress.done, progress.total)}
              <progress max=${progress.total} .value=${progress.done} aria-hidden="true"></progress>
              <details>
                <summary>${t('playbook.byRole')}</summary>
                <dl class="facts">
                  ${CRISIS_ROLES.filter((role) => fullProgress.byRole.get(role)?.total).map(
                    (role) => {
                      const p = fullProgress.byRole.get(role)!;
                      return html`<dt>${ROLE_NAMES[role][locale]}</dt>
                        <dd>${t('playbook.progress', p.done, p.total)}</dd>`;
                    },
                  )}
                </dl>
              </details>
              ${this._profile ? nothing : html`<p class="notice">${t('playbook.noAuthor')}</p>`}
            </section>`
          : html`<p class="notice">
              ${t('playbook.noCrisis')} <a href="#/log">${t('log.title')}</a>
            </p>`
      }
      <div class="filters">
        <div>
          <label for="phase">${t('playbook.phase')}</label>
          <select
            id="phase"
            @change=${(event: Event) => (this._phase = (event.target as HTMLSelectElement).value as PhaseId | 'all')}
          >
            <option value="all" ?selected=${this._phase === 'all'}>
              ${t('playbook.allPhases')}
            </option>
            ${PHASES.map(
              (phase) =>
                html`<option value=${phase} ?selected=${this._phase === phase}>
                  ${PHASE_NAMES[phase][locale]}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="role">${t('playbook.role')}</label>
          <select
            id="role"
            @change=${(event: Event) => (this._role = (event.target as HTMLSelectElement).value as RoleFilter)}
          >
            <option value="all" ?selected=${this._role === 'all'}>${t('playbook.allRoles')}</option>
            ${
              this._profile?.role
                ? html`<option value="mine" ?selected=${this._role === 'mine'}>
                    ${t('playbook.myRole', ROLE_NAMES[this._profile.role][locale])}
                  </option>`
                : nothing
            }
            ${CRISIS_ROLES.map(
              (role) =>
                html`<option value=${role} ?selected=${this._role === role}>
                  ${ROLE_NAMES[role][locale]}
                </option>`,
            )}
          </select>
        </div>
      </div>
      ${items.length === 0 ? html`<p>${t('playbook.none')}</p>` : this.renderChecklist(playbook, items)}
      <div class="toolbar">
        <tocsin-file-button
          label=${t('playbook.import')}
          accept=".json,application/json"
          @file-picked=${this.importFile}
        ></tocsin-file-button>
        <button class="button secondary" @click=${() => this.exportJson(playbook)}>
          ${t('playbook.exportJson')}
        </button>
        <button class="button secondary" @click=${() => this.exportCacao(playbook)}>
          ${t('playbook.exportCacao')}
        </button>
        <a class="button secondary" href="#/directory?view=paper">${t('paper.open')}</a>
        ${
          origin === 'local'
            ? html`<button class="button secondary" @click=${this.resetToDefault}>
                ${t('playbook.resetDefault')}
              </button>`
            : nothing
        }
      </div>`;
  }

  /**
   * Where the playbook comes from, in words that cannot contradict its title: a kit that carries
   * Tocsin's default is said to, rather than passing the default off as the organisation's plan.
   */
  private renderOrigin(origin: PlaybookOrigin, playbook: Playbook) {
    if (origin === 'local' || origin === 'default') {
      return html`<p class="muted" data-origin=${origin}>${t(`playbook.origin.${origin}`)}</p>`;
    }
    if (this.services.crisisKit.integrity.value.state === 'tampered') {
      return html`<p class="warning" data-origin=${origin}>${t('playbook.origin.kitTampered')}</p>`;
    }
    const kit = this._kit;
    if (origin === 'kit-default') {
      return html`<p class="muted" data-origin=${origin}>
        ${kit ? t('playbook.origin.defaultInKit', kit.organisation.name) : t('playbook.origin.default')}
      </p>`;
    }
    const title = playbook.title[currentLocale()];
    return html`<p class="muted" data-origin=${origin}>
      ${
        kit
          ? t(
              'playbook.origin.kitOf',
              title,
              kit.organisation.name,
              t('format.dayMonth', new Date(kit.issued)),
            )
          : t('playbook.origin.kit', title)
      }
    </p>`;
  }

  /** A failure as a notice in the member's language, with the error's own words behind it. */
  private showFailure(
    key: 'playbook.loadFailed' | 'playbook.tickFailed' | 'playbook.importFailed',
    failure: { reason: string; detail: string },
  ): void {
    this._notice = t(key, failure.reason);
    this._noticeDetail = failure.detail;
  }

  private renderChecklist(playbook: Playbook, items: PlaybookItem[]) {
    return renderChecklist({
      playbook,
      items,
      ticks: this._ticks,
      canTick: Boolean(this._crisis && this._profile),
      busy: this._busy,
      tickedBy: (tick) => this.tickedBy(tick),
      onToggle: (item, done) => void this.toggle(item, done),
    });
  }

  /**
   * Who ticked an item: the signer's name from the signed directory once enrolled (the tick holds
   * their member id), the name typed on this device before, shown as it is.
   */
  private tickedBy(tick: ChecklistTick): string {
    return memberName(tick.by, this._members);
  }

  private readonly importFile = async (event: CustomEvent<File>) => {
    const parsed = parsePlaybookJson(await event.detail.text());
    if (!parsed.ok) {
      // The reader's findings ("items[3].text.fr is missing.") help whoever wrote the file.
      this.showFailure('playbook.importFailed', {
        reason: t('playbook.invalidFile'),
        detail: parsed.errors.slice(0, 5).join('\n'),
      });
      return;
    }
    try {
      await this.services.playbooks.importLocal(parsed.playbook);
      this._notice = t('playbook.imported', parsed.playbook.items.length);
      this._noticeDetail = '';
    } catch (error) {
      this.showFailure('playbook.importFailed', failureOf(error));
    }
  };

  private readonly resetToDefault = async () => {
    if (!confirm(t('playbook.resetConfirm'))) return;
    await this.services.playbooks.removeLocal();
  };

  private exportJson(playbook: Playbook): void {
    downloadText(serializePlaybook(playbook), `tocsin-plan-${fileDate()}.json`, 'application/json');
  }

  private async exportCacao(playbook: Playbook): Promise<void> {
    const cacao = await toCacao(playbook, { locale: currentLocale(), now: new Date() });
    downloadText(
      JSON.stringify(cacao, null, 2),
      `tocsin-plan-cacao-${fileDate()}.json`,
      'application/json',
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-playbook-page': TocsinPlaybookPage;
  }
}
