// Proof that a sync message came end to end encrypted from a holder of the room's key.
//
// The Room encrypts its data with the room key, but livekit-client 2.23 does not tell a receiver
// whether a data packet arrived encrypted: its sender builds `EncryptedPacket` without setting
// `encryptionType`, so every received stream reports `Encryption_Type.NONE`, and a packet sent in
// clear is delivered the same way (livekit-client.esm.mjs, `handleDataPacket` and
// `sendDataPacket`). A participant with a valid token but no room key could therefore speak the
// protocol in clear. Each message is thus sealed with an HMAC under a key derived from the room
// key, bound to its sender's identity: a message that does not open never reaches the engine.
import { fromBase64Url, toBase64Url } from '../../encoding/bytes.js';

/** Seals and opens the sync messages of one room. */
export interface MessageSeal {
  /** The message as sent by `identity`: its seal, ".", then the text. */
  seal(text: string, identity: string): Promise<string>;
  /** The text of a message sealed by `from`, or undefined when its seal does not hold. */
  open(wire: string, from: string): Promise<string | undefined>;
}

/** HKDF salt of the seal key: a new seal format gets a new salt. */
const SEAL_SALT = 'tocsin sync seal v1';
const SEAL_BYTES = 32;

/**
 * The seal of a room: HMAC-SHA-256 keyed by HKDF-SHA-256 of the room key (salt
 * "tocsin sync seal v1", info = the room name), over "<sender identity>\n<text>".
 */
export async function createMessageSeal(
  roomKey: CryptoKey,
  roomName: string,
): Promise<MessageSeal> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode(SEAL_SALT),
      info: encoder.encode(roomName),
    },
    roomKey,
    { name: 'HMAC', hash: 'SHA-256', length: SEAL_BYTES * 8 },
    false,
    ['sign', 'verify'],
  );
  const bytes = (identity: string, text: string) => encoder.encode(`${identity}\n${text}`);
  return {
    async seal(text, identity) {
      const mac = await crypto.subtle.sign('HMAC', key, bytes(identity, text));
      return `${toBase64Url(new Uint8Array(mac))}.${text}`;
    },
    async open(wire, from) {
      const dot = wire.indexOf('.');
      if (dot < 0 || dot > 64) return undefined;
      const mac = fromBase64Url(wire.slice(0, dot));
      if (mac?.length !== SEAL_BYTES) return undefined;
      const text = wire.slice(dot + 1);
      const valid = await crypto.subtle.verify('HMAC', key, new Uint8Array(mac), bytes(from, text));
      return valid ? text : undefined;
    },
  };
}
