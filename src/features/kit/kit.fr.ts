import type { KitMessages } from './kit.en.js';

const count = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const kitFr: KitMessages = {
  'kit.intro':
    'Votre administrateur de crise vous remet un lien ou un QR code d’inscription, ou un fichier de kit (.tocsin) et sa clé.',
  'kit.keyHeld':
    'Votre lien contient la clé du kit mais pas le fichier. Choisissez le fichier .tocsin que vous avez reçu.',

  'kit.file.title': 'Le fichier du kit',
  'kit.file.drop': 'Déposez le fichier .tocsin ici, ou',
  'kit.file.choose': 'Choisir le fichier du kit',
  'kit.file.another': 'Choisir un autre fichier',
  'kit.file.reading': 'Lecture du fichier…',
  'kit.file.chosen': (name: string, size: string) => `Fichier : ${name} (${size})`,
  'kit.file.downloaded': (size: string) => `Fichier du kit téléchargé (${size})`,

  'kit.link.title': 'Ou ouvrez votre lien d’inscription',
  'kit.link.hint': 'Scannez le QR code qui vous a été remis, ou collez le lien reçu.',
  'kit.key.title': 'Saisir la clé du kit',
  'kit.key.why':
    'Le kit est chiffré. Sa clé se trouve dans votre lien ou votre QR code d’inscription : scannez-le ou collez-le.',
  'kit.key.private':
    'La clé reste sur cet appareil : Tocsin ne l’envoie jamais nulle part, et l’oublie une fois le kit ouvert.',
  'kit.key.scan': 'Scanner le QR code',
  'kit.key.paste': 'Coller le lien ou la clé',
  'kit.key.pasteLink': 'Coller le lien',
  'kit.key.label': 'Lien d’inscription ou clé du kit',
  'kit.key.labelLink': 'Lien d’inscription',
  'kit.key.hint':
    'Le lien entier (…#/enroll?…) ou la clé seule : 43 lettres, chiffres, « - » ou « _ ».',
  'kit.key.open': 'Ouvrir le kit',
  'kit.key.empty': 'Collez d’abord le lien ou la clé.',
  'kit.key.notALink':
    'Ce n’est ni un lien d’inscription ni une clé de kit. Vérifiez ce que vous avez collé, ou scannez le QR code.',
  'kit.key.noKey':
    'Ce lien ne contient pas la clé du kit. Collez le lien qui contient la clé, ou scannez le QR code.',
  'kit.key.notTocsinQr':
    'Ce QR code n’est pas un code d’inscription Tocsin. Scannez celui de votre courrier d’inscription.',

  'kit.download.title': 'Téléchargement du kit de crise',
  'kit.download.progress': (received: string, total: string) => `${received} sur ${total}`,
  'kit.download.received': (received: string) => `${received} reçus`,
  'kit.download.cancel': 'Annuler',
  'kit.download.failedTitle': 'Le kit n’a pas pu être téléchargé',
  'kit.download.retry': 'Réessayer',
  'kit.download.useFile': 'Choisir plutôt le fichier',
  'kit.download.nothingInstalled':
    'Rien n’a été installé : les données de cet appareil sont inchangées.',

  'kit.preparing': 'Ouverture et vérification du kit…',

  'kit.confirm.title': 'Vérifiez l’organisation',
  'kit.confirm.signedBy': 'Ce kit de crise est signé par',
  'kit.confirm.fingerprint': 'Empreinte de l’organisation',
  'kit.confirm.compare':
    'Comparez cette empreinte avec celle imprimée dans votre kit de crise papier. Les 32 caractères doivent être identiques.',
  'kit.confirm.matches': 'Elle correspond — installer',
  'kit.confirm.differs': 'Elle ne correspond pas — annuler',
  'kit.confirm.details': 'Contenu de ce kit',
  'kit.update.title': 'Mettre à jour le kit de crise',
  'kit.update.fromTo': (from: string, to: string) =>
    `Mettre à jour le kit de crise de la version ${from} à la version ${to}.`,
  'kit.update.install': 'Installer la mise à jour',
  'kit.update.cancel': 'Annuler',
  'kit.update.fingerprint': 'Empreinte de l’organisation, déjà reconnue par cet appareil',

  'kit.repair.title': 'Réparer le kit de crise',
  'kit.repair.body': (version: string) =>
    `Les données du kit de crise installé sur cet appareil (version ${version}) ont été modifiées après son installation. Ce fichier est ce même kit, tel que votre organisation l’a signé : le réinstaller remet ses données en place. Ce que vous avez ajouté sur cet appareil est conservé.`,
  'kit.repair.install': 'Réinstaller le kit de crise',

  'kit.fact.organisation': 'Organisation',
  'kit.fact.member': 'Destinataire',
  'kit.fact.version': 'Version',
  'kit.fact.versionValue': (version: number, epoch: number) => `${version} (époque ${epoch})`,
  'kit.fact.issued': 'Émis le',
  'kit.fact.expires': 'Valable jusqu’au',
  'kit.fact.directory': 'Annuaire',
  'kit.fact.playbook': 'Plan de crise',
  'kit.fact.room': 'Salle de crise',
  'kit.contacts': (n: number) => count(n, 'contact', 'contacts'),
  'kit.playbookItems': (n: number) => count(n, 'action', 'actions'),
  'kit.contactsChange': (from: number, to: number) =>
    `${count(to, 'contact', 'contacts')} (actuellement ${from})`,
  'kit.playbookChange': (from: number, to: number) =>
    `${count(to, 'action', 'actions')} (actuellement ${from})`,

  'kit.declined.title': 'N’installez pas ce kit',
  'kit.declined.body':
    'L’empreinte ne correspond pas : ce kit ne vient peut-être pas de votre organisation. Appelez votre administrateur de crise avant d’aller plus loin.',
  'kit.cancelled.title': 'Le kit de crise n’a pas été modifié',
  'kit.nothingWritten': 'Rien n’a été écrit sur cet appareil.',
  'kit.startAgain': 'Recommencer',

  'kit.installing': 'Installation du kit de crise…',
  'kit.installed.title': 'Kit de crise installé',
  'kit.installed.body': (organisation: string, version: number) =>
    `Le kit de crise de ${organisation}, version ${version}, est sur cet appareil et fonctionne sans réseau.`,
  'kit.installed.counts': (contacts: string, actions: string) =>
    `Annuaire : ${contacts}. Plan de crise : ${actions}.`,
  'kit.installed.notPersisted':
    'Le navigateur n’a pas promis de conserver les données de Tocsin quand l’espace manque. Installer Tocsin sur l’écran d’accueil aide.',
  'kit.installed.directory': 'Ouvrir l’annuaire',
  'kit.installed.home': 'Retour à l’accueil',

  'kit.refused.title': 'Le kit de crise n’a pas été installé',
  'kit.refused.alreadyTitle': 'Ce kit est déjà installé',
  'kit.refused.unchanged':
    'Rien n’a été installé : les données déjà présentes sur cet appareil sont inchangées.',
  'kit.refused.keyAgain': 'Saisir à nouveau la clé',
  'kit.refused.anotherFile': 'Essayer un autre fichier',
  'kit.refused.installAgain': 'Réessayer',
  'kit.refused.full':
    'Cet appareil est plein : le kit n’a pas pu être enregistré. Libérez de l’espace (photos, vidéos, applications inutiles), puis réessayez.',
  'kit.refused.failed':
    'Le kit n’a pas pu être installé sur cet appareil. Réessayez ; si cela se reproduit, rechargez Tocsin.',

  'kit.refusal.too-large':
    'Ce fichier est plus gros qu’un kit de crise ne peut l’être (20 Mo). Vérifiez que vous avez choisi le fichier du kit reçu.',
  'kit.refusal.not-a-kit':
    'Ce fichier n’est pas un kit de crise Tocsin. Vérifiez que vous avez choisi le fichier .tocsin reçu.',
  'kit.refusal.bad-key':
    'Ce n’est pas une clé de kit : une clé compte 43 lettres, chiffres, « - » ou « _ ». Vérifiez le lien, ou scannez à nouveau le QR code.',
  'kit.refusal.wrong-key':
    'Le kit n’a pas pu être ouvert avec cette clé. Vérifiez le lien, ou scannez à nouveau le QR code. Le fichier est peut-être aussi incomplet : téléchargez-le ou copiez-le à nouveau.',
  'kit.refusal.malformed':
    'Le kit est endommagé : son contenu n’a pas le format attendu. Demandez un nouveau kit à votre administrateur de crise.',
  'kit.refusal.unsupported-schema':
    'Ce kit a été fait pour une version plus récente de Tocsin. Rechargez Tocsin en ligne pour le mettre à jour, puis réessayez.',
  'kit.refusal.bad-signature':
    'La signature de l’organisation sur ce kit n’est pas valide : le kit a été modifié après sa signature. Ne l’utilisez pas et prévenez votre administrateur de crise.',
  'kit.refusal.tampered':
    'Une partie de ce kit ne correspond pas à ce que l’organisation a signé : il a été modifié. Ne l’utilisez pas et prévenez votre administrateur de crise.',
  'kit.refusal.other-organisation': (installed: string) =>
    `Ce kit vient d’une autre organisation. Cet appareil fait confiance à ${installed} et n’installe que ses kits. Si votre organisation a changé, demandez à votre administrateur de crise.`,
  'kit.refusal.older-version': (installed: string) =>
    `Ce kit est plus ancien que celui installé sur cet appareil (version ${installed}). Gardez celui qui est installé, ou demandez le dernier kit à votre administrateur de crise.`,
  'kit.refusal.equivocation':
    'Attention : ce kit porte la même version que celui installé, avec un contenu différent. Quelqu’un diffuse deux kits différents sous une même version. Prévenez tout de suite votre administrateur de crise.',
  'kit.refusal.already-installed':
    'Ce kit, exactement, est déjà installé sur cet appareil : il n’y a rien à faire.',
  'kit.refusal.expired': (date: string) =>
    `Ce kit a expiré le ${date}. Demandez un nouveau kit à votre administrateur de crise.`,
  'kit.refusal.issued-in-future': (date: string) =>
    `Ce kit est daté du ${date}, plus d’un jour en avance sur l’horloge de cet appareil. Vérifiez la date et l’heure de l’appareil, puis réessayez.`,

  'kit.fetch.cross-origin':
    'Ce lien désigne un kit sur un autre serveur que celui de Tocsin. Tocsin ne télécharge les kits que depuis sa propre adresse : demandez le bon lien à votre administrateur de crise, ou choisissez le fichier du kit.',
  'kit.fetch.bad-url':
    'L’adresse du kit dans ce lien n’est pas valide. Demandez un nouveau lien à votre administrateur de crise, ou choisissez le fichier du kit.',
  'kit.fetch.offline':
    'Cet appareil est hors ligne. Connectez-vous à un réseau et réessayez, ou choisissez un fichier de kit présent sur cet appareil.',
  'kit.fetch.not-found':
    'Le fichier du kit est introuvable sur le serveur (HTTP 404). Le lien est peut-être ancien : demandez-en un nouveau à votre administrateur de crise.',
  'kit.fetch.http': (status: number) =>
    `Le serveur n’a pas pu fournir le fichier du kit (HTTP ${status}). Réessayez dans un moment ; si cela se reproduit, prévenez votre administrateur de crise.`,
  'kit.fetch.network':
    'Le serveur est injoignable. Vérifiez le réseau et réessayez, ou choisissez le fichier du kit.',
  'kit.fetch.too-large':
    'Le fichier de ce lien est plus gros qu’un kit de crise ne peut l’être (20 Mo) : le téléchargement a été arrêté. Prévenez votre administrateur de crise.',
  'kit.fetch.aborted': 'Le téléchargement a été annulé.',

  'qr.why':
    'Pour lire le QR code, Tocsin a besoin de la caméra. L’image reste sur cet appareil : rien n’est enregistré ni envoyé.',
  'qr.start': 'Allumer la caméra',
  'qr.cancel': 'Annuler',
  'qr.starting': 'Allumage de la caméra…',
  'qr.scanning': 'Visez le QR code avec la caméra. Il est lu tout seul.',
  'qr.preview': 'Aperçu de la caméra',
  'qr.retry': 'Réessayer',
  'qr.denied':
    'Tocsin n’a pas le droit d’utiliser la caméra. Autorisez la caméra pour ce site dans les réglages du navigateur et réessayez, ou collez plutôt le lien.',
  'qr.no-camera': 'Aucune caméra n’a été trouvée sur cet appareil. Collez plutôt le lien.',
  'qr.busy':
    'La caméra est utilisée par une autre application. Fermez-la et réessayez, ou collez plutôt le lien.',
  'qr.insecure':
    'La caméra ne fonctionne que si Tocsin est ouvert à une adresse sécurisée (https). Collez plutôt le lien.',
  'qr.unsupported': 'Ce navigateur ne peut pas utiliser la caméra. Collez plutôt le lien.',
  'qr.failed': 'Le scanner n’a pas pu démarrer. Réessayez, ou collez plutôt le lien.',
};
