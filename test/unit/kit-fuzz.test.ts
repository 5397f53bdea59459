// 10,000 random mutations of valid kits go through the real installer: flipped bits, cuts and
// insertions in the file; the same inside the signed kit re-encrypted by someone holding the kit
// key; sections swapped or cut; sections rewritten and validly re-signed under the installed
// version; replayed older kits, equivocating twins and other organisations' kits. None may be
// accepted, every refusal must be a KitError, and the installed kit must stay exactly as it was.
import { expect } from '@open-wc/testing';
import { ed25519 } from '@noble/curves/ed25519.js';
import { CURRENT_KIT_KEY, INDEX, STORE } from '../../src/db/schema.js';
import { sha256, toBase64Url, utf8 } from '../../src/encoding/bytes.js';
import {
  decryptKitFile,
  encryptKitFile,
  importKitKey,
  packSignedKit,
  parseKitKey,
  unpackSignedKit,
  type SignedKitParts,
} from '../../src/kit-format/kit-container.js';
import { isKitError } from '../../src/kit-format/kit-error.js';
import { KIT_SECTIONS } from '../../src/domain/kit.js';
import type { AppServices } from '../../src/app/services.js';
import { checkInstalledKit } from '../../src/features/kit/kit-integrity.js';
import { makeOrganisation, makeTestKit, type TestKit } from '../fixtures/kit.js';
import { createRandom, type Random } from '../fixtures/random.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

const MUTATIONS = 10_000;
const DAY = 24 * 3600 * 1000;

interface Candidate {
  file: Uint8Array<ArrayBuffer>;
  kitKey: string;
}

/**
 * Raw bytes of a file or signed kit, changed at random — and always changed: two flips of the same
 * bit, or random bytes equal to the old ones, would give back the genuine kit, which must install.
 */
function mutateBytes(bytes: Uint8Array<ArrayBuffer>, random: Random): Uint8Array<ArrayBuffer> {
  const out = mutateBytesOnce(bytes, random);
  if (out.length === bytes.length && out.every((byte, i) => byte === bytes[i])) {
    out[random.int(0, out.length - 1)]! ^= 1 << random.int(0, 7);
  }
  return out;
}

function mutateBytesOnce(bytes: Uint8Array<ArrayBuffer>, random: Random): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  switch (random.int(0, 4)) {
    case 0: {
      for (let flips = random.int(1, 8); flips > 0; flips--) {
        out[random.int(0, out.length - 1)]! ^= 1 << random.int(0, 7);
      }
      return out;
    }
    case 1:
      return bytes.slice(0, random.int(0, bytes.length - 1));
    case 2: {
      const at = random.int(0, bytes.length);
      const inserted = Uint8Array.from({ length: random.int(1, 16) }, () => random.int(0, 255));
      const grown = new Uint8Array(bytes.length + inserted.length);
      grown.set(bytes.subarray(0, at));
      grown.set(inserted, at);
      grown.set(bytes.subarray(at), at + inserted.length);
      return grown;
    }
    case 3: {
      const start = random.int(0, bytes.length - 1);
      const end = Math.min(bytes.length, start + random.int(1, 64));
      return new Uint8Array([...bytes.subarray(0, start), ...bytes.subarray(end)]);
    }
    default: {
      const start = random.int(0, bytes.length - 1);
      for (let i = start; i < Math.min(bytes.length, start + random.int(1, 32)); i++) {
        out[i] = random.int(0, 255);
      }
      return out;
    }
  }
}

class Mutator {
  private constructor(
    private readonly random: Random,
    private readonly newer: TestKit,
    private readonly newerParts: SignedKitParts,
    private readonly installed: TestKit,
    private readonly installedParts: SignedKitParts,
    private readonly replays: readonly Candidate[],
  ) {}

  static async create(random: Random, installed: TestKit, replays: Candidate[]): Promise<Mutator> {
    const newer = await makeTestKit({ version: installed.manifest.version + 1 });
    return new Mutator(
      random,
      newer,
      await partsOf(newer),
      installed,
      await partsOf(installed),
      replays,
    );
  }

  async next(): Promise<Candidate> {
    const random = this.random;
    const roll = random.int(0, 99);
    // A newer kit is the base of every unsigned mutation: if one slipped past verification, the
    // policy would accept it and the test would see it.
    if (roll < 25) return { file: mutateBytes(this.newer.file, random), kitKey: this.newer.kitKey };
    if (roll < 65) return this.resealed(this.newer, packSignedKitMutated(this.newerParts, random));
    if (roll < 80) return this.resealed(this.newer, this.reshuffled(this.newerParts));
    if (roll < 92) {
      return this.resealed(this.installed, await this.resigned(this.installedParts));
    }
    return random.pick(this.replays);
  }

  /** Sections swapped, dropped or duplicated, with the manifest and signature kept. */
  private reshuffled(parts: SignedKitParts): Uint8Array<ArrayBuffer> {
    const names = [...KIT_SECTIONS];
    const order = this.random.shuffle(names);
    // The identity permutation would be the valid kit itself: swap two sections instead.
    if (order.every((name, i) => name === names[i])) order.reverse();
    const sections = Object.fromEntries(
      names.map((name, i) => [name, parts.sections[order[i]!]]),
    ) as SignedKitParts['sections'];
    if (this.random.chance(0.3)) sections[this.random.pick(names)] = new Uint8Array(0);
    return packSignedKit({ ...parts, sections });
  }

  /** A section's JSON changed and the manifest validly signed again, under the same version. */
  private async resigned(parts: SignedKitParts): Promise<Uint8Array<ArrayBuffer>> {
    const name = this.random.pick(KIT_SECTIONS);
    const section = mutateBytes(parts.sections[name], this.random);
    const manifest = JSON.parse(new TextDecoder().decode(parts.manifest)) as {
      sections: Record<string, { sha256: string; bytes: number }>;
    };
    return packSignedKit({
      ...parts,
      sections: { ...parts.sections, [name]: section },
      ...(await signedManifest(manifest, name, section, this.installed, this.random.chance(0.5))),
    });
  }

  private async resealed(kit: TestKit, signed: Uint8Array<ArrayBuffer>): Promise<Candidate> {
    const key = await importKitKey(parseKitKey(kit.kitKey));
    return {
      file: await encryptKitFile(signed, key, crypto.getRandomValues(new Uint8Array(12))),
      kitKey: kit.kitKey,
    };
  }
}

function packSignedKitMutated(parts: SignedKitParts, random: Random): Uint8Array<ArrayBuffer> {
  return mutateBytes(packSignedKit(parts), random);
}

async function signedManifest(
  manifest: { sections: Record<string, { sha256: string; bytes: number }> },
  name: string,
  section: Uint8Array<ArrayBuffer>,
  kit: TestKit,
  updateHash: boolean,
): Promise<{ manifest: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> }> {
  // Half the time the hash is left as it was (a careless tool), otherwise it matches the section,
  // so the section readers and the policy see validly signed garbage.
  manifest.sections[name] = {
    sha256: updateHash ? toBase64Url(await sha256(section)) : manifest.sections[name]!.sha256,
    bytes: section.length,
  };
  const bytes = utf8(JSON.stringify(manifest));
  return {
    manifest: bytes,
    signature: new Uint8Array(ed25519.sign(bytes, kit.organisation.secretKey)),
  };
}

async function partsOf(kit: TestKit): Promise<SignedKitParts> {
  const key = await importKitKey(parseKitKey(kit.kitKey));
  return unpackSignedKit(await decryptKitFile(kit.file, key));
}

/** What must not change: the summary, the sealed file's hash and the kit contacts' ids. */
async function snapshot(services: AppServices): Promise<string> {
  const db = await services.database.db();
  const tx = db.transaction([STORE.kit, STORE.kitVault, STORE.contacts, STORE.playbooks]);
  const [summary, vault, kitIds, playbook] = await Promise.all([
    tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY),
    tx.objectStore(STORE.kitVault).get(CURRENT_KIT_KEY),
    tx.objectStore(STORE.contacts).index(INDEX.contactsByOrigin).getAllKeys('kit'),
    tx.objectStore(STORE.playbooks).get('kit'),
  ]);
  return JSON.stringify([
    summary,
    vault?.manifestHash,
    vault?.file.length,
    kitIds,
    playbook?.version,
  ]);
}

describe('kit fuzzing', function () {
  this.timeout(600_000);
  afterEach(cleanUpTestServices);

  it(`refuses ${MUTATIONS.toLocaleString('en')} mutated kits and keeps the installed one`, async () => {
    const services = createTestServices();
    const installed = await makeTestKit({ version: 2 });
    await services.crisisKit.install(
      await services.crisisKit.prepare(installed.file, installed.kitKey),
    );
    const before = await snapshot(services);

    const older = await makeTestKit({ version: 1 });
    const twin = await makeTestKit({ version: 2, roomSeed: 4242 });
    const foreign = await makeTestKit({
      version: 9,
      organisation: await makeOrganisation('Commune voisine', 3),
    });
    const issued = new Date(Date.now() - 200 * DAY).toISOString();
    const expired = await makeTestKit({
      version: 3,
      issued,
      expires: new Date(Date.now() - DAY).toISOString(),
    });
    const future = await makeTestKit({
      version: 3,
      issued: new Date(Date.now() + 3 * DAY).toISOString(),
    });
    const replays = [older, twin, foreign, expired, future, installed];
    const mutator = await Mutator.create(createRandom(20261125), installed, replays);

    const refusals = new Map<string, number>();
    for (let i = 0; i < MUTATIONS; i++) {
      const candidate = await mutator.next();
      let accepted = false;
      try {
        const prepared = await services.crisisKit.prepare(candidate.file, candidate.kitKey);
        await services.crisisKit.install(prepared);
        accepted = true;
      } catch (error) {
        if (!isKitError(error))
          throw new Error(`Mutation ${i} threw ${String(error)}`, { cause: error });
        refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1);
      }
      expect(accepted, `mutation ${i} was accepted`).to.equal(false);
      if (i % 250 === 0 || i === MUTATIONS - 1) {
        expect(await snapshot(services), `after mutation ${i}`).to.equal(before);
      }
    }

    const integrity = await checkInstalledKit(services.database);
    expect(integrity.state).to.equal('verified');
    // The mutations reached every layer: decryption, signature, section hashes, the readers, policy.
    for (const code of [
      'wrong-key',
      'bad-signature',
      'tampered',
      'malformed',
      'older-version',
      'equivocation',
      'other-organisation',
      'expired',
      'issued-in-future',
    ]) {
      expect(refusals.get(code) ?? 0, `${code} refusals`).to.be.greaterThan(0);
    }
  });
});
