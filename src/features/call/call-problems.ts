// How the LiveKit connection's failures read in the call's terms: whether to try again, and what
// the member may be shown of the error.
import { ConnectionError, ConnectionErrorReason, DisconnectReason } from 'livekit-client';
import type { CallProblem } from './call-types.js';

/** Disconnections after which rejoining would be wrong: told to stop, not cut off. */
export function finalProblemOf(reason?: DisconnectReason): CallProblem | undefined {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      // Rejoining would throw the other device out, which would rejoin in turn.
      return { kind: 'duplicate' };
    case DisconnectReason.PARTICIPANT_REMOVED:
    case DisconnectReason.ROOM_DELETED:
      return { kind: 'removed' };
    default:
      return undefined;
  }
}

/** Why `room.connect` failed, in the call's terms. */
export function connectionProblemOf(error: unknown): CallProblem {
  if (error instanceof ConnectionError) {
    if (error.reason === ConnectionErrorReason.NotAllowed) {
      return { kind: 'refused', detail: safeDetail(error) };
    }
    if (error.reason === ConnectionErrorReason.LeaveRequest) {
      const final = finalProblemOf(error.context as DisconnectReason);
      if (final) return final;
    }
  }
  return { kind: 'unreachable', detail: safeDetail(error) };
}

/**
 * An error's message, fit to show: livekit-client redacts its URLs, and anything that looks like
 * an access token is cut out anyway, in case a future version does not.
 */
export function safeDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/access_token=[^&\s]+/gi, 'access_token=…')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '…')
    .slice(0, 300);
}
