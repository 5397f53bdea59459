import { expect } from '@open-wc/testing';
import { describePhoneProblem, formatPhone, parsePhone } from '../../src/domain/phone-number.js';

describe('phone numbers: parsePhone', () => {
  it('reads French numbers however they are written, into E.164', () => {
    for (const text of [
      '06 12 34 56 78',
      '0612345678',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '(+33) 6 12 34 56 78',
      '0033 6 12 34 56 78',
      '0033612345678',
      ' ０６ １２ ３４ ５６ ７８ ', // full-width digits, as some phones paste them
    ]) {
      expect(parsePhone(text), text).to.deep.equal({ ok: true, e164: '+33612345678' });
    }
    expect(parsePhone('01 99 00 12 34')).to.deep.equal({ ok: true, e164: '+33199001234' });
  });

  it('keeps international numbers in their own country', () => {
    expect(parsePhone('+44 20 7946 0958')).to.deep.equal({ ok: true, e164: '+442079460958' });
    expect(parsePhone('0044 20 7946 0958')).to.deep.equal({ ok: true, e164: '+442079460958' });
    expect(parsePhone('+1 212 555 0100')).to.deep.equal({ ok: true, e164: '+12125550100' });
    expect(parsePhone('+881 6 3155 0000')).to.deep.equal({ ok: true, e164: '+881631550000' });
  });

  it('reads overseas departments written the national way in their own country code', () => {
    expect(parsePhone('0262 12 34 56')).to.deep.equal({ ok: true, e164: '+262262123456' });
    expect(parsePhone('0590 12 34 56')).to.deep.equal({ ok: true, e164: '+590590123456' });
  });

  it('refuses hostile and malformed text, never keeping the digits it holds', () => {
    const cases: [string, string][] = [
      ['javascript:alert(1)', 'not-a-number'],
      ['tel:+33612345678', 'not-a-number'],
      ['06 12 34 56 78<script>', 'not-a-number'],
      ['06 12 34 56 78 ext 12', 'not-a-number'],
      ['0612345678#12', 'not-a-number'],
      ['+33 6 12+34 56 78', 'not-a-number'],
      ['O6 12 34 56 78', 'not-a-number'],
      ['1', 'invalid'],
      ['17', 'invalid'],
      ['06 12 34 56 7', 'invalid'],
      ['06 12 34 56 78 9', 'invalid'],
      // Well formed, but in ranges no operator has: only the `max` metadata knows.
      ['07 00 00 00 01', 'invalid'],
      ['+33 6 39 98 12 34', 'invalid'],
      ['', 'empty'],
      ['   ', 'empty'],
      ['0'.repeat(41), 'too-long'],
    ];
    for (const [text, reason] of cases) {
      expect(parsePhone(text), text).to.deep.equal({ ok: false, reason });
    }
  });

  it('says why in English for the import report', () => {
    expect(describePhoneProblem('invalid')).to.contain('not a valid phone number');
    expect(describePhoneProblem('too-long')).to.contain('40');
  });
});

describe('phone numbers: formatPhone', () => {
  it('shows French numbers the national way and the others the international way', () => {
    expect(formatPhone('+33612345678')).to.equal('06 12 34 56 78');
    expect(formatPhone('+33800123456')).to.equal('0 800 12 34 56');
    expect(formatPhone('+262262123456')).to.equal('0262 12 34 56');
    expect(formatPhone('+442079460958')).to.equal('+44 20 7946 0958');
    expect(formatPhone('+12125550100')).to.equal('+1 212 555 0100');
  });

  it('shows what is not a valid number as it was written', () => {
    expect(formatPhone('Canal 3')).to.equal('Canal 3');
    expect(formatPhone('javascript:alert(1)')).to.equal('javascript:alert(1)');
    // Kept as written by an earlier version: shown the way it is now stored.
    expect(formatPhone('0033 6 12 34 56 78')).to.equal('06 12 34 56 78');
  });
});
