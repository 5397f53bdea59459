// What the call's heading and live regions say as its state changes. A screen-reader user does
// not see a tile appear, go away or turn red, nor the banner that says the connection dropped, so
// the connection's changes, joins, departures and encryption problems are put into words.
import { t } from './call-messages.js';
import type { CallConnection, CallState } from './call-types.js';

/** What to say after a change of state; an absent line leaves its live region as it was. */
export interface CallAnnouncements {
  /** Polite: being in the room, reconnecting or rejoining it, who joined, who left. */
  status?: string;
  /** Assertive: whose sound and image are not encrypted or cannot be decrypted. */
  alert?: string;
}

/**
 * The heading of the call's view, which follows the connection: a member whose call dropped must
 * not read "In the crisis room" (joining, leaving and failing have their own pages' headings).
 */
export function callHeading(connection: CallConnection): string {
  switch (connection) {
    case 'reconnecting':
      return t('call.reconnecting.title');
    case 'rejoining':
      return t('call.rejoining.title');
    default:
      return t('call.inCall.title');
  }
}

/**
 * What changed between two call states, in words. Losing the connection is said once, as the
 * heading says it; otherwise only a connected call speaks, since a rejoin's empty Room is not
 * everyone leaving. Coming into the call says how many others are there rather than naming each
 * of them.
 */
export function callAnnouncements(
  previous: CallState | undefined,
  next: CallState,
): CallAnnouncements {
  if (next.connection === 'reconnecting' || next.connection === 'rejoining') {
    return previous?.connection === next.connection ? {} : { status: callHeading(next.connection) };
  }
  if (next.connection !== 'connected') return {};
  const status =
    previous?.connection === 'connected'
      ? arrivalsAndDepartures(previous, next)
      : t('call.announce.connected', Math.max(0, next.participants.length - 1));
  return { status, alert: encryptionProblems(previous, next) };
}

function arrivalsAndDepartures(previous: CallState, next: CallState): string | undefined {
  const before = new Set(previous.participants.map((p) => p.identity));
  const after = new Set(next.participants.map((p) => p.identity));
  const messages: string[] = [];
  for (const p of next.participants) {
    if (before.has(p.identity) || p.local) continue;
    messages.push(
      p.verified ? t('call.announce.joined', p.name) : t('call.announce.joinedUnverified', p.name),
    );
  }
  for (const p of previous.participants) {
    if (!after.has(p.identity)) messages.push(t('call.announce.left', p.name));
  }
  return messages.length ? messages.join(' ') : undefined;
}

/** Each remote participant whose encryption went wrong since `previous`, said once per change. */
function encryptionProblems(previous: CallState | undefined, next: CallState): string | undefined {
  const before = new Map(previous?.participants.map((p) => [p.identity, p.encryption]));
  const problems: string[] = [];
  for (const p of next.participants) {
    if (p.local || p.encryption === 'encrypted' || before.get(p.identity) === p.encryption) {
      continue;
    }
    problems.push(
      p.encryption === 'cannot-decrypt'
        ? t('call.announce.cannotDecrypt', p.name)
        : t('call.announce.notEncrypted', p.name),
    );
  }
  return problems.length ? problems.join(' ') : undefined;
}
