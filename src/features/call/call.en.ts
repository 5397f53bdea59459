// The English messages of the crisis room: the room page, the call and its phone fallbacks. They
// load with the room page, never at start-up.
export const callEn = {
  'call.loading': 'Checking the crisis kit…',
  'call.capable': 'This device can join the end-to-end encrypted crisis room.',
  'call.roomName': (room: string) => `Room: ${room}`,

  'call.notEnrolled.title': 'This device is not enrolled',
  'call.notEnrolled.body':
    'The crisis room is named in your crisis kit. Install the kit on this device first.',
  'call.notEnrolled.action': 'Install the crisis kit',

  'call.tampered.title': 'The crisis room is disabled',
  'call.tampered.body':
    'The crisis kit on this device no longer matches the organisation’s signature, so Tocsin uses neither its room settings nor its key. Install the kit again from your enrollment link or QR code.',
  'call.tampered.action': 'Install the kit again',

  'call.kitError.title': 'The crisis kit could not be read',
  'call.kitError.body':
    'Tocsin could not read the crisis kit stored on this device. Reload Tocsin.',

  'call.unsupported.title': 'This browser cannot encrypt the crisis room',
  'call.unsupported.body':
    'This browser cannot encrypt sound and video end to end, and Tocsin never enters the room unencrypted. Reach the cell by phone below, or open Tocsin in an up-to-date Chrome, Edge, Firefox or Safari.',

  'call.ready.title': 'Before you join',
  'call.ready.permission':
    'Your browser will ask to use the microphone and the camera: allow them so the cell can hear and see you. “Audio only” uses the microphone alone, and less data.',
  'call.ready.encrypted':
    'Sound and video in the room are end-to-end encrypted with the key of your crisis kit: the server relays them without being able to listen.',
  'call.join': 'Join the crisis room',
  'call.joinAudio': 'Join audio only',
  'call.joinListen': 'Listen only',

  'call.connecting.title': 'Joining the crisis room…',
  'call.connecting.body': 'Connecting and starting the end-to-end encryption.',

  'call.media.title': 'The microphone or camera is not available',
  'call.media.denied': 'Tocsin was not allowed to use the microphone or the camera.',
  'call.media.deniedHowTo':
    'To allow them: tap the padlock or camera icon next to the address bar, allow the microphone and the camera, then try again. In the installed app, allow them in the phone’s settings for this app or your browser.',
  'call.media.notFound': 'No microphone was found on this device.',
  'call.media.inUse':
    'The microphone or the camera is in use by another app. Close that app, then try again.',
  'call.media.other': 'The microphone or the camera could not be started.',
  'call.media.options':
    'You can also join with the microphone alone, or listen only: you hear and see the cell, and speak to it by phone.',
  'call.media.retry': 'Try again',
  'call.media.noCamera': 'No camera could be used: you joined with the microphone only.',
  'call.media.micLost': 'The microphone could not be started: the cell cannot hear you.',
  'call.media.cameraLost': 'The camera could not be started.',

  'call.inCall.title': 'In the crisis room',
  'call.reconnecting.title': 'Reconnecting to the crisis room…',
  'call.rejoining.title': 'Connection lost: rejoining the crisis room…',
  'call.reconnecting': 'Reconnecting…',
  'call.rejoining': 'The connection was lost. Rejoining the crisis room…',
  'call.rejoiningAttempt': (attempt: number) => `Attempt ${attempt}. Tocsin keeps trying.`,
  'call.stillRejoining': 'Still trying. Meanwhile, reach the cell by phone.',
  'call.mediaStalled':
    'Sound is not getting through. Leave the room and join it again, or reach the cell by phone.',
  'call.encryptionProblem':
    'End-to-end encryption reported a problem on this device. If the others cannot hear you, leave the room and join it again.',
  'call.audioBlocked': 'The browser is holding the room’s sound back.',
  'call.startAudio': 'Turn the sound on',
  'call.alone': 'Nobody else is in the room yet.',

  'call.safety.title': 'Safety code',
  'call.safety.readAloud': 'Read these words aloud: everyone must see the same.',
  'call.safety.different':
    'Different words? You are not in the same encrypted room: leave it and phone instead.',
  'call.safety.digits': 'The same code in digits',

  'call.you': (name: string) => `${name} (you)`,
  'call.unverified': 'Unverified',
  'call.unverifiedHint': 'Not in the signed directory',
  'call.encryption.encrypted': 'Encrypted',
  'call.encryption.not-encrypted': 'Not encrypted — not played',
  'call.encryption.cannot-decrypt': 'Cannot decrypt',
  'call.microphoneOff': 'Microphone off',
  'call.cameraOff': 'Camera off',
  'call.speaking': 'Speaking',
  'call.quality.excellent': 'Excellent connection',
  'call.quality.good': 'Good connection',
  'call.quality.poor': 'Poor connection',
  'call.quality.lost': 'Connection lost',
  'call.quality.unknown': 'Connection quality unknown',

  'call.controls': 'Room controls',
  'call.control.mute': 'Mute',
  'call.control.cameraOff': 'Stop camera',
  'call.control.audioOnly': 'Audio only',
  'call.control.leave': 'Leave',
  'call.control.switchCamera': 'Switch camera',
  'call.control.speakerView': 'Speaker view',
  'call.control.participants': (count: number) => `Participants (${count})`,
  'call.control.audioOutput': 'Sound output',
  'call.control.outputN': (ordinal: number) => `Output ${ordinal}`,
  'call.control.defaultOutput': 'Default output',

  'call.list.title': 'Participants',

  'call.announce.joined': (name: string) => `${name} joined the room.`,
  'call.announce.joinedUnverified': (name: string) =>
    `${name} joined the room. Not in the signed directory.`,
  'call.announce.left': (name: string) => `${name} left the room.`,
  'call.announce.cannotDecrypt': (name: string) =>
    `${name}’s sound and image cannot be decrypted: they may not hold the room key.`,
  'call.announce.notEncrypted': (name: string) =>
    `${name} is sending sound or image that is not encrypted. Tocsin does not play it.`,
  'call.announce.connected': (count: number) =>
    count === 0
      ? 'You are in the room. Nobody else is here yet.'
      : `You are in the room with ${count === 1 ? '1 other person' : `${count} other people`}.`,

  'call.unreachable.title': 'The crisis room cannot be reached',
  'call.unreachable.body':
    'Tocsin could not connect to the crisis room’s server: the network or the server may be down. Try again in a moment, or reach the cell by phone below.',
  'call.unreachable.offline':
    'This device has no network connection, so Tocsin cannot reach the crisis room. Reach the cell by phone below, and try again once the network is back.',
  'call.refused.title': 'The server refused this device',
  'call.refused.body':
    'The crisis room’s server did not accept this device’s access. Your crisis kit may be out of date: ask your crisis administrator for a new enrollment link.',
  'call.duplicate.title': 'You joined from another device',
  'call.duplicate.body':
    'Your identity joined the crisis room from another device or tab, so this one was disconnected.',
  'call.removed.title': 'You were removed from the crisis room',
  'call.removed.body':
    'The server removed this device from the room, or closed the room. Join again if you should be in it, or reach the cell by phone below.',
  'call.encryptionFailed.title': 'Encryption could not be started',
  'call.encryptionFailed.body':
    'End-to-end encryption did not start on this device, so Tocsin left the room rather than stay in it unencrypted. Try again; if it fails again, reload Tocsin.',
  'call.retry': 'Try again',
  'call.left.title': 'You left the crisis room',
  'call.rejoin': 'Join again',

  'call.server.checking': 'Checking the room server…',
  'call.server.reachable': 'Room server reachable',
  'call.server.unreachable': (reason: string) =>
    `The room server is not answering (${reason}): you can try anyway, or reach the cell by phone below.`,
  'call.server.checkedAt': (time: string) => `checked at ${time}`,
  'call.server.reason.offline': 'this device is offline',
  'call.server.reason.timeout': (seconds: number) => `no answer within ${seconds} s`,
  'call.server.reason.network': 'no connection to it',
  'call.server.reason.status': (status: number) => `it answered with error ${status}`,

  'call.fallback.title': 'Reach the cell by phone',
  'call.fallback.hint': 'Calls and SMS go over the phone network, with no data connection.',
  'call.fallback.alert': 'Alert the whole cell by SMS',
  'call.fallback.call': 'Call',
  'call.fallback.sms': 'SMS',
  'call.fallback.callLabel': (name: string, number: string) => `Call ${name}, ${number}`,
  'call.fallback.smsLabel': (name: string, number: string) => `SMS to ${name}, ${number}`,
  'call.fallback.noPhone': 'No phone number',
  'call.fallback.invalidNumber': 'not a valid number',
  'call.fallback.noMembers': 'The signed directory has no other crisis-cell member.',
  'call.fallback.emergency': 'Emergency numbers',
  'call.fallback.emergencyLabel': (label: string, number: string) => `Call ${label}, ${number}`,
};

export type CallMessages = typeof callEn;
