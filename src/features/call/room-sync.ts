// The sync's transport in the crisis room: LiveKit text streams on one topic. The Room is created
// with the `encryption` option, so livekit-client encrypts these streams end to end with the room
// key like the media (docs/sync.md), and nothing is sent unless that encryption is on.
//
// A receiver cannot tell from livekit-client 2.23 whether a stream arrived encrypted (every
// stream reports `encryptionType` NONE, see message-seal.ts), so every message also carries a
// seal made with the room's key: the engine opens it before reading anything else, and drops
// what does not open. A stream longer than any message is not read to its end.
import {
  RoomEvent,
  type RemoteParticipant,
  type Room,
  type TextStreamReader,
} from 'livekit-client';
import { MAX_SYNC_MESSAGE_CHARS, SYNC_TOPIC } from '../../domain/records.js';
import type { SyncInbox, SyncService } from '../sync/sync-service.js';

/** Messages kept while the sync runtime loads: a join's hellos and first answers. */
const MAX_EARLY_MESSAGES = 200;
/** Longest stream read: a message and its seal. */
const MAX_STREAM_CHARS = MAX_SYNC_MESSAGE_CHARS + 100;

/** A stream's text, or undefined when it runs longer than any message (left unread). */
async function readBounded(reader: TextStreamReader): Promise<string | undefined> {
  if ((reader.info.size ?? 0) > MAX_STREAM_CHARS * 4) return undefined;
  let text = '';
  for await (const chunk of reader) {
    text += chunk;
    if (text.length > MAX_STREAM_CHARS) return undefined;
  }
  return text;
}

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
    void readBounded(reader).then(
      (text) => {
        if (text === undefined) return;
        if (inbox) inbox.receive(text, identity);
        // Before the runtime is loaded (a second or so), a few messages wait; a flood does not.
        else if (early.length < MAX_EARLY_MESSAGES) early.push([text, identity]);
      },
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
