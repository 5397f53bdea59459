// The call outlives the room page: a member keeps talking while they write in the main courante
// or answer the roll-call on other pages, and the cell's records keep flowing over the call's
// Room meanwhile. Only "Leave" (or the end of the app) ends it.
import type { Room } from 'livekit-client';
import type { AppServices } from '../../app/services.js';
import { shareRecordsInRoom } from './room-sync.js';
import { CallSession, type CallSessionOptions } from './call-session.js';
import type { CallState } from './call-types.js';

interface ActiveCall {
  session: CallSession;
  stopFollowing: () => void;
  sharedRoom?: Room;
  stopSharing?: () => void;
}

let active: ActiveCall | undefined;

/** The call of this app, if one was started and not disposed. */
export function currentCall(): CallSession | undefined {
  return active?.session;
}

/** The call of this app, started if there is none. */
export function ensureCall(services: AppServices, options: CallSessionOptions): CallSession {
  if (active) return active.session;
  const session = new CallSession(options);
  const call: ActiveCall = { session, stopFollowing: () => undefined };
  const follow = (state: CallState) => {
    // Records are shared over the Room once it is connected with encryption active — the state
    // says 'connected' only then — and over each new Room a rejoin brings.
    const room =
      state.connection === 'connected' || state.connection === 'reconnecting'
        ? session.currentRoom
        : undefined;
    if (room !== call.sharedRoom) {
      call.stopSharing?.();
      call.sharedRoom = room;
      call.stopSharing = room ? shareRecordsInRoom(room, services.sync) : undefined;
    }
    services.callActive.set(isInCall(state));
  };
  call.stopFollowing = session.state.subscribe(follow);
  follow(session.state.value);
  active = call;
  return session;
}

/** Ends the call of this app when it is not in a call (idle, left, unreachable). */
export function releaseIdleCall(services: AppServices): void {
  if (!active || isInCall(active.session.state.value)) return;
  const call = active;
  active = undefined;
  call.stopSharing?.();
  call.stopFollowing();
  services.callActive.set(false);
  void call.session.dispose();
}

/** Joining, in the call, or getting back into it. */
export function isInCall(state: CallState): boolean {
  return ['connecting', 'connected', 'reconnecting', 'rejoining'].includes(state.connection);
}
