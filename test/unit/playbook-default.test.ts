import { expect } from '@open-wc/testing';
import { CRISIS_ROLES, type CrisisRoleId } from '../../src/domain/crisis-roles.js';
import { loadDefaultPlaybook } from '../../src/domain/default-playbook.js';
import { PHASES, type PhaseId, type PlaybookItem } from '../../src/domain/playbook.js';
import { parsePlaybookJson, serializePlaybook } from '../../src/domain/playbook-json.js';

const DEFAULT_PLAYBOOK = await loadDefaultPlaybook();

// Written from the brief, not from the module: the id grammar is a contract with stored ticks.
const ROLE_SHORTS: Record<string, CrisisRoleId> = {
  dec: 'decideur',
  coord: 'coordinateur',
  log: 'main_courante',
  tech: 'technique',
  comm: 'communication',
  jur: 'juridique',
  met: 'metier',
};
const ID_PATTERN = /^p([0-5])\.(dec|coord|log|tech|comm|jur|met)\.(\d{2})$/;

const items = DEFAULT_PLAYBOOK.items;

function itemsOf(phase: PhaseId, role?: CrisisRoleId): PlaybookItem[] {
  return items.filter((item) => item.phase === phase && (role === undefined || item.role === role));
}

/** Whether some item of the phase and role says all of these things, in English and in French. */
function covered(
  phase: PhaseId,
  role: CrisisRoleId,
  en: readonly RegExp[],
  fr: readonly RegExp[],
): boolean {
  return itemsOf(phase, role).some(
    (item) => en.every((re) => re.test(item.text.en)) && fr.every((re) => re.test(item.text.fr)),
  );
}

describe('default playbook', () => {
  it('has its identity', () => {
    expect(DEFAULT_PLAYBOOK.id).to.equal('tocsin-default');
    expect(DEFAULT_PLAYBOOK.version).to.equal(1);
    expect(DEFAULT_PLAYBOOK.updated).to.equal('2026-11-25');
    expect(DEFAULT_PLAYBOOK.title.fr).to.be.a('string').and.not.equal('');
    expect(DEFAULT_PLAYBOOK.title.en).to.be.a('string').and.not.equal('');
    expect(DEFAULT_PLAYBOOK.title.fr).to.not.equal(DEFAULT_PLAYBOOK.title.en);
  });

  it('holds between 80 and 120 items', () => {
    expect(items.length).to.be.within(80, 120);
  });

  it('covers every phase and every role, at both levels', () => {
    for (const phase of PHASES) expect(itemsOf(phase), phase).to.not.be.empty;
    for (const role of CRISIS_ROLES) {
      expect(
        items.filter((item) => item.role === role),
        role,
      ).to.not.be.empty;
    }
    expect(items.some((item) => item.level === 'strategic')).to.be.true;
    expect(items.some((item) => item.level === 'operational')).to.be.true;
  });

  it('gives each item a unique id that spells its phase, role and order', () => {
    expect(new Set(items.map((item) => item.id)).size).to.equal(items.length);
    for (const item of items) {
      const match = ID_PATTERN.exec(item.id);
      expect(match, item.id).to.not.be.null;
      expect(item.phase, item.id).to.equal(PHASES[Number(match![1])]);
      expect(item.role, item.id).to.equal(ROLE_SHORTS[match![2]!]);
      expect(item.order, item.id).to.equal(Number(match![3]));
    }
  });

  it('numbers items 1, 2, 3… without gaps within each phase and role', () => {
    for (const phase of PHASES) {
      for (const role of CRISIS_ROLES) {
        const orders = itemsOf(phase, role)
          .map((item) => item.order)
          .sort((a, b) => a - b);
        expect(orders, `${phase} ${role}`).to.deep.equal(orders.map((_, index) => index + 1));
      }
    }
  });

  it('writes every text as a distinct French and English sentence of 40 to 300 characters', () => {
    for (const item of items) {
      for (const locale of ['fr', 'en'] as const) {
        const text = item.text[locale];
        expect(text.length, `${item.id} ${locale}`).to.be.within(40, 300);
        expect(text, `${item.id} ${locale}`).to.equal(text.trim());
        expect(text, `${item.id} ${locale} ends a sentence`).to.match(/[.!?…]$/);
        // Typographic apostrophes only: a straight one is a copy-paste or a typing slip.
        expect(text, `${item.id} ${locale}`).to.not.include("'");
      }
      expect(item.text.fr, item.id).to.not.equal(item.text.en);
    }
  });

  it('writes French with its accents', () => {
    const accented = items.filter((item) => /[éèêàùçôî]/.test(item.text.fr));
    expect(accented.length).to.be.greaterThan(items.length / 2);
  });

  it('cites a public source for every item', () => {
    for (const item of items) {
      expect(item.source.trim(), item.id).to.not.equal('');
      expect(item.source.length, item.id).to.be.at.most(300);
    }
  });

  it('links only to other, known roles', () => {
    for (const item of items) {
      for (const role of item.links?.roles ?? []) {
        expect(CRISIS_ROLES, item.id).to.include(role);
        expect(role, item.id).to.not.equal(item.role);
      }
    }
    expect(items.filter((item) => item.links?.roles?.length).length).to.be.greaterThan(10);
  });

  it('gives first-hour items H+1 and first-day items H+24', () => {
    for (const item of itemsOf('p1-alert')) expect(item.due, item.id).to.equal('H+1');
    for (const item of itemsOf('p2-mobilisation')) expect(item.due, item.id).to.equal('H+24');
  });

  // Reference §1.4, one row per fact, each looked for by role and keywords in both languages.
  const FIRST_HOUR: [string, CrisisRoleId, RegExp[], RegExp[]][] = [
    ['1 qualify and trigger', 'decideur', [/trigger/i, /crisis set-up/i], [/déclench/i]],
    ['1 technical qualification', 'technique', [/qualify/i], [/qualifiez/i]],
    [
      '2 isolate without powering off',
      'technique',
      [/without powering/i, /switch/i],
      [/sans les éteindre/i, /commutateur/i],
    ],
    ['3 out-of-band', 'coordinateur', [/out-of-band/i], [/hors bande/i]],
    ['4 open the main courante', 'main_courante', [/open the log/i], [/ouvrez.*main courante/i]],
    [
      '5 convene through a backup channel',
      'coordinateur',
      [/backup channel/i, /role/i],
      [/secours/i],
    ],
    [
      '6 preserve evidence',
      'technique',
      [/preserve evidence/i, /memory/i, /reinstall/i],
      [/préservez les preuves/i, /réinstallez/i],
    ],
    ['7 protect backups', 'technique', [/backups/i, /disconnect|isolate/i], [/sauvegardes/i]],
    ['8 do not pay', 'decideur', [/paying the ransom/i], [/paiement de rançon/i]],
    [
      '9 alert the IT provider',
      'technique',
      [/IT provider/i, /paper/i],
      [/prestataire/i, /papier/i],
    ],
    [
      '10 first staff instruction',
      'communication',
      [/staff/i, /switch computers back on/i, /personal/i],
      [/ne rallumez pas/i],
    ],
    [
      '11 situation-point rhythm',
      'coordinateur',
      [/situation points/i, /two hours/i],
      [/deux heures/i],
    ],
    ['12 critical services', 'metier', [/essential services/i, /paper/i], [/papier/i]],
  ];

  for (const [fact, role, en, fr] of FIRST_HOUR) {
    it(`has the first-hour fact ${fact} in phase p1 for ${role}`, () => {
      expect(covered('p1-alert', role, en, fr)).to.be.true;
    });
  }

  // Reference §1.5, likewise.
  const FIRST_DAY: [string, CrisisRoleId, RegExp[], RegExp[]][] = [
    ['1 NIS 2 early warning', 'juridique', [/NIS 2/, /early warning/i, /24 hours/i], [/24 heures/]],
    ['2 GDPR notification', 'juridique', [/CNIL/, /72 hours/i], [/72 heures/]],
    ['3 ARS report', 'juridique', [/ARS/], [/ARS/]],
    ['4 complaint', 'juridique', [/complaint/i, /prosecutor/i], [/plainte/i]],
    ['5 incident-response support', 'decideur', [/PRIS/, /CSIRT/], [/PRIS/]],
    ['5 insurer', 'juridique', [/insurer/i], [/assureur/i]],
    ['6 understanding', 'technique', [/understanding of the attack/i], [/compréhension/i]],
    ['6 decryptors', 'technique', [/law enforcement/i, /decryptor/i], [/déchiffrement/i]],
    ['7 FACET', 'communication', [/FACET/, /CAFET/], [/FACET/]],
    [
      '7 one spokesperson',
      'communication',
      [/single spokesperson/i, /contact point/i],
      [/porte-parole/i],
    ],
    ['7 no recovery date', 'communication', [/no recovery date/i, /ANSSI/], [/aucune date/i]],
    ['8 continuity', 'metier', [/continuity plan/i, /degraded mode/i], [/mode dégradé/i]],
    ['8 staff rotation', 'metier', [/rotation/i], [/rotation/i]],
    [
      '9 situation report',
      'main_courante',
      [/situation report/i, /owners/i],
      [/état de situation/i],
    ],
    ['10 support networks', 'decideur', [/support networks/i], [/réseaux d’appui/i]],
  ];

  for (const [fact, role, en, fr] of FIRST_DAY) {
    it(`has the first-day fact ${fact} in phase p2 for ${role}`, () => {
      expect(covered('p2-mobilisation', role, en, fr)).to.be.true;
    });
  }

  it('prepares, continues, recovers and exits with the expected topics', () => {
    expect(covered('p0-preparation', 'coordinateur', [/paper crisis kit/i], [/kit papier/i])).to.be
      .true;
    expect(covered('p0-preparation', 'coordinateur', [/install Tocsin/i, /offline/i], [/Tocsin/]))
      .to.be.true;
    expect(covered('p0-preparation', 'decideur', [/exercise/i], [/exercice/i])).to.be.true;
    expect(covered('p3-continuity', 'technique', [/investigation/i], [/investigation/i])).to.be
      .true;
    expect(covered('p3-continuity', 'metier', [/degraded mode/i], [/mode dégradé/i])).to.be.true;
    expect(covered('p4-recovery', 'technique', [/harden/i], [/durcissez/i])).to.be.true;
    expect(covered('p4-recovery', 'technique', [/rebuild/i], [/reconstru/i])).to.be.true;
    expect(covered('p5-exit', 'decideur', [/end the crisis/i], [/sortie de crise/i])).to.be.true;
    for (const pass of [/hot debrief/i, /warm debrief/i, /cold lessons/i]) {
      expect(covered('p5-exit', 'coordinateur', [pass], [/retour d’expérience/]), String(pass)).to
        .be.true;
    }
  });

  it('reads back through serializePlaybook and parsePlaybookJson unchanged', () => {
    const result = parsePlaybookJson(serializePlaybook(DEFAULT_PLAYBOOK));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.playbook).to.deep.equal(DEFAULT_PLAYBOOK);
  });
});
