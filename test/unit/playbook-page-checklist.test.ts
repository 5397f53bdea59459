import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { CrisisRoleId } from '../../src/domain/crisis-roles.js';
import type { ChecklistTick, PhaseId, Playbook, PlaybookItem } from '../../src/domain/playbook.js';
import {
  renderChecklist,
  type ChecklistView,
} from '../../src/features/playbook/playbook-checklist.js';

function item(id: string, phase: PhaseId, role: CrisisRoleId, order: number): PlaybookItem {
  return {
    id,
    phase,
    role,
    level: order === 1 ? 'strategic' : 'operational',
    order,
    text: { fr: `Action ${id}`, en: `Action ${id}` },
    source: 'Test guidance',
  };
}

// Given out of order on purpose: the checklist orders phases, roles and items itself.
const ITEMS = [
  item('p2.tech.2', 'p2-mobilisation', 'technique', 2),
  item('p2.tech.1', 'p2-mobilisation', 'technique', 1),
  item('p2.dec.1', 'p2-mobilisation', 'decideur', 1),
  item('p1.comm.1', 'p1-alert', 'communication', 1),
  item('p1.dec.1', 'p1-alert', 'decideur', 1),
];

const PLAYBOOK: Playbook = {
  id: 'test',
  title: { fr: 'Plan', en: 'Plan' },
  version: 1,
  updated: '2025-03-01',
  items: ITEMS,
};

function tick(itemId: string, done: boolean): ChecklistTick {
  return { crisisId: 'crisis', itemId, by: 'member-7', at: '2025-03-01T10:15:00.000Z', done };
}

function view(overrides: Partial<ChecklistView> = {}): ChecklistView {
  return {
    playbook: PLAYBOOK,
    items: ITEMS,
    ticks: new Map(),
    canTick: true,
    busy: new Set(),
    tickedBy: (made) => `name of ${made.by}`,
    onToggle: () => undefined,
    ...overrides,
  };
}

async function renderInto(checklist: ChecklistView): Promise<HTMLElement> {
  return fixture(html`<div>${renderChecklist(checklist)}</div>`);
}

function texts(root: Element, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((node) =>
    (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

function checkbox(root: Element, itemId: string): HTMLInputElement {
  const labels = [...root.querySelectorAll('label.item')];
  const label = labels.find((node) => node.textContent?.includes(`Action ${itemId}`));
  if (!label) throw new Error(`no checklist item ${itemId}`);
  return label.querySelector('input[type="checkbox"]')!;
}

describe('playbook page: checklist', () => {
  afterEach(() => setLocale('en'));

  it('groups items by phase, then role, in their orders', async () => {
    const root = await renderInto(view());
    expect(texts(root, 'h2.phase')).to.deep.equal([
      'Alert and qualification (0/2)',
      'Mobilisation and containment (0/3)',
    ]);
    expect(texts(root, 'h3')).to.deep.equal([
      'Decision-maker (0/1)',
      'Communication (0/1)',
      'Decision-maker (0/1)',
      'Technical (0/2)',
    ]);
    expect(texts(root, 'label.item .text')).to.deep.equal([
      'Action p1.dec.1',
      'Action p1.comm.1',
      'Action p2.dec.1',
      'Action p2.tech.1',
      'Action p2.tech.2',
    ]);
    const headings = [...root.querySelectorAll('section')].map((section) =>
      section.getAttribute('aria-labelledby'),
    );
    expect(headings).to.deep.equal(['phase-p1-alert', 'phase-p2-mobilisation']);
    expect(root.querySelector('#phase-p1-alert')).to.exist;
  });

  it('counts a phase over the whole playbook and a role over the items shown', async () => {
    const shown = ITEMS.filter((entry) => entry.role === 'technique');
    const ticks = new Map([
      ['p2.dec.1', tick('p2.dec.1', true)],
      ['p2.tech.1', tick('p2.tech.1', true)],
    ]);
    const root = await renderInto(view({ items: shown, ticks }));
    expect(texts(root, 'h2.phase')).to.deep.equal(['Mobilisation and containment (2/3)']);
    expect(texts(root, 'h3')).to.deep.equal(['Technical (1/2)']);
  });

  it('shows who ticked an item, and a withdrawn tick as not done', async () => {
    const ticks = new Map([
      ['p1.dec.1', tick('p1.dec.1', true)],
      ['p1.comm.1', tick('p1.comm.1', false)],
    ]);
    const root = await renderInto(view({ ticks }));
    const done = checkbox(root, 'p1.dec.1');
    expect(done.checked).to.equal(true);
    expect(done.closest('label')!.classList.contains('done')).to.equal(true);
    expect(done.closest('label')!.textContent).to.contain('Done by name of member-7');
    const withdrawn = checkbox(root, 'p1.comm.1');
    expect(withdrawn.checked).to.equal(false);
    expect(withdrawn.closest('label')!.classList.contains('done')).to.equal(false);
    expect(withdrawn.closest('label')!.textContent).not.to.contain('Done by');
    expect(texts(root, 'h2.phase')[0]).to.equal('Alert and qualification (1/2)');
  });

  it('describes each item: its level, when it is due and its source', async () => {
    const due = { ...ITEMS[4], due: 'H+1' };
    const root = await renderInto(view({ playbook: { ...PLAYBOOK, items: [due] }, items: [due] }));
    expect(texts(root, 'label.item .detail')).to.deep.equal([
      'Strategic · Due H+1 · Source: Test guidance',
    ]);
  });

  it('disables every box without a crisis or an author, and a box whose tick is being written', async () => {
    const closed = await renderInto(view({ canTick: false }));
    expect([...closed.querySelectorAll('input')].every((input) => input.disabled)).to.equal(true);

    const writing = await renderInto(view({ busy: new Set(['p2.tech.1']) }));
    expect(checkbox(writing, 'p2.tech.1').disabled).to.equal(true);
    expect(checkbox(writing, 'p2.tech.2').disabled).to.equal(false);
  });

  it('hands a tick and an untick back with the item', async () => {
    const toggled: [string, boolean][] = [];
    const ticks = new Map([['p2.dec.1', tick('p2.dec.1', true)]]);
    const root = await renderInto(
      view({ ticks, onToggle: (changed, done) => toggled.push([changed.id, done]) }),
    );
    checkbox(root, 'p1.comm.1').click();
    checkbox(root, 'p2.dec.1').click();
    expect(toggled).to.deep.equal([
      ['p1.comm.1', true],
      ['p2.dec.1', false],
    ]);
  });

  it('speaks the interface language', async () => {
    setLocale('fr');
    const root = await renderInto(view({ items: [ITEMS[4]] }));
    expect(texts(root, 'h2.phase')).to.deep.equal(['Alerte et qualification (0/2)']);
    expect(texts(root, 'h3')).to.deep.equal(['Décideur (0/1)']);
    expect(texts(root, 'label.item .detail')[0]).to.match(/^Stratégique · Source : Test guidance$/);
  });
});
