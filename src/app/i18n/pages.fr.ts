import type { PageMessages } from './pages.en.js';

export const pagesFr: PageMessages = {
  'directory.empty.title': 'Aucun contact pour l’instant',
  'directory.empty.body':
    'L’annuaire arrive avec votre kit de crise. Vous pourrez aussi importer et ajouter des contacts ici.',

  'directory.count': (count: number) => (count <= 1 ? `${count} contact` : `${count} contacts`),
  'directory.searchLabel': 'Rechercher dans l’annuaire',
  'directory.searchHint': 'Nom, service, organisation, rôle ou numéro',
  'directory.results': (shown: number, total: number) => `${shown} sur ${total} contacts`,
  'directory.noResults': (query: string) => `Aucun contact ne correspond à « ${query} ».`,
  'directory.loading': 'Ouverture de l’annuaire…',
  'directory.alertCell': 'Alerter la cellule',
  'directory.import': 'Importer',
  'directory.exportCsv': 'Exporter en CSV',
  'directory.exportVcard': 'Exporter en vCard',
  'directory.add': 'Ajouter un contact',
  'directory.cellMember': 'Cellule de crise',
  'directory.fromKit': 'Issu du kit signé',
  'directory.local': 'Ajouté sur cet appareil',
  'directory.signedBy': (organisation: string, date: string) =>
    `Signé par ${organisation} · kit du ${date}`,
  'directory.fromKitTampered': 'Issu du kit de crise — ne correspond plus à sa signature',
  'directory.kitData': (organisation: string, date: string) =>
    `Kit de crise du ${date}, signé par ${organisation}`,
  'directory.kitExpired': 'expiré',
  'directory.kitTampered':
    'Les contacts du kit de crise ne correspondent plus à la signature de l’organisation : voir l’avertissement en haut de la page.',
  'directory.listLabel': 'Contacts',

  'paper.open': 'Imprimer le kit papier',
  'paper.title': 'Kit de crise papier',
  'paper.hint':
    'Conservez cet exemplaire avec les documents de crise : il fonctionne même quand tous les écrans sont éteints. Réimprimez-le après chaque changement.',
  'paper.print': 'Imprimer',
  'paper.back': 'Retour',
  'paper.dataOf': (date: string) => `Données du ${date}`,
  'paper.printedOn': (date: string) => `imprimé le ${date}`,
  'paper.fingerprint': (fingerprint: string) => `Empreinte de l’organisation : ${fingerprint}`,
  'paper.kit': (version: number, member: string) =>
    `Kit de crise version ${version}, installé pour ${member}`,
  'paper.cell': 'Cellule de crise',
  'paper.directory': 'Annuaire',
  'paper.playbook': 'Plan de crise',
  'paper.noCell': 'Aucun contact n’est marqué comme membre de la cellule de crise.',
  'paper.name': 'Nom',
  'paper.function': 'Fonction',
  'paper.phones': 'Téléphones',

  'contact.back': 'Retour à l’annuaire',
  'contact.call': (number: string) => `Appeler le ${number}`,
  'contact.sms': (number: string) => `SMS au ${number}`,
  'contact.email': (address: string) => `Écrire à ${address}`,
  'contact.callShort': 'Appeler',
  'contact.smsShort': 'SMS',
  'contact.logCall': 'Consigner un appel',
  'contact.logCallText': (name: string) => `Appel avec ${name} : `,
  'contact.edit': 'Modifier',
  'contact.delete': 'Supprimer',
  'contact.deleteConfirm': (name: string) =>
    `Supprimer ${name} de cet appareil ? Cette action est définitive.`,
  'contact.notFound': 'Ce contact ne figure plus dans l’annuaire.',
  'contact.phones': 'Téléphones',
  'contact.emails': 'Adresses électroniques',
  'contact.organisation': 'Organisation',
  'contact.service': 'Service',
  'contact.jobTitle': 'Fonction',
  'contact.roles': 'Rôles de crise',
  'contact.notes': 'Notes',
  'contact.groups': 'Groupes',
  'contact.givenName': 'Prénom',
  'contact.familyName': 'Nom',
  'contact.displayName': 'Nom affiché',
  'contact.isCellMember': 'Membre de la cellule de crise',
  'contact.number': 'Numéro',
  'contact.kind': 'Type',
  'contact.addPhone': 'Ajouter un numéro',
  'contact.removePhone': (number: string) => `Retirer ${number || 'ce numéro'}`,
  'contact.emailsHint': 'Une adresse par ligne',
  'contact.groupsHint': 'Séparés par des virgules',
  'contact.save': 'Enregistrer',
  'contact.cancel': 'Annuler',
  'contact.nameRequired': 'Indiquez au moins un nom.',
  'contact.invalidNumber': 'numéro non valide',
  'contact.phoneInvalid':
    'Ce numéro n’est pas valide. Écrivez un numéro français sous la forme 06 12 34 56 78, tout autre avec son indicatif, par exemple +44 20 7946 0958.',
  'contact.phoneNotANumber':
    'Un numéro de téléphone ne contient que des chiffres, des espaces, des points, des tirets, des parenthèses et un + au début.',
  'contact.tooLong': (field: string, limit: number) =>
    `${field} : ${limit.toLocaleString('fr')} caractères au plus.`,
  'contact.tooMany': (field: string, limit: number) => `${field} : ${limit} au plus.`,
  'contact.saved': 'Contact enregistré.',
  'contact.saveFailed': (reason: string) => `Le contact n’a pas été enregistré : ${reason}`,
  'contact.deleteFailed': (reason: string) => `Le contact n’a pas été supprimé : ${reason}`,
  'directory.loadFailed': (reason: string) => `L’annuaire n’a pas pu être lu : ${reason}`,
  'contact.newTitle': 'Nouveau contact',
  'contact.editTitle': (name: string) => `Modifier ${name}`,
  'phone.mobile': 'Mobile',
  'phone.work': 'Bureau',
  'phone.home': 'Domicile',
  'phone.satellite': 'Satellite',
  'phone.radio': 'Radio',

  'alert.title': 'Alerter la cellule de crise',
  'alert.hint':
    'L’application Messages du téléphone s’ouvre avec tous les membres de la cellule et ce texte. Elle passe par le réseau téléphonique, sans connexion de données.',
  'alert.message': 'Message',
  'alert.defaultMessage':
    'TOCSIN — La cellule de crise est activée. Rejoignez la salle de crise ou rappelez dès que possible.',
  'alert.recipients': (count: number) =>
    count <= 1 ? `${count} membre le recevra :` : `${count} membres le recevront :`,
  'alert.unreachable': (names: string) => `Aucun numéro valide pour : ${names}`,
  'alert.send': 'Ouvrir les messages',
  'alert.noMembers':
    'Aucun contact n’est encore marqué comme membre de la cellule de crise : indiquez-le dans sa fiche.',
  'alert.close': 'Fermer',

  'importReason.too-large': 'le fichier dépasse 20 Mo.',
  'importReason.not-text': 'ce n’est pas un fichier texte (CSV ou vCard).',
  'importReason.unsupported-encoding': 'son encodage de texte n’est pas pris en charge.',
  'importReason.empty': 'il ne contient aucun contact.',
  'importReason.unbalanced-quotes':
    'un guillemet n’est jamais fermé : le fichier ne peut pas être lu en entier.',
  'importReason.no-known-columns': 'aucune de ses colonnes n’est une colonne de contact connue.',
  'importReason.too-many-columns': 'trop de colonnes.',
  'importReason.no-name': 'aucun nom.',
  'importReason.unpaired-card': 'une fiche vCard n’est pas fermée (BEGIN sans END).',
  'importReason.phoneValue': (kind: string, written: string) =>
    `le numéro « ${written} » (${kind}) n’est pas un numéro de téléphone valide ; corrigez-le dans le fichier (06 12 34 56 78, ou +44 20 7946 0958 avec son indicatif) puis importez le fichier de nouveau.`,
  'importReason.bad-phone':
    'un numéro de téléphone n’est pas valide ; corrigez-le dans le fichier (06 12 34 56 78, ou +44 20 7946 0958 avec son indicatif) puis importez le fichier de nouveau.',
  'importReason.too-long':
    'une valeur est trop longue (noms, organisation, service, fonction et groupes : 200 caractères ; téléphone : 40 ; adresse électronique : 254 ; notes : 4 000).',
  'importReason.too-many-values':
    'plus de 20 numéros de téléphone, 20 adresses électroniques ou 50 groupes.',

  'import.title': 'Importer des contacts',
  'import.formats':
    'Un export CSV d’Outlook, de Google Contacts ou d’Excel (virgule ou point-virgule, UTF-8 ou Windows-1252), ou un fichier vCard (3.0 ou 4.0).',
  'import.choose': 'Choisir un fichier',
  'import.reading': 'Lecture du fichier…',
  'import.ready': (count: number, name: string) =>
    count <= 1
      ? `${count} contact prêt à importer depuis ${name}.`
      : `${count} contacts prêts à importer depuis ${name}.`,
  'import.previewCaption': (shown: number, total: number) => `Les ${shown} premiers sur ${total}`,
  'import.refused': (count: number) =>
    count <= 1 ? `${count} ligne a été refusée :` : `${count} lignes ont été refusées :`,
  'import.line': (line: number, reason: string) => `Ligne ${line} : ${reason}`,
  'import.confirm': (add: number, merge: number) =>
    merge === 0
      ? add <= 1
        ? `Importer ${add} contact`
        : `Importer ${add} contacts`
      : add === 0
        ? merge <= 1
          ? `Fusionner ${merge} contact`
          : `Fusionner ${merge} contacts`
        : `Importer ${add}, fusionner ${merge}`,
  'import.done': (added: number, merged: number, skipped: number) =>
    merged === 0 && skipped === 0
      ? added <= 1
        ? `${added} contact ajouté.`
        : `${added} contacts ajoutés.`
      : `${added <= 1 ? `${added} contact ajouté` : `${added} contacts ajoutés`}, ${merged} fusionné${merged <= 1 ? '' : 's'}, ${skipped} ignoré${skipped <= 1 ? '' : 's'}.`,
  'import.failed': (reason: string) => `Rien n’a été importé : ${reason}`,
  'import.saveFailed': (reason: string) =>
    `Les contacts n’ont pas pu être enregistrés, et rien n’a été modifié : ${reason}`,
  'import.nothing': 'Le fichier ne contient aucun contact importable.',
  'import.cancel': 'Annuler',
  'import.close': 'Fermer',
  'import.summary': (
    fresh: number,
    same: number,
    repeated: number,
    signed: number,
    merge: number,
    apart: number,
    skip: number,
  ) =>
    [
      fresh > 0 ? `${fresh} nouveau${fresh <= 1 ? '' : 'x'}` : '',
      same > 0 ? `${same} déjà présent${same <= 1 ? '' : 's'}` : '',
      repeated > 0 ? `${repeated} en double dans le fichier` : '',
      signed === 1 ? '1 doublon signé non importé' : '',
      signed > 1 ? `${signed} doublons signés non importés` : '',
      merge > 0 ? `${merge} à fusionner` : '',
      apart > 0 ? `${apart} à ajouter à part` : '',
      skip > 0 ? `${skip} à ignorer` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  'import.nothingToDo': 'Rien à importer.',
  'import.toCheck': (count: number) => `À vérifier (${count})`,
  'import.otherRows': 'Les autres contacts du fichier',
  'import.status.new': 'Nouveau',
  'import.status.same': 'Déjà dans l’annuaire',
  'import.status.repeat': (name: string) =>
    `En double dans le fichier : la même personne que « ${name} », importée une fois`,
  'import.status.signed': 'Déjà dans le kit de crise (signé) — non importé',
  'import.status.localMatch': 'Correspond à un contact de cet appareil',
  'import.matchedBy.id': (name: string) => `Même identifiant que « ${name} »`,
  'import.matchedBy.name': (name: string) => `Même nom que « ${name} »`,
  'import.matchedBy.phone': (name: string) => `Même numéro que « ${name} »`,
  'import.notImported': (values: string) =>
    `Non importé, car les contacts du kit de crise ne se modifient pas ici : ${values}`,
  'import.choice': (name: string) => `Que faire de ${name}`,
  'import.choice.merge': 'Fusionner avec le contact existant',
  'import.choice.skip': 'Ne pas importer',
  'import.choice.add': 'Ajouter comme contact distinct',
  'import.merge.adds': (what: string) => `La fusion ajoute ${what}.`,
  'import.merge.phones': (count: number) => (count <= 1 ? `${count} numéro` : `${count} numéros`),
  'import.merge.emails': (count: number) =>
    count <= 1 ? `${count} adresse e-mail` : `${count} adresses e-mail`,
  'import.merge.groups': (count: number) => (count <= 1 ? `${count} groupe` : `${count} groupes`),
  'import.merge.roles': (count: number) =>
    count <= 1 ? `${count} rôle de crise` : `${count} rôles de crise`,
  'import.merge.cell': 'l’appartenance à la cellule de crise',
  'import.merge.fills': (fields: string) => `Elle complète : ${fields}.`,
  'import.merge.keeps': (fields: string) =>
    `Elle garde les valeurs de cet appareil, et non celles du fichier, pour : ${fields}.`,
  'import.merge.leftOut': (count: number) =>
    count <= 1
      ? `${count} valeur est laissée de côté : le contact en a déjà autant qu’il peut en avoir.`
      : `${count} valeurs sont laissées de côté : le contact en a déjà autant qu’il peut en avoir.`,

  'playbook.empty.title': 'Pas encore de plan de crise',
  'playbook.empty.body':
    'Le plan de crise — phases, rôles et listes d’actions — arrive avec votre kit de crise.',

  'playbook.origin.kit': (title: string) => `« ${title} », le plan du kit de crise signé`,
  'playbook.origin.kitOf': (title: string, organisation: string, date: string) =>
    `« ${title} », le plan du kit de crise signé par ${organisation} · kit du ${date}`,
  'playbook.origin.kitTampered':
    'Issu du kit de crise, qui ne correspond plus à la signature de l’organisation : voir l’avertissement en haut de la page.',
  'playbook.origin.local': 'Importé depuis un fichier sur cet appareil',
  'playbook.origin.default':
    'Plan par défaut intégré à Tocsin, d’après les guides publics (ANSSI, CISA, NIST, ENISA)',
  'playbook.origin.defaultInKit': (organisation: string) =>
    `Plan par défaut intégré à Tocsin, d’après les guides publics (ANSSI, CISA, NIST, ENISA) : le kit de crise de ${organisation} ne contient pas de plan propre`,
  'playbook.loadFailed': (reason: string) => `Le plan n’a pas pu être lu : ${reason}`,
  'playbook.invalidFile':
    'ce fichier n’est pas un plan de crise Tocsin valide (JSON). Vérifiez qu’il s’agit du bon fichier.',
  'playbook.progress': (done: number, total: number) => `${done} sur ${total} faites`,
  'playbook.byRole': 'Avancement par rôle',
  'playbook.phase': 'Phase',
  'playbook.role': 'Rôle',
  'playbook.allPhases': 'Toutes les phases',
  'playbook.allRoles': 'Tous les rôles',
  'playbook.myRole': (role: string) => `Mon rôle (${role})`,
  'playbook.noCrisis':
    'Ouvrez une crise dans la main courante pour cocher les actions : chaque coche y est consignée.',
  'playbook.noAuthor': 'Indiquez votre nom dans la main courante pour cocher les actions.',
  'playbook.due': (due: string) => `Échéance ${due}`,
  'playbook.source': (source: string) => `Source : ${source}`,
  'playbook.tickEntry': (text: string) => `Fait : ${text}`,
  'playbook.untickEntry': (text: string) => `Rouvert : ${text}`,
  'playbook.doneBy': (by: string, time: string) => `Fait par ${by}, ${time}`,
  'playbook.strategic': 'Stratégique',
  'playbook.operational': 'Opérationnel',
  'playbook.import': 'Importer (JSON)',
  'playbook.exportJson': 'Exporter en JSON',
  'playbook.exportCacao': 'Exporter en CACAO 2.0',
  'playbook.resetDefault': 'Revenir au plan par défaut',
  'playbook.resetConfirm':
    'Retirer le plan importé sur cet appareil et revenir au plan par défaut ? Les coches déjà faites restent dans la main courante.',
  'playbook.imported': (count: number) => `Plan importé : ${count} actions.`,
  'playbook.importFailed': (reason: string) => `Le plan n’a pas été importé : ${reason}`,
  'playbook.tickFailed': (reason: string) => `Non consigné : ${reason}`,
  'playbook.none': 'Aucune action ne correspond à ces filtres.',

  'log.empty.title': 'Aucune crise ouverte',
  'log.empty.body':
    'La main courante consigne chaque fait, décision et action de la crise, avec son heure et son auteur.',

  'log.openCrisis': 'Ouvrir une crise',
  'log.newCrisis': 'Nouvelle crise',
  'log.crisisName': 'Nom de la crise',
  'log.crisisNameHint': 'Par exemple : « Rançongiciel à la mairie »',
  'log.startedAt': 'Début',
  'log.yourName': 'Votre nom',
  'log.yourNameHint': 'Il signe vos entrées et vos coches sur cet appareil.',
  'log.crisis': 'Crise',
  'log.newEntry': 'Nouvelle entrée',
  'log.kind': 'Type',
  'log.text': 'Ce qui s’est passé',
  'log.occurredAt': 'Quand',
  'log.highPriority': 'Priorité haute',
  'log.save': 'Enregistrer dans la main courante',
  'log.saving': 'Enregistrement…',
  'log.saved': 'Enregistré dans la main courante.',
  'log.saveFailed': (reason: string) => `Non enregistré : ${reason}`,
  'log.loadFailed': (reason: string) => `La main courante n’a pas pu être lue : ${reason}`,
  'log.openFailed': (reason: string) => `La crise n’a pas été ouverte : ${reason}`,
  'log.entries': (count: number) => (count <= 1 ? `${count} entrée` : `${count} entrées`),
  'log.listLabel': 'Entrées de la main courante',
  'log.corrected': 'Corrigée par une entrée ultérieure',
  'log.correction': 'Correction',
  'log.correct': 'Corriger',
  'log.correcting': (text: string) => `Correction de : « ${text} »`,
  'log.cancelCorrection': 'Annuler la correction',
  'log.by': (author: string, time: string) => `${author} · ${time}`,
  'log.signer.for': (signer: string, author: string) => `${signer} pour ${author}`,
  'log.signer.unsigned': (author: string) => `${author} (cet appareil, non signé)`,
  'log.signer.noName': 'sans nom',
  'log.signer.column': 'Écrit par',
  'log.signer.device': 'Appareil',
  'log.recordedAt': (time: string) => `saisie ${time}`,
  'log.tamper': (count: number) =>
    `Alerte d’intégrité : ${count <= 1 ? `${count} entrée ne correspond` : `${count} entrées ne correspondent`} pas à la chaîne de la main courante de cet appareil (modifiée, supprimée ou déplacée). Elles sont affichées telles quelles, marquées en rouge ; rien n’a été réparé.`,
  'log.tamperMark': 'Ne correspond pas à la chaîne',
  'log.report': 'État de situation',
  'log.backToLog': 'Retour à la main courante',
  'log.exportCsv': 'Exporter en CSV',
  'log.exportJson': 'Exporter en JSON',
  'log.print': 'Imprimer',
  'log.reportDecisions': 'Dernières décisions',
  'log.reportHighPriority': 'Faits prioritaires',
  'log.reportProgress': 'Avancement des listes d’actions',
  'log.reportOpen': 'Actions restantes de la phase en cours',
  'log.reportNone': 'Aucune pour l’instant.',
  'log.reportAt': (time: string) => `Situation au ${time}`,
  'log.quickEntryTitle': 'Saisie rapide dans la main courante',
  'log.noCrisis': 'Ouvrez d’abord une crise, dans la page Main courante.',
  'log.close': 'Fermer',
  'kind.fact': 'Fait',
  'kind.decision': 'Décision',
  'kind.action': 'Action',
  'kind.communication_in': 'Communication reçue',
  'kind.communication_out': 'Communication émise',
  'kind.situation_point': 'Point de situation',
  'kind.note': 'Note',

  'room.checking': 'Vérification des capacités de cet appareil…',
  'room.e2eeSupported': 'Cet appareil peut entrer dans la salle de crise chiffrée de bout en bout.',
  'room.e2eeUnsupported':
    'Ce navigateur ne sait pas chiffrer le son et l’image de bout en bout : Tocsin n’y entrera pas dans la salle de crise. Utilisez le téléphone et les SMS.',
  'room.notEnrolled':
    'La salle de crise est désignée dans votre kit de crise. Enrôlez d’abord cet appareil.',
  'room.enrolled': (room: string) => `Salle de crise : ${room}`,

  'settings.language': 'Langue',
  'settings.languageAuto': 'Automatique (langue de l’appareil)',
  'settings.storage': 'Stockage sur cet appareil',
  'settings.persisted': 'Stockage persistant',
  'settings.persistedYes':
    'Accordé : le navigateur n’effacera pas de lui-même les données de Tocsin.',
  'settings.persistedNo':
    'Non accordé : le navigateur peut effacer les données de Tocsin si l’espace vient à manquer. Installer Tocsin sur l’écran d’accueil l’accorde en général.',
  'settings.persistedUnsupported': 'Ce navigateur n’indique pas si le stockage est persistant.',
  'settings.persistRequest': 'Demander à conserver les données',
  'settings.space': 'Espace',
  'settings.usage': (used: string, quota: string) => `${used} utilisés sur ${quota} disponibles`,
  'settings.usageUnknown': 'Ce navigateur n’indique pas l’espace utilisé.',
  'settings.profile': 'Vous',
  'settings.name': 'Votre nom',
  'settings.nameHint': 'Il signe vos entrées de main courante et vos coches sur cet appareil.',
  'settings.role': 'Votre rôle dans la cellule',
  'settings.noRole': 'Aucun rôle',
  'settings.saveProfile': 'Enregistrer',
  'settings.profileSaved': 'Enregistré.',
  'settings.profileFailed': (reason: string) => `Non enregistré : ${reason}`,
  'settings.nameFromKit':
    'Votre kit de crise donne ce nom ; vous pouvez changer ici le nom affiché.',
  'settings.roleFromKit': 'Votre rôle dans l’annuaire signé de votre kit de crise.',
  'settings.backup': 'Sauvegarde',
  'settings.backupHint':
    'Un fichier avec tout ce qui a été saisi sur cet appareil : contacts ajoutés ici, plan importé, main courante et coches. Conservez-le hors de cet appareil (clé USB, autre ordinateur). Ce qui vient du kit de crise signé revient en s’enrôlant de nouveau.',
  'settings.backupSave': 'Enregistrer une sauvegarde',
  'settings.backupRestore': 'Restaurer une sauvegarde',
  'settings.restoreConfirm': (contacts: number, crises: number, entries: number) =>
    `Restaurer ${contacts} contacts, ${crises} crises et ${entries} entrées de main courante ? Rien de ce qui est déjà sur cet appareil n’est écrasé ni supprimé.`,
  'settings.restored': (added: number, present: number, conflicts: number) =>
    `Restauré : ${added} éléments ajoutés, ${present} déjà présents.` +
    (conflicts
      ? ` ${conflicts} entrées diffèrent de celles d’ici et n’ont pas été reprises : vérifiez la main courante.`
      : ''),
  'settings.restoreFailed': (reason: string) => `Rien n’a été restauré : ${reason}`,
  'settings.restoreRefusal.too-large': 'le fichier est trop gros pour être une sauvegarde Tocsin.',
  'settings.restoreRefusal.not-backup':
    'ce fichier n’est pas une sauvegarde Tocsin. Choisissez le fichier écrit par « Enregistrer une sauvegarde ».',
  'settings.restoreRefusal.newer':
    'cette sauvegarde vient d’une version plus récente de Tocsin. Mettez d’abord Tocsin à jour sur cet appareil.',
  'settings.restoreRefusal.damaged': 'la sauvegarde est endommagée. Essayez une autre copie.',
  'settings.backupFailed': (reason: string) => `La sauvegarde n’a pas pu être faite : ${reason}`,

  'settings.kit': 'Kit de crise',
  'settings.kitNone': 'Aucun kit de crise n’est encore installé sur cet appareil.',
  'settings.kitVersion': 'Version du kit',
  'settings.kitIssued': 'Émis le',
  'settings.kitExpires': 'Expire le',
  'settings.kitExpired': (date: string) => `Expiré le ${date}`,
  'settings.kitMember': 'Membre',

  'settings.about': 'À propos',
  'settings.version': (version: string) => `Tocsin version ${version}`,
};
