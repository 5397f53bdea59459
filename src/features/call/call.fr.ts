import type { CallMessages } from './call.en.js';

export const callFr: CallMessages = {
  'call.loading': 'Vérification du kit de crise…',
  'call.capable': 'Cet appareil peut entrer dans la salle de crise chiffrée de bout en bout.',
  'call.roomName': (room: string) => `Salle : ${room}`,

  'call.notEnrolled.title': 'Cet appareil n’est pas inscrit',
  'call.notEnrolled.body':
    'La salle de crise est désignée dans votre kit de crise. Installez d’abord le kit sur cet appareil.',
  'call.notEnrolled.action': 'Installer le kit de crise',

  'call.tampered.title': 'La salle de crise est désactivée',
  'call.tampered.body':
    'Le kit de crise de cet appareil ne correspond plus à la signature de l’organisation : Tocsin n’utilise ni ses réglages de salle ni sa clé. Réinstallez le kit depuis votre lien ou votre QR code d’inscription.',
  'call.tampered.action': 'Réinstaller le kit',

  'call.kitError.title': 'Le kit de crise n’a pas pu être lu',
  'call.kitError.body':
    'Tocsin n’a pas pu lire le kit de crise enregistré sur cet appareil. Rechargez Tocsin.',

  'call.unsupported.title': 'Ce navigateur ne sait pas chiffrer la salle de crise',
  'call.unsupported.body':
    'Ce navigateur ne sait pas chiffrer le son et l’image de bout en bout, et Tocsin n’entre jamais dans la salle sans chiffrement. Joignez la cellule par téléphone ci-dessous, ou ouvrez Tocsin dans un Chrome, Edge, Firefox ou Safari à jour.',

  'call.ready.title': 'Avant d’entrer dans la salle',
  'call.ready.permission':
    'Votre navigateur va demander l’accès au micro et à la caméra : autorisez-les pour que la cellule vous entende et vous voie. « Audio seul » n’utilise que le micro, et moins de données.',
  'call.ready.encrypted':
    'Le son et l’image de la salle sont chiffrés de bout en bout avec la clé de votre kit de crise : le serveur les relaie sans pouvoir les écouter.',
  'call.join': 'Entrer dans la salle de crise',
  'call.joinAudio': 'Entrer en audio seul',
  'call.joinListen': 'Écouter seulement',

  'call.connecting.title': 'Connexion à la salle de crise…',
  'call.connecting.body': 'Connexion et démarrage du chiffrement de bout en bout.',

  'call.media.title': 'Le micro ou la caméra n’est pas disponible',
  'call.media.denied': 'Tocsin n’a pas été autorisé à utiliser le micro ou la caméra.',
  'call.media.deniedHowTo':
    'Pour les autoriser : touchez le cadenas ou l’icône de caméra à côté de la barre d’adresse, autorisez le micro et la caméra, puis réessayez. Dans l’application installée, autorisez-les dans les réglages du téléphone pour cette application ou votre navigateur.',
  'call.media.notFound': 'Aucun micro n’a été trouvé sur cet appareil.',
  'call.media.inUse':
    'Le micro ou la caméra est utilisé par une autre application. Fermez-la, puis réessayez.',
  'call.media.other': 'Le micro ou la caméra n’a pas pu démarrer.',
  'call.media.options':
    'Vous pouvez aussi entrer avec le micro seul, ou écouter seulement : vous entendez et voyez la cellule, et lui parlez par téléphone.',
  'call.media.retry': 'Réessayer',
  'call.media.noCamera':
    'Aucune caméra n’a pu être utilisée : vous êtes dans la salle avec le micro seul.',
  'call.media.micLost': 'Le micro n’a pas pu démarrer : la cellule ne vous entend pas.',
  'call.media.cameraLost': 'La caméra n’a pas pu démarrer.',

  'call.inCall.title': 'Dans la salle de crise',
  'call.reconnecting.title': 'Reconnexion à la salle de crise…',
  'call.rejoining.title': 'Connexion perdue : retour dans la salle de crise…',
  'call.reconnecting': 'Reconnexion…',
  'call.rejoining': 'La connexion a été perdue. Retour dans la salle de crise…',
  'call.rejoiningAttempt': (attempt: number) => `Tentative ${attempt}. Tocsin continue d’essayer.`,
  'call.stillRejoining': 'Toujours en cours. En attendant, joignez la cellule par téléphone.',
  'call.mediaStalled':
    'Le son ne passe pas. Quittez la salle et entrez-y de nouveau, ou joignez la cellule par téléphone.',
  'call.encryptionProblem':
    'Le chiffrement de bout en bout a signalé un problème sur cet appareil. Si les autres ne vous entendent pas, quittez la salle et entrez-y de nouveau.',
  'call.audioBlocked': 'Le navigateur retient le son de la salle.',
  'call.startAudio': 'Activer le son',
  'call.alone': 'Personne d’autre n’est encore dans la salle.',

  'call.safety.title': 'Code de sécurité',
  'call.safety.readAloud': 'Lisez ces mots à voix haute : tout le monde doit voir les mêmes.',
  'call.safety.different':
    'Des mots différents ? Vous n’êtes pas dans la même salle chiffrée : quittez-la et téléphonez.',
  'call.safety.digits': 'Le même code en chiffres',

  'call.you': (name: string) => `${name} (vous)`,
  'call.unverified': 'Non vérifié',
  'call.unverifiedHint': 'Absent de l’annuaire signé',
  'call.encryption.encrypted': 'Chiffré',
  'call.encryption.not-encrypted': 'Non chiffré — non diffusé',
  'call.encryption.cannot-decrypt': 'Déchiffrement impossible',
  'call.microphoneOff': 'Micro coupé',
  'call.cameraOff': 'Caméra coupée',
  'call.speaking': 'Parle',
  'call.quality.excellent': 'Connexion excellente',
  'call.quality.good': 'Bonne connexion',
  'call.quality.poor': 'Connexion faible',
  'call.quality.lost': 'Connexion perdue',
  'call.quality.unknown': 'Qualité de connexion inconnue',

  'call.controls': 'Commandes de la salle',
  'call.control.mute': 'Couper le micro',
  'call.control.cameraOff': 'Couper la caméra',
  'call.control.audioOnly': 'Audio seul',
  'call.control.leave': 'Quitter',
  'call.control.switchCamera': 'Changer de caméra',
  'call.control.speakerView': 'Vue orateur',
  'call.control.participants': (count: number) => `Participants (${count})`,
  'call.control.audioOutput': 'Sortie du son',
  'call.control.outputN': (ordinal: number) => `Sortie ${ordinal}`,
  'call.control.defaultOutput': 'Sortie par défaut',

  'call.list.title': 'Participants',

  'call.announce.joined': (name: string) => `${name} a rejoint la salle.`,
  'call.announce.joinedUnverified': (name: string) =>
    `${name} a rejoint la salle. Absent de l’annuaire signé.`,
  'call.announce.left': (name: string) => `${name} a quitté la salle.`,
  'call.announce.cannotDecrypt': (name: string) =>
    `Le son et l’image de ${name} ne peuvent pas être déchiffrés : cette personne n’a peut-être pas la clé de la salle.`,
  'call.announce.notEncrypted': (name: string) =>
    `${name} envoie du son ou de l’image non chiffrés. Tocsin ne les diffuse pas.`,
  'call.announce.connected': (count: number) =>
    count === 0
      ? 'Vous êtes dans la salle. Personne d’autre n’est encore là.'
      : `Vous êtes dans la salle avec ${count === 1 ? '1 autre personne' : `${count} autres personnes`}.`,

  'call.unreachable.title': 'La salle de crise est injoignable',
  'call.unreachable.body':
    'Tocsin n’a pas pu se connecter au serveur de la salle de crise : le réseau ou le serveur est peut-être en panne. Réessayez dans un instant, ou joignez la cellule par téléphone ci-dessous.',
  'call.unreachable.offline':
    'Cet appareil n’a pas de connexion réseau : Tocsin ne peut pas joindre la salle de crise. Joignez la cellule par téléphone ci-dessous, et réessayez quand le réseau sera revenu.',
  'call.refused.title': 'Le serveur a refusé cet appareil',
  'call.refused.body':
    'Le serveur de la salle de crise n’a pas accepté l’accès de cet appareil. Votre kit de crise est peut-être périmé : demandez un nouveau lien d’inscription à votre administrateur de crise.',
  'call.duplicate.title': 'Vous avez rejoint depuis un autre appareil',
  'call.duplicate.body':
    'Votre identité a rejoint la salle de crise depuis un autre appareil ou onglet : celui-ci a donc été déconnecté.',
  'call.removed.title': 'Vous avez été retiré de la salle de crise',
  'call.removed.body':
    'Le serveur a retiré cet appareil de la salle, ou a fermé la salle. Revenez-y si vous devez y être, ou joignez la cellule par téléphone ci-dessous.',
  'call.encryptionFailed.title': 'Le chiffrement n’a pas pu démarrer',
  'call.encryptionFailed.body':
    'Le chiffrement de bout en bout n’a pas démarré sur cet appareil : Tocsin a quitté la salle plutôt que d’y rester sans chiffrement. Réessayez ; si cela échoue encore, rechargez Tocsin.',
  'call.retry': 'Réessayer',
  'call.left.title': 'Vous avez quitté la salle de crise',
  'call.rejoin': 'Revenir dans la salle',

  'call.server.checking': 'Vérification du serveur de la salle…',
  'call.server.reachable': 'Serveur de la salle joignable',
  'call.server.unreachable': (reason: string) =>
    `Le serveur de la salle ne répond pas (${reason}) : vous pouvez essayer quand même, ou utiliser les solutions de repli ci-dessous.`,
  'call.server.checkedAt': (time: string) => `vérifié à ${time}`,
  'call.server.reason.offline': 'cet appareil est hors ligne',
  'call.server.reason.timeout': (seconds: number) => `aucune réponse en ${seconds} s`,
  'call.server.reason.network': 'connexion impossible',
  'call.server.reason.status': (status: number) => `erreur ${status}`,

  'call.fallback.title': 'Joindre la cellule par téléphone',
  'call.fallback.hint':
    'Les appels et les SMS passent par le réseau téléphonique, sans connexion de données.',
  'call.fallback.alert': 'Alerter toute la cellule par SMS',
  'call.fallback.call': 'Appeler',
  'call.fallback.sms': 'SMS',
  'call.fallback.callLabel': (name: string, number: string) => `Appeler ${name}, ${number}`,
  'call.fallback.smsLabel': (name: string, number: string) => `SMS à ${name}, ${number}`,
  'call.fallback.noPhone': 'Aucun numéro',
  'call.fallback.invalidNumber': 'numéro non valide',
  'call.fallback.noMembers': 'L’annuaire signé ne compte aucun autre membre de la cellule.',
  'call.fallback.emergency': 'Numéros d’urgence',
  'call.fallback.emergencyLabel': (label: string, number: string) => `Appeler ${label}, ${number}`,
};
