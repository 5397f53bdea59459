import { dayMonth, type Messages } from './en.js';

export const fr: Messages = {
  'format.dayMonth': (date: Date) => dayMonth(date, 'fr-FR', '2-digit'),

  'app.skipToContent': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'app.pageLoadFailed':
    'Cette page n’a pas pu être chargée. Rechargez Tocsin ; hors ligne, il s’ouvrira depuis cet appareil.',
  'app.retry': 'Réessayer',
  'error.technicalDetails': 'Détails techniques',
  'error.retry': 'réessayez ; si cela se reproduit, rechargez Tocsin.',
  'error.reload': 'rechargez Tocsin ; si cela se reproduit, redémarrez le navigateur.',

  'nav.label': 'Navigation principale',
  'nav.home': 'Accueil',
  'nav.directory': 'Annuaire',
  'nav.playbook': 'Plan',
  'nav.log': 'Main courante',
  'nav.rollcall': 'Présences',
  'nav.room': 'Salle',
  'nav.settings': 'Réglages',

  'update.ready': 'Une nouvelle version de Tocsin est prête.',
  'update.reload': 'Recharger',
  'update.later': 'Plus tard',
  'update.reloading': 'Rechargement…',

  'db.blocked':
    'Tocsin est ouvert dans un autre onglet avec une version plus ancienne. Fermez ou rechargez cet onglet pour continuer.',
  'db.blocking': 'Tocsin a été mis à jour dans un autre onglet. Rechargez celui-ci pour continuer.',
  'db.reload': 'Recharger cet onglet',
  'db.full':
    'L’espace de stockage de cet appareil est plein. Libérez de la place, puis rechargez Tocsin : rien de ce qui était enregistré n’est perdu.',
  'db.failed':
    'Le stockage de cet appareil n’a pas pu être ouvert. Vos données n’ont pas été modifiées : rechargez Tocsin, et si cela se reproduit, redémarrez le navigateur.',

  'kitStatus.tampered':
    'Le kit de crise enregistré sur cet appareil ne correspond plus à la signature de l’organisation. La salle de crise est désactivée jusqu’à ce qu’un kit valide soit de nouveau installé.',
  'kitStatus.tamperedAction': 'Réinstallez le kit depuis votre lien ou votre QR code d’enrôlement.',
  'call.inProgress': 'En salle de crise : vous y restez pendant que vous utilisez Tocsin.',
  'call.backToCall': 'Revenir dans la salle',
  'kitStatus.reinstall': 'Réinstaller le kit',
  'kitStatus.expired': (date: string) => `Données du ${date} — expirées.`,
  'kitStatus.expiredAction':
    'Elles restent lisibles ; demandez un nouveau kit à votre administrateur.',
  'kitStatus.installNew': 'Installer un nouveau kit',
  'kitStatus.signature': 'Signature du kit',
  'kitStatus.verified': 'Signature vérifiée',
  'kitStatus.checking': 'Vérification de la signature…',
  'kitStatus.tamperedShort':
    'Ne correspond pas à la signature de l’organisation : voir l’avertissement en haut de la page.',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'Cette adresse ne correspond à aucune page de Tocsin.',
  'notFound.home': 'Retour à l’accueil',

  'home.title': 'Cellule de crise',
  'home.notEnrolled.title': 'Appareil pas encore enrôlé',
  'home.notEnrolled.body':
    'Cet appareil ne contient pas encore de kit de crise. L’administrateur de crise remet à chaque membre un lien ou un QR code d’enrôlement.',
  'home.notEnrolled.step1':
    'Ouvrez votre lien d’enrôlement, ou scannez votre QR code, sur cet appareil.',
  'home.notEnrolled.step2':
    'Comparez l’empreinte affichée avec celle imprimée sur le kit papier avant d’accepter.',
  'home.notEnrolled.step3':
    'Installez Tocsin sur l’écran d’accueil pour qu’il s’ouvre sans réseau.',
  'home.notEnrolled.install': 'Installer le kit de crise',
  'home.member': 'Vous êtes',
  'home.organisation': 'Organisation',
  'home.fingerprint': 'Empreinte',
  'home.room': 'Salle de crise',
  'home.server': 'Serveur',
  'home.kitVersion': 'Kit de crise',
  'home.kitVersionValue': (version: number, issued: string) =>
    `version ${version}, émis le ${issued}`,
  'home.kitExpires': (date: string) => `Valable jusqu’au ${date}`,
  'home.kitExpired': (date: string) =>
    `Ce kit de crise a expiré le ${date}. Il reste lisible ; demandez-en un nouveau à l’administrateur.`,
  'home.status': 'Cet appareil',
  'home.network': 'Réseau',
  'home.online': 'En ligne',
  'home.offline': 'Hors ligne — Tocsin continue de fonctionner depuis cet appareil',
  'home.storage': 'Stockage',
  'home.storagePersistent': 'Persistant',
  'home.storageNotPersistent':
    'Non persistant — le navigateur peut l’effacer si l’espace vient à manquer',
  'home.storageUnknown': 'Inconnu dans ce navigateur',
  'home.version': 'Version',

  'install.title': 'Installer sur cet appareil',
  'install.button': 'Installer Tocsin',
  'install.installed': 'Tocsin est installé sur cet appareil.',
  'install.ios':
    'Sur iPhone ou iPad, dans Safari : touchez le bouton Partager, puis « Sur l’écran d’accueil ».',
  'install.other':
    'Ouvrez le menu du navigateur et choisissez « Installer l’application » ou « Ajouter à l’écran d’accueil ».',

  'directory.title': 'Annuaire',

  'playbook.title': 'Plan de crise',

  'log.title': 'Main courante',

  'log.quickEntry': 'Consigner',

  'rollcall.title': 'Présences',

  'room.title': 'Salle de crise',
  'enroll.title': 'Installer le kit de crise',

  'settings.title': 'Réglages',
};
