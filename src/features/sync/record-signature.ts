// Ed25519 signatures of shared records. WebCrypto does them natively in current browsers (a
// catch-up verifies thousands at once), so @noble/curves is only loaded where it does not.
import { fromBase64Url, toBase64Url } from '../../encoding/bytes.js';
import { canonicalRecordBytes, type UnsignedRecord } from './record-bytes.js';

/** Signs this member's records. The secret key lives in a non-extractable CryptoKey when it can. */
export interface RecordSigner {
  readonly memberId: string;
  sign(record: UnsignedRecord): Promise<string>;
}

/** The PKCS #8 wrapping of a 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
);

/** Makes the signer of a member from their kit key pair (seed, base64url). */
export async function createRecordSigner(memberId: string, seed: string): Promise<RecordSigner> {
  const seedBytes = fromBase64Url(seed);
  if (seedBytes?.length !== 32) throw new Error('The member key is not an Ed25519 seed.');
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seedBytes, PKCS8_ED25519_PREFIX.length);
  try {
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, 'Ed25519', false, ['sign']);
    return {
      memberId,
      async sign(record) {
        const signature = await crypto.subtle.sign('Ed25519', key, canonicalRecordBytes(record));
        return toBase64Url(new Uint8Array(signature));
      },
    };
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    const { ed25519 } = await import('@noble/curves/ed25519.js');
    return {
      memberId,
      sign: async (record) => toBase64Url(ed25519.sign(canonicalRecordBytes(record), seedBytes)),
    };
  } finally {
    pkcs8.fill(0);
  }
}

/** Checks records' signatures against the members' public keys, importing each key once. */
export class RecordVerifier {
  private readonly keys = new Map<
    string,
    Promise<(bytes: Uint8Array, sig: Uint8Array) => Promise<boolean>>
  >();

  /** True when `sig` is the signature of `record` by the holder of `publicKey` (base64url). */
  async verify(record: UnsignedRecord, sig: string, publicKey: string): Promise<boolean> {
    const signature = fromBase64Url(sig);
    if (signature?.length !== 64) return false;
    const check = await this.checkerFor(publicKey);
    return check(canonicalRecordBytes(record), signature);
  }

  private checkerFor(publicKey: string) {
    let checker = this.keys.get(publicKey);
    if (!checker) {
      checker = makeChecker(publicKey);
      this.keys.set(publicKey, checker);
    }
    return checker;
  }
}

async function makeChecker(publicKey: string) {
  const raw = fromBase64Url(publicKey);
  if (raw?.length !== 32) return async () => false;
  const rawKey = new Uint8Array(raw);
  try {
    const key = await crypto.subtle.importKey('raw', rawKey, 'Ed25519', false, ['verify']);
    return (bytes: Uint8Array, sig: Uint8Array) =>
      crypto.subtle.verify('Ed25519', key, new Uint8Array(sig), new Uint8Array(bytes));
  } catch (error) {
    if (!isUnsupported(error)) return async () => false;
    const { ed25519 } = await import('@noble/curves/ed25519.js');
    return async (bytes: Uint8Array, sig: Uint8Array) =>
      ed25519.verify(sig, bytes, rawKey, { zip215: false });
  }
}

function isUnsupported(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotSupportedError';
}
