// The call view's parts on their own: the stage's layouts, the participant list in words and the
// safety code in both languages, each checked with axe.
import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import { safetyCodeFromBits } from '../../src/features/call/safety-code.js';
import '../../src/features/call/tocsin-call-stage.js';
import type { TocsinCallStage } from '../../src/features/call/tocsin-call-stage.js';
import '../../src/features/call/tocsin-participant-list.js';
import type { TocsinParticipantList } from '../../src/features/call/tocsin-participant-list.js';
import '../../src/features/call/tocsin-safety-code.js';
import type { TocsinSafetyCode } from '../../src/features/call/tocsin-safety-code.js';
import { callState, intruder, me, paul, zoe } from './call-fakes.js';
import { shadowText } from './helpers.js';

const identitiesOf = (elements: Iterable<Element>) =>
  [...elements].map((element) => element.getAttribute('data-identity'));

describe('the call’s stage', () => {
  const layoutOf = (stage: TocsinCallStage) =>
    stage.shadowRoot!.querySelector<HTMLElement>('[data-layout]')!;

  it('shows everyone in a grid, wider as the call grows', async () => {
    const stage = await fixture<TocsinCallStage>(
      html`<tocsin-call-stage .state=${callState()}></tocsin-call-stage>`,
    );
    const grid = layoutOf(stage);
    expect(grid.dataset['layout']).to.equal('grid');
    expect(grid.dataset['count']).to.equal('3');
    expect(grid.hasAttribute('data-many')).to.equal(false);
    expect(identitiesOf(grid.querySelectorAll('tocsin-participant-tile'))).to.deep.equal([
      'marie-dupont',
      'paul-martin',
      'stolen-token',
    ]);
    expect(shadowText(stage)).to.not.include('Nobody else');
    await expect(stage).to.be.accessible();

    const crowd = Array.from({ length: 9 }, (_, i) => ({ ...paul, identity: `member-${i}` }));
    stage.state = callState({ participants: [me, ...crowd] });
    await stage.updateComplete;
    expect(layoutOf(stage).hasAttribute('data-many')).to.equal(true);
    expect(layoutOf(stage).hasAttribute('data-crowd')).to.equal(true);
  });

  it('says so when nobody else is there, even in the speaker layout', async () => {
    const stage = await fixture<TocsinCallStage>(
      html`<tocsin-call-stage
        speaker-view
        .state=${callState({ participants: [me] })}
      ></tocsin-call-stage>`,
    );
    expect(layoutOf(stage).dataset['layout']).to.equal('grid');
    expect(shadowText(stage)).to.include('Nobody else is in the room yet.');
    setLocale('fr');
    await stage.updateComplete;
    expect(shadowText(stage)).to.include('Personne d’autre');
    setLocale('en');
  });

  it('shows who speaks large above a strip of the others', async () => {
    const stage = await fixture<TocsinCallStage>(
      html`<tocsin-call-stage
        speaker-view
        .state=${callState({ participants: [me, paul, intruder, zoe] })}
      ></tocsin-call-stage>`,
    );
    const layout = layoutOf(stage);
    expect(layout.dataset['layout']).to.equal('speaker');
    expect(layout.dataset['count']).to.equal('4');
    expect(identitiesOf(layout.querySelectorAll(':scope > tocsin-participant-tile'))).to.deep.equal(
      ['paul-martin'],
    );
    expect(identitiesOf(layout.querySelectorAll('.strip > tocsin-participant-tile'))).to.deep.equal(
      ['marie-dupont', 'stolen-token', 'zoe-bernard'],
    );
    await expect(stage).to.be.accessible();
  });
});

describe('the participant list', () => {
  afterEach(() => setLocale('en'));

  it('says in words what the tiles show, and marks encryption problems', async () => {
    const list = await fixture<TocsinParticipantList>(
      html`<tocsin-participant-list
        .participants=${[me, paul, intruder, zoe]}
      ></tocsin-participant-list>`,
    );
    const items = [...list.shadowRoot!.querySelectorAll<HTMLElement>('#participant-list li')];
    expect(identitiesOf(items)).to.deep.equal([
      'marie-dupont',
      'paul-martin',
      'stolen-token',
      'zoe-bernard',
    ]);
    const text = items.map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
    expect(text[0]).to.equal('Marie Dupont (you) Encrypted · Camera off · Excellent connection');
    expect(text[1]).to.equal('Paul Martin Encrypted · Speaking · Good connection');
    expect(text[2]).to.equal(
      'stolen-token Encrypted · Unverified · Microphone off · Camera off · Poor connection',
    );
    expect(items[3]!.querySelector('.problem')!.textContent).to.equal('Not encrypted — not played');
    expect(items[0]!.querySelector('.problem')).to.equal(null);
    await expect(list).to.be.accessible();

    setLocale('fr');
    await list.updateComplete;
    expect(shadowText(list)).to.include('Marie Dupont (vous)');
    await expect(list).to.be.accessible();
  });
});

describe('the safety code', () => {
  afterEach(() => setLocale('en'));

  it('shows nothing until the code is derived', async () => {
    const code = await fixture<TocsinSafetyCode>(html`<tocsin-safety-code></tocsin-safety-code>`);
    expect(shadowText(code)).to.equal('');
  });

  it('shows the words of the current language and the digits, for reading aloud', async () => {
    const code = await fixture<TocsinSafetyCode>(
      html`<tocsin-safety-code
        .safety=${safetyCodeFromBits(Uint8Array.from([123, 26, 47, 83]))}
      ></tocsin-safety-code>`,
    );
    const section = code.shadowRoot!.querySelector<HTMLElement>('[data-safety-code]')!;
    expect(section.dataset['safetyCode']).to.equal('065 313 619');
    expect(section.dataset['safetyWords']).to.equal('lantern bucket clover gadget');
    const words = [...section.querySelectorAll('.words span')].map((word) => word.textContent);
    expect(words).to.deep.equal(['lantern', 'bucket', 'clover', 'gadget']);
    expect(shadowText(code)).to.include('The same code in digits: 065 313 619');
    await expect(code).to.be.accessible();

    setLocale('fr');
    await code.updateComplete;
    expect(section.dataset['safetyWords']).to.equal('goutte biscuit canoë cuillère');
    expect(section.dataset['safetyCode']).to.equal('065 313 619');
    expect(shadowText(code)).to.include('Lisez ces mots à voix haute');
    await expect(code).to.be.accessible();
  });
});
