// The crisis room section: where the room is, its end-to-end encryption secret, and the numbers to
// call when the room cannot be reached.
import { randomBytes, toBase64Url } from '../encoding/bytes.js';
import type { EmergencyNumber, KitRoom } from '../domain/kit.js';
import { UsageError } from './cli-error.js';

/** France's emergency numbers, as the paper kit and the app show them. */
export const FRENCH_EMERGENCY_NUMBERS: readonly EmergencyNumber[] = [
  { label: 'SAMU (urgence médicale)', number: '15' },
  { label: 'Police secours', number: '17' },
  { label: 'Sapeurs-pompiers', number: '18' },
  { label: 'Numéro d’urgence européen', number: '112' },
  { label: 'Urgences par SMS (personnes sourdes ou malentendantes)', number: '114' },
];

export const DEFAULT_ROOM_NAME = 'cellule-de-crise';

/** Checks the LiveKit server URL: the app connects to it over ws:// or wss:// only. */
export function livekitUrlOption(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--livekit-url "${text}" is not a URL.`);
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    throw new UsageError(`--livekit-url must start with wss:// (or ws:// for a test server).`);
  }
  return text;
}

/** A room with a new E2EE secret: every build rotates it, so an old kit cannot decrypt the room. */
export function newRoom(livekitUrl: string, roomName: string): KitRoom {
  return {
    livekitUrl,
    roomName,
    e2eeSecret: toBase64Url(randomBytes(32)),
    emergencyNumbers: FRENCH_EMERGENCY_NUMBERS.map((entry) => ({ ...entry })),
  };
}
