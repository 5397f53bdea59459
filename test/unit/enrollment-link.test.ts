import { expect } from '@open-wc/testing';
import {
  captureEnrollmentLink,
  readEnrollmentLink,
  takeEnrollmentLink,
} from '../../src/features/kit/enrollment-link.js';

const KEY = 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8';

describe('enrollment links', () => {
  let original: string;
  beforeEach(() => {
    original = window.location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', original);
    takeEnrollmentLink();
  });

  it('reads a whole link, a fragment, and nothing from other routes', () => {
    const kit = 'https://crise.example/kits/marie.tocsin';
    const link = `https://crise.example/#/enroll?kit=${encodeURIComponent(kit)}&k=${KEY}`;
    expect(readEnrollmentLink(link)).to.deep.equal({ kitUrl: kit, kitKey: KEY });
    expect(readEnrollmentLink(`#/enroll?k=${KEY}`)).to.deep.equal({ kitKey: KEY });
    expect(readEnrollmentLink('#/enroll')).to.equal(undefined);
    expect(readEnrollmentLink(`#/directory?k=${KEY}`)).to.equal(undefined);
    expect(readEnrollmentLink(`#/enrollment?k=${KEY}`)).to.equal(undefined);
  });

  it('takes the key out of the address bar and the history entry, and hands it over once', () => {
    const before = history.length;
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#/enroll?kit=%2Fk.tocsin&k=${KEY}`,
    );
    captureEnrollmentLink();
    expect(location.hash).to.equal('#/enroll');
    expect(location.href).not.to.contain(KEY);
    expect(history.length).to.equal(before);
    expect(takeEnrollmentLink()).to.deep.equal({ kitUrl: '/k.tocsin', kitKey: KEY });
    expect(takeEnrollmentLink()).to.equal(undefined);
  });

  it('leaves other addresses alone', () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#/directory?q=mairie`);
    captureEnrollmentLink();
    expect(location.hash).to.equal('#/directory?q=mairie');
    expect(takeEnrollmentLink()).to.equal(undefined);
  });
});
