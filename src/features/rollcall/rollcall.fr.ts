import type { RollcallMessages } from './rollcall.en.js';

export const rollcallFr: RollcallMessages = {
  'rollcall.loading': 'Ouverture des présences…',
  'rollcall.loadFailed': (reason: string) => `Les présences n’ont pas pu être lues : ${reason}`,
  'rollcall.notEnrolled.title':
    'Seuls les membres de la cellule de crise répondent au relevé des présences',
  'rollcall.notEnrolled.body':
    'Chaque réponse est signée avec la clé de membre de votre kit de crise. Installez votre kit sur cet appareil pour participer.',
  'rollcall.notEnrolled.action': 'Installer le kit de crise',
  'rollcall.empty.title': 'Aucun relevé des présences pour l’instant',
  'rollcall.empty.body':
    'Relevez les présences pour savoir aussitôt qui est sur site, qui peut aider à distance, qui est indisponible et qui a besoin d’aide. Chaque membre répond d’un seul appui.',
  'rollcall.start': 'Relever les présences',
  'rollcall.startNew': 'Nouveau relevé des présences',
  'rollcall.startFailed': (reason: string) =>
    `Le relevé des présences n’a pas pu être lancé : ${reason}`,
  'rollcall.confirm.title': 'Lancer un nouveau relevé des présences ?',
  'rollcall.confirm.body':
    'Le tableau repart de zéro et chaque membre répond à nouveau. Les réponses au relevé en cours restent enregistrées.',
  'rollcall.confirm.cancel': 'Annuler',
  'rollcall.confirm.start': 'Lancer le nouveau relevé',
  'rollcall.current': 'Relevé des présences en cours',
  'rollcall.started': (time: string, name: string) => `Lancé à ${time} par ${name}`,
  'rollcall.yourAnswer': 'Votre réponse',
  'rollcall.yourAnswerHint': 'Un seul appui. Vous pouvez la changer à tout moment.',
  'rollcall.answered': (status: string, time: string) =>
    `Votre réponse « ${status} » est enregistrée (${time}).`,
  'rollcall.answerFailed': (reason: string) =>
    `Votre réponse n’a pas pu être enregistrée : ${reason}`,
  'rollcall.status.present': 'Présent·e sur site',
  'rollcall.status.remote': 'Disponible à distance',
  'rollcall.status.unavailable': 'Indisponible',
  'rollcall.status.help': 'Besoin d’aide',
  'rollcall.board': 'Réponses',
  'rollcall.count': (answered: number, total: number) =>
    answered <= 1
      ? `${answered} membre sur ${total} a répondu.`
      : `${answered} membres sur ${total} ont répondu.`,
  'rollcall.helpAlert': (names: string) => `Besoin d’aide : ${names}`,
  'rollcall.noAnswers': 'Personne n’a encore répondu.',
  'rollcall.notAnswered': 'Pas encore de réponse',
  'rollcall.everyoneAnswered': 'Tous les membres ont répondu.',
  'rollcall.you': (name: string) => `${name} (vous)`,
  'rollcall.call': 'Appeler',
  'rollcall.sms': 'SMS',
  'rollcall.callLabel': (name: string, number: string) => `Appeler ${name}, ${number}`,
  'rollcall.smsLabel': (name: string, number: string) => `SMS à ${name}, ${number}`,
  'rollcall.smsBody': (time: string) =>
    `Relevé des présences de ${time} : merci de répondre dans Tocsin (présent·e sur site, disponible à distance, indisponible ou besoin d’aide).`,
  'rollcall.noPhone': 'Aucun numéro',
  'rollcall.invalidNumber': 'numéro non valide',
};
