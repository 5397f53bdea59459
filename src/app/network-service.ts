import { Observable } from './observable.js';

/** Whether the browser believes it has a network; it says nothing of whether a server answers. */
export class NetworkService {
  /** True while the browser reports a network connection. */
  readonly online = new Observable<boolean>(navigator.onLine);

  constructor(target: Window = window) {
    target.addEventListener('online', () => this.online.set(true));
    target.addEventListener('offline', () => this.online.set(false));
  }
}
