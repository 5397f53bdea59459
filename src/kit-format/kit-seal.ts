// Making a kit (the tocsin-kit command and the tests): serialise each section once, hash those
// bytes, sign the manifest bytes, pack, encrypt. The bytes signed are the bytes written.
import { ed25519 } from '@noble/curves/ed25519.js';
import { randomBytes, sha256, toBase64Url, utf8 } from '../encoding/bytes.js';
import { encryptKitFile, importKitKey, KIT_KEY_BYTES, packSignedKit } from './kit-container.js';
import {
  KIT_MANIFEST_TYPE,
  KIT_SCHEMA,
  KIT_SECTIONS,
  type KitContent,
  type KitManifest,
  type KitOrganisation,
  type KitSectionName,
} from '../domain/kit.js';

export interface SealKitInput {
  organisation: KitOrganisation;
  /** The organisation's Ed25519 secret key (32 bytes). */
  organisationSecretKey: Uint8Array;
  epoch: number;
  version: number;
  issued: string;
  expires: string;
  content: KitContent;
  /** Fixed only for test vectors; otherwise fresh random bytes. */
  kitKey?: Uint8Array<ArrayBuffer>;
  iv?: Uint8Array<ArrayBuffer>;
}

export interface SealedKit {
  /** The .tocsin file. */
  file: Uint8Array<ArrayBuffer>;
  /** The kit key, base64url: it goes into the enrollment link and nowhere else. */
  kitKey: string;
  manifest: KitManifest;
}

export async function sealKit(input: SealKitInput): Promise<SealedKit> {
  const sectionBytes = Object.fromEntries(
    KIT_SECTIONS.map((name) => [name, utf8(JSON.stringify(input.content[name]))]),
  ) as Record<KitSectionName, Uint8Array<ArrayBuffer>>;
  const sections = {} as KitManifest['sections'];
  for (const name of KIT_SECTIONS) {
    const bytes = sectionBytes[name];
    sections[name] = { sha256: toBase64Url(await sha256(bytes)), bytes: bytes.length };
  }
  const manifest: KitManifest = {
    type: KIT_MANIFEST_TYPE,
    schema: KIT_SCHEMA,
    organisation: input.organisation,
    epoch: input.epoch,
    version: input.version,
    issued: input.issued,
    expires: input.expires,
    member: input.content.member.id,
    sections,
  };
  const manifestBytes = utf8(JSON.stringify(manifest));
  const signature = ed25519.sign(manifestBytes, input.organisationSecretKey);
  const signedKit = packSignedKit({
    manifest: manifestBytes,
    signature: new Uint8Array(signature),
    sections: sectionBytes,
  });
  const rawKey = input.kitKey ?? randomBytes(KIT_KEY_BYTES);
  const file = await encryptKitFile(
    signedKit,
    await importKitKey(rawKey),
    input.iv ?? randomBytes(12),
  );
  return { file, kitKey: toBase64Url(rawKey), manifest };
}
