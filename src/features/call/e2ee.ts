// The only door to livekit-client. It is imported by the room page alone, so the library (about
// 500 KB) is never part of the start-up bundle; the service worker still precaches its chunk and
// the E2EE worker so an app launched offline can open the room later.
import { isE2EESupported } from 'livekit-client';

/**
 * A fresh E2EE worker for one Room (a worker shared between rooms mixes up their streams).
 * The `new URL` stays inside `new Worker` so Vite emits the worker as a same-origin, precached file
 * instead of inlining it as a blob: URL, which the Content Security Policy forbids.
 */
export function createE2EEWorker(): Worker {
  return new Worker(new URL('livekit-client/e2ee-worker', import.meta.url), { type: 'module' });
}

/** Whether this browser can encrypt media end to end (encoded transforms). Tocsin never joins without. */
export function canEncryptCalls(): boolean {
  return isE2EESupported();
}
