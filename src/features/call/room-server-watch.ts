// Keeps the room page's word on the kit's server fresh while the member decides whether to join:
// checked when the page shows, when the device comes back online or back to the foreground, and
// every half minute while the page is visible — never while a call runs, which says for itself
// whether the server answers.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { probeServer, type ProbeResult } from './server-probe.js';

/** How often the server is asked again while the page is visible and nobody is in the call. */
export const PROBE_INTERVAL_MS = 30_000;

export interface ServerWatchOptions {
  /** The kit's LiveKit URL, once the verified kit is read. */
  url(): string | undefined;
  /** Whether a probe may run now: the page offers to join and no call is running. */
  wanted(): boolean;
  intervalMs?: number;
  timeoutMs?: number;
}

export class RoomServerWatch implements ReactiveController {
  /** The latest answer; undefined before the first. */
  private result?: ProbeResult;
  /** A probe is on its way. */
  checking = false;
  private inFlight?: AbortController;
  /** The LiveKit URL `result` is about. */
  private probed?: string;
  private timer?: ReturnType<typeof setInterval>;
  private wasWanted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ServerWatchOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.check);
    window.addEventListener('pageshow', this.check);
    document.addEventListener('visibilitychange', this.check);
    this.timer = setInterval(this.check, this.options.intervalMs ?? PROBE_INTERVAL_MS);
    this.wasWanted = false;
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.check);
    window.removeEventListener('pageshow', this.check);
    document.removeEventListener('visibilitychange', this.check);
    clearInterval(this.timer);
    this.stop();
  }

  /**
   * After each render: probe as soon as probing becomes possible (the kit was read, the page
   * shows, a call ended) or the kit names another server; stop a probe when a call starts.
   */
  hostUpdated(): void {
    const wanted = this.options.wanted();
    const url = this.options.url();
    if (!wanted) {
      this.stop();
    } else if (!this.wasWanted || (url && this.probed !== undefined && this.probed !== url)) {
      // After this update, not within it: the probe asks for another render.
      queueMicrotask(this.check);
    }
    this.wasWanted = wanted;
  }

  /** The latest answer about `livekitUrl`, if it was asked. */
  resultFor(livekitUrl: string): ProbeResult | undefined {
    return this.probed === livekitUrl ? this.result : undefined;
  }

  /** Probes now, unless one is on its way, the page is hidden or probing is not wanted. */
  readonly check = (): void => {
    const url = this.options.url();
    if (!url || this.inFlight || document.hidden || !this.options.wanted()) return;
    const controller = new AbortController();
    this.inFlight = controller;
    this.checking = true;
    this.host.requestUpdate();
    probeServer(url, {
      signal: controller.signal,
      online: navigator.onLine,
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    }).then(
      (result) => {
        if (this.inFlight !== controller) return;
        this.result = result;
        this.probed = url;
        this.settle();
      },
      () => {
        if (this.inFlight === controller) this.settle();
      },
    );
  };

  private settle(): void {
    this.inFlight = undefined;
    this.checking = false;
    this.host.requestUpdate();
  }

  private stop(): void {
    if (!this.inFlight) return;
    this.inFlight.abort();
    this.inFlight = undefined;
    this.checking = false;
  }
}
