import { expect } from '@open-wc/testing';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import {
  exportContactsCsv,
  TOCSIN_CSV_COLUMNS,
} from '../../src/domain/contact-files/csv-export.js';
import {
  columnRoleOf,
  isFormOfAddress,
  mapColumns,
} from '../../src/domain/contact-files/csv-headers.js';
import { importContactsCsv } from '../../src/domain/contact-files/csv-import.js';
import { readRows, type CsvRow } from '../../src/domain/contact-files/csv-rows.js';
import { decodeImportBytes } from '../../src/domain/contact-files/text-decoding.js';
import type { ImportOutcome, ImportResult } from '../../src/domain/contact-files/types.js';
import { generateDirectory } from '../fixtures/directory.js';

const NOW = new Date('2025-03-01T10:15:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// Windows-1252 bytes written out by hand for the letters French files use, so the test does not
// depend on any encoder agreeing with the decoder under test.
const WINDOWS_1252: Record<string, number> = {
  é: 0xe9,
  è: 0xe8,
  ç: 0xe7,
  à: 0xe0,
  œ: 0x9c,
  '€': 0x80,
};

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = WINDOWS_1252[char];
    if (byte === undefined) throw new Error(`no hand-written Windows-1252 byte for ${char}`);
    return byte;
  });
}

function imported(outcome: ImportOutcome): ImportResult {
  if (!outcome.ok) throw new Error(`expected an import, got the refusal ${outcome.code}`);
  return outcome;
}

function importCsvText(text: string): ImportResult {
  return imported(importContactsCsv(utf8(text), { now: NOW }));
}

function refusalOf(outcome: ImportOutcome): { code: string; error: string } {
  if (outcome.ok) throw new Error('expected the whole file to be refused');
  return { code: outcome.code, error: outcome.error };
}

function contact(fields: Partial<Contact>): Contact {
  return emptyContact({ updatedAt: NOW.toISOString(), ...fields });
}

/** What an import must give back for a contact: the same, made local and stamped now. */
function asReimported(original: Contact): Contact {
  return { ...original, origin: 'local', updatedAt: NOW.toISOString() };
}

describe('directory CSV: decoding', () => {
  it('strips a UTF-8 byte order mark and keeps the accents', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Prénom\nÉlodie\n')]);
    const decoded = decodeImportBytes(bytes);
    expect(decoded).to.deep.equal({ ok: true, text: 'Prénom\nÉlodie\n', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const decoded = decodeImportBytes(Uint8Array.from([0x43, 0x9c, 0x75, 0x72, 0x20, 0x80]));
    expect(decoded).to.deep.equal({ ok: true, text: 'Cœur €', encoding: 'windows-1252' });
  });

  it('refuses bytes with a NUL as not text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeImportBytes(png)).to.include({ ok: false, code: 'not-text' });
  });
});

describe('directory CSV: import', () => {
  it('reads an Outlook export with commas', () => {
    const csv = [
      'Title,First Name,Middle Name,Last Name,Company,Department,Job Title,Business Phone,Business Phone 2,Mobile Phone,Home Phone,Car Phone,Radio Phone,Other Phone,E-mail Address,E-mail 2 Address,E-mail 3 Address,Notes,Categories',
      'M.,Jean,Pierre,Martin,Ville de Saint-Martin,DGS,Directeur général des services,01 23 45 67 89,,06 11 22 33 44,,,,,jean.martin@example.fr,jp.martin@example.org,,"Astreinte, semaine paire",Cellule de crise;Élus',
      'Mrs.,Claire,,Dubois,Préfecture,SIDPC,Cheffe du SIDPC,,,+33 6 98 76 54 32,04 11 22 33 44,07 81 00 00 01,06 99 99 99 99,01 00 00 00 09,claire.dubois@example.gouv.fr,,,,',
    ].join('\r\n');
    const result = importCsvText(csv);
    expect(result.format).to.equal('csv');
    expect(result.encoding).to.equal('utf-8');
    expect(result.refused).to.deep.equal([]);
    expect(result.contacts).to.have.length(2);
    const [jean, claire] = result.contacts;
    expect(jean.id).to.match(UUID);
    expect(jean).to.deep.equal({
      id: jean.id,
      givenName: 'Jean Pierre',
      familyName: 'Martin',
      displayName: 'Jean Pierre Martin',
      organisation: 'Ville de Saint-Martin',
      service: 'DGS',
      jobTitle: 'Directeur général des services',
      roles: [],
      phones: [
        { kind: 'work', number: '+33123456789' },
        { kind: 'mobile', number: '+33611223344' },
      ],
      emails: ['jean.martin@example.fr', 'jp.martin@example.org'],
      notes: 'Astreinte, semaine paire',
      groups: ['Cellule de crise', 'Élus'],
      cellMember: true,
      origin: 'local',
      updatedAt: '2025-03-01T10:15:00.000Z',
    });
    expect(claire.displayName).to.equal('Claire Dubois');
    expect(claire.jobTitle).to.equal('Cheffe du SIDPC');
    expect(claire.phones).to.deep.equal([
      { kind: 'mobile', number: '+33698765432' },
      { kind: 'home', number: '+33411223344' },
      { kind: 'mobile', number: '+33781000001' },
      { kind: 'radio', number: '+33699999999' },
      { kind: 'work', number: '+33100000009' },
    ]);
    expect(claire.cellMember).to.equal(false);
    expect(claire.groups).to.deep.equal([]);
    expect(claire.id).to.not.equal(jean.id);
  });

  it('reads a French Excel export: semicolons, Windows-1252, French Outlook headers', () => {
    const csv = [
      'Titre;Prénom;Nom;Société;Service;Fonction;Téléphone mobile;Téléphone (bureau);Adresse de messagerie;Catégories;Notes',
      'Mme;Hélène;Lefèvre;Mairie de Saint-Martin;Sécurité civile;Chargée de mission;06 12 34 56 78;01 23 45 67 89;helene.lefevre@example.fr;Cellule de crise communale;"Budget : 2 000 € ; à vérifier"',
      'M.;François;Cœur;Mairie;Services techniques;Responsable voirie;06 00 00 00 02;;;;Garçon',
      '',
    ].join('\r\n');
    const result = imported(importContactsCsv(windows1252(csv), { now: NOW }));
    expect(result.encoding).to.equal('windows-1252');
    expect(result.refused).to.deep.equal([]);
    const [helene, francois] = result.contacts;
    expect(helene).to.deep.include({
      givenName: 'Hélène',
      familyName: 'Lefèvre',
      displayName: 'Hélène Lefèvre',
      organisation: 'Mairie de Saint-Martin',
      service: 'Sécurité civile',
      jobTitle: 'Chargée de mission',
      notes: 'Budget : 2 000 € ; à vérifier',
      groups: ['Cellule de crise communale'],
      cellMember: true,
      emails: ['helene.lefevre@example.fr'],
    });
    expect(helene.phones).to.deep.equal([
      { kind: 'mobile', number: '+33612345678' },
      { kind: 'work', number: '+33123456789' },
    ]);
    expect(francois).to.deep.include({
      givenName: 'François',
      familyName: 'Cœur',
      jobTitle: 'Responsable voirie',
      notes: 'Garçon',
      cellMember: false,
    });
  });

  it('reads UTF-8 with a byte order mark as UTF-8', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('Given name;Family name;Organisation\nÉlodie;Noël;Préfecture\n'),
    ]);
    const result = imported(importContactsCsv(bytes, { now: NOW }));
    expect(result.encoding).to.equal('utf-8');
    expect(result.contacts.map((c) => [c.givenName, c.familyName, c.organisation])).to.deep.equal([
      ['Élodie', 'Noël', 'Préfecture'],
    ]);
  });

  it('reads Google legacy headers, splitting " ::: " values', () => {
    const csv = [
      'Name,Given Name,Additional Name,Family Name,Nickname,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,Phone 3 - Value,Phone 4 - Type,Phone 4 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Organization 1 - Department,Notes',
      'Marc Petit (DSI),Marc,,Petit,,* myContacts ::: Crisis Cell,* Work,marc.petit@example.fr ::: marc@example.org,Mobile,06 10 10 10 10 ::: 07 70 20 20 20,Work,01 40 40 40 40,Home,04 50 50 50 50,Main,01 60 60 60 60,,Conseil départemental,Chef de service,DSI,',
    ].join('\n');
    const [marc] = importCsvText(csv).contacts;
    expect(marc).to.deep.include({
      givenName: 'Marc',
      familyName: 'Petit',
      displayName: 'Marc Petit (DSI)',
      organisation: 'Conseil départemental',
      jobTitle: 'Chef de service',
      service: 'DSI',
      groups: ['Crisis Cell'],
      cellMember: true,
    });
    expect(marc.emails).to.deep.equal(['marc.petit@example.fr', 'marc@example.org']);
    expect(marc.phones).to.deep.equal([
      { kind: 'mobile', number: '+33610101010' },
      { kind: 'mobile', number: '+33770202020' },
      { kind: 'work', number: '+33140404040' },
      { kind: 'home', number: '+33450505050' },
      { kind: 'work', number: '+33160606060' },
    ]);
  });

  it('reads Google current headers, multi-line notes, and counts lines across them', () => {
    const csv = [
      'First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Organization Name,Organization Title,Organization Department,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Notes',
      'Sophie,,Bernard,,,,Hôpital,Cadre de santé,Urgences,CELLULE DE CRISE ::: * starred,Work,sophie.bernard@example.fr,Mobile,+33 6 55 44 33 22 ::: +33 7 71 22 33 44,Home,04 90 00 00 00,"Ligne 1',
      'Ligne 2"',
      ',,,,,,,,,,,,,,,,Une note sans personne',
    ].join('\n');
    const result = importCsvText(csv);
    expect(result.contacts).to.have.length(1);
    expect(result.contacts[0]).to.deep.include({
      displayName: 'Sophie Bernard',
      organisation: 'Hôpital',
      jobTitle: 'Cadre de santé',
      service: 'Urgences',
      groups: ['CELLULE DE CRISE'],
      cellMember: true,
      notes: 'Ligne 1\nLigne 2',
    });
    expect(result.contacts[0].phones).to.deep.equal([
      { kind: 'mobile', number: '+33655443322' },
      { kind: 'mobile', number: '+33771223344' },
      { kind: 'home', number: '+33490000000' },
    ]);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 4, code: 'no-name' },
    ]);
  });

  it('reads tab-separated files and an Excel "sep=" line, keeping file line numbers', () => {
    const tabs = importCsvText('First Name\tLast Name\tMobile Phone\nAnne\tRoux\t06 01 01 01 01\n');
    expect(tabs.contacts[0]).to.deep.include({ displayName: 'Anne Roux' });
    expect(tabs.contacts[0].phones).to.deep.equal([{ kind: 'mobile', number: '+33601010101' }]);

    const hinted = importCsvText(
      'sep=;\r\nPrénom;Nom;Notes\r\nAnne;Roux, née Blanc;\r\n;;note\r\n',
    );
    expect(hinted.contacts.map((c) => c.familyName)).to.deep.equal(['Roux, née Blanc']);
    expect(hinted.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 4, code: 'no-name' },
    ]);
  });

  it('refuses lines without a name or with too many columns, with their file line numbers', () => {
    const wide = ['Eve', 'Roux', ...Array.from({ length: 598 }, () => 'x')].join(',');
    const csv = [
      'First Name,Last Name,Company',
      'Anne,Roux,Mairie',
      '',
      ',,Préfecture',
      wide,
      '   ,  ,  ',
      'Paul,,',
    ].join('\n');
    const result = importCsvText(csv);
    expect(result.contacts.map((c) => c.displayName)).to.deep.equal(['Anne Roux', 'Paul']);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 4, code: 'no-name' },
      { line: 5, code: 'too-many-columns' },
    ]);
    expect(result.refused[1].reason).to.contain('600');
    for (const refusal of result.refused) expect(refusal.reason).to.be.a('string').and.not.empty;
  });

  it('reads crisis roles by id or by French or English name, and every yes/no spelling', () => {
    const csv = [
      'Display name,Crisis roles,Cell member',
      'A,Décideur|main courante|LEGAL|technique|chef,yes',
      'B,METIER,oui',
      'C,,true',
      'D,,1',
      'E,,x',
      'F,,no',
      'G,,non',
      'H,,false',
      'I,,0',
      'J,,peut-être',
    ].join('\n');
    const result = importCsvText(csv);
    expect(result.contacts[0].roles).to.deep.equal([
      'decideur',
      'main_courante',
      'juridique',
      'technique',
    ]);
    expect(result.contacts[1].roles).to.deep.equal(['metier']);
    expect(result.contacts.map((c) => c.cellMember)).to.deep.equal([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(result.warnings.some((w) => w.includes('Line 2') && w.includes('"chef"'))).to.be.true;
    expect(result.warnings.some((w) => w.includes('Line 11') && w.includes('peut-être'))).to.be
      .true;
  });

  it('keeps HTML in names as the exact plain string', () => {
    const name = '<img src=x onerror=alert(1)>';
    const result = importCsvText(`Display name,Notes\n"${name}",<b>bold</b>\n`);
    expect(result.contacts[0].displayName).to.equal(name);
    expect(result.contacts[0].notes).to.equal('<b>bold</b>');
  });

  it('keeps the ids of the file and gives a new one to a repeated id', () => {
    const result = importCsvText('Display name,Id\nA,contact-1\nB,contact-1\nC,\n');
    const [a, b, c] = result.contacts;
    expect(a.id).to.equal('contact-1');
    expect(b.id).to.match(UUID);
    expect(c.id).to.match(UUID);
    expect(result.warnings.some((w) => w.includes('contact-1'))).to.be.true;
  });

  it('warns about columns with data that it does not import', () => {
    const result = importCsvText('First Name,Business Street,Fax\nAnne,1 rue Haute,\n');
    expect(result.warnings).to.deep.equal(['These columns were not imported: Business Street.']);
  });
});

describe('directory CSV: hostile and over-long values', () => {
  const HEADER = 'Display name,Mobile,Work phone,Radio,Emails,Notes';

  it('refuses a line whose number is not a number, with its line and the number, and imports the rest', () => {
    const csv = [
      HEADER,
      'Mallory,javascript:alert(1),,,,',
      'Eve,1,,,,',
      'Anne Roux,06 12 34 56 78,+44 20 7946 0958,Canal 3,,',
      'Ben,0044 20 7946 0958,+1 212 555 0100,,,',
      // A good name and one bad number: the whole line is refused, not imported without it.
      'Carl,06 12 34 56 78,07 00 00 00 01,,,',
      "Dora,'+33 6 98 76 54 32,,,,",
    ].join('\n');
    const result = importCsvText(csv);
    expect(result.contacts.map((c) => [c.displayName, c.phones])).to.deep.equal([
      [
        'Anne Roux',
        [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'work', number: '+442079460958' },
          { kind: 'radio', number: 'Canal 3' },
        ],
      ],
      [
        'Ben',
        [
          { kind: 'mobile', number: '+442079460958' },
          { kind: 'work', number: '+12125550100' },
        ],
      ],
      ['Dora', [{ kind: 'mobile', number: '+33698765432' }]],
    ]);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 2, code: 'bad-phone' },
      { line: 3, code: 'bad-phone' },
      { line: 6, code: 'bad-phone' },
    ]);
    expect(result.refused[0].reason).to.contain('mobile number "javascript:alert(1)"');
    expect(result.refused[1].reason).to.contain('mobile number "1"');
    expect(result.refused[2].reason).to.contain('work number "07 00 00 00 01"');
    // No stored number is anything but E.164 or a radio call sign.
    for (const phone of result.contacts.flatMap((c) => c.phones)) {
      expect(phone.kind === 'radio' || /^\+[1-9]\d{6,14}$/.test(phone.number), phone.number).to.be
        .true;
    }
  });

  it('refuses a line with a value over its bound, naming the field and the limit', () => {
    const longName = 'A'.repeat(5000);
    const csv = [
      HEADER,
      `${longName},06 12 34 56 78,,,,`,
      `${'B'.repeat(200)},,,,,`,
      `Notes,,,,,${'n'.repeat(4001)}`,
      `Mail,,,,${'m'.repeat(243)}@example.org,`,
      `Phones,${Array.from({ length: 21 }, (_, i) => `06 12 34 56 ${String(i).padStart(2, '0')}`).join('|')},,,,`,
      `Long number,${'0'.repeat(41)},,,,`,
      `Long radio,,,${'R'.repeat(41)},,`,
    ].join('\n');
    const result = importCsvText(csv);
    expect(result.contacts.map((c) => c.displayName)).to.deep.equal(['B'.repeat(200)]);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 2, code: 'too-long' },
      { line: 4, code: 'too-long' },
      { line: 5, code: 'too-long' },
      { line: 6, code: 'too-many-values' },
      { line: 7, code: 'too-long' },
      { line: 8, code: 'too-long' },
    ]);
    const reasons = result.refused.map((refusal) => refusal.reason);
    expect(reasons[0]).to.equal('Name longer than 200 characters: this line was not imported.');
    expect(reasons[1]).to.contain('Notes longer than 4,000 characters');
    expect(reasons[2]).to.contain('Email address longer than 254 characters');
    expect(reasons[3]).to.contain('More than 20 phone numbers');
    expect(reasons[4]).to.contain('Phone number longer than 40 characters');
    expect(reasons[5]).to.contain('Phone number longer than 40 characters');
    // The 5,000 characters are not repeated into the report.
    for (const reason of reasons) expect(reason.length).to.be.below(200);
  });
});

describe('directory CSV: the shipped and generated directories', () => {
  it('imports the demo directory and the tocsin-kit test directory whole', async () => {
    for (const path of ['/deploy/demo/annuaire.csv', '/test/cli/fixtures/cell.csv']) {
      const response = await fetch(path);
      expect(response.ok, path).to.be.true;
      const text = await response.text();
      const result = importCsvText(text);
      expect(result.refused, path).to.deep.equal([]);
      expect(result.contacts.length, path).to.equal(text.trim().split('\n').length - 1);
    }
  });

  it('imports a generated directory whole, every number in E.164', function () {
    this.timeout(30_000);
    const contacts = generateDirectory(5000, 1);
    const result = importCsvText(exportContactsCsv(contacts));
    expect(result.refused).to.deep.equal([]);
    expect(result.contacts).to.have.length(contacts.length);
    for (const phone of result.contacts.flatMap((contact) => contact.phones)) {
      if (phone.kind !== 'radio') expect(phone.number).to.match(/^\+[1-9]\d{6,14}$/);
    }
  });
});

describe('directory CSV: whole-file refusals', () => {
  it('refuses binary files', () => {
    const bytes = Uint8Array.from([...utf8('First Name,Last Name\n'), 0, 1, 2, 3]);
    expect(refusalOf(importContactsCsv(bytes)).code).to.equal('not-text');
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refusalOf(importContactsCsv(xlsx)).code).to.equal('not-text');
  });

  it('refuses a 21 MB file and says the limit', () => {
    const bytes = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const refusal = refusalOf(importContactsCsv(bytes));
    expect(refusal.code).to.equal('too-large');
    expect(refusal.error).to.contain('20 MB');
  });

  it('refuses a file whose quotes do not balance, importing nothing', () => {
    const csv =
      'First Name,Last Name,Notes\nAnne,Roux,ok\nJean,Martin,"open note\nClaire,Dubois,ok\n';
    const refusal = refusalOf(importContactsCsv(utf8(csv)));
    expect(refusal.code).to.equal('unbalanced-quotes');
    expect(refusal.error).to.contain('line 3');
  });

  it('refuses a file whose header has no known column', () => {
    expect(refusalOf(importContactsCsv(utf8('Foo,Bar\nAnne,Roux\n'))).code).to.equal(
      'no-known-columns',
    );
  });

  it('refuses an empty file', () => {
    expect(refusalOf(importContactsCsv(new Uint8Array())).code).to.equal('empty');
    expect(refusalOf(importContactsCsv(utf8('\r\n\r\n'))).code).to.equal('empty');
  });
});

describe('directory CSV: export', () => {
  const HEADER =
    'Given name,Family name,Display name,Organisation,Service,Job title,Crisis roles,Mobile,Work phone,Home phone,Satellite phone,Radio,Emails,Groups,Notes,Cell member,Id';

  it('writes a byte order mark, the header and CRLF line ends', () => {
    const csv = exportContactsCsv([
      contact({ id: 'id-1', givenName: 'Anne', familyName: 'Roux', displayName: 'Anne Roux' }),
    ]);
    expect(csv).to.equal(`\uFEFF${HEADER}\r\nAnne,Roux,Anne Roux,,,,,,,,,,,,,no,id-1\r\n`);
  });

  it('quotes with RFC 4180 rules', () => {
    const csv = exportContactsCsv([
      contact({ id: 'q', displayName: 'Dupont, "JD"', notes: 'a;b\nc' }),
    ]);
    expect(csv).to.contain(',"Dupont, ""JD""",');
    expect(csv).to.contain(',"a;b\nc",');
  });

  it('defuses formula cells but leaves phone numbers dialable', () => {
    const csv = exportContactsCsv([
      contact({
        id: 'f',
        displayName: '=HYPERLINK("http://evil.example","clic")',
        organisation: '@SUM(A1)',
        service: '-2+3',
        jobTitle: "+cmd|' /C calc'!A0",
        notes: '\t=1+1',
        groups: ['=2'],
        phones: [
          { kind: 'mobile', number: '+33 6 12 34 56 78' },
          { kind: 'work', number: '+33 (0)1 23 45 67 89' },
          { kind: 'home', number: '=1+2' },
          { kind: 'radio', number: '+A1' },
        ],
      }),
    ]);
    const line = csv.split('\r\n')[1];
    expect(line).to.equal(
      [
        '',
        '',
        '"\'=HYPERLINK(""http://evil.example"",""clic"")"',
        "'@SUM(A1)",
        "'-2+3",
        "'+cmd|' /C calc'!A0",
        '',
        '+33 6 12 34 56 78',
        '+33 (0)1 23 45 67 89',
        "'=1+2",
        '',
        "'+A1",
        '',
        "'=2",
        '"\'\t=1+1"',
        'no',
        'f',
      ].join(','),
    );
  });

  it('can write semicolons for French Excel', () => {
    const csv = exportContactsCsv([contact({ id: 'x', displayName: 'A;B' })], { delimiter: ';' });
    expect(csv.split('\r\n')[0]).to.equal(`\uFEFF${HEADER.replaceAll(',', ';')}`);
    expect(csv.split('\r\n')[1]).to.equal(';;"A;B";;;;;;;;;;;;;no;x');
  });

  it('reads its own export back to the same contacts, with either separator', () => {
    const originals = [
      contact({
        givenName: 'Hélène',
        familyName: 'Lefèvre-Cœur',
        displayName: 'Hélène Lefèvre-Cœur',
        organisation: 'Mairie de Saint-Martin',
        service: 'Sécurité civile',
        jobTitle: 'Chargée de mission',
        roles: ['communication', 'decideur', 'main_courante'],
        // As imports and the form store them: E.164, a radio call sign as written.
        phones: [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'mobile', number: '+33781000001' },
          { kind: 'work', number: '+33123456789' },
          { kind: 'home', number: '+33411223344' },
          { kind: 'satellite', number: '+881631550000' },
          { kind: 'radio', number: 'Canal 4 (ALPHA 2)' },
        ],
        emails: ['helene@example.fr', 'h.lefevre@example.org'],
        notes: 'Clés du PC : "armoire B", niveau -1\nAstreinte 1 semaine sur 2',
        groups: ['Cellule de crise', 'Élus; adjoints'],
        // Explicitly not a member despite the group: the Cell member column must win.
        cellMember: false,
        origin: 'kit',
        updatedAt: '2024-01-01T00:00:00.000Z',
      }),
      contact({ displayName: 'Standard préfecture', cellMember: true }),
      contact({
        id: 'kit-contact-7',
        displayName: '<img src=x onerror=alert(1)>',
        organisation: '@SUM(A1)',
        service: '-2+3',
        jobTitle: "'=already quoted",
        notes: '=HYPERLINK("http://evil.example")',
        phones: [{ kind: 'work', number: '+33123456789' }],
      }),
    ];
    for (const delimiter of [',', ';'] as const) {
      const csv = exportContactsCsv(originals, { delimiter });
      const result = imported(importContactsCsv(utf8(csv), { now: NOW }));
      expect(result.refused).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
      expect(result.contacts).to.deep.equal(originals.map(asReimported));
    }
  });
});

describe('directory CSV: header names', () => {
  it('knows every column of its own export', () => {
    for (const column of TOCSIN_CSV_COLUMNS) {
      expect(columnRoleOf(column), column).to.exist;
    }
    expect(columnRoleOf('Satellite phone')).to.deep.equal({ type: 'phone', kind: 'satellite' });
    expect(columnRoleOf('Cell member')).to.deep.equal({ type: 'cell-member' });
  });

  it('matches a header whatever its case, accents, spacing and punctuation', () => {
    const work = { type: 'phone', kind: 'work' };
    for (const header of ['Téléphone (bureau)', 'TELEPHONE BUREAU', ' telephone_(Bureau) ']) {
      expect(columnRoleOf(header), header).to.deep.equal(work);
    }
    expect(columnRoleOf('e-mail address')).to.deep.equal({ type: 'emails', separator: undefined });
    expect(columnRoleOf('Business Street')).to.equal(undefined);
    expect(columnRoleOf('')).to.equal(undefined);
  });

  it("reads Google's numbered columns and pairs each phone with its own label column", () => {
    const columns = mapColumns([
      'Phone 2 - Label',
      ' Fax ',
      'Phone 1 - Value',
      'Phone 2 - Value',
      'Phone 1 - Type',
      'Phone 3 - Value',
      'Organization 1 - Title',
      'E-mail 1 - Value',
    ]);
    expect(columns.map(({ role }) => role?.type)).to.deep.equal([
      'phone-label',
      undefined,
      'labelled-phone',
      'labelled-phone',
      'phone-label',
      'labelled-phone',
      'text',
      'emails',
    ]);
    expect(columns.map(({ labelIndex }) => labelIndex)).to.deep.equal([
      undefined,
      undefined,
      4,
      0,
      undefined,
      // No "Phone 3 - Type" or "- Label": the number's kind is left to the default.
      undefined,
      undefined,
      undefined,
    ]);
    expect(columns[1]).to.include({ index: 1, header: 'Fax' });
    expect(columns[6].role).to.deep.equal({ type: 'text', field: 'jobTitle' });
  });

  it('tells a form of address from a job title in a "Title" column', () => {
    for (const title of ['M.', 'Mme', 'MR', 'Dr.', 'maître', 'Professeur']) {
      expect(isFormOfAddress(title), title).to.equal(true);
    }
    for (const title of ['Directrice', 'Maire', 'DGS', '']) {
      expect(isFormOfAddress(title), title).to.equal(false);
    }
  });
});

describe('directory CSV: rows', () => {
  function rows(text: string): CsvRow[] {
    const read = readRows(text);
    if (!Array.isArray(read)) throw new Error(`expected rows, got the refusal ${read.code}`);
    return read;
  }

  it('numbers each row with the file line it starts on, across quoted line breaks', () => {
    const read = rows('Given name,Notes\r\nAnne,"two\r\nlines"\r\n\r\nPaul,"a\rb\nc"\nEve,x');
    expect(read).to.deep.equal([
      { line: 1, cells: ['Given name', 'Notes'] },
      { line: 2, cells: ['Anne', 'two\nlines'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['Paul', 'a\nb\nc'] },
      { line: 8, cells: ['Eve', 'x'] },
    ]);
  });

  it('takes the separator that gives known column names, else the one that splits most', () => {
    // A comma inside an unknown header must not win over the semicolons between known ones.
    expect(rows('Nom;Prénom;Société, site\nRoux;Anne;Mairie, DGS\n')[1].cells).to.deep.equal([
      'Roux',
      'Anne',
      'Mairie, DGS',
    ]);
    expect(rows('a\tb\tc,d\n')[0].cells).to.deep.equal(['a', 'b', 'c,d']);
  });

  it('follows an Excel "sep=" line, "|" included, keeping the line numbers of the file', () => {
    const read = rows('SEP=|\nFirst Name|Last Name\nAnne|Roux, née Blanc');
    expect(read).to.deep.equal([
      { line: 1, cells: [''] },
      { line: 2, cells: ['First Name', 'Last Name'] },
      { line: 3, cells: ['Anne', 'Roux, née Blanc'] },
    ]);
  });

  it('refuses the text at the line where a quote is left open', () => {
    const read = readRows('First Name,Notes\nAnne,ok\n\nJean,"open\nClaire,ok\n');
    expect(read).to.include({ ok: false, code: 'unbalanced-quotes' });
    expect(Array.isArray(read) ? '' : read.error).to.contain('line 4');
  });
});
