// The organisation key file: the Ed25519 key that signs every kit, and the identity devices pin.
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes, fromBase64Url, toBase64Url } from '../encoding/bytes.js';
import type { KitOrganisation } from '../domain/kit.js';
import { fingerprintOf, organisationIdFor } from '../kit-format/organisation.js';
import { CliError } from './cli-error.js';
import { readInputFile } from './files.js';

export const ORGANISATION_KEY_TYPE = 'tocsin-organisation-key';

/** The longest organisation name a kit manifest carries. */
export const MAX_ORGANISATION_NAME = 200;

/** The key file as written on disk (JSON). */
export interface OrganisationKeyFile {
  type: typeof ORGANISATION_KEY_TYPE;
  organisation: KitOrganisation;
  /** The Ed25519 secret key, base64url (32 bytes). */
  secretKey: string;
  created: string;
}

/** An organisation key, read and checked. */
export interface OrganisationKey {
  organisation: KitOrganisation;
  secretKey: Uint8Array<ArrayBuffer>;
  fingerprint: string;
}

/** A new organisation key for `name`, with its id bound to the key's fingerprint. */
export async function createOrganisationKey(
  name: string,
  now: Date,
): Promise<{ file: OrganisationKeyFile; key: OrganisationKey }> {
  const secretKey = new Uint8Array(ed25519.utils.randomSecretKey());
  const publicKey = new Uint8Array(ed25519.getPublicKey(secretKey));
  const fingerprint = await fingerprintOf(publicKey);
  const organisation: KitOrganisation = {
    id: organisationIdFor(name, fingerprint),
    name,
    publicKey: toBase64Url(publicKey),
  };
  return {
    file: {
      type: ORGANISATION_KEY_TYPE,
      organisation,
      secretKey: toBase64Url(secretKey),
      created: now.toISOString(),
    },
    key: { organisation, secretKey, fingerprint },
  };
}

/** Reads a key file, refusing one whose public key does not belong to its secret key. */
export async function readOrganisationKey(path: string, option: string): Promise<OrganisationKey> {
  const text = (await readInputFile(path, option)).toString('utf8');
  const damaged = (why: string) => new CliError(`${option}: ${path} is not a usable key: ${why}.`);
  let data: Partial<OrganisationKeyFile>;
  try {
    data = JSON.parse(text) as Partial<OrganisationKeyFile>;
  } catch {
    throw damaged('it is not JSON');
  }
  if (data?.type !== ORGANISATION_KEY_TYPE) throw damaged('it is not a Tocsin organisation key');
  const { organisation } = data;
  const secretKey = typeof data.secretKey === 'string' ? fromBase64Url(data.secretKey) : undefined;
  const publicKey =
    typeof organisation?.publicKey === 'string' ? fromBase64Url(organisation.publicKey) : undefined;
  if (secretKey?.length !== 32 || publicKey?.length !== 32) throw damaged('a key is missing');
  if (!equalBytes(ed25519.getPublicKey(secretKey), publicKey)) {
    throw damaged('its public key does not match its secret key');
  }
  if (
    typeof organisation?.id !== 'string' ||
    typeof organisation.name !== 'string' ||
    !organisation.id ||
    organisation.id.length > 80 ||
    !organisation.name ||
    organisation.name.length > MAX_ORGANISATION_NAME
  ) {
    throw damaged("the organisation's id or name is missing");
  }
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      publicKey: organisation.publicKey,
    },
    secretKey: new Uint8Array(secretKey),
    fingerprint: await fingerprintOf(new Uint8Array(publicKey)),
  };
}
