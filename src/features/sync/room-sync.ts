// The sync's transport in the crisis room: LiveKit text streams on one topic. The Room is created
// with the `encryption` option, so livekit-client encrypts these streams end to end with the room
// key like the media (docs/sync.md); a stream that arrives unencrypted is dropped unread.
import {
  Encryption_Type,
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
    if (reader.info.encryptionType === Encryption_Type.NONE) {
      // Never read what travelled in clear: the room's data is end-to-end encrypted or nothing.
      void reader.readAll().catch(() => undefined);
      return;
    }
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
