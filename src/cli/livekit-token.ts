import { AccessToken } from 'livekit-server-sdk';

/** What a member's LiveKit token grants, and until when. */
export interface MemberTokenInput {
  apiKey: string;
  apiSecret: string;
  memberId: string;
  displayName: string;
  roomName: string;
  expires: Date;
  now: Date;
}

/**
 * A token to join the kit's room only, as the member (identity = member id), valid until the kit
 * expires. The SDK dates it from now (nbf), which a back-dated --issued does not change.
 */
export function memberLivekitToken(input: MemberTokenInput): Promise<string> {
  // The SDK replaces a ttl of 0 by its 6-hour default: never let rounding get there.
  const ttl = Math.max(1, Math.floor((input.expires.getTime() - input.now.getTime()) / 1000));
  const token = new AccessToken(input.apiKey, input.apiSecret, {
    identity: input.memberId,
    name: input.displayName,
    ttl,
  });
  token.addGrant({
    roomJoin: true,
    room: input.roomName,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
  });
  return token.toJwt();
}
