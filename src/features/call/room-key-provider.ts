// The room's E2EE key, handed to livekit-client without ever being bytes in the app.
//
// The kit installer imports the room secret (32 random bytes) once, as non-extractable HKDF key
// material (`importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey'])`). That is
// byte for byte what `ExternalE2EEKeyProvider.setKey(ArrayBuffer)` builds in livekit-client 2.23
// (`createKeyMaterialFromBuffer` in src/e2ee/utils.ts) before it calls the protected
// `onSetEncryptionKey(material)`. Checked in the package source:
// - `BaseKeyProvider.onSetEncryptionKey` stores the CryptoKey and emits `SetKey`; the E2EE manager
//   posts it unchanged to the worker (`postKey`, a structured clone: a non-extractable key
//   crosses into the worker without being exported).
// - With `sharedKey: true` the worker calls `ParticipantKeyHandler.setKey(material)`, which runs
//   `deriveKeys(material, options)`: the algorithm is chosen from `material.algorithm.name`, so
//   HKDF material gives HKDF-SHA-256 with salt = UTF-8 `ratchetSalt` ("LKFrameEncryptionKey"),
//   info = 128 zero bytes, to an AES-GCM key of `keySize` (128) bits.
// So the frame key is the same as `setKey(secretBytes)` would give. The native SDKs' frame cryptor
// (webrtc-sdk `api/crypto/frame_crypto_transformer.cc`, `DeriveHkdfSha256FromSecret`) derives with
// the same HKDF-SHA-256, salt and 128 zero bytes of info when its key provider is set to HKDF
// (`KeyDerivationAlgorithm::kHKDF`) and given the same 32 bytes, so those clients interoperate.
import { BaseKeyProvider } from 'livekit-client';

/**
 * A shared-key provider for the crisis room whose key is an HKDF CryptoKey, not a passphrase or
 * raw bytes. Same options as livekit-client's ExternalE2EEKeyProvider: one key for everyone, no
 * auto-ratchet (a participant failing to decrypt must not make us drop the only key we have).
 */
export class RoomKeyProvider extends BaseKeyProvider {
  constructor() {
    super({ sharedKey: true, ratchetWindowSize: 0, failureTolerance: -1 });
  }

  /** Sets the room key: HKDF material with the deriveBits and deriveKey usages. */
  setRoomKey(key: CryptoKey): void {
    if (key.algorithm.name !== 'HKDF' || !key.usages.includes('deriveKey')) {
      throw new TypeError('The room key must be HKDF key material usable to derive keys.');
    }
    this.onSetEncryptionKey(key);
  }
}
