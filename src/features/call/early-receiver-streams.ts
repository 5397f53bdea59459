import { EngineEvent, type Room } from 'livekit-client';

/** A receiver with the encoded streams livekit-client's E2EE manager looks for before making its own. */
interface ReceiverStreams {
  createEncodedStreams?: () => { readable: ReadableStream; writable: WritableStream };
  readableStream?: ReadableStream;
  writableStream?: WritableStream;
}

/** Frames kept for the E2EE worker while it starts: over 3 s of video, a few MB at most. */
const QUEUED_FRAMES = 100;

/**
 * Reads each incoming video track's encoded frames from the moment the subscriber connection
 * announces the track, and relays them to the E2EE worker and its output back to the receiver.
 *
 * Why: joining a room where others already publish, livekit-client announces the tracks while
 * connecting and only hands their encoded streams to the E2EE worker once connected. Frames that
 * Chromium's encoded streams deliver before something reads them — the keyframe the server sends a
 * new subscriber among them — were lost, and the first picture waited for the next keyframe (a
 * join took 650–850 ms instead of ~400). Measured: relaying both directions through plain streams
 * made every join fast; the readable side alone, only some. livekit-client uses the streams it
 * finds on the receiver (`E2EEManager.handleReceiver`, livekit-client 2.23), so it hands these to
 * the worker. Frames are still encrypted on the way in; only the worker decrypts them.
 *
 * Video only: audio frames stand alone (no keyframe to lose), and keeping them off this page's
 * main thread keeps sound steady when the page is busy.
 */
export function readReceiverFramesEarly(room: Room): void {
  room.engine.on(EngineEvent.MediaTrackAdded, (track, _stream, receiver: RTCRtpReceiver) => {
    const streams = receiver as unknown as ReceiverStreams;
    if (track.kind !== 'video' || !streams.createEncodedStreams || streams.readableStream) return;
    const { readable, writable } = streams.createEncodedStreams();
    const toWorker = new TransformStream(
      undefined,
      new CountQueuingStrategy({ highWaterMark: QUEUED_FRAMES }),
    );
    const fromWorker = new TransformStream();
    void readable.pipeTo(toWorker.writable).catch(() => undefined);
    void fromWorker.readable.pipeTo(writable).catch(() => undefined);
    streams.readableStream = toWorker.readable;
    streams.writableStream = fromWorker.writable;
  });
}
