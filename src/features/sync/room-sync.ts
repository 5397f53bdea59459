// The sync's transport in the crisis room: LiveKit text streams on one topic. The Room is created
// with the `encryption` option, so livekit-client encrypts these streams end to end with the room
// key like the media (docs/sync.md), and nothing is sent unless that encryption is on.
//
// Received streams cannot be told apart by their encryption: livekit-client 2.23 reports every
// data packet from a web sender as unencrypted (its EncryptedPacket leaves `encryptionType`
// unset), so `reader.info.encryptionType` says NONE for encrypted ones too. What is received is
// trusted on its signatures alone, which is what they are for; what the room's secret guarantees
// is that no one without it can read what is sent (test/e2e/sync.test.mjs checks the wire).
import {
  RoomEvent,
  type RemoteParticipant,
  type Room,
  type TextStreamReader,
} from 'livekit-client';
import { SYNC_TOPIC } from './sync-protocol.js';
import type { SyncInbox, SyncService } from './sync-service.js';

/**
 * Shares the cell's records over a connected, encrypted Room until the returned function is
 * called (leaving, or the Room replaced by a rejoin).
 */
export function shareRecordsInRoom(room: Room, sync: SyncService): () => void {
  let inbox: SyncInbox | undefined;
  let ended = false;
  // Messages that arrive while the sync runtime loads wait here, in order.
  const early: [text: string, from: string][] = [];

  room.registerTextStreamHandler(SYNC_TOPIC, (reader: TextStreamReader, { identity }) => {
    void reader.readAll().then(
      (text) => (inbox ? inbox.receive(text, identity) : early.push([text, identity])),
      () => undefined, // the sender left mid-stream: it will be asked again
    );
  });
  const joined = (participant: RemoteParticipant) => inbox?.peerJoined(participant.identity);
  const left = (participant: RemoteParticipant) => inbox?.peerLeft(participant.identity);
  // After LiveKit resumed a dropped connection, say hello again: messages may have been lost.
  const resumed = () => {
    for (const participant of room.remoteParticipants.values()) joined(participant);
  };
  room.on(RoomEvent.ParticipantConnected, joined);
  room.on(RoomEvent.ParticipantDisconnected, left);
  room.on(RoomEvent.Reconnected, resumed);

  void sync
    .attach({
      send: async (text, to) => {
        if (room.remoteParticipants.size === 0) return;
        // Never send the log in clear: only over a Room whose end-to-end encryption is on.
        if (!room.isE2EEEnabled || !room.options.encryption) {
          throw new Error('the room is not end-to-end encrypted');
        }
        await room.localParticipant.sendText(text, {
          topic: SYNC_TOPIC,
          ...(to ? { destinationIdentities: [...to] } : {}),
        });
      },
    })
    .then((attached) => {
      if (ended) return attached?.detach();
      inbox = attached;
      for (const [text, from] of early.splice(0)) inbox?.receive(text, from);
    });

  return () => {
    ended = true;
    room.unregisterTextStreamHandler(SYNC_TOPIC);
    room.off(RoomEvent.ParticipantConnected, joined);
    room.off(RoomEvent.ParticipantDisconnected, left);
    room.off(RoomEvent.Reconnected, resumed);
    inbox?.detach();
    inbox = undefined;
  };
}
