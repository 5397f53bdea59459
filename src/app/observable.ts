import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A value that changes over time and tells its subscribers; the services' state is made of these. */
export class Observable<T> {
  private current: T;
  private readonly listeners = new Set<(value: T) => void>();

  constructor(initial: T) {
    this.current = initial;
  }

  /** The value now. */
  get value(): T {
    return this.current;
  }

  /** Replaces the value and notifies subscribers if it changed. */
  set(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Anything that can tell of its changes. */
export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/** Re-renders its host whenever one of the observables changes, while the host is connected. */
export class ObserveController implements ReactiveController {
  private unsubscribers: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: () => readonly Subscribable[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribers = this.sources().map((source) =>
      source.subscribe(() => this.host.requestUpdate()),
    );
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }

  /** Follows a new set of sources, e.g. after the host was handed other services. */
  resubscribe(): void {
    this.hostDisconnected();
    this.hostConnected();
  }
}
