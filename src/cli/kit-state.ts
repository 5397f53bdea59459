// What the administrator's machine remembers between builds, next to the organisation key: the last
// (epoch, version) issued, and each member's signing key, so that a member keeps one key across
// kit versions and what they signed earlier still verifies.
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes, fromBase64Url, toBase64Url } from '../encoding/bytes.js';
import { CliError } from './cli-error.js';
import { replacePrivateFile } from './files.js';
import { readFile } from 'node:fs/promises';

/** A member's Ed25519 key pair, base64url. */
export interface MemberKeyPair {
  publicKey: string;
  secretKey: string;
}

/** The state file's content. */
export interface KitState {
  epoch: number;
  version: number;
  members: Record<string, MemberKeyPair>;
}

/** Where the state of the kits signed with `keyPath` is kept. */
export function statePathFor(keyPath: string): string {
  return `${keyPath}.state.json`;
}

/** The recorded state, or undefined before the first build. */
export async function readKitState(path: string): Promise<KitState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const damaged = (why: string) =>
    new CliError(`The state file ${path} is damaged (${why}); restore it from its backup.`);
  let data: Partial<KitState>;
  try {
    data = JSON.parse(text) as Partial<KitState>;
  } catch {
    throw damaged('not JSON');
  }
  if (!isCounter(data?.epoch, 0) || !isCounter(data.version, 1))
    throw damaged('no epoch or version');
  if (typeof data.members !== 'object' || data.members === null) throw damaged('no members');
  const members: Record<string, MemberKeyPair> = {};
  for (const [id, pair] of Object.entries(data.members)) {
    if (!isKeyPair(pair)) throw damaged(`the key of ${id} is not a valid key pair`);
    members[id] = { publicKey: pair.publicKey, secretKey: pair.secretKey };
  }
  return { epoch: data.epoch, version: data.version, members };
}

/** Records the state of a build: only once every one of its files is written. */
export function writeKitState(path: string, state: KitState): Promise<void> {
  return replacePrivateFile(path, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The (epoch, version) of the next build. Devices refuse a kit that is not newer than theirs
 * (older-version, or equivocation for the same version with other content), so the version must
 * grow within an epoch; a higher epoch restarts the versions.
 */
export function nextRelease(
  state: Pick<KitState, 'epoch' | 'version'> | undefined,
  requested: { epoch?: number; version?: number },
): { epoch: number; version: number } {
  if (!state) return { epoch: requested.epoch ?? 1, version: requested.version ?? 1 };
  const epoch = requested.epoch ?? state.epoch;
  if (epoch < state.epoch) {
    throw new CliError(
      `--epoch ${epoch} is lower than the recorded epoch ${state.epoch}: devices would refuse these kits as older.`,
    );
  }
  if (epoch > state.epoch) return { epoch, version: requested.version ?? 1 };
  const version = requested.version ?? state.version + 1;
  if (version <= state.version) {
    throw new CliError(
      `--version ${version} is not higher than the recorded version ${state.version} of epoch ${epoch}: devices would refuse these kits as older or as a second kit under one version. Leave --version out, or raise --epoch.`,
    );
  }
  return { epoch, version };
}

/**
 * The key pairs of this build's members: each member's recorded pair, a new one for a new member.
 * Members who left are dropped, so that someone later given the same member id never receives the
 * key that the person who left still holds.
 */
export function memberKeyPairs(
  memberIds: string[],
  recorded: Record<string, MemberKeyPair> = {},
): { keys: Record<string, MemberKeyPair>; created: Set<string> } {
  const keys: Record<string, MemberKeyPair> = {};
  const created = new Set<string>();
  for (const id of memberIds) {
    const known = Object.hasOwn(recorded, id) ? recorded[id] : undefined;
    if (known) {
      keys[id] = known;
    } else {
      const secretKey = ed25519.utils.randomSecretKey();
      keys[id] = {
        publicKey: toBase64Url(ed25519.getPublicKey(secretKey)),
        secretKey: toBase64Url(secretKey),
      };
      created.add(id);
    }
  }
  return { keys, created };
}

function isCounter(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function isKeyPair(value: unknown): value is MemberKeyPair {
  const pair = value as Partial<MemberKeyPair> | null;
  if (typeof pair?.publicKey !== 'string' || typeof pair.secretKey !== 'string') return false;
  const publicKey = fromBase64Url(pair.publicKey);
  const secretKey = fromBase64Url(pair.secretKey);
  return (
    publicKey?.length === 32 &&
    secretKey?.length === 32 &&
    equalBytes(ed25519.getPublicKey(secretKey), publicKey)
  );
}
