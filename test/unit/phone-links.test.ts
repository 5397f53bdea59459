import { expect } from '@open-wc/testing';
import { emptyContact, type Contact, type Phone } from '../../src/domain/contact.js';
import {
  cellAlertRecipients,
  dialableNumber,
  emergencyTelUri,
  smsUri,
  telUri,
  textablePhone,
} from '../../src/domain/phone-links.js';

const person = (name: string, phones: Phone[], cellMember = true): Contact =>
  emptyContact({ id: name, displayName: name, phones, cellMember });

describe('phone links: only E.164 numbers dial', () => {
  it('refuses what is not a number, rather than dialling the digits it holds', () => {
    for (const text of [
      'javascript:alert(1)',
      '1',
      '17',
      'ISSI 2041337',
      'Canal 3',
      'O6 12 34 56 78', // a letter O
      '06 12 34 56 7',
      '06 12 34 56 78 9',
      '+33 6 12 34 56 78 90 12 3', // 16 digits: longer than E.164 allows
      '+0612345678',
      '0612345678#',
      '06 12 34 56 78 ext 12',
      '0044 20 7946 0958', // not E.164, and not the French national form
      '0033 6 12 34 56 78',
      '',
      '   ',
    ]) {
      expect(dialableNumber(text), text).to.equal(undefined);
      expect(telUri(text), text).to.equal(undefined);
      expect(smsUri([text], 'x', 'android'), text).to.equal(undefined);
      expect(smsUri([text], 'x', 'ios'), text).to.equal(undefined);
    }
  });

  it('dials E.164 numbers once their visual separators are gone', () => {
    const cases: [string, string][] = [
      ['+33 6 12 34 56 78', '+33612345678'],
      ['+33612345678', '+33612345678'],
      ['+33-6-12-34-56-78', '+33612345678'],
      ['+33 (0)1 23 45 67 89', '+33123456789'],
      ['+44 20 7946 0958', '+442079460958'],
      ['+881 6 3155 0000', '+881631550000'],
      ['\u00a0+33\u202f6\u00a012 34 56 78 ', '+33612345678'],
    ];
    for (const [text, e164] of cases) {
      expect(dialableNumber(text), text).to.equal(e164);
      expect(telUri(text), text).to.equal(`tel:${e164}`);
    }
  });

  it('reads the French national form that earlier versions stored as +33', () => {
    expect(dialableNumber('06 12 34 56 78')).to.equal('+33612345678');
    expect(dialableNumber('01.23.45.67.89')).to.equal('+33123456789');
    expect(dialableNumber('(01) 23-45-67-89')).to.equal('+33123456789');
    expect(telUri('07 81 22 33 44')).to.equal('tel:+33781223344');
    // Ten digits, but not one leading 0: not the national form.
    expect(dialableNumber('00 12 34 56 78')).to.equal(undefined);
    expect(dialableNumber('6123456789')).to.equal(undefined);
  });

  it('leaves undialable numbers out of an SMS to several people', () => {
    const uri = smsUri(
      ['javascript:alert(1)', '06 12 34 56 78', '1', '+44 20 7946 0958'],
      'Hi',
      'android',
    );
    expect(uri).to.equal('sms:+33612345678;+442079460958?body=Hi');
  });

  it('dials the short codes of the kit emergency numbers, and only those', () => {
    expect(emergencyTelUri('15')).to.equal('tel:15');
    expect(emergencyTelUri('112')).to.equal('tel:112');
    expect(emergencyTelUri('116 000')).to.equal('tel:116000');
    expect(emergencyTelUri('04 76 00 00 00')).to.equal('tel:+33476000000');
    expect(emergencyTelUri('1')).to.equal(undefined);
    expect(emergencyTelUri('javascript:alert(1)')).to.equal(undefined);
    expect(emergencyTelUri('17;ext=1')).to.equal(undefined);
  });

  it('texts a member on a dialable number, and shows an undialable one for what it is', () => {
    const bad: Phone = { kind: 'mobile', number: 'javascript:alert(1)' };
    const work: Phone = { kind: 'work', number: '+33476000000' };
    expect(textablePhone(person('A', [bad, work]))).to.deep.equal(work);
    expect(textablePhone(person('B', [bad]))).to.deep.equal(bad);
    // A radio call sign is no number to show as "not valid".
    expect(textablePhone(person('C', [{ kind: 'radio', number: 'Canal 3' }]))).to.equal(undefined);

    const { reachable, unreachable } = cellAlertRecipients([
      person('A', [bad, work]),
      person('B', [bad]),
      person('C', [{ kind: 'radio', number: 'Canal 3' }]),
      person('D', [{ kind: 'mobile', number: '+33612345678' }], false),
    ]);
    expect(reachable.map((r) => [r.contact.id, r.phone.number])).to.deep.equal([
      ['A', '+33476000000'],
    ]);
    expect(unreachable.map((c) => c.id)).to.deep.equal(['B', 'C']);
  });

  it('dials the overseas departments with their own country code, as earlier versions stored them', () => {
    expect(telUri('0262 12 34 56')).to.equal('tel:+262262123456');
    expect(telUri('0692 12 34 56')).to.equal('tel:+262692123456');
    expect(telUri('0590 12 34 56')).to.equal('tel:+590590123456');
    expect(telUri('0694 12 34 56')).to.equal('tel:+594694123456');
    expect(telUri('0696 12 34 56')).to.equal('tel:+596696123456');
    expect(telUri('04 76 00 00 01')).to.equal('tel:+33476000001');
  });
});
