// The browser's end-to-end encryption: the E2EE worker and whether this browser can run it. The
// session creates a worker for each Room; the session, its secure Room (call-secure-room.ts) and
// the room page each check support, the page to say so before the member tries to join. Like the
// rest of livekit-client (about 530 KB), this loads with the room page's lazy chunk, never with the
// start-up bundle; the service worker still precaches that chunk and the E2EE worker so an app
// launched offline can open the room later.
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
