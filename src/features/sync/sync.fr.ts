import type { SyncMessages } from './sync.en.js';

export const syncFr: SyncMessages = {
  'sync.label': 'Partage avec la cellule',
  'sync.notEnrolled':
    'Vos modifications restent sur cet appareil tant que le kit de crise n’est pas installé : seuls les membres les partagent.',
  'sync.connected':
    'Dans la salle de crise : vos modifications sont partagées avec les membres présents.',
  'sync.offline':
    'Hors de la salle de crise : vos modifications sont gardées sur cet appareil et envoyées quand vous la rejoignez.',
  'sync.joinRoom': 'Rejoindre la salle de crise',
  'sync.waiting': (count: number) =>
    count === 0
      ? 'Rien en attente d’envoi.'
      : count === 1
        ? '1 modification en attente d’envoi.'
        : `${count} modifications en attente d’envoi.`,
  'sync.alone': 'Aucun autre membre n’est encore dans la salle.',
  'sync.allInSync': (count: number) =>
    count === 1
      ? 'À jour avec l’autre membre présent.'
      : `À jour avec les ${count} membres présents.`,
  'sync.catchingUp': (behind: number, total: number) =>
    `Échange d’enregistrements en cours avec ${behind} des ${total} membres présents.`,
  'sync.peers': 'Membres dans la salle',
  'sync.inSync': 'à jour',
  'sync.toReceive': (count: number) => `${count} à recevoir`,
  'sync.toSend': (count: number) => `${count} à envoyer`,
  'sync.lastArrivals': 'Dernier enregistrement de chaque membre',
  'sync.noArrivals': 'Aucun enregistrement reçu pour l’instant.',
  'sync.you': (name: string) => `${name} (vous)`,
  'sync.rejected': (count: number) =>
    count === 1 ? '1 enregistrement rejeté' : `${count} enregistrements rejetés`,
  'sync.setAside': (count: number) =>
    count === 1
      ? '1 enregistrement reçu en double ou dans le désordre a été mis de côté (habituel sur un réseau faible).'
      : `${count} enregistrements reçus en double ou dans le désordre ont été mis de côté (habituel sur un réseau faible).`,
  'sync.details': 'Détails',
  'sync.equivocation': (name: string) =>
    `${name} a signé deux enregistrements différents portant le même numéro — ses enregistrements ne sont plus fiables ; prévenez le coordinateur de la cellule de crise.`,
  'sync.culprits': (name: string) =>
    `Des enregistrements signés par ${name} ont été refusés ou sont suspects : au nom d’un autre membre, rompant leur chaîne, signés deux fois avec le même numéro ou datés dans le futur — prévenez le coordinateur de la cellule de crise.`,

  'sync.problems.title': 'Enregistrements tenus hors de la main courante',
  'sync.problems.intro':
    'Tocsin a refusé ces enregistrements et messages à leur arrivée : rien de leur contenu n’est entré dans la main courante, sauf les enregistrements datés dans le futur, gardés dans leur chaîne mais jamais retenus pour remplacer une coche ou une réponse. Un enregistrement rejeté signale un appareil modifié ou une attaque ; prévenez le coordinateur de la cellule de crise.',
  'sync.problems.loading': 'Lecture de la liste…',
  'sync.problems.none': 'Aucun enregistrement n’a été refusé.',
  'sync.problems.loadFailed': (reason: string) => `La liste n’a pas pu être lue : ${reason}`,
  'sync.problems.signer': 'Signé par',
  'sync.problems.claims': 'Se présente comme venant de',
  'sync.problems.from': 'Transmis par',
  'sync.problems.seq': 'Numéro',
  'sync.problems.at': 'Refusé à',
  'sync.problems.detail': 'Détail technique (en anglais)',
  'sync.problems.unknown': 'inconnu',
  'sync.problems.more': (count: number) =>
    count === 1
      ? '1 refus plus ancien n’est pas affiché.'
      : `${count} refus plus anciens ne sont pas affichés.`,
  'sync.problems.close': 'Fermer',
  'sync.reason.malformed': 'Illisible : ce n’est pas un enregistrement valide',
  'sync.reason.unknown-author': 'Signé par quelqu’un qui n’est pas membre de l’annuaire signé',
  'sync.reason.forged': 'Sa signature ne correspond pas : falsifié ou modifié',
  'sync.reason.impersonation':
    'Signé par un membre au nom d’un autre membre ou sur l’appareil d’un autre membre : une falsification, refusée',
  'sync.reason.broken-chain':
    'Ne fait pas suite à l’enregistrement précédent du membre : modifié ou inséré',
  'sync.reason.equivocation': 'Un second enregistrement, différent, avec un numéro déjà utilisé',
  'sync.reason.future-dated':
    'Daté dans le futur : son heure n’est pas fiable (horloge fausse ou falsification)',
  'sync.reason.not-member':
    'Envoyé par quelqu’un dans la salle qui n’est pas membre de l’annuaire signé : ignoré',
  'sync.reason.unsealed':
    'N’est pas arrivé chiffré de bout en bout avec la clé de la salle : ignoré',
  'sync.reason.flood': 'Bien plus de messages qu’un membre n’en envoie : écartés',
  'sync.reason.replayed': 'Déjà reçu : une copie, mise de côté',
  'sync.reason.out-of-order': 'Arrivé avant les enregistrements qui le précèdent',
};
