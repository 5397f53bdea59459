import type { CrisisRoleId, LocalizedText } from '../crisis/roles.js';
import { PHASES, type ItemLevel, type PhaseId, type Playbook, type PlaybookItem } from './model.js';

// The default checklist that ships with Tocsin, written in our own words from public cyber-crisis
// guidance (ANSSI's crisis-management guides, CERT-FR's first-hours advice). Item ids are stable: ticks and log entries point at
// them, so an edition may add items at the end of a phase and role but never renumber old ones.

/** The short forms of the role ids used inside item ids ("p1.tech.02"). */
const ROLE_BY_SHORT = {
  dec: 'decideur',
  coord: 'coordinateur',
  log: 'main_courante',
  tech: 'technique',
  comm: 'communication',
  jur: 'juridique',
  met: 'metier',
} as const satisfies Record<string, CrisisRoleId>;

type RoleShort = keyof typeof ROLE_BY_SHORT;
type ItemId = `p${0 | 1 | 2 | 3 | 4 | 5}.${RoleShort}.${number}${number}`;

// The first-hour and first-day checklists carry their deadline; later phases are open-ended.
const DUE_BY_PHASE: Partial<Record<PhaseId, string>> = {
  'p1-alert': 'H+1',
  'p2-mobilisation': 'H+24',
};

const ANSSI_CRISE = 'ANSSI & CDSE, Crise d’origine cyber (2021)';
const ANSSI_COMM = 'ANSSI & Cap’Com, communication de crise cyber (2021)';
const ANSSI_EXERCICE = 'ANSSI, Organiser un exercice de gestion de crise cyber (2020)';
const ANSSI_DACG = 'ANSSI & DACG, Attaques par rançongiciels (2020)';
const CISA_PART1 = 'CISA #StopRansomware Guide (2023), part 1';
const CISA_PART2 = 'CISA #StopRansomware Guide (2023), part 2';
const NIST = 'NIST SP 800-61r3 (2025)';
const ENISA = 'ENISA, Best Practices for Cyber Crisis Management (2024)';
const FEMA_ICS214 = 'FEMA, ICS 214 Activity Log';
const RGPD = 'RGPD art. 33–34';
const NIS2 = 'NIS 2 art. 23';
const CSP_ARS = 'Code de la santé publique, art. L.1111-8-2';
const REX_VERSAILLES = 'retour d’expérience CH Versailles (2022)';
const REX_SAMBREVILLE = 'retour d’expérience Sambreville (2023)';
const EXERCICE_MANCHE = 'exercice Manche numérique, Banque des Territoires (2025)';

/**
 * Builds one item from its id, so that phase, role and order can never disagree with the id.
 * Throws at module load on a malformed id, which the unit tests would catch at once.
 */
function item(
  id: ItemId,
  level: ItemLevel,
  text: LocalizedText,
  source: string,
  extra: { roles?: CrisisRoleId[]; due?: string } = {},
): PlaybookItem {
  const match = /^p(\d)\.([a-z]+)\.(\d{2})$/.exec(id);
  const phase = match ? PHASES[Number(match[1])] : undefined;
  const role = match ? ROLE_BY_SHORT[match[2] as RoleShort] : undefined;
  if (!match || !phase || !role) throw new Error(`Malformed default playbook item id: ${id}`);
  const built: PlaybookItem = { id, phase, role, level, order: Number(match[3]), text, source };
  const due = extra.due ?? DUE_BY_PHASE[phase];
  if (due) built.due = due;
  if (extra.roles?.length) built.links = { roles: extra.roles };
  return built;
}

const S: ItemLevel = 'strategic';
const O: ItemLevel = 'operational';

const P0_PREPARATION: PlaybookItem[] = [
  item(
    'p0.dec.01',
    S,
    {
      fr: 'Désignez les membres de la cellule de crise, un titulaire et un suppléant par rôle, et validez par écrit l’organisation de crise et les délégations de décision.',
      en: 'Appoint the crisis cell members, a holder and a deputy for each role, and approve in writing the crisis organisation and who may decide in your absence.',
    },
    ANSSI_CRISE,
    { roles: ['coordinateur'] },
  ),
  item(
    'p0.dec.02',
    S,
    {
      fr: 'Arrêtez dès maintenant la position de l’organisation face à une demande de rançon : on ne paie pas et on ne négocie pas, et faites-la connaître à toute la cellule.',
      en: 'Settle the organisation’s stance on ransom demands before any attack: no payment and no negotiation, and make sure every cell member knows it.',
    },
    ANSSI_DACG,
  ),
  item(
    'p0.dec.03',
    S,
    {
      fr: 'Programmez au moins un exercice de crise cyber par an, en vous appuyant sur le guide d’exercice de l’ANSSI ou sur le kit prévu pour les collectivités.',
      en: 'Schedule at least one cyber crisis exercise a year, using ANSSI’s exercise guide or its ready-made kit for local authorities.',
    },
    ANSSI_EXERCICE,
    { roles: ['coordinateur'] },
  ),
  item(
    'p0.coord.01',
    O,
    {
      fr: 'Vérifiez chaque trimestre l’annuaire de crise : chaque rôle a un titulaire et un suppléant joignables sur un mobile qui ne dépend pas du réseau de l’organisation.',
      en: 'Check the crisis directory every quarter: each role has a holder and a deputy reachable on a mobile phone that does not depend on the organisation’s own network.',
    },
    REX_SAMBREVILLE,
  ),
  item(
    'p0.coord.02',
    O,
    {
      fr: 'Constituez un kit papier de crise : annuaire imprimé, playbook, feuilles de main courante et coordonnées des prestataires, daté et rangé sur deux sites distincts.',
      en: 'Put together a paper crisis kit: printed directory, playbook, log sheets and provider contacts, dated and stored at two separate sites.',
    },
    EXERCICE_MANCHE,
  ),
  item(
    'p0.coord.03',
    O,
    {
      fr: 'Faites installer Tocsin sur le téléphone de chaque membre de la cellule, ouvrez-le une fois en ligne pour qu’il fonctionne hors connexion et vérifiez que le kit installé est à jour.',
      en: 'Have every cell member install Tocsin on their phone, open it once online so that it works offline, and check that the installed kit is current.',
    },
    REX_SAMBREVILLE,
  ),
  item(
    'p0.coord.04',
    O,
    {
      fr: 'Prévoyez un lieu de repli pour réunir la cellule et un canal hors bande (mobiles, SMS, salon Tocsin) utilisable si la messagerie et la téléphonie fixe tombent.',
      en: 'Plan a fallback room for the cell and an out-of-band channel (mobiles, text messages, a Tocsin room) that still works when email and desk phones are down.',
    },
    CISA_PART2,
  ),
  item(
    'p0.coord.05',
    O,
    {
      fr: 'Gardez hors ligne une copie à jour des documents de crise (plans de continuité, procédures, contrats, cartographie) sur un support indépendant du système d’information.',
      en: 'Keep an up-to-date offline copy of the crisis documents (continuity plans, procedures, contracts, network map) on media that does not depend on the information system.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p0.log.01',
    O,
    {
      fr: 'Préparez des modèles de main courante, sur papier et dans Tocsin, où chaque ligne porte l’heure, l’auteur et la description de l’action ou de l’événement.',
      en: 'Prepare log templates, on paper and in Tocsin, where each line holds the time, the author and a description of the action or event.',
    },
    ANSSI_COMM,
  ),
  item(
    'p0.log.02',
    O,
    {
      fr: 'Formez au moins deux personnes à la tenue de la main courante et de l’état de situation, et faites-les pratiquer pendant les exercices.',
      en: 'Train at least two people to keep the log and the situation report, and have them practise it during exercises.',
    },
    ANSSI_EXERCICE,
  ),
  item(
    'p0.tech.01',
    O,
    {
      fr: 'Tenez à jour une cartographie du système d’information (serveurs critiques, interconnexions, comptes d’administration) et gardez-en une version imprimée hors du réseau.',
      en: 'Keep an up-to-date map of the information system (critical servers, interconnections, administrator accounts) and a printed copy kept away from the network.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p0.tech.02',
    O,
    {
      fr: 'Conservez au moins une sauvegarde des données critiques déconnectée du réseau, testez régulièrement sa restauration et documentez la procédure.',
      en: 'Keep at least one backup of critical data disconnected from the network, test restoring it regularly and write down the restore procedure.',
    },
    CISA_PART1,
  ),
  item(
    'p0.tech.03',
    O,
    {
      fr: 'Centralisez les journaux (pare-feu, annuaire, accès distants) et conservez-les assez longtemps pour permettre une investigation, idéalement plusieurs mois.',
      en: 'Collect logs centrally (firewall, directory, remote access) and keep them long enough to support an investigation, ideally for several months.',
    },
    NIST,
  ),
  item(
    'p0.tech.04',
    O,
    {
      fr: 'Inscrivez dans l’annuaire et dans le kit papier les numéros d’astreinte du prestataire informatique et d’un prestataire de réponse à incident, avec les références des contrats.',
      en: 'Record the on-call numbers of your IT provider and of an incident-response provider, with the contract references, in the directory and in the paper kit.',
    },
    EXERCICE_MANCHE,
    { roles: ['coordinateur'] },
  ),
  item(
    'p0.comm.01',
    O,
    {
      fr: 'Nouez le dialogue avec les équipes informatiques et cyber hors période de crise, pour que chacun connaisse les contraintes et le vocabulaire de l’autre.',
      en: 'Start talking with the IT and cyber teams outside crisis time, so that each side learns the other’s constraints and vocabulary.',
    },
    ANSSI_COMM,
    { roles: ['technique'] },
  ),
  item(
    'p0.comm.02',
    O,
    {
      fr: 'Préparez des modèles de déclaration d’attente et la liste des publics à informer (agents, usagers, presse, partenaires, élus) avec les canaux pour les joindre.',
      en: 'Prepare holding-statement templates and the list of audiences to inform (staff, residents, press, partners, elected officials) with the channels to reach them.',
    },
    ANSSI_COMM,
  ),
  item(
    'p0.comm.03',
    O,
    {
      fr: 'Prévoyez un moyen de publier qui ne dépend pas du système d’information, par exemple un compte sur les réseaux sociaux géré depuis un mobile dédié.',
      en: 'Arrange a way to publish that does not depend on the information system, such as a social media account managed from a dedicated mobile phone.',
    },
    ANSSI_COMM,
  ),
  item(
    'p0.jur.01',
    O,
    {
      fr: 'Recensez les obligations de notification et leurs délais (CNIL, ANSSI/CERT-FR, NIS 2, autorité sectorielle, assureur) avec formulaires et contacts, y compris sur papier.',
      en: 'List the reporting duties and their deadlines (CNIL, ANSSI/CERT-FR, NIS 2, sector authority, insurer) with the forms and contacts, on paper as well.',
    },
    `${RGPD}; ${NIS2}`,
  ),
  item(
    'p0.jur.02',
    O,
    {
      fr: 'Relisez le contrat d’assurance cyber : garanties, numéro d’assistance, délai de déclaration et prestataires imposés, et notez-les dans le kit de crise.',
      en: 'Review the cyber insurance policy: cover, assistance number, reporting deadline and required providers, and note them in the crisis kit.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p0.met.01',
    S,
    {
      fr: 'Identifiez les services essentiels et la durée d’interruption que chacun peut supporter, puis fixez l’ordre dans lequel ils devront redémarrer.',
      en: 'Identify the essential services and how long each can tolerate being down, then set the order in which they must be restarted.',
    },
    ANSSI_CRISE,
    { roles: ['decideur'] },
  ),
  item(
    'p0.met.02',
    O,
    {
      fr: 'Rédigez une procédure papier pour chaque service prioritaire (état civil, paie, écoles, eau…) et gardez des formulaires vierges imprimés à portée de main.',
      en: 'Write a paper procedure for each priority service (civil registry, payroll, schools, water…) and keep printed blank forms close at hand.',
    },
    REX_VERSAILLES,
  ),
];

const P1_ALERT: PlaybookItem[] = [
  item(
    'p1.dec.01',
    S,
    {
      fr: 'Sur la base de la qualification technique, décidez s’il faut déclencher le dispositif de crise, et faites noter l’heure de cette décision dans la main courante.',
      en: 'Using the technical qualification, decide whether to trigger the crisis set-up, and have the time of that decision written in the log.',
    },
    ANSSI_CRISE,
    { roles: ['technique', 'main_courante'] },
  ),
  item(
    'p1.dec.02',
    S,
    {
      fr: 'Excluez tout paiement de rançon et tout échange avec l’attaquant ; toute prise de contact de sa part est transmise à la cellule et reste sans réponse.',
      en: 'Rule out paying the ransom or talking to the attacker; any attempt by them to make contact is passed to the cell and left unanswered.',
    },
    ANSSI_DACG,
  ),
  item(
    'p1.dec.03',
    S,
    {
      fr: 'Informez l’exécutif (maire ou président, élus concernés, direction générale) du déclenchement de la crise et fixez avec lui l’heure du premier point de décision.',
      en: 'Tell the executive (mayor or chair, elected officials concerned, senior management) that the crisis set-up is active, and agree on the time of the first decision point.',
    },
    ANSSI_CRISE,
    { roles: ['coordinateur'] },
  ),
  item(
    'p1.coord.01',
    O,
    {
      fr: 'Convoquez la cellule par un canal de secours (appel ou SMS) si la messagerie ne répond plus, et attribuez nommément chacun des rôles de la cellule.',
      en: 'Convene the cell through a backup channel (calls or text messages) if email is down, and assign each cell role to a named person.',
    },
    ANSSI_COMM,
  ),
  item(
    'p1.coord.02',
    O,
    {
      fr: 'Faites passer toute la coordination de crise par des canaux hors bande (mobiles, SMS, Tocsin) plutôt que par la messagerie ou le chat internes, que l’attaquant peut lire.',
      en: 'Run all crisis coordination over out-of-band channels (mobiles, text messages, Tocsin) rather than internal email or chat, which the attacker may be reading.',
    },
    CISA_PART2,
    { roles: ['technique', 'communication'] },
  ),
  item(
    'p1.coord.03',
    O,
    {
      fr: 'Fixez le rythme des points de situation, par exemple toutes les deux heures au début, et annoncez à chacun l’heure du prochain point.',
      en: 'Set the pace of situation points, for instance every two hours at first, and tell everyone when the next one will be.',
    },
    ANSSI_CRISE,
    { roles: ['main_courante'] },
  ),
  item(
    'p1.log.01',
    O,
    {
      fr: 'Ouvrez immédiatement la main courante, ou poursuivez celle déjà ouverte pour l’incident, en y inscrivant l’heure de détection et celle du déclenchement de la crise.',
      en: 'Open the log at once, or carry on with the one already opened for the incident, and enter the time of detection and the time the crisis set-up was triggered.',
    },
    ANSSI_COMM,
  ),
  item(
    'p1.log.02',
    O,
    {
      fr: 'Consignez chaque fait, décision et action avec l’heure, l’auteur et une description, une ligne par événement, sans jamais réécrire une ligne passée.',
      en: 'Record every fact, decision and action with its time, author and description, one line per event, and never rewrite a past line.',
    },
    ANSSI_COMM,
  ),
  item(
    'p1.tech.01',
    O,
    {
      fr: 'Qualifiez l’événement (systèmes touchés, depuis quand, message de rançon éventuel) et transmettez vos constats à la main courante et au décideur.',
      en: 'Qualify the event (which systems are hit, since when, any ransom note) and pass your findings to the log keeper and the decision-maker.',
    },
    ANSSI_CRISE,
    { roles: ['main_courante', 'decideur'] },
  ),
  item(
    'p1.tech.02',
    O,
    {
      fr: 'Isolez du réseau les systèmes touchés (câble débranché, Wi-Fi coupé) sans les éteindre ; si l’attaque est étendue, coupez au niveau des commutateurs. N’éteignez que si l’isolement est impossible.',
      en: 'Cut affected systems off the network (unplug the cable, turn Wi-Fi off) without powering them off; if many are hit, isolate them at switch level. Power down only if disconnecting is impossible.',
    },
    CISA_PART2,
  ),
  item(
    'p1.tech.03',
    O,
    {
      fr: 'Préservez les preuves : photographiez la demande de rançon avec un autre appareil, gardez les journaux du pare-feu, faites des images disque et mémoire, mettez de côté quelques fichiers chiffrés. Ne réinstallez rien dans l’urgence.',
      en: 'Preserve evidence: photograph the ransom note with another device, keep the firewall logs, take disk and memory images, and set aside a few encrypted files. Do not rush to reinstall anything.',
    },
    CISA_PART2,
    { roles: ['juridique'] },
  ),
  item(
    'p1.tech.04',
    O,
    {
      fr: 'Protégez les sauvegardes : déconnectez-les ou isolez-les avant que l’attaquant ne les atteigne, et vérifiez qu’elles ne sont plus joignables depuis le réseau touché.',
      en: 'Protect the backups: disconnect or isolate them before the attacker reaches them, and check that they can no longer be reached from the affected network.',
    },
    CISA_PART2,
  ),
  item(
    'p1.tech.05',
    O,
    {
      fr: 'Alertez le prestataire informatique ou l’infogérant par téléphone, en utilisant les coordonnées du kit papier si l’annuaire habituel n’est plus accessible.',
      en: 'Alert the IT provider or managed-service provider by phone, using the contacts in the paper kit if the usual directory can no longer be reached.',
    },
    EXERCICE_MANCHE,
  ),
  item(
    'p1.comm.01',
    O,
    {
      fr: 'Diffusez une première consigne aux agents : ne rallumez pas les postes, signalez toute anomalie, renvoyez les journalistes vers le service communication et ne publiez rien à titre personnel.',
      en: 'Send staff a first instruction: do not switch computers back on, report anything unusual, refer journalists to the press office and post nothing about it on personal accounts.',
    },
    ANSSI_COMM,
    { roles: ['technique'] },
  ),
  item(
    'p1.comm.02',
    O,
    {
      fr: 'Rejoignez la cellule dès la première heure, sans attendre que la situation technique soit claire, et lancez la veille des médias et des réseaux sociaux.',
      en: 'Join the cell within the first hour, without waiting for the technical picture to clear, and start watching the media and social networks.',
    },
    ANSSI_COMM,
  ),
  item(
    'p1.jur.01',
    O,
    {
      fr: 'Évaluez dès la première heure si des données personnelles ou un service relevant de NIS 2 sont concernés, et notez quand l’organisation en a eu connaissance : les délais de notification partent de là.',
      en: 'Assess in the first hour whether personal data or a service covered by NIS 2 may be involved, and note when the organisation became aware, since the reporting deadlines run from that moment.',
    },
    `${RGPD}; ${NIS2}`,
    { roles: ['main_courante'] },
  ),
  item(
    'p1.met.01',
    O,
    {
      fr: 'Listez les services essentiels touchés et leurs conséquences pour les usagers, puis lancez les procédures papier ou dégradées prévues.',
      en: 'List the essential services affected and what that means for users, then start the planned paper or degraded-mode procedures.',
    },
    REX_VERSAILLES,
    { roles: ['coordinateur'] },
  ),
];

const P2_MOBILISATION: PlaybookItem[] = [
  item(
    'p2.dec.01',
    S,
    {
      fr: 'Faites appel à un soutien en réponse à incident (prestataire qualifié PRIS, ANSSI/CERT-FR ou CSIRT régional) et désignez qui sera leur interlocuteur.',
      en: 'Call in incident-response support (a PRIS-qualified provider, ANSSI/CERT-FR or the regional CSIRT) and name who will be their point of contact.',
    },
    ANSSI_COMM,
    { roles: ['technique', 'juridique'] },
  ),
  item(
    'p2.dec.02',
    S,
    {
      fr: 'Activez les réseaux d’appui : préfecture, CSIRT régional, autorités de tutelle et structures homologues qui ont déjà traversé une crise semblable.',
      en: 'Activate your support networks: the prefecture, the regional CSIRT, supervising authorities and peer organisations that have been through a similar crisis.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p2.dec.03',
    S,
    {
      fr: 'Décidez, sur la base de l’analyse d’impact des métiers, quels services basculent en mode dégradé et dans quel ordre, et validez le plan de continuité ainsi activé.',
      en: 'Decide, based on the business impact assessment, which services switch to degraded mode and in what order, and approve the continuity plan that follows.',
    },
    ANSSI_CRISE,
    { roles: ['metier'] },
  ),
  item(
    'p2.dec.04',
    S,
    {
      fr: 'Validez chaque message externe après relecture par le juridique, et tenez-vous à un seul porte-parole pendant toute la durée de la crise.',
      en: 'Approve each external message after legal review, and stick to a single spokesperson for the whole crisis.',
    },
    ANSSI_COMM,
    { roles: ['communication', 'juridique'] },
  ),
  item(
    'p2.coord.01',
    O,
    {
      fr: 'Animez les points de situation au rythme fixé : état des lieux, décisions à prendre, actions en cours et leurs responsables, heure du point suivant.',
      en: 'Run the situation points at the agreed pace: current picture, decisions needed, actions under way with their owners, and the time of the next point.',
    },
    ANSSI_CRISE,
    { roles: ['main_courante'] },
  ),
  item(
    'p2.coord.02',
    O,
    {
      fr: 'Ordonnancez les actions qui dépendent les unes des autres (isolement, investigation, bascule en mode dégradé) et faites le lien entre le niveau stratégique et les équipes.',
      en: 'Sequence the actions that depend on each other (isolation, investigation, switch to degraded mode) and link the strategic level with the operational teams.',
    },
    ANSSI_CRISE,
    { roles: ['technique', 'metier'] },
  ),
  item(
    'p2.coord.03',
    O,
    {
      fr: 'Organisez la relève de la cellule pour la nuit et les jours suivants en doublant les postes clés, car une crise cyber dure souvent plusieurs semaines.',
      en: 'Organise shifts for the cell for the night and the coming days, with a backup for each key position, since a cyber crisis often lasts for weeks.',
    },
    ANSSI_COMM,
  ),
  item(
    'p2.log.01',
    O,
    {
      fr: 'Tenez à jour l’état de situation à chaque point, avec les décisions prises, leurs responsables et leurs échéances, en le gardant distinct de la main courante.',
      en: 'Update the situation report at every point with the decisions taken, their owners and deadlines, keeping it separate from the log.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p2.log.02',
    O,
    {
      fr: 'Consignez aussi dans la main courante les communications entrantes et sortantes : appels, messages publiés, sollicitations de la presse.',
      en: 'Also record incoming and outgoing communications in the log: calls, published messages and press enquiries.',
    },
    ANSSI_COMM,
    { roles: ['communication'] },
  ),
  item(
    'p2.tech.01',
    O,
    {
      fr: 'Établissez une première compréhension de l’attaque (point d’entrée probable, périmètre, comptes utilisés, chronologie) avec les équipes internes et externes.',
      en: 'Build a first understanding of the attack (likely entry point, scope, accounts used, timeline) together with the internal and external teams.',
    },
    CISA_PART2,
    { roles: ['main_courante'] },
  ),
  item(
    'p2.tech.02',
    O,
    {
      fr: 'Vérifiez auprès des forces de l’ordre et des sites de référence comme No More Ransom s’il existe un outil de déchiffrement pour le rançongiciel identifié.',
      en: 'Check with law enforcement and reference sites such as No More Ransom whether a decryptor exists for the ransomware identified.',
    },
    CISA_PART2,
    { roles: ['juridique'] },
  ),
  item(
    'p2.tech.03',
    O,
    {
      fr: 'Endiguez l’attaque : désactivez les comptes compromis, bloquez les adresses et domaines malveillants identifiés et coupez les accès distants non indispensables.',
      en: 'Contain the attack: disable compromised accounts, block the malicious addresses and domains identified and shut down any remote access that is not essential.',
    },
    CISA_PART2,
  ),
  item(
    'p2.tech.04',
    O,
    {
      fr: 'Recensez les systèmes sains et tenez-les à l’écart des systèmes touchés, pour dresser avec les métiers la liste des services à rétablir en priorité.',
      en: 'Identify the systems that are still clean and keep them apart from the affected ones, to draw up with business owners the list of services to restore first.',
    },
    NIST,
    { roles: ['metier'] },
  ),
  item(
    'p2.comm.01',
    O,
    {
      fr: 'Publiez une déclaration d’attente construite sur FACET (faits, actions, compassion, engagement, transparence ; CAFET s’il y a des victimes physiques), validée par la cellule.',
      en: 'Issue a holding statement built on FACET (facts, actions, compassion, engagement, transparency; CAFET if people are physically harmed), approved by the cell.',
    },
    ANSSI_COMM,
    { roles: ['decideur', 'juridique'] },
  ),
  item(
    'p2.comm.02',
    O,
    {
      fr: 'Désignez un porte-parole unique et ouvrez un point de contact dédié (adresse générique ou numéro vert) pour que les sollicitations ne submergent pas la cellule.',
      en: 'Name a single spokesperson and open a dedicated contact point (a generic email address or a free phone line) so that enquiries do not swamp the cell.',
    },
    ANSSI_COMM,
  ),
  item(
    'p2.comm.03',
    O,
    {
      fr: 'Ne promettez aucune date de rétablissement, n’attribuez pas l’attaque, ne mentionnez pas l’appui de l’ANSSI sans son accord et ne dévoilez pas les méthodes de l’attaquant.',
      en: 'Promise no recovery date, do not attribute the attack, do not mention ANSSI’s support without its consent and do not reveal the attacker’s methods.',
    },
    ANSSI_COMM,
  ),
  item(
    'p2.comm.04',
    O,
    {
      fr: 'Parlez de « cyberattaque » ou d’« incident de cybersécurité » plutôt que de piratage, avec des messages factuels qui ne minimisent ni n’exagèrent l’attaque.',
      en: 'Speak of a “cyberattack” or a “cybersecurity incident” rather than hacking, with factual messages that neither play down nor overstate the attack.',
    },
    ANSSI_COMM,
  ),
  item(
    'p2.comm.05',
    O,
    {
      fr: 'Surveillez les médias, les réseaux sociaux et les sites où l’attaquant revendique ses attaques, et signalez à la cellule tout signal faible.',
      en: 'Monitor the media, social networks and the sites where the attacker claims attacks, and report any weak signal to the cell.',
    },
    ANSSI_COMM,
    { roles: ['coordinateur'] },
  ),
  item(
    'p2.jur.01',
    O,
    {
      fr: 'Si l’entité relève de NIS 2, adressez l’alerte précoce dans les 24 heures, puis préparez la notification d’incident due à 72 heures et le rapport final à un mois.',
      en: 'If the organisation falls under NIS 2, send the early warning within 24 hours, then prepare the incident notification due at 72 hours and the final report due within a month.',
    },
    NIS2,
  ),
  item(
    'p2.jur.02',
    O,
    {
      fr: 'Si des données personnelles peuvent être touchées, notifiez la CNIL dans les 72 heures avec le DPO, et préparez l’information des personnes concernées si le risque est élevé.',
      en: 'If personal data may be affected, notify the CNIL within 72 hours with the DPO, and prepare to inform the people concerned if the risk to them is high.',
    },
    RGPD,
    { roles: ['communication'] },
  ),
  item(
    'p2.jur.03',
    O,
    {
      fr: 'Pour un établissement de santé, déclarez l’incident grave de sécurité des systèmes d’information à l’ARS via le portail du ministère, avec l’appui du CERT Santé.',
      en: 'For a health establishment, report the serious information-system security incident to the regional health agency (ARS) through the ministry portal, with CERT Santé support.',
    },
    CSP_ARS,
  ),
  item(
    'p2.jur.04',
    O,
    {
      fr: 'Déposez plainte auprès de la police ou de la gendarmerie, ou par écrit auprès du procureur de la République, en parallèle des travaux techniques.',
      en: 'File a complaint with the police or gendarmerie, or in writing with the public prosecutor, alongside the technical work.',
    },
    ANSSI_DACG,
    { roles: ['technique', 'decideur'] },
  ),
  item(
    'p2.jur.05',
    O,
    {
      fr: 'Déclarez le sinistre à l’assureur cyber selon les conditions du contrat, et vérifiez avec lui les prestataires qu’il prend en charge.',
      en: 'Report the incident to the cyber insurer as the policy requires, and check with them which providers they will cover.',
    },
    ANSSI_CRISE,
    { roles: ['decideur'] },
  ),
  item(
    'p2.met.01',
    O,
    {
      fr: 'Activez le plan de continuité et le mode dégradé des services prioritaires, et expliquez aux équipes les procédures papier à appliquer.',
      en: 'Activate the continuity plan and degraded mode for priority services, and brief the teams on the paper procedures to follow.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p2.met.02',
    O,
    {
      fr: 'Organisez avec les ressources humaines la rotation et le soutien des équipes métier, pour tenir dans la durée sans épuiser les agents.',
      en: 'Organise staff rotation and support for the business teams with human resources, so that people can keep going without burning out.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p2.met.03',
    O,
    {
      fr: 'Évaluez l’impact de l’arrêt sur chaque service (usagers, échéances légales, paie, sécurité des personnes) et présentez-le au point de situation.',
      en: 'Assess the impact of the outage on each service (users, legal deadlines, payroll, people’s safety) and present it at the situation point.',
    },
    ENISA,
    { roles: ['coordinateur'] },
  ),
];

const P3_CONTINUITY: PlaybookItem[] = [
  item(
    'p3.dec.01',
    S,
    {
      fr: 'Arbitrez entre vitesse de redémarrage et sécurité : aucun système n’est reconnecté tant que l’équipe technique n’a pas confirmé qu’il est sain.',
      en: 'Weigh speed of restart against security: no system is reconnected until the technical team has confirmed that it is clean.',
    },
    ANSSI_CRISE,
    { roles: ['technique'] },
  ),
  item(
    'p3.dec.02',
    S,
    {
      fr: 'Réévaluez à chaque point si le dispositif de crise reste proportionné, et ajustez sa composition comme son rythme.',
      en: 'At each point, reassess whether the crisis set-up is still proportionate, and adjust its membership and its pace.',
    },
    ENISA,
    { roles: ['coordinateur'] },
  ),
  item(
    'p3.coord.01',
    O,
    {
      fr: 'Espacez les points de situation à mesure que la situation se stabilise, en gardant au moins un point quotidien à heure fixe.',
      en: 'Space out situation points as things settle down, keeping at least one daily point at a fixed time.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p3.coord.02',
    O,
    {
      fr: 'Assurez les relèves de la cellule avec une passation écrite appuyée sur l’état de situation, et veillez au repos de ses membres.',
      en: 'Hand over between cell shifts in writing, based on the situation report, and make sure cell members get rest.',
    },
    ANSSI_COMM,
    { roles: ['main_courante'] },
  ),
  item(
    'p3.coord.03',
    O,
    {
      fr: 'Tenez la liste des actions en cours avec leur responsable et leur échéance, et faites-la revoir à chaque point de situation.',
      en: 'Keep the list of ongoing actions with their owners and deadlines, and have it reviewed at each situation point.',
    },
    NIST,
  ),
  item(
    'p3.log.01',
    O,
    {
      fr: 'À chaque relève, transmettez la main courante sans modifier les lignes passées ; une correction s’inscrit comme une nouvelle ligne qui renvoie à l’ancienne.',
      en: 'At each shift change, hand over the log without altering past lines; a correction goes in as a new line that refers to the earlier one.',
    },
    ANSSI_COMM,
  ),
  item(
    'p3.log.02',
    O,
    {
      fr: 'Archivez les états de situation successifs et les décisions : ils serviront à l’investigation, à la plainte et au retour d’expérience.',
      en: 'Archive every successive situation report and decision: they will be needed for the investigation, the complaint and the lessons learned.',
    },
    FEMA_ICS214,
    { roles: ['juridique'] },
  ),
  item(
    'p3.tech.01',
    O,
    {
      fr: 'Menez l’investigation numérique avec le prestataire de réponse à incident : point d’entrée, persistance, déplacements latéraux, exfiltration de données.',
      en: 'Carry out the digital investigation with the incident-response provider: entry point, persistence, lateral movement and data exfiltration.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p3.tech.02',
    O,
    {
      fr: 'Surveillez tout signe de retour de l’attaquant (nouvelles connexions, comptes créés, outils déposés) pendant le fonctionnement en mode dégradé.',
      en: 'Watch for any sign that the attacker is back (new connections, new accounts, tools dropped) while services run in degraded mode.',
    },
    NIST,
  ),
  item(
    'p3.tech.03',
    O,
    {
      fr: 'Fournissez aux services prioritaires des moyens temporaires sains (postes neufs, accès 4G, messagerie hors du système compromis) pour tenir le mode dégradé.',
      en: 'Give priority services clean temporary equipment (new computers, 4G access, email outside the compromised system) to sustain degraded mode.',
    },
    REX_VERSAILLES,
    { roles: ['metier'] },
  ),
  item(
    'p3.tech.04',
    O,
    {
      fr: 'Présentez vos constats à chaque point de situation et transmettez-les à la main courante, plutôt que de tenir votre propre journal de crise.',
      en: 'Present your findings at each situation point and pass them to the log keeper, rather than keeping a separate crisis diary of your own.',
    },
    ANSSI_CRISE,
    { roles: ['main_courante', 'coordinateur'] },
  ),
  item(
    'p3.comm.01',
    O,
    {
      fr: 'Informez régulièrement les agents, les usagers et les partenaires, même quand il y a peu de nouveau, en donnant les mêmes faits à tous les publics.',
      en: 'Update staff, residents and partners regularly, even when there is little news, giving every audience the same facts.',
    },
    ANSSI_COMM,
  ),
  item(
    'p3.comm.02',
    O,
    {
      fr: 'Préparez avec le juridique une réponse aux revendications de l’attaquant et à une éventuelle publication de données, avant qu’elles ne surviennent.',
      en: 'Prepare with the legal team a response to attacker claims and to a possible data leak, before either happens.',
    },
    ANSSI_COMM,
    { roles: ['juridique'] },
  ),
  item(
    'p3.comm.03',
    O,
    {
      fr: 'Donnez aux agents d’accueil et au standard des éléments de langage et une foire aux questions, mis à jour après chaque point de situation.',
      en: 'Give reception and switchboard staff key messages and a list of frequent questions, updated after each situation point.',
    },
    ANSSI_COMM,
    { roles: ['metier'] },
  ),
  item(
    'p3.jur.01',
    O,
    {
      fr: 'Si l’entité relève de NIS 2, envoyez la notification d’incident dans les 72 heures, avec une première évaluation de la gravité, de l’impact et des indicateurs de compromission.',
      en: 'If the organisation falls under NIS 2, send the incident notification within 72 hours, with a first assessment of severity, impact and indicators of compromise.',
    },
    NIS2,
    { roles: ['technique'], due: 'H+72' },
  ),
  item(
    'p3.jur.02',
    O,
    {
      fr: 'Complétez la notification à la CNIL à mesure que le périmètre se précise, et informez les personnes concernées si le vol de données présente pour elles un risque élevé.',
      en: 'Complete the CNIL notification as the scope becomes clearer, and inform the people concerned if the data theft puts them at high risk.',
    },
    RGPD,
    { roles: ['communication'] },
  ),
  item(
    'p3.jur.03',
    O,
    {
      fr: 'Analysez les conséquences contractuelles : échéances manquées, marchés publics, fournisseurs et partenaires dont les données ont pu être touchées.',
      en: 'Work out the contractual consequences: missed deadlines, public contracts, and suppliers or partners whose data may have been affected.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p3.met.01',
    O,
    {
      fr: 'Faites tourner les services prioritaires en mode dégradé et consignez chaque opération faite sur papier pour pouvoir la ressaisir ensuite.',
      en: 'Run priority services in degraded mode and keep a record of every transaction done on paper so that it can be entered again later.',
    },
    REX_VERSAILLES,
  ),
  item(
    'p3.met.02',
    O,
    {
      fr: 'Suivez dans chaque service le retard accumulé et la fatigue des équipes, et signalez-les au coordinateur à chaque point.',
      en: 'Track the growing backlog and team fatigue in each service, and report them to the coordinator at every point.',
    },
    REX_VERSAILLES,
    { roles: ['coordinateur'] },
  ),
  item(
    'p3.met.03',
    O,
    {
      fr: 'Indiquez aux usagers comment joindre chaque service pendant la crise (horaires d’accueil, téléphone, démarches possibles), en lien avec la communication.',
      en: 'Tell users how to reach each service during the crisis (opening hours, phone, what can still be done), working with the communication team.',
    },
    ENISA,
    { roles: ['communication'] },
  ),
];

const P4_RECOVERY: PlaybookItem[] = [
  item(
    'p4.dec.01',
    S,
    {
      fr: 'Validez le plan de reconstruction et l’ordre de rétablissement des services, fondé sur les priorités métier et non sur la facilité technique.',
      en: 'Approve the rebuild plan and the order in which services come back, driven by business priorities rather than technical convenience.',
    },
    ANSSI_CRISE,
    { roles: ['technique', 'metier'] },
  ),
  item(
    'p4.dec.02',
    S,
    {
      fr: 'Débloquez le budget et les renforts nécessaires à la reconstruction (prestataires, matériel, heures supplémentaires) et suivez les dépenses engagées.',
      en: 'Release the budget and extra help needed for the rebuild (providers, equipment, overtime) and keep track of the costs incurred.',
    },
    ENISA,
    { roles: ['juridique'] },
  ),
  item(
    'p4.coord.01',
    O,
    {
      fr: 'Planifiez les remises en service avec la technique et les métiers, chacune précédée d’une décision formelle de reprise ou de report.',
      en: 'Schedule each return to service with the technical and business teams, each one preceded by a formal go or no-go decision.',
    },
    NIST,
    { roles: ['technique', 'metier'] },
  ),
  item(
    'p4.coord.02',
    O,
    {
      fr: 'Allégez le dispositif de crise par étapes (points hebdomadaires, cellule resserrée) tout en gardant la capacité de le remobiliser rapidement.',
      en: 'Scale down the crisis set-up step by step (weekly points, a smaller cell) while keeping the ability to reconvene it quickly.',
    },
    ENISA,
  ),
  item(
    'p4.log.01',
    O,
    {
      fr: 'Consignez chaque remise en service et chaque décision de reprise ou de report, avec l’heure et le nom de la personne qui l’a prise.',
      en: 'Record each return to service and each go or no-go decision, with the time and the name of the person who made it.',
    },
    ANSSI_COMM,
  ),
  item(
    'p4.tech.01',
    O,
    {
      fr: 'Durcissez avant toute reconnexion : renouvelez tous les mots de passe, y compris ceux des comptes de service et d’administration, appliquez les correctifs et l’authentification multifacteur.',
      en: 'Harden before reconnecting anything: change every password, including service and administrator accounts, apply patches and turn on multi-factor authentication.',
    },
    CISA_PART2,
  ),
  item(
    'p4.tech.02',
    O,
    {
      fr: 'Reconstruisez les systèmes à partir de sources saines et restaurez les données depuis des sauvegardes dont vous avez vérifié qu’elles ne sont pas compromises.',
      en: 'Rebuild systems from clean sources and restore data from backups that you have checked are free of compromise.',
    },
    CISA_PART2,
  ),
  item(
    'p4.tech.03',
    O,
    {
      fr: 'Industrialisez la reconstruction avec des images de référence et des listes de contrôle, pour remonter des dizaines de postes de façon homogène.',
      en: 'Industrialise the rebuild with reference images and checklists, so that dozens of workstations can be rebuilt the same way.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p4.tech.04',
    O,
    {
      fr: 'Renforcez la surveillance des systèmes reconstruits pendant plusieurs semaines pour détecter au plus tôt une éventuelle réinfection.',
      en: 'Step up monitoring of the rebuilt systems for several weeks to catch any reinfection as early as possible.',
    },
    NIST,
  ),
  item(
    'p4.comm.01',
    O,
    {
      fr: 'Annoncez le retour des services au fur et à mesure, sans promettre de date pour ceux qui ne sont pas encore rétablis.',
      en: 'Announce services as they come back, one by one, without promising dates for those not yet restored.',
    },
    NIST,
  ),
  item(
    'p4.comm.02',
    O,
    {
      fr: 'Expliquez en interne ce qui change après la crise (nouveaux mots de passe, authentification renforcée, règles d’usage) et remerciez les équipes mobilisées.',
      en: 'Explain internally what changes after the crisis (new passwords, stronger sign-in, usage rules) and thank the teams who stepped up.',
    },
    ANSSI_COMM,
    { roles: ['technique'] },
  ),
  item(
    'p4.jur.01',
    O,
    {
      fr: 'Si l’entité relève de NIS 2, remettez le rapport final au plus tard un mois après la notification d’incident, avec la cause et les mesures prises.',
      en: 'If the organisation falls under NIS 2, submit the final report no later than one month after the incident notification, with the root cause and the measures taken.',
    },
    NIS2,
    { roles: ['technique'] },
  ),
  item(
    'p4.jur.02',
    O,
    {
      fr: 'Suivez la plainte et le dossier d’assurance en fournissant les preuves conservées et le décompte des coûts de la crise.',
      en: 'Follow up the complaint and the insurance claim, providing the preserved evidence and a tally of the crisis costs.',
    },
    ANSSI_DACG,
    { roles: ['technique', 'decideur'] },
  ),
  item(
    'p4.met.01',
    O,
    {
      fr: 'Ressaisissez les données recueillies sur papier pendant le mode dégradé, en traquant les doublons et les oublis.',
      en: 'Enter the data gathered on paper during degraded mode back into the systems, checking for duplicates and gaps.',
    },
    REX_VERSAILLES,
  ),
  item(
    'p4.met.02',
    O,
    {
      fr: 'Testez chaque application métier rétablie en situation réelle avec quelques agents avant de la rouvrir à tous les utilisateurs.',
      en: 'Test each restored business application in real use with a few staff members before reopening it to all users.',
    },
    NIST,
    { roles: ['technique'] },
  ),
];

const P5_EXIT: PlaybookItem[] = [
  item(
    'p5.dec.01',
    S,
    {
      fr: 'Décidez la sortie de crise lorsque les services prioritaires sont rétablis et la menace maîtrisée, et annoncez-la formellement à la cellule.',
      en: 'Decide to end the crisis once priority services are back and the threat is under control, and announce it formally to the cell.',
    },
    ANSSI_CRISE,
    { roles: ['coordinateur', 'communication'] },
  ),
  item(
    'p5.dec.02',
    S,
    {
      fr: 'Validez le plan d’actions issu du retour d’expérience, avec un responsable et une échéance par action, et suivez-le en comité de direction.',
      en: 'Approve the action plan from the lessons learned, with an owner and a deadline for each action, and track it at management meetings.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p5.coord.01',
    O,
    {
      fr: 'Organisez le retour d’expérience à chaud, à l’oral et dès la fin de la crise, pour recueillir les premiers ressentis et clore formellement le dispositif.',
      en: 'Hold the hot debrief, orally and right at the end of the crisis, to gather first impressions and formally close the crisis set-up.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p5.coord.02',
    O,
    {
      fr: 'Conduisez quelques semaines plus tard un retour d’expérience à tiède, pour repérer les bonnes pratiques à garder et les améliorations à apporter.',
      en: 'Run a warm debrief a few weeks later to pick out the good practices to keep and the improvements to make.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p5.coord.03',
    O,
    {
      fr: 'Rédigez le retour d’expérience à froid : un plan d’actions écrit et la mesure des écarts entre ce qui était prévu et ce qui s’est réellement passé.',
      en: 'Write up the cold lessons learned: a written action plan and a measure of the gaps between what was planned and what actually happened.',
    },
    ANSSI_CRISE,
    { roles: ['decideur'] },
  ),
  item(
    'p5.coord.04',
    O,
    {
      fr: 'Mettez à jour l’annuaire et le playbook dans Tocsin avec les enseignements de la crise, puis diffusez le nouveau kit à toute la cellule.',
      en: 'Update the directory and the playbook in Tocsin with what the crisis taught you, then send the new kit to the whole cell.',
    },
    NIST,
  ),
  item(
    'p5.log.01',
    O,
    {
      fr: 'Clôturez la main courante en y inscrivant l’heure et l’auteur de la décision de sortie, puis archivez-la avec les états de situation.',
      en: 'Close the log by entering the time and author of the exit decision, then archive it together with the situation reports.',
    },
    ANSSI_COMM,
    { roles: ['decideur'] },
  ),
  item(
    'p5.log.02',
    O,
    {
      fr: 'Établissez à partir de la main courante une chronologie de la crise qui servira de base aux retours d’expérience.',
      en: 'Draw up a timeline of the crisis from the log, to serve as the basis for the lessons-learned sessions.',
    },
    FEMA_ICS214,
    { roles: ['coordinateur'] },
  ),
  item(
    'p5.tech.01',
    O,
    {
      fr: 'Rédigez le rapport technique de l’incident : point d’entrée, chronologie, mesures prises et risques résiduels, avec des recommandations de durcissement.',
      en: 'Write the technical incident report: entry point, timeline, measures taken and remaining risks, with hardening recommendations.',
    },
    NIST,
    { roles: ['juridique'] },
  ),
  item(
    'p5.comm.01',
    O,
    {
      fr: 'Annoncez la fin de la crise aux agents, aux usagers et aux partenaires, en rappelant ce qui a été fait et ce qui reste à faire.',
      en: 'Announce the end of the crisis to staff, residents and partners, recalling what has been done and what remains to be done.',
    },
    ANSSI_COMM,
  ),
  item(
    'p5.comm.02',
    O,
    {
      fr: 'Faites le bilan de la communication de crise (messages, délais de validation, perception du public) et mettez à jour les modèles préparés.',
      en: 'Review how crisis communication went (messages, approval times, public perception) and update the prepared templates.',
    },
    ANSSI_COMM,
  ),
  item(
    'p5.jur.01',
    O,
    {
      fr: 'Archivez les preuves, les notifications et les échanges avec les autorités et l’assureur, et conservez-les pendant les durées légales applicables.',
      en: 'Archive the evidence, the notifications and the correspondence with the authorities and the insurer, and keep them for the applicable legal periods.',
    },
    ANSSI_CRISE,
  ),
  item(
    'p5.met.01',
    O,
    {
      fr: 'Organisez le retour au fonctionnement normal de chaque service et mettez à jour les procédures papier avec ce que le mode dégradé a appris.',
      en: 'Manage each service’s return to normal operation and update the paper procedures with what degraded mode taught you.',
    },
    ENISA,
  ),
];

/**
 * The playbook Tocsin ships with: six phases, seven roles, first-hour and first-day checklists
 * (the first hours and the first day of a cyber crisis), preparation, continuity, recovery and
 * exit.
 */
export const DEFAULT_PLAYBOOK: Playbook = {
  id: 'tocsin-default',
  title: {
    fr: 'Crise d’origine cyber : plan de crise par défaut',
    en: 'Cyber crisis: default playbook',
  },
  version: 1,
  updated: '2026-11-25',
  items: [
    ...P0_PREPARATION,
    ...P1_ALERT,
    ...P2_MOBILISATION,
    ...P3_CONTINUITY,
    ...P4_RECOVERY,
    ...P5_EXIT,
  ],
};
