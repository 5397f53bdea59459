import { expect } from '@open-wc/testing';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import {
  cellAlertRecipients,
  detectSmsPlatform,
  dialableNumber,
  smsUri,
  telUri,
} from '../../src/domain/phone-links.js';

const person = (name: string, overrides: Partial<Contact>): Contact =>
  emptyContact({ id: name, givenName: name, displayName: name, ...overrides });

describe('SMS and call links', () => {
  it('keeps only what a phone dials, in E.164', () => {
    expect(dialableNumber(' +33 6 12.34-56 78 ')).to.equal('+33612345678');
    expect(dialableNumber('06 12 34 56 78')).to.equal('+33612345678');
    expect(telUri('(01) 23 45 67 89')).to.equal('tel:+33123456789');
  });

  it('writes the multi-recipient link each platform reads', () => {
    const numbers = ['06 12 34 56 78', '+33 7 00 00 00 01', '0612345678'];
    const body = 'Cellule de crise : réunion 14 h & salle B ?';
    expect(smsUri(numbers, body, 'android')).to.equal(
      `sms:+33612345678;+33700000001?body=${encodeURIComponent(body)}`,
    );
    expect(smsUri(numbers, body, 'ios')).to.equal(
      `sms:/open?addresses=+33612345678,+33700000001&body=${encodeURIComponent(body)}`,
    );
    expect(smsUri(['06 12 34 56 78'], 'x', 'ios')).to.equal('sms:+33612345678&body=x');
    // The message survives the round trip through the link intact.
    const decoded = decodeURIComponent(smsUri(numbers, body, 'android')!.split('body=')[1]);
    expect(decoded).to.equal(body);
  });

  it('tells iPhone and iPad from Android', () => {
    expect(detectSmsPlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).to.equal(
      'ios',
    );
    expect(detectSmsPlatform('Mozilla/5.0 (Linux; Android 14; Pixel 8)')).to.equal('android');
  });

  it('alerts cell members on their mobile, and lists those it cannot reach', () => {
    const { reachable, unreachable } = cellAlertRecipients([
      person('Maire', {
        cellMember: true,
        phones: [
          { kind: 'work', number: '01 23 45 67 89' },
          { kind: 'mobile', number: '06 11 11 11 11' },
        ],
      }),
      person('DGS', { cellMember: true, phones: [{ kind: 'work', number: '01 00 00 00 00' }] }),
      person('Sans numéro', { cellMember: true }),
      person('Pas membre', { phones: [{ kind: 'mobile', number: '06 99 99 99 99' }] }),
    ]);
    expect(reachable.map((r) => [r.contact.id, r.phone.number])).to.deep.equal([
      ['Maire', '06 11 11 11 11'],
      ['DGS', '01 00 00 00 00'],
    ]);
    expect(unreachable.map((c) => c.id)).to.deep.equal(['Sans numéro']);
  });
});
