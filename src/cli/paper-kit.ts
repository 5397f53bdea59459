// The printed kit: what the crisis cell keeps in its binder for the day every screen is down, and
// the organisation fingerprint that members compare with their screen when they enrol. French
// first (the cells are French), English in small type.
import { formatPhone } from '../domain/phone-number.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../domain/crisis-roles.js';
import type { PhoneKind } from '../domain/contact.js';
import type { KitContact, KitManifest, KitRoom } from '../domain/kit.js';
import { PHASE_NAMES, PHASES, type Playbook, type PlaybookItem } from '../domain/playbook.js';
import { Html, html } from './html.js';

/** What the paper kit shows; never a secret (no room secret, no token, no kit key). */
export interface PaperKitInput {
  manifest: Pick<KitManifest, 'organisation' | 'epoch' | 'version' | 'issued' | 'expires'>;
  fingerprint: string;
  room: Pick<KitRoom, 'livekitUrl' | 'roomName' | 'emergencyNumbers'>;
  contacts: KitContact[];
  playbook: Playbook;
}

const PHONE_KINDS_FR: Record<PhoneKind, string> = {
  mobile: 'Mobile',
  work: 'Bureau',
  home: 'Domicile',
  satellite: 'Satellite',
  radio: 'Radio',
};

const STYLE = `
  @page { size: A4; margin: 15mm; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #000;
    margin: 0 auto; max-width: 190mm; padding: 1rem; }
  h1 { font-size: 20pt; margin: 0 0 0.25rem; }
  h2 { font-size: 14pt; margin: 1.25rem 0 0.5rem; border-bottom: 2px solid #000; }
  h3 { font-size: 11.5pt; margin: 0.75rem 0 0.25rem; }
  .en { font-size: 0.8em; color: #444; font-weight: normal; }
  .fingerprint { border: 3px solid #000; padding: 0.75rem 1rem; margin: 1rem 0; break-inside: avoid; }
  .fingerprint .print { display: block; font: bold 18pt/1.3 ui-monospace, "DejaVu Sans Mono", Menlo,
    Consolas, monospace; letter-spacing: 0.05em; word-spacing: 0.3em; }
  code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.125rem 1rem; margin: 0; }
  dt { font-weight: bold; }
  dd { margin: 0; overflow-wrap: anywhere; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 0.75rem; }
  th, td { text-align: start; vertical-align: top; padding: 0.2rem 0.35rem; border: 1px solid #777;
    overflow-wrap: break-word; }
  tr { break-inside: avoid; }
  .phones { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .member { font-weight: bold; }
  ul.checklist { list-style: none; padding: 0; margin: 0 0 0.5rem; }
  ul.checklist li { break-inside: avoid; padding-left: 1.5rem; text-indent: -1.5rem; }
  .playbook { break-before: page; }
`;

/** The whole page: self-contained (inline style, no script, no external resource). */
export function renderPaperKit(input: PaperKitInput): string {
  const { manifest, fingerprint, room, playbook } = input;
  const contacts = [...input.contacts].sort(byName);
  const members = contacts.filter((contact) => contact.member);
  const page = html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Kit de crise papier — ${manifest.organisation.name}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <h1>${manifest.organisation.name}</h1>
        <p>
          <strong>Kit de crise papier</strong> <span class="en">Paper crisis kit</span> — version
          ${manifest.epoch}.${manifest.version}, émis le ${frenchTime(manifest.issued)}, valable
          jusqu’au ${frenchTime(manifest.expires)}.
        </p>
        <p>
          Conservez cet exemplaire avec les documents de crise et remplacez-le à chaque nouveau kit.
          <span class="en"
            >Keep this copy with the crisis documents; replace it with every new kit.</span
          >
        </p>

        <section class="fingerprint">
          <h2>Empreinte de l’organisation <span class="en">Organisation fingerprint</span></h2>
          <code class="print">${fingerprint}</code>
          <p>Identifiant <span class="en">Id</span> : <code>${manifest.organisation.id}</code></p>
          <p>
            À l’enrôlement, l’application affiche cette empreinte : elle doit être identique, sinon
            n’installez pas le kit et prévenez l’administrateur.
            <span class="en"
              >At enrollment the app shows this fingerprint: it must be the same; if it is not, do
              not install the kit and tell the administrator.</span
            >
          </p>
        </section>

        <h2>Salle de crise <span class="en">Crisis room</span></h2>
        <dl>
          <dt>Salle <span class="en">Room</span></dt>
          <dd><code>${room.roomName}</code></dd>
          <dt>Serveur <span class="en">Server</span></dt>
          <dd><code>${room.livekitUrl}</code></dd>
          <dt>Version du kit <span class="en">Kit version</span></dt>
          <dd>
            époque ${manifest.epoch}, version ${manifest.version}
            <span class="en">(epoch, version)</span>
          </dd>
          <dt>Émis le <span class="en">Issued</span></dt>
          <dd>${frenchTime(manifest.issued)}</dd>
          <dt>Expire le <span class="en">Expires</span></dt>
          <dd>${frenchTime(manifest.expires)}</dd>
        </dl>

        <h2>Numéros d’urgence <span class="en">Emergency numbers</span></h2>
        <table>
          <tbody>
            ${room.emergencyNumbers.map(
              (entry) =>
                html`<tr>
                  <th scope="row" class="phones">${entry.number}</th>
                  <td>${entry.label}</td>
                </tr> `,
            )}
          </tbody>
        </table>

        <h2>Cellule de crise <span class="en">Crisis cell</span></h2>
        ${renderContacts(members)}

        <h2>Annuaire <span class="en">Directory</span></h2>
        ${renderContacts(contacts)}

        <section class="playbook">
          <h2>
            Plan de crise <span class="en">Playbook</span> — ${playbook.title.fr}
            <span class="en">${playbook.title.en}</span>
          </h2>
          ${renderPlaybook(playbook)}
        </section>
      </body>
    </html> `;
  return page.text;
}

function renderContacts(contacts: KitContact[]): Html {
  if (contacts.length === 0) return html`<p>Aucun contact. <span class="en">No contact.</span></p>`;
  return html`<table>
    <thead>
      <tr>
        <th scope="col">Nom <span class="en">Name</span></th>
        <th scope="col">Fonction <span class="en">Job title</span></th>
        <th scope="col">Rôles <span class="en">Roles</span></th>
        <th scope="col">Téléphones et courriels <span class="en">Phones and emails</span></th>
      </tr>
    </thead>
    <tbody>
      ${contacts.map(renderContact)}
    </tbody>
  </table>`;
}

function renderContact(contact: KitContact): Html {
  const subtitle = [contact.jobTitle, contact.service, contact.organisation].filter(Boolean);
  const reach = [
    ...contact.phones.map(
      (phone) => html`${PHONE_KINDS_FR[phone.kind]} : ${formatPhone(phone.number)}`,
    ),
    ...contact.emails.map((email) => html`${email}`),
  ];
  return html`<tr>
    <td>${renderName(contact)}</td>
    <td>${subtitle.join(' · ')}</td>
    <td>${contact.roles.map((role) => ROLE_NAMES[role].fr).join(', ')}</td>
    <td class="phones">${reach.map((line, i) => html`${i ? html`<br />` : ''}${line}`)}</td>
  </tr> `;
}

function renderName(contact: KitContact): Html {
  if (!contact.member) return html`${contact.displayName}`;
  return html`<span class="member">★ ${contact.displayName}</span><br />
    <small
      >Membre de la cellule <span class="en">Cell member</span> ·
      <code>${contact.member.id}</code></small
    >`;
}

function renderPlaybook(playbook: Playbook): Html[] {
  return PHASES.filter((phase) => playbook.items.some((item) => item.phase === phase)).map(
    (phase) =>
      html`<h3>${PHASE_NAMES[phase].fr} <span class="en">${PHASE_NAMES[phase].en}</span></h3>
        ${CRISIS_ROLES.map((role) =>
          renderChecklist(
            role,
            playbook.items.filter((item) => item.phase === phase && item.role === role),
          ),
        )}`,
  );
}

/** One role's items of one phase, in their order, as boxes to tick with a pen. */
function renderChecklist(role: CrisisRoleId, items: PlaybookItem[]): Html | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => a.order - b.order);
  return html`<p>
      <strong>${ROLE_NAMES[role].fr}</strong> <span class="en">${ROLE_NAMES[role].en}</span>
    </p>
    <ul class="checklist">
      ${sorted.map((item) => html`<li>☐ ${item.text.fr}${item.due ? html` <em>(${item.due})</em>` : ''}</li>`)}
    </ul>`;
}

function byName(a: KitContact, b: KitContact): number {
  const key = (contact: KitContact) => contact.familyName || contact.displayName;
  return (
    key(a).localeCompare(key(b), 'fr', { sensitivity: 'base' }) ||
    a.displayName.localeCompare(b.displayName, 'fr', { sensitivity: 'base' })
  );
}

const FRENCH_TIME = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

function frenchTime(iso: string): string {
  return FRENCH_TIME.format(new Date(iso));
}
