import { expect } from '@open-wc/testing';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import type { ImportOutcome, ImportResult } from '../../src/domain/contact-files/types.js';
import {
  exportContactsVcard,
  importContactsVcard,
  parseVcards,
} from '../../src/domain/contact-files/vcard.js';
import { readCards } from '../../src/domain/contact-files/vcard-tokenizer.js';
import {
  components,
  escapeText,
  textList,
  unescapeText,
} from '../../src/domain/contact-files/vcard-values.js';

const NOW = new Date('2025-03-01T10:15:00.000Z');

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function imported(outcome: ImportOutcome): ImportResult {
  if (!outcome.ok) throw new Error(`expected an import, got the refusal ${outcome.code}`);
  return outcome;
}

function importVcardText(text: string): ImportResult {
  return imported(importContactsVcard(utf8(text), { now: NOW }));
}

function contact(fields: Partial<Contact>): Contact {
  return emptyContact({ updatedAt: NOW.toISOString(), ...fields });
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

describe('directory vCard: import', () => {
  it('reads a vCard 3.0 with folding, groups, Apple labels and escaped commas and semicolons', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      'N:Durand;Anne-Sophie;Marie;Dr;',
      'FN:Dr Anne-Sophie Durand',
      'ORG:Centre hospitalier\\, site nord;Direction\\; qualité;',
      'TITLE:Directrice des soins',
      'item1.TEL;type=CELL;type=VOICE;type=pref:06 12 34 56 78',
      'item2.TEL;type=pref:+882 16 1234 5678',
      'item2.X-ABLabel:Satellite',
      'item3.TEL:06 70 00 00 00',
      'item3.X-ABLabel:_$!<Mobile>!$_',
      'TEL;TYPE=WORK,VOICE:01 23 45 67 89',
      'TEL;TYPE=HOME:04 11 22 33 44',
      'TEL;TYPE=PAGER:06 99 00 00 00',
      'item4.EMAIL;type=INTERNET;type=pref:anne-sophie.durand@example.fr',
      // Folded twice, once between a backslash and the comma it escapes.
      'NOTE:Astreinte les week-ends\\',
      ' , joignable\\nde 8h à 2',
      ' 0h\\; clé au poste',
      'CATEGORIES:Cellule de crise,Santé',
      'UID:8b4a1c7e-0f3d-4c2b-9a1e-5d6f7a8b9c0d',
      'END:VCARD',
      '',
    ].join('\r\n');
    const result = importVcardText(vcf);
    expect(result.format).to.equal('vcard');
    expect(result.refused).to.deep.equal([]);
    expect(result.contacts).to.deep.equal([
      {
        id: '8b4a1c7e-0f3d-4c2b-9a1e-5d6f7a8b9c0d',
        givenName: 'Anne-Sophie Marie',
        familyName: 'Durand',
        displayName: 'Dr Anne-Sophie Durand',
        organisation: 'Centre hospitalier, site nord',
        service: 'Direction; qualité',
        jobTitle: 'Directrice des soins',
        roles: [],
        phones: [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'satellite', number: '+8821612345678' },
          { kind: 'mobile', number: '+33670000000' },
          { kind: 'work', number: '+33123456789' },
          { kind: 'home', number: '+33411223344' },
          { kind: 'radio', number: '+33699000000' },
        ],
        emails: ['anne-sophie.durand@example.fr'],
        notes: 'Astreinte les week-ends, joignable\nde 8h à 20h; clé au poste',
        groups: ['Cellule de crise', 'Santé'],
        cellMember: true,
        origin: 'local',
        updatedAt: '2025-03-01T10:15:00.000Z',
      },
    ]);
  });

  it('reads a vCard 4.0 with tel: URIs, quoted TYPE, tab folding and the X-TOCSIN extensions', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:urn:uuid:3f2b8c1d-6e4a-4f7b-8c9d-0a1b2c3d4e5f',
      'FN:Karim Benali',
      'N:Benali;Karim;;;',
      'ORG:Ville de Saint-Martin;Communica',
      '\ttion',
      'ROLE:Chargé de communication',
      'ROLE:Communication',
      'TEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+33-6-12-34-56-78',
      'TEL;VALUE=uri;type=work:tel:+33123456789',
      'TEL;TYPE=x-radio:Canal 4 - indicatif ALPHA 2',
      'TEL;TYPE=X-SATELLITE:+881631550000',
      'EMAIL;TYPE=work:karim.benali@example.fr',
      'X-TOCSIN-CELL-MEMBER:true',
      'X-TOCSIN-ROLES:technique,communication,inconnu',
      'END:VCARD',
    ].join('\n');
    const result = importVcardText(vcf);
    const [karim] = result.contacts;
    expect(karim).to.deep.include({
      id: '3f2b8c1d-6e4a-4f7b-8c9d-0a1b2c3d4e5f',
      displayName: 'Karim Benali',
      organisation: 'Ville de Saint-Martin',
      service: 'Communication',
      cellMember: true,
      groups: [],
    });
    expect(karim.roles).to.deep.equal(['communication', 'technique']);
    expect(karim.phones).to.deep.equal([
      { kind: 'mobile', number: '+33612345678' },
      { kind: 'work', number: '+33123456789' },
      { kind: 'radio', number: 'Canal 4 - indicatif ALPHA 2' },
      { kind: 'satellite', number: '+881631550000' },
    ]);
    expect(result.warnings).to.have.length(1);
    expect(result.warnings[0]).to.contain('"inconnu"');
  });

  it('reads an Outlook vCard 2.1 with quoted-printable UTF-8 and Windows-1252, and bare types', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;LANGUAGE=fr;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:L=C3=A9vesque;Fran=C3=A7oise',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Fran=C3=A7oise L=C3=A9vesque',
      'ORG:Préfecture du Rhône;SIDPC',
      'TITLE;CHARSET=Windows-1252;QUOTED-PRINTABLE:Charg=E9e de mission =80',
      'TEL;WORK;VOICE:04 72 00 00 00',
      'TEL;CELL;VOICE:06 01 02 03 04',
      'TEL;HOME:04 78 00 00 00',
      'EMAIL;PREF;INTERNET:francoise.levesque@example.gouv.fr',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Premi=C3=A8re ligne=0D=0ADeuxi=C3=A8me ligne tr=C3=A8s lon=',
      'gue qui continue=',
      ' ici',
      'END:VCARD',
    ].join('\r\n');
    const [francoise] = importVcardText(vcf).contacts;
    expect(francoise).to.deep.include({
      givenName: 'Françoise',
      familyName: 'Lévesque',
      displayName: 'Françoise Lévesque',
      organisation: 'Préfecture du Rhône',
      service: 'SIDPC',
      jobTitle: 'Chargée de mission €',
      notes: 'Première ligne\nDeuxième ligne très longue qui continue ici',
    });
    expect(francoise.phones).to.deep.equal([
      { kind: 'work', number: '+33472000000' },
      { kind: 'mobile', number: '+33601020304' },
      { kind: 'home', number: '+33478000000' },
    ]);
    expect(francoise.emails).to.deep.equal(['francoise.levesque@example.gouv.fr']);
  });

  it('refuses unpaired and nameless cards with the line where they start', () => {
    const vcf = [
      'BEGIN:VCARD', // 1: never ended
      'VERSION:4.0',
      'FN:Sans fin',
      'BEGIN:VCARD', // 4: no FN and no N
      'VERSION:4.0',
      'NOTE:personne',
      'END:VCARD',
      'END:VCARD', // 8: an END without BEGIN
      'BEGIN:VCARD', // 9: fine
      'FN:Valide',
      'END:VCARD',
      'BEGIN:VCARD', // 12: the file ends first
      'FN:Coupée',
    ].join('\r\n');
    const result = importVcardText(vcf);
    expect(result.contacts.map((c) => c.displayName)).to.deep.equal(['Valide']);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 1, code: 'unpaired-card' },
      { line: 4, code: 'no-name' },
      { line: 8, code: 'unpaired-card' },
      { line: 12, code: 'unpaired-card' },
    ]);
  });

  it('accepts a card with only N, deriving the display name', () => {
    const result = parseVcards('BEGIN:VCARD\nVERSION:3.0\nN:Roux;Anne;;;\nEND:VCARD\n', {
      now: NOW,
    });
    expect(result.contacts[0]).to.deep.include({ displayName: 'Anne Roux', givenName: 'Anne' });
  });

  it('keeps HTML in names as the exact plain string', () => {
    const [card] = importVcardText(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:<img src=x onerror=alert(1)>\r\nEND:VCARD\r\n',
    ).contacts;
    expect(card.displayName).to.equal('<img src=x onerror=alert(1)>');
  });

  it('refuses a file without any card, a binary file and a 21 MB file', () => {
    for (const text of ['', 'nothing to see\r\n']) {
      const outcome = importContactsVcard(utf8(text));
      expect(outcome).to.include({ ok: false, code: 'empty' });
    }
    const binary = Uint8Array.from([...utf8('BEGIN:VCARD\r\nPHOTO:'), 0, 0, 0xff]);
    expect(importContactsVcard(binary)).to.include({ ok: false, code: 'not-text' });
    const huge = new Uint8Array(21 * 1024 * 1024).fill(0x20);
    expect(importContactsVcard(huge)).to.include({ ok: false, code: 'too-large' });
  });
});

describe('directory vCard: hostile and over-long values', () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'];

  it('refuses a card whose number is not a number or whose name is too long, and reads the rest', () => {
    const vcf = [
      ...card('FN:Mallory', 'TEL;TYPE=cell:javascript:alert(1)'), // lines 1-5
      ...card(`FN:${'A'.repeat(5000)}`, 'TEL;TYPE=cell:06 12 34 56 78'), // lines 6-10
      ...card(
        'FN:Anne Roux',
        'TEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0958',
        'TEL;TYPE=work:0044 20 7946 0958',
        'TEL;TYPE=home:+1 212 555 0100',
        'TEL;TYPE=x-radio:ISSI 2041337',
      ), // lines 11-18
      ...card('FN:Eve', 'TEL;VALUE=uri;TYPE=work:tel:+33612345678;ext=12'), // lines 19-23
      ...card('FN:Carl', 'TEL;TYPE=cell:06 12 34 56 78', 'TEL;TYPE=work:1'), // lines 24-29
    ].join('\r\n');
    const result = importVcardText(vcf);
    expect(result.contacts.map((c) => [c.displayName, c.phones])).to.deep.equal([
      [
        'Anne Roux',
        [
          { kind: 'mobile', number: '+442079460958' },
          { kind: 'work', number: '+442079460958' },
          { kind: 'home', number: '+12125550100' },
          { kind: 'radio', number: 'ISSI 2041337' },
        ],
      ],
    ]);
    expect(result.refused.map(({ line, code }) => ({ line, code }))).to.deep.equal([
      { line: 1, code: 'bad-phone' },
      { line: 6, code: 'too-long' },
      { line: 19, code: 'bad-phone' },
      { line: 24, code: 'bad-phone' },
    ]);
    expect(result.refused[0].reason).to.equal(
      'The mobile number "javascript:alert(1)" is not a phone number (only digits, spaces, dots, dashes, parentheses and a leading + are read): this card was not imported.',
    );
    expect(result.refused[1].reason).to.equal(
      'Name longer than 200 characters: this card was not imported.',
    );
    expect(result.refused[3].reason).to.contain('work number "1"');
  });
});

describe('directory vCard: export', () => {
  it('writes vCard 4.0 with CRLF, escaping, a urn:uuid UID and tel: only for global numbers', () => {
    const vcf = exportContactsVcard([
      contact({
        id: '0b0e4c55-1d3f-4a7e-9c11-2f3e4d5a6b7c',
        givenName: 'Jean',
        familyName: 'Dupont',
        displayName: 'Dupont, Jean; "JD" \\ DGS',
        organisation: 'Ville de Saint-Martin',
        service: 'DGS',
        roles: ['decideur'],
        phones: [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'work', number: '+33 1 23 45 67 89' },
          { kind: 'radio', number: 'Canal 4' },
        ],
        groups: ['Élus, majorité', 'Cellule de crise'],
        cellMember: true,
      }),
    ]);
    expect(vcf).to.equal(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:0b0e4c55-1d3f-4a7e-9c11-2f3e4d5a6b7c',
        'FN:Dupont\\, Jean\\; "JD" \\\\ DGS',
        'N:Dupont;Jean;;;',
        'ORG:Ville de Saint-Martin;DGS',
        'ROLE:Décideur',
        'TEL;VALUE=uri;TYPE=cell:tel:+33612345678',
        'TEL;VALUE=text;TYPE=work,voice:+33 1 23 45 67 89',
        'TEL;VALUE=text;TYPE=x-radio:Canal 4',
        'CATEGORIES:Élus\\, majorité,Cellule de crise',
        'X-TOCSIN-ROLES:decideur',
        'X-TOCSIN-CELL-MEMBER:true',
        'REV:20250301T101500Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('folds at 75 octets without cutting a UTF-8 sequence', () => {
    const vcf = exportContactsVcard([
      contact({ id: 'n', displayName: 'A', notes: 'é'.repeat(40) }),
    ]);
    expect(vcf).to.contain(`\r\nNOTE:${'é'.repeat(35)}\r\n ${'é'.repeat(5)}\r\n`);
  });

  it('reads its own export back to the same contacts, accents and a long note included', () => {
    const longNote = Array.from(
      'Évacuer la salle 🚨 puis prévenir la préfecture (coût ≈ 1 200 €); clés: "armoire B", niveau -1\\2. '.repeat(
        3,
      ),
    )
      .slice(0, 200)
      .join('')
      .trim();
    expect(Array.from(longNote).length).to.be.at.least(199);
    const originals = [
      contact({
        givenName: 'Hélène-Éléonore',
        familyName: 'Lefèvre-Saint-Étienne de la Cœurçonnière',
        displayName: 'Hélène-Éléonore Lefèvre-Saint-Étienne de la Cœurçonnière',
        organisation: 'Mairie de Saint-Martin-d’Hères',
        service: 'Sécurité civile; risques majeurs',
        jobTitle: 'Chargée de mission, astreinte',
        roles: ['main_courante', 'communication', 'decideur'],
        // As imports and the form store them: E.164, a radio call sign as written.
        phones: [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'mobile', number: '+33781223344' },
          { kind: 'work', number: '+33123456789' },
          { kind: 'home', number: '+33411223344' },
          { kind: 'satellite', number: '+881631550000' },
          { kind: 'radio', number: 'Canal 4, ALPHA 2' },
        ],
        emails: ['helene@example.fr', 'h.lefevre@example.org'],
        notes: `${longNote}\nSeconde ligne`,
        groups: ['Cellule de crise', 'Élus, majorité'],
        // Explicitly not a member despite the group: X-TOCSIN-CELL-MEMBER must win.
        cellMember: false,
        origin: 'kit',
        updatedAt: '2024-01-01T00:00:00.000Z',
      }),
      contact({
        id: 'kit:contact/7',
        displayName: '<img src=x onerror=alert(1)>',
        cellMember: true,
      }),
      contact({ givenName: 'Anne', familyName: 'Roux', displayName: 'Anne Roux' }),
    ];
    const vcf = exportContactsVcard(originals);

    const physicalLines = vcf.split('\r\n');
    expect(physicalLines.pop()).to.equal('');
    expect(physicalLines.some((line) => /[\r\n]/.test(line))).to.equal(false);
    expect(physicalLines.some((line) => line.startsWith(' '))).to.equal(true);
    for (const line of physicalLines) {
      expect(octets(line)).to.be.at.most(75);
      // A lone surrogate would mean a character was cut in two; TextEncoder would replace it.
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)).to
        .be.false;
    }
    expect(vcf).to.contain('UID;VALUE=text:kit:contact/7');

    const result = imported(importContactsVcard(utf8(vcf), { now: NOW }));
    expect(result.refused).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.contacts).to.deep.equal(
      originals.map((original) => ({
        ...original,
        origin: 'local',
        updatedAt: NOW.toISOString(),
      })),
    );
  });
});

describe('directory vCard: tokenizer', () => {
  it('reads quoted parameter values that hold ":", ";" and ",", and bare vCard 2.1 words', () => {
    const { cards } = readCards(
      [
        'BEGIN:VCARD',
        'item1.tel;X-Label="Astreinte: nuit; week-end, fériés";TYPE="CELL,Voice";type=pref:06 12',
        'TEL;WORK;QUOTED-PRINTABLE;CHARSET=windows-1252:01 =80',
        'END:VCARD',
      ].join('\r\n'),
    );
    const [grouped, bare] = cards[0].properties;
    expect(grouped).to.deep.include({ line: 2, group: 'item1', name: 'TEL', value: '06 12' });
    expect([...grouped.params]).to.deep.equal([
      ['X-LABEL', ['Astreinte: nuit; week-end, fériés']],
      ['TYPE', ['cell', 'voice', 'pref']],
    ]);
    expect(bare).to.deep.include({ line: 3, group: '', name: 'TEL', value: '01 €' });
    expect(bare.params.get('TYPE')).to.deep.equal(['work']);
    expect(bare.params.get('ENCODING')).to.deep.equal(['QUOTED-PRINTABLE']);
  });

  it('keeps the file line where each card and property starts, across folded lines', () => {
    const { cards, refused, strayLines } = readCards(
      [
        'exported by a phone', // 1: stray
        '',
        'BEGIN:VCARD', // 3
        'FN:An', // 4, folded twice
        ' ne',
        '\tMarie',
        'a line that is no property', // 7: inside a card, skipped unread
        'NOTE:x', // 8
        'END:VCARD',
        'trailer', // 10: stray
        '',
      ].join('\n'),
    );
    expect(refused).to.deep.equal([]);
    expect(strayLines).to.equal(2);
    expect(cards).to.have.length(1);
    expect(cards[0].line).to.equal(3);
    expect(
      cards[0].properties.map(({ line, name, value }) => ({ line, name, value })),
    ).to.deep.equal([
      { line: 4, name: 'FN', value: 'AnneMarie' },
      { line: 8, name: 'NOTE', value: 'x' },
    ]);
  });

  it('says how many lines outside any card it ignored', () => {
    const result = parseVcards('junk\nBEGIN:VCARD\nFN:Anne\nEND:VCARD\nmore junk\n', { now: NOW });
    expect(result.contacts.map((c) => c.displayName)).to.deep.equal(['Anne']);
    expect(result.warnings).to.deep.equal([
      '2 line(s) outside any BEGIN:VCARD … END:VCARD were ignored.',
    ]);
  });
});

describe('directory vCard: text values', () => {
  it('unescapes what it escapes, line breaks made "\\n"', () => {
    for (const value of ['a,b;c', 'C:\\dossier\\n', 'ligne 1\nligne 2', 'plain', '']) {
      expect(unescapeText(escapeText(value)), value).to.equal(value);
    }
    expect(escapeText('a\r\nb\rc')).to.equal('a\\nb\\nc');
  });

  it('reads "\\n" and "\\N" as line breaks but not an escaped backslash before an n', () => {
    expect(unescapeText('a\\Nb\\nc\\\\n\\,\\;')).to.equal('a\nb\nc\\n,;');
  });

  it('splits lists and structured values on unescaped separators only', () => {
    expect(textList('Cellule de crise, Élus\\, adjoints,,Santé\\;')).to.deep.equal([
      'Cellule de crise',
      'Élus, adjoints',
      'Santé;',
    ]);
    expect(components('Durand;Anne\\, Marie,Sophie;;')).to.deep.equal([
      'Durand',
      'Anne, Marie Sophie',
      '',
      '',
    ]);
    expect(components(escapeText('Mairie; annexe') + ';DGS')).to.deep.equal([
      'Mairie; annexe',
      'DGS',
    ]);
  });
});
