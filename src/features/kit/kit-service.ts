// The crisis kit as the rest of the app sees it. This module is part of the start-up code, so the
// verification and installation code (Ed25519, the section readers) is imported only when used.
import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import type { CrisisRoleId } from '../../domain/crisis-roles.js';
import type { KitMember, KitRoom } from '../../domain/kit.js';
import type { KitIntegrity } from './kit-integrity.js';
import type { KitInstaller, PreparedKit } from './kit-installer.js';
import type { KitSummaryStore } from './kit-summary-store.js';

/** The room as the verified kit describes it, with the room key that never leaves WebCrypto. */
export interface VerifiedRoomAccess {
  room: Omit<KitRoom, 'e2eeSecret'>;
  member: Omit<KitMember, 'signingKey'>;
  roomKey: CryptoKey;
}

/** The member's signing identity and the cell's member keys, for the sync of shared records. */
export interface SyncIdentity {
  memberId: string;
  /** The member's Ed25519 seed, base64url: imported into a non-extractable key, never stored. */
  signingSeed: string;
  /** Member id → Ed25519 public key (base64url), from the signed directory. */
  members: ReadonlyMap<string, string>;
  /** The room's name and key: the sync's messages are sealed with a key derived from it. */
  roomName: string;
  roomKey: CryptoKey;
}

/** The member a verified kit was made for, as its signed directory names them. */
export interface EnrolledMember {
  id: string;
  displayName: string;
  /** Their crisis roles in the signed directory, in its order (empty when it gives none). */
  roles: readonly CrisisRoleId[];
}

export class KitService {
  /** The start-up verification of the installed kit. */
  readonly integrity = new Observable<KitIntegrity>({ state: 'unchecked' });
  private verifying?: Promise<KitIntegrity>;
  private installer?: Promise<KitInstaller>;

  constructor(
    private readonly database: DatabaseService,
    private readonly summaries: KitSummaryStore,
  ) {}

  /** Verifies the installed kit, once per app start (and again after an install). */
  verify(): Promise<KitIntegrity> {
    this.verifying ??= this.runVerification();
    return this.verifying;
  }

  /** Decrypts and verifies a kit and judges it against the installed one; writes nothing. */
  async prepare(file: Uint8Array<ArrayBuffer>, kitKey: string): Promise<PreparedKit> {
    return (await this.loadInstaller()).prepare(file, kitKey);
  }

  /** Installs a prepared kit, then verifies what was installed. */
  async install(prepared: PreparedKit): Promise<InstalledKitSummary> {
    const summary = await (await this.loadInstaller()).install(prepared);
    this.verifying = undefined;
    void this.verify().catch(() => undefined);
    return summary;
  }

  /**
   * The room to join and its key — only from a kit verified in this run of the app; undefined when
   * there is none or it was tampered with, so a tampered room configuration is never used.
   */
  async roomAccess(): Promise<VerifiedRoomAccess | undefined> {
    const result = await this.verify();
    if (result.state !== 'verified') return undefined;
    const { e2eeSecret, ...room } = result.kit.content.room;
    const { signingKey, ...member } = result.kit.content.member;
    return { room, member, roomKey: result.roomKey };
  }

  /**
   * Who this device's member is — their name and crisis roles — from a kit verified in this run
   * only; undefined when there is none or it was tampered with.
   */
  async enrolledMember(): Promise<EnrolledMember | undefined> {
    const result = await this.verify();
    if (result.state !== 'verified') return undefined;
    const { member, directory } = result.kit.content;
    const contact = directory.contacts.find((entry) => entry.member?.id === member.id);
    return { id: member.id, displayName: member.displayName, roles: contact?.roles ?? [] };
  }

  /**
   * Who this device signs shared records as, and the public keys of the members whose records it
   * accepts: both from a kit verified in this run only.
   */
  async syncIdentity(): Promise<SyncIdentity | undefined> {
    const result = await this.verify();
    if (result.state !== 'verified') return undefined;
    const { member, directory } = result.kit.content;
    const members = new Map<string, string>();
    for (const contact of directory.contacts) {
      if (contact.member) members.set(contact.member.id, contact.member.publicKey);
    }
    return {
      memberId: member.id,
      signingSeed: member.signingKey.secretKey,
      members,
      roomName: result.kit.content.room.roomName,
      roomKey: result.roomKey,
    };
  }

  private async runVerification(): Promise<KitIntegrity> {
    this.integrity.set({ state: 'checking' });
    try {
      const { checkInstalledKit } = await import('./kit-integrity.js');
      const result = await checkInstalledKit(this.database);
      this.integrity.set(result);
      return result;
    } catch (error) {
      // The database failed, not the kit: say nothing now and try again next time.
      this.verifying = undefined;
      this.integrity.set({ state: 'unchecked' });
      throw error;
    }
  }

  private loadInstaller(): Promise<KitInstaller> {
    this.installer ??= import('./kit-installer.js').then(
      ({ KitInstaller }) => new KitInstaller(this.database, this.summaries),
    );
    return this.installer;
  }
}
