import { REJECTION_REASONS, type RejectionReason } from '../../domain/records.js';

/** Reasons that point at an attack or a broken device, as opposed to ordinary network noise. */
export const ALARMING_REASONS: readonly RejectionReason[] = REJECTION_REASONS.filter(
  (reason) => reason !== 'replayed' && reason !== 'out-of-order',
);

/** One other device in the room, compared with this one. */
export interface PeerSync {
  /** Its LiveKit identity: the member id. */
  identity: string;
  /** Records it holds that this device does not have yet. */
  missingHere: number;
  /** Records this device holds that it has not said it has. */
  missingThere: number;
}

/** What the screens show of the sync. */
export interface SyncStatus {
  /** False until a verified kit gives this device a member key to sign with. */
  enrolled: boolean;
  /** True while the exchange runs in the crisis room. */
  connected: boolean;
  peers: PeerSync[];
  /** Changes made here that no other device is known to hold yet. */
  waiting: number;
  /** When the latest record of each member arrived here (ISO 8601), this device's own included. */
  lastArrival: { member: string; at: string }[];
  /** Records kept out of the log, by reason. */
  rejected: Partial<Record<RejectionReason, number>>;
  /** Members who signed two different records with the same number. */
  equivocators: string[];
  /**
   * Members whose own valid signature is on a refused or suspicious record (impersonation,
   * broken chain, equivocation, future-dated): who made it, never whom it names. Sorted.
   */
  culprits: string[];
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  enrolled: false,
  connected: false,
  peers: [],
  waiting: 0,
  lastArrival: [],
  rejected: {},
  equivocators: [],
  culprits: [],
};

/** How many rejections point at an attack or a broken device. */
export function alarmingCount(status: SyncStatus): number {
  return ALARMING_REASONS.reduce((sum, reason) => sum + (status.rejected[reason] ?? 0), 0);
}
