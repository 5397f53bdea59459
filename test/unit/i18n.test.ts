import { expect } from '@open-wc/testing';
import { en as shellEn } from '../../src/app/i18n/en.js';
import { fr as shellFr } from '../../src/app/i18n/fr.js';
import { t as pageT } from '../../src/app/i18n/page-messages.js';
import { pagesEn } from '../../src/app/i18n/pages.en.js';
import { pagesFr } from '../../src/app/i18n/pages.fr.js';
import {
  currentLocale,
  formatBytes,
  localeFromLanguages,
  resolveLocale,
  setLocale,
  t,
} from '../../src/app/i18n/i18n.js';

// Every message of the app: the shell's and the lazy pages'.
const en = { ...shellEn, ...pagesEn };
const fr = { ...shellFr, ...pagesFr };

describe('i18n', () => {
  afterEach(() => setLocale('en'));

  it('speaks French to any fr* browser language and English to everything else', () => {
    expect(localeFromLanguages(['fr-FR', 'en-US'])).to.equal('fr');
    expect(localeFromLanguages(['fr'])).to.equal('fr');
    expect(localeFromLanguages(['FR-be'])).to.equal('fr');
    expect(localeFromLanguages(['fr-CA'])).to.equal('fr');
    expect(localeFromLanguages(['en-GB', 'fr-FR'])).to.equal('en');
    expect(localeFromLanguages(['de-DE'])).to.equal('en');
    expect(localeFromLanguages([])).to.equal('en');
  });

  it('lets an explicit choice override the device language', () => {
    expect(resolveLocale('auto', ['fr-FR'])).to.equal('fr');
    expect(resolveLocale('en', ['fr-FR'])).to.equal('en');
    expect(resolveLocale('fr', ['en-US'])).to.equal('fr');
  });

  it('has a real French translation for every English message, with the same arguments', () => {
    // Words that are spelled the same in both languages.
    const sameInBoth = new Set([
      'home.organisation',
      'home.version',
      'log.title',
      'app.skipToContent',
      'directory.listLabel',
      'contact.organisation',
      'contact.service',
      'contact.notes',
      'phone.mobile',
      'phone.satellite',
      'phone.radio',
      'alert.message',
      'playbook.phase',
      'log.correction',
      'kind.action',
      'kind.note',
    ]);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[key];
      const french = fr[key];
      expect(typeof french, key).to.equal(typeof english);
      if (typeof english === 'function') {
        expect((french as (...a: unknown[]) => string).length, key).to.equal(english.length);
      } else {
        expect(french, key).to.be.a('string').and.not.equal('');
      }
    }
    const identical = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => typeof en[key] === 'string' && en[key] === fr[key] && !sameInBoth.has(key),
    );
    expect(identical, 'untranslated French messages').to.deep.equal([]);
  });

  it('switches language and the document language with it', () => {
    setLocale('fr');
    expect(currentLocale()).to.equal('fr');
    expect(document.documentElement.lang).to.equal('fr');
    expect(t('nav.settings')).to.equal('Réglages');
    expect(pageT('room.enrolled', 'cellule')).to.equal('Salle de crise : cellule');
    setLocale('en');
    expect(t('nav.settings')).to.equal('Settings');
    expect(pageT('contact.callShort')).to.equal('Call');
    expect(document.documentElement.lang).to.equal('en');
  });

  it('formats sizes in the words of the current language', () => {
    expect(formatBytes(1_500_000)).to.match(/^1\.5\s?MB$/);
    setLocale('fr');
    expect(formatBytes(1_500_000)).to.match(/^1,5\s?Mo$/);
  });
});
