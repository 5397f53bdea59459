import type { Workbox } from 'workbox-window';
import { Observable } from './observable.js';

/** Where the app stands with respect to a newer release. */
export type UpdateState = 'current' | 'waiting' | 'dismissed' | 'reloading';

/** How often a long-lived window (an installed app stays open for days) looks for a new release. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Keeps the app up to date without ever stranding the user: a new release waits until the user
 * accepts it, then every tab reloads onto it together.
 */
export class UpdateService {
  /** Whether a new release is waiting for the user's consent. */
  readonly state = new Observable<UpdateState>('current');
  private workbox?: Workbox;

  /**
   * Registers /sw.js. The URL is fixed forever: pages of older releases register it too.
   * Never throws: without a service worker the app still runs, it just won't launch offline.
   */
  async register(): Promise<void> {
    if (!('serviceWorker' in navigator)) return;
    try {
      const { Workbox } = await import('workbox-window');
      const wb = new Workbox('/sw.js', { scope: '/' });
      // `waiting` also fires with wasWaitingBeforeRegister when a tab opens while an update
      // already waits, so every tab offers the reload.
      wb.addEventListener('waiting', () => this.state.set('waiting'));
      // Fires in every tab once the user accepted in any of them: reload onto the new release
      // before this tab asks for chunks the new precache no longer holds.
      wb.addEventListener('controlling', (event) => {
        if (event.isUpdate) window.location.reload();
      });
      this.workbox = wb;
      await wb.register();
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void this.checkForUpdate();
      });
      setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
    } catch (error) {
      console.warn('Tocsin: the service worker could not be registered', error);
    }
  }

  /** Asks the server for a newer release (silently does nothing offline). */
  async checkForUpdate(): Promise<void> {
    if (!navigator.onLine) return;
    try {
      await this.workbox?.update();
    } catch {
      // The server is unreachable: the current release keeps running.
    }
  }

  /** The user accepted: activate the waiting release; `controlling` then reloads every tab. */
  acceptUpdate(): void {
    if (this.state.value !== 'waiting' && this.state.value !== 'dismissed') return;
    this.state.set('reloading');
    this.workbox?.messageSkipWaiting();
  }

  /** The user chose "later": hide the prompt; it comes back on the next launch. */
  dismiss(): void {
    if (this.state.value === 'waiting') this.state.set('dismissed');
  }
}
