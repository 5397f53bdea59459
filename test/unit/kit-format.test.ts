// The kit format against its test vector (docs/kit-format.md §7) and every way a device refuses a
// kit. Real WebCrypto and @noble/curves throughout: the refusals below are the ones a phone gives.
import { expect } from '@open-wc/testing';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64Url, toBase64Url, utf8, sha256, toHex } from '../../src/encoding/bytes.js';
import {
  decryptKitFile,
  encryptKitFile,
  FILE_MAGIC,
  importKitKey,
  packSignedKit,
  parseKitKey,
  unpackSignedKit,
  type SignedKitParts,
} from '../../src/kit-format/kit-container.js';
import { isKitError, type KitRefusal } from '../../src/kit-format/kit-error.js';
import { openKitFile, type VerifiedKit } from '../../src/kit-format/kit-open.js';
import { checkInstallable, type InstalledKitState } from '../../src/kit-format/kit-policy.js';
import { sealKit } from '../../src/kit-format/kit-seal.js';
import { MAX_KIT_BYTES } from '../../src/domain/kit.js';
import { normaliseFingerprint } from '../../src/kit-format/organisation.js';
import {
  VECTOR_IV,
  VECTOR_KIT_KEY,
  VECTOR_ORG_SECRET,
  vectorInput,
} from '../fixtures/kit-vector.js';
import { expected } from '../fixtures/kit-vector.expected.js';
import { kitRefusal } from '../fixtures/kit.js';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;

async function vectorKey(): Promise<CryptoKey> {
  return importKitKey(VECTOR_KIT_KEY);
}

async function vectorParts(): Promise<SignedKitParts> {
  const file = fromBase64Url(expected.file) as Uint8Array<ArrayBuffer>;
  return unpackSignedKit(await decryptKitFile(file, await vectorKey()));
}

/** Packs and encrypts parts under the vector's kit key, as someone holding that key could. */
async function reseal(parts: SignedKitParts): Promise<Uint8Array<ArrayBuffer>> {
  return encryptKitFile(packSignedKit(parts), await vectorKey(), VECTOR_IV);
}

async function openParts(parts: SignedKitParts): Promise<VerifiedKit> {
  return openKitFile(await reseal(parts), await vectorKey());
}

function signManifest(manifest: object, secret: Uint8Array = VECTOR_ORG_SECRET) {
  const bytes = utf8(JSON.stringify(manifest));
  return { manifest: bytes, signature: new Uint8Array(ed25519.sign(bytes, secret)) };
}

function manifestOf(parts: SignedKitParts): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(parts.manifest)) as Record<string, unknown>;
}

describe('kit format: the test vector', () => {
  it('seals the vector input into exactly the published bytes', async () => {
    const sealed = await sealKit(await vectorInput());
    expect(sealed.kitKey).to.equal(expected.kitKey);
    expect(toBase64Url(sealed.file)).to.equal(expected.file);
    expect(toHex(await sha256(sealed.file))).to.equal(expected.fileSha256Hex);
  });

  it('opens the published file into the published manifest and the input content', async () => {
    const file = fromBase64Url(expected.file) as Uint8Array<ArrayBuffer>;
    const kit = await openKitFile(file, await importKitKey(parseKitKey(expected.kitKey)));
    expect(kit.fingerprint).to.equal(expected.fingerprint);
    expect(kit.manifestHash).to.equal(expected.manifestSha256);
    expect(kit.manifest.organisation.id).to.equal(expected.organisationId);
    expect(new TextDecoder().decode(unpackSignedKit(kit.signedKit).manifest)).to.equal(
      expected.manifest,
    );
    expect(toHex(unpackSignedKit(kit.signedKit).signature)).to.equal(expected.signatureHex);
    expect(kit.content).to.deep.equal((await vectorInput()).content);
  });

  it('reads fingerprints however they are typed', () => {
    const typed = expected.fingerprint.replace(/ /g, '-').toLowerCase();
    expect(normaliseFingerprint(typed)).to.equal(expected.fingerprint);
    expect(normaliseFingerprint('1234')).to.equal(undefined);
  });
});

describe('kit format: refusals', () => {
  it('refuses a wrong key, a malformed key, a cut file, a foreign file and an oversized one', async () => {
    const file = fromBase64Url(expected.file) as Uint8Array<ArrayBuffer>;
    const otherKey = await importKitKey(new Uint8Array(32));
    expect(await kitRefusal(openKitFile(file, otherKey))).to.equal('wrong-key');
    expect(await kitRefusal((async () => parseKitKey('not-a-key'))())).to.equal('bad-key');
    expect(await kitRefusal((async () => parseKitKey(`${expected.kitKey}A`))())).to.equal(
      'bad-key',
    );
    expect(
      await kitRefusal(openKitFile(file.slice(0, file.length - 1), await vectorKey())),
    ).to.equal('wrong-key');
    expect(await kitRefusal(openKitFile(file.slice(0, 10), await vectorKey()))).to.equal(
      'wrong-key',
    );
    expect(await kitRefusal(openKitFile(utf8('{"kit": true}'), await vectorKey()))).to.equal(
      'not-a-kit',
    );
    const huge = new Uint8Array(MAX_KIT_BYTES + 1);
    huge.set(FILE_MAGIC);
    expect(await kitRefusal(openKitFile(huge, await vectorKey()))).to.equal('too-large');
  });

  it('refuses a signature malleated to S + L (strict RFC 8032, not ZIP 215)', async () => {
    const parts = await vectorParts();
    const signature = parts.signature.slice();
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(signature[32 + i]!);
    s += L;
    for (let i = 0; i < 32; i++) signature[32 + i] = Number((s >> BigInt(8 * i)) & 0xffn);
    expect(await kitRefusal(openParts({ ...parts, signature }))).to.equal('bad-signature');
  });

  it('refuses a small-order organisation key, whose "signatures" anyone can forge', async () => {
    const parts = await vectorParts();
    const manifest = manifestOf(parts);
    const identity = new Uint8Array(32);
    identity[0] = 1; // the neutral point: with it, R = identity and S = 0 verify any message
    (manifest.organisation as Record<string, string>).publicKey = toBase64Url(identity);
    const forged = new Uint8Array(64);
    forged[0] = 1;
    expect(
      await kitRefusal(
        openParts({ ...parts, manifest: utf8(JSON.stringify(manifest)), signature: forged }),
      ),
    ).to.equal('bad-signature');
    // Cofactored (ZIP 215) verification would have accepted it: the check above is what stops it.
    expect(ed25519.verify(forged, utf8(JSON.stringify(manifest)), identity)).to.equal(true);
  });

  it('refuses a non-canonical key encoding and a signature by another key', async () => {
    const parts = await vectorParts();
    const manifest = manifestOf(parts);
    const nonCanonical = new Uint8Array(32).fill(0xff);
    nonCanonical[31] = 0x7f; // y = 2^255 - 1 ≥ p
    (manifest.organisation as Record<string, string>).publicKey = toBase64Url(nonCanonical);
    const signed = signManifest(manifest);
    expect(await kitRefusal(openParts({ ...parts, ...signed }))).to.equal('bad-signature');
    const byAnother = signManifest(manifestOf(parts), new Uint8Array(32).fill(7));
    expect(await kitRefusal(openParts({ ...parts, ...byAnother }))).to.equal('bad-signature');
  });

  it('refuses a manifest changed after signing, even by one byte', async () => {
    const parts = await vectorParts();
    const manifest = parts.manifest.slice();
    const text = new TextDecoder().decode(manifest);
    const at = utf8(text.slice(0, text.indexOf('"version":1') + 10)).length; // a byte offset
    manifest[at] = '2'.charCodeAt(0);
    expect(await kitRefusal(openParts({ ...parts, manifest }))).to.equal('bad-signature');
  });

  it('refuses a changed section and swapped sections', async () => {
    const parts = await vectorParts();
    const room = parts.sections.room.slice();
    room[room.length - 3] ^= 1;
    expect(
      await kitRefusal(openParts({ ...parts, sections: { ...parts.sections, room } })),
    ).to.equal('tampered');
    const swapped = {
      ...parts.sections,
      directory: parts.sections.playbook,
      playbook: parts.sections.directory,
    };
    expect(await kitRefusal(openParts({ ...parts, sections: swapped }))).to.equal('tampered');
  });

  it('refuses broken framing: a missing part, trailing bytes, a length past the end', async () => {
    const key = await vectorKey();
    const signed = packSignedKit(await vectorParts());
    const trailing = new Uint8Array(signed.length + 1);
    trailing.set(signed);
    const cut = signed.slice(0, signed.length - 5);
    const lying = signed.slice();
    new DataView(lying.buffer).setUint32(4, 0xffffff);
    for (const bytes of [trailing, cut, lying]) {
      const file = await encryptKitFile(bytes, key, VECTOR_IV);
      expect(await kitRefusal(openKitFile(file, key))).to.equal('malformed');
    }
  });

  it('refuses a schema it does not know, validly signed', async () => {
    const parts = await vectorParts();
    const manifest = { ...manifestOf(parts), schema: 2 };
    expect(await kitRefusal(openParts({ ...parts, ...signManifest(manifest) }))).to.equal(
      'unsupported-schema',
    );
  });

  it('refuses a member section for another member than the manifest names', async () => {
    const parts = await vectorParts();
    const manifest = { ...manifestOf(parts), member: 'someone-else' };
    expect(await kitRefusal(openParts({ ...parts, ...signManifest(manifest) }))).to.equal(
      'malformed',
    );
  });
});

describe('kit format: install policy', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  async function kitWith(fields: Record<string, unknown>): Promise<VerifiedKit> {
    const parts = await vectorParts();
    return openParts({ ...parts, ...signManifest({ ...manifestOf(parts), ...fields }) });
  }

  function installedAs(kit: VerifiedKit, fields: Partial<InstalledKitState> = {}) {
    return {
      organisationKey: kit.manifest.organisation.publicKey,
      epoch: kit.manifest.epoch,
      version: kit.manifest.version,
      manifestHash: kit.manifestHash,
      ...fields,
    };
  }

  function judged(kit: VerifiedKit, installed?: InstalledKitState, at = now): KitRefusal | 'ok' {
    try {
      checkInstallable(kit, installed, at);
      return 'ok';
    } catch (error) {
      if (isKitError(error)) return error.code;
      throw error;
    }
  }

  it('accepts a first kit, a newer version and a new epoch with a lower version', async () => {
    const kit = await kitWith({ version: 5 });
    expect(judged(kit, undefined)).to.equal('ok');
    expect(judged(kit, installedAs(kit, { version: 4, manifestHash: 'x' }))).to.equal('ok');
    const nextEpoch = await kitWith({ epoch: 2, version: 1 });
    expect(judged(nextEpoch, installedAs(kit, { version: 9 }))).to.equal('ok');
  });

  it('refuses older, equivocating, identical and foreign kits', async () => {
    const kit = await kitWith({ version: 5 });
    expect(judged(kit, installedAs(kit, { version: 6 }))).to.equal('older-version');
    expect(judged(kit, installedAs(kit, { epoch: 2, version: 1 }))).to.equal('older-version');
    expect(judged(kit, installedAs(kit, { manifestHash: 'another' }))).to.equal('equivocation');
    expect(judged(kit, installedAs(kit))).to.equal('already-installed');
    expect(judged(kit, installedAs(kit, { organisationKey: 'someone-else' }))).to.equal(
      'other-organisation',
    );
  });

  it('refuses an expired kit, and one issued more than 24 hours ahead of the clock', async () => {
    const kit = await kitWith({});
    expect(judged(kit, undefined, new Date('2027-05-01T08:00:00.000Z'))).to.equal('expired');
    const ahead = new Date(Date.parse('2026-11-01T08:00:00.000Z') - 25 * 3600 * 1000);
    expect(judged(kit, undefined, ahead)).to.equal('issued-in-future');
    const slightlyAhead = new Date(Date.parse('2026-11-01T08:00:00.000Z') - 23 * 3600 * 1000);
    expect(judged(kit, undefined, slightlyAhead)).to.equal('ok');
  });
});
