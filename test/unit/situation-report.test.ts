// What the situation report sums up, from plain entries and ticks: no page, no database.
// signer-pages.test.ts and pages.test.ts draw the same report in the log page.
import { expect } from '@open-wc/testing';
import { entryId } from '../../src/domain/log-writer.js';
import type { EntryKind, EntryPriority, LogEntry } from '../../src/domain/log.js';
import type { ChecklistTick, PhaseId, PlaybookItem } from '../../src/domain/playbook.js';
import {
  playbookStanding,
  REPORT_LIST_LENGTH,
  reportHighlights,
} from '../../src/features/log/situation-report.js';

const CRISIS = 'crisis-1';
const ALICE = 'alice@0a1b2c3d-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BRUNO = 'bruno@5e6f7a8b-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

/** Builds a device's entries in written order; only what the report reads is meaningful. */
function writer(deviceId: string) {
  let seq = 0;
  return (
    text: string,
    kind: EntryKind = 'fact',
    priority: EntryPriority = 'normal',
    corrects?: LogEntry,
  ): LogEntry => {
    seq++;
    return {
      id: entryId(CRISIS, deviceId, seq),
      crisisId: CRISIS,
      deviceId,
      seq,
      occurredAt: new Date(Date.UTC(2025, 0, 1, 8, seq)).toISOString(),
      recordedAt: new Date(Date.UTC(2025, 0, 1, 8, seq)).toISOString(),
      author: '',
      kind,
      priority,
      text,
      refs: { checklistItemIds: [], contactIds: [] },
      ...(corrects ? { corrects: corrects.id } : {}),
      prevHash: '',
      hash: '',
    };
  };
}

const texts = (entries: LogEntry[]) => entries.map((entry) => entry.text);

function item(id: string, phase: PhaseId): PlaybookItem {
  return {
    id,
    phase,
    role: 'technique',
    level: 'operational',
    order: 1,
    text: { fr: id, en: id },
    source: 'test',
  };
}

function tick(itemId: string, done = true): ChecklistTick {
  return { crisisId: CRISIS, itemId, by: 'Claire', at: '2025-01-01T09:00:00.000Z', done };
}

describe('situation report', () => {
  it('lists decisions and other high-priority entries apart, newest first', () => {
    const alice = writer(ALICE);
    const entries = [
      alice('Standard saturé'),
      alice('Fermeture de la mairie', 'decision', 'high'),
      alice('Serveur chiffré', 'fact', 'high'),
      alice('Appel au préfet', 'action', 'high'),
      alice('Ordre d’évacuer', 'decision'),
    ];
    const { decisions, highPriority } = reportHighlights(entries);
    expect(texts(decisions)).to.deep.equal(['Ordre d’évacuer', 'Fermeture de la mairie']);
    expect(texts(highPriority), 'a high-priority decision is listed once').to.deep.equal([
      'Appel au préfet',
      'Serveur chiffré',
    ]);
  });

  it('leaves out what its own writer corrected, but not what another member “corrects”', () => {
    const alice = writer(ALICE);
    const bruno = writer(BRUNO);
    const wrong = alice('Serveur B', 'decision');
    const fixed = alice('Correction : serveur C', 'decision', 'normal', wrong);
    const mine = alice('Fermer le parking', 'decision');
    const notBrunos = bruno('Correction : garder le parking', 'decision', 'normal', mine);
    const { decisions } = reportHighlights([wrong, fixed, mine, notBrunos]);
    expect(texts(decisions)).to.deep.equal([
      'Correction : garder le parking',
      'Fermer le parking',
      'Correction : serveur C',
    ]);
  });

  it(`keeps only the latest ${REPORT_LIST_LENGTH} of each list`, () => {
    const alice = writer(ALICE);
    const entries = Array.from({ length: REPORT_LIST_LENGTH + 3 }, (_, i) => [
      alice(`Décision ${i}`, 'decision'),
      alice(`Urgent ${i}`, 'fact', 'high'),
    ]).flat();
    const { decisions, highPriority } = reportHighlights(entries);
    expect(decisions).to.have.length(REPORT_LIST_LENGTH);
    expect(decisions[0].text).to.equal(`Décision ${REPORT_LIST_LENGTH + 2}`);
    expect(decisions[REPORT_LIST_LENGTH - 1].text).to.equal('Décision 3');
    expect(highPriority).to.have.length(REPORT_LIST_LENGTH);
    expect(highPriority[0].text).to.equal(`Urgent ${REPORT_LIST_LENGTH + 2}`);
  });

  it('is empty for an empty log', () => {
    expect(reportHighlights([])).to.deep.equal({ decisions: [], highPriority: [] });
  });
});

describe('playbook standing', () => {
  const items = [
    item('p1.a', 'p1-alert'),
    item('p1.b', 'p1-alert'),
    item('p2.a', 'p2-mobilisation'),
    item('p2.b', 'p2-mobilisation'),
    item('p3.a', 'p3-continuity'),
  ];

  it('the open items are those of the first phase with anything left to do', () => {
    expect(playbookStanding(items, []).open.map((i) => i.id)).to.deep.equal(['p1.a', 'p1.b']);

    // Phase 1 done, and one item of phase 3 done ahead of time: phase 2 is current.
    const ticks = [tick('p1.a'), tick('p1.b'), tick('p3.a'), tick('p2.b')];
    const { open, progress } = playbookStanding(items, ticks);
    expect(open.map((i) => i.id)).to.deep.equal(['p2.a']);
    expect(progress.overall).to.deep.equal({ done: 4, total: 5 });
    expect(progress.byPhase.get('p1-alert')).to.deep.equal({ done: 2, total: 2 });
    expect(progress.byPhase.get('p2-mobilisation')).to.deep.equal({ done: 1, total: 2 });
  });

  it('a withdrawn tick leaves its item open', () => {
    const { open } = playbookStanding(items, [tick('p1.a', false), tick('p1.b')]);
    expect(open.map((i) => i.id)).to.deep.equal(['p1.a']);
  });

  it('nothing is open once every item is done', () => {
    const { open, progress } = playbookStanding(
      items,
      items.map((i) => tick(i.id)),
    );
    expect(open).to.be.empty;
    expect(progress.overall).to.deep.equal({ done: 5, total: 5 });
  });
});
