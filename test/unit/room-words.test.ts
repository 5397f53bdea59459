// The roll-call, the crisis room and a phone call must not share a word: a member in a hurry who
// taps "Appel" to join the call lands on the roll-call. In French the roll-call is "Présences",
// the room is the "salle", and "appel"/"Appeler" is only ever the phone; in English the room's
// texts speak of the room, and "Call" is only ever the phone.
import { expect } from '@open-wc/testing';
import { en } from '../../src/app/i18n/en.js';
import { fr } from '../../src/app/i18n/fr.js';
import { callEn } from '../../src/features/call/call.en.js';
import { callFr } from '../../src/features/call/call.fr.js';
import { rollcallEn } from '../../src/features/rollcall/rollcall.en.js';
import { rollcallFr } from '../../src/features/rollcall/rollcall.fr.js';

type Catalogue = Record<string, string | ((...args: never[]) => string)>;

/** Every message of a catalogue whose key passes `keep`, functions called with sample arguments. */
function texts(catalogue: Catalogue, keep: (key: string) => boolean): [string, string][] {
  return Object.entries(catalogue)
    .filter(([key]) => keep(key))
    .map(([key, message]) => [
      key,
      typeof message === 'string'
        ? message
        : (message as (...args: unknown[]) => string)(...Array(message.length).fill(2)),
    ]);
}

/** Whether a key is about phoning someone: the only place "appel" / "call" may appear. */
const isPhone = (key: string) => /^(call\.fallback\.|rollcall\.(call|callLabel)$)/.test(key);

describe('the words of the roll-call, the room and the phone', () => {
  it('name the roll-call "Présences" in French, in the tab and the page title', () => {
    expect(fr['nav.rollcall']).to.equal('Présences');
    expect(fr['rollcall.title']).to.equal('Présences');
    expect(fr['nav.room']).to.equal('Salle');
    expect(en['nav.rollcall']).to.equal('Roll-call');
    expect(en['nav.room']).to.equal('Room');
  });

  it('never say "appel" in French but for the phone', () => {
    const french = [
      ...texts(fr as unknown as Catalogue, (key) => /^(nav|rollcall|call|room)\./.test(key)),
      ...texts(callFr as unknown as Catalogue, (key) => !isPhone(key)),
      ...texts(rollcallFr as unknown as Catalogue, (key) => !isPhone(key)),
    ];
    expect(french.length).to.be.greaterThan(100);
    const misread = french.filter(([, text]) => /\bappel(?!er\b|ez\b)/i.test(text));
    expect(misread).to.deep.equal([]);
  });

  it('never say "call" in the room’s English texts but for the phone', () => {
    const english = [
      ...texts(en as unknown as Catalogue, (key) => /^(nav|call|room)\./.test(key)),
      ...texts(callEn as unknown as Catalogue, (key) => !isPhone(key)),
    ];
    expect(english.length).to.be.greaterThan(80);
    const misread = english.filter(([, text]) => /(?<!roll-)\bcalls?\b/i.test(text));
    expect(misread).to.deep.equal([]);
  });

  it('keep "Appeler" / "Call" for the phone', () => {
    expect(callFr['call.fallback.call']).to.equal('Appeler');
    expect(rollcallFr['rollcall.call']).to.equal('Appeler');
    expect(callEn['call.fallback.call']).to.equal('Call');
    expect(rollcallEn['rollcall.call']).to.equal('Call');
  });
});
