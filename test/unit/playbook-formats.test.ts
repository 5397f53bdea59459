import { expect } from '@open-wc/testing';
import { CRISIS_ROLES, ROLE_NAMES } from '../../src/domain/crisis-roles.js';
import { loadDefaultPlaybook } from '../../src/domain/default-playbook.js';
import { PHASES, type Playbook, type PlaybookItem } from '../../src/domain/playbook.js';
import {
  parsePlaybookJson,
  serializePlaybook,
  type ParsePlaybookResult,
} from '../../src/domain/playbook-json.js';
import {
  toCacao,
  type CacaoPlaybook,
  type CacaoWorkflowStep,
} from '../../src/features/playbook/playbook-cacao.js';

const DEFAULT_PLAYBOOK = await loadDefaultPlaybook();

function sampleItem(overrides: Partial<PlaybookItem> = {}): PlaybookItem {
  return {
    id: 'p1.tech.01',
    phase: 'p1-alert',
    role: 'technique',
    level: 'operational',
    order: 1,
    text: { fr: 'Isolez les postes touchés sans les éteindre.', en: 'Isolate hit machines.' },
    source: 'CISA #StopRansomware Guide (2023), part 2',
    ...overrides,
  };
}

/** A small playbook whose items are deliberately listed out of workflow order. */
function samplePlaybook(): Playbook {
  return {
    id: 'org-test',
    title: { fr: 'Playbook d’essai', en: 'Test playbook' },
    version: 3,
    updated: '2026-11-25',
    items: [
      sampleItem({
        id: 'p2.comm.02',
        phase: 'p2-mobilisation',
        role: 'communication',
        order: 2,
        due: 'H+24',
        links: { roles: ['decideur', 'juridique'], contactIds: ['c-1', 'c-2'] },
      }),
      sampleItem({ id: 'p1.tech.02', order: 2, due: 'H+1' }),
      sampleItem({
        id: 'p2.comm.01',
        phase: 'p2-mobilisation',
        role: 'communication',
        order: 1,
        links: {},
      }),
      sampleItem({
        id: 'p0.dec.01',
        phase: 'p0-preparation',
        role: 'decideur',
        level: 'strategic',
      }),
      sampleItem({ id: 'p1.tech.01', due: 'H+1' }),
      sampleItem({ id: 'p1.dec.01', role: 'decideur', level: 'strategic', due: 'H+1' }),
    ],
  };
}

/** The sample as a plain JSON value that a test may break in one place. */
function sampleJson(): Record<string, unknown> & { items: Record<string, unknown>[] } {
  return JSON.parse(serializePlaybook(samplePlaybook()));
}

function errorsOf(result: ParsePlaybookResult): string[] {
  expect(result.ok, 'the input should have been refused').to.be.false;
  return result.ok ? [] : result.errors;
}

function expectRefused(json: unknown, ...patterns: RegExp[]): void {
  const errors = errorsOf(parsePlaybookJson(JSON.stringify(json)));
  for (const pattern of patterns) {
    expect(
      errors.some((error) => pattern.test(error)),
      `${String(pattern)} in ${JSON.stringify(errors)}`,
    ).to.be.true;
  }
}

describe('playbook JSON: parse and serialize', () => {
  it('reads back what it writes, deep-equal', () => {
    const playbook = samplePlaybook();
    const text = serializePlaybook(playbook);
    const result = parsePlaybookJson(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.playbook).to.deep.equal(playbook);
    expect(result.playbook).to.not.equal(playbook);
    expect(result.playbook.items[0]!.links!.roles).to.not.equal(playbook.items[0]!.links!.roles);
  });

  it('writes two-space indented JSON', () => {
    const text = serializePlaybook(samplePlaybook());
    expect(text).to.match(/^\{\n {2}"id": "org-test",\n/);
    expect(text).to.include('\n    {\n      "id": "p2.comm.02"');
  });

  it('drops unknown properties instead of copying them', () => {
    const json = sampleJson();
    json.extra = 'top';
    json.items[0]!.colour = 'red';
    (json.items[0]!.text as Record<string, unknown>).de = 'Deutsch';
    (json.items[0]!.links as Record<string, unknown>).owner = 'x';
    const result = parsePlaybookJson(JSON.stringify(json));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.playbook).to.deep.equal(samplePlaybook());
    expect(result.playbook).to.not.have.property('extra');
    expect(result.playbook.items[0]).to.not.have.property('colour');
  });

  it('refuses text that is not JSON', () => {
    const errors = errorsOf(parsePlaybookJson('{"id": "x", '));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/not valid JSON/);
    expect(errorsOf(parsePlaybookJson(''))[0]).to.match(/not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    expect(errorsOf(parsePlaybookJson('[]'))[0]).to.match(/must be a JSON object, not an array/);
    expect(errorsOf(parsePlaybookJson('null'))[0]).to.match(/must be a JSON object, not null/);
    expect(errorsOf(parsePlaybookJson('"text"'))[0]).to.match(/must be a JSON object/);
    expect(errorsOf(parsePlaybookJson('42'))[0]).to.match(/must be a JSON object/);
  });

  it('refuses input over 10 MB before parsing it, counting UTF-8 bytes', () => {
    // Valid JSON either way, so only the size check can refuse it.
    const ascii = `"${'a'.repeat(10 * 1024 * 1024)}"`;
    expect(errorsOf(parsePlaybookJson(ascii))[0]).to.match(/larger than 10 MB/);
    // 4 million "é" are 4 M UTF-16 units but 8 MB of UTF-8; 6 million are 12 MB.
    const under = `{"pad": "${'é'.repeat(4_000_000)}"}`;
    expect(errorsOf(parsePlaybookJson(under)).join()).to.not.match(/larger than/);
    const over = `{"pad": "${'é'.repeat(6_000_000)}"}`;
    expect(errorsOf(parsePlaybookJson(over))[0]).to.match(/larger than 10 MB/);
  });

  it('requires the playbook fields, each with its type', () => {
    expectRefused(
      {},
      /Playbook id/,
      /Playbook title/,
      /Playbook version/,
      /Playbook updated/,
      /items/,
    );
    expectRefused({ ...sampleJson(), id: '' }, /Playbook id must not be empty/);
    expectRefused(
      { ...sampleJson(), version: 1.5 },
      /Playbook version .* is not valid; it must be a positive integer/,
    );
    expectRefused(
      { ...sampleJson(), version: '3' },
      /Playbook version .* is not valid; it must be a positive integer/,
    );
    expectRefused({ ...sampleJson(), title: { fr: 'Titre' } }, /title\.en is missing/);
    expectRefused(
      { ...sampleJson(), updated: 'yesterday' },
      /updated "yesterday" is not valid; it must be an ISO 8601 date/,
    );
    expectRefused({ ...sampleJson(), items: {} }, /items must be an array, not an object/);
  });

  it('accepts an empty item list', () => {
    const result = parsePlaybookJson(JSON.stringify({ ...sampleJson(), items: [] }));
    expect(result.ok).to.be.true;
  });

  it('refuses a duplicate item id, naming both items', () => {
    const json = sampleJson();
    json.items[3]!.id = json.items[1]!.id;
    expectRefused(json, /Item 3 \(id "p1\.tech\.02"\): id duplicates the id of item 1/);
  });

  it('refuses an unknown phase, role or level', () => {
    const json = sampleJson();
    json.items[0]!.phase = 'p9-party';
    json.items[1]!.role = 'astrologer';
    json.items[2]!.level = 'tactical';
    expectRefused(
      json,
      /Item 0 \(id "p2\.comm\.02"\): phase "p9-party" is not valid; it must be one of p0-preparation/,
      /Item 1 \(id "p1\.tech\.02"\): role "astrologer" is not valid; it must be one of decideur/,
      /Item 2 \(id "p2\.comm\.01"\): level "tactical"/,
    );
  });

  it('refuses empty, missing or oversized texts', () => {
    const json = sampleJson();
    json.items[0]!.text = { fr: '', en: 'Fine.' };
    json.items[1]!.text = { fr: 'Bien.' };
    json.items[2]!.text = { fr: 'x'.repeat(2001), en: 'Fine.' };
    json.items[3]!.text = 'Not localised';
    expectRefused(
      json,
      /"p2\.comm\.02"\): text\.fr must not be empty/,
      /"p1\.tech\.02"\): text\.en is missing/,
      /"p2\.comm\.01"\): text\.fr is 2001 characters long; at most 2000/,
      /"p0\.dec\.01"\): text must be an object/,
    );
  });

  it('refuses a bad id, order, due, source or links', () => {
    const json = sampleJson();
    json.items[0]!.id = 'x'.repeat(65);
    json.items[1]!.order = 0;
    json.items[2]!.due = 'within the next few hours';
    json.items[3]!.source = 's'.repeat(301);
    json.items[4]!.links = { roles: ['decideur', 'wizard'] };
    json.items[5]!.links = { contactIds: ['c-1', 7] };
    expectRefused(
      json,
      /Item 0 .*: id is 65 characters long; at most 64/,
      /"p1\.tech\.02"\): order 0 is not valid; it must be a positive integer/,
      /"p2\.comm\.01"\): due is 25 characters long; at most 16/,
      /"p0\.dec\.01"\): source is 301 characters long; at most 300/,
      /"p1\.tech\.01"\): links\.roles has unknown role "wizard"/,
      /"p1\.dec\.01"\): links\.contactIds must hold non-empty strings/,
    );
    const fractional = sampleJson();
    fractional.items[0]!.order = 1.5;
    expectRefused(fractional, /order 1\.5 is not valid/);
  });

  it('names an item by its index when it has no usable id', () => {
    const json = sampleJson();
    json.items[2]!.id = 12;
    json.items.push('not an item' as unknown as Record<string, unknown>);
    expectRefused(json, /^Item 2: id must be a string, not a number/, /^Item 6: must be an object/);
  });

  it('refuses more than 5,000 items', () => {
    const item = sampleJson().items[1]!;
    const many = Array.from({ length: 5001 }, (_, n) => ({ ...item, id: `i${n}` }));
    expectRefused({ ...sampleJson(), items: many }, /items has 5001 entries; at most 5000/);
    const enough = Array.from({ length: 5000 }, (_, n) => ({ ...item, id: `i${n}` }));
    expect(parsePlaybookJson(JSON.stringify({ ...sampleJson(), items: enough })).ok).to.be.true;
  });

  it('caps the error list on a file full of mistakes', () => {
    const many = Array.from({ length: 300 }, (_, n) => ({ id: `i${n}` }));
    const errors = errorsOf(parsePlaybookJson(JSON.stringify({ ...sampleJson(), items: many })));
    expect(errors.length).to.be.at.most(51);
    expect(errors[errors.length - 1]).to.match(/more errors not listed/);
  });

  it('ignores __proto__ and constructor keys without polluting Object.prototype', () => {
    const text = serializePlaybook(samplePlaybook())
      .replace(
        '{\n  "id"',
        '{\n  "__proto__": { "polluted": "top" },\n  "constructor": { "prototype": { "polluted": "ctor" } },\n  "id"',
      )
      .replace(
        '"phase": "p1-alert"',
        '"__proto__": { "polluted": "item", "due": "H+99" },\n      "phase": "p1-alert"',
      )
      .replace('"text": {', '"text": {\n        "__proto__": { "polluted": "text" },');
    expect(text).to.include('"polluted": "item"');
    const result = parsePlaybookJson(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
    expect((Object.prototype as Record<string, unknown>).polluted).to.be.undefined;
    expect(result.playbook).to.deep.equal(samplePlaybook());
    for (const object of [
      result.playbook,
      ...result.playbook.items,
      result.playbook.items[0]!.text,
    ]) {
      expect(Object.getPrototypeOf(object)).to.equal(Object.prototype);
      expect(Object.hasOwn(object, '__proto__')).to.be.false;
      expect(Reflect.get(object, 'polluted')).to.be.undefined;
    }
  });

  it('does not pick up a required field from a __proto__ key', () => {
    const json = sampleJson();
    delete json.items[0]!.phase;
    const text = JSON.stringify(json).replace(
      '"id":"p2.comm.02"',
      '"__proto__":{"phase":"p1-alert"},"id":"p2.comm.02"',
    );
    expectRefusedText(text, /"p2\.comm\.02"\): phase is missing; it must be one of/);
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      '{"items": null}',
      '{"items": [null, 1, [], "x"]}',
      '{"title": [], "items": [{"text": null, "links": 3}]}',
      '{"items": [{"links": {"roles": "decideur", "contactIds": {}}}]}',
      '\u0000',
    ];
    for (const input of inputs) {
      const result = parsePlaybookJson(input as string);
      expect(result.ok, String(input)).to.be.false;
    }
  });
});

function expectRefusedText(text: string, ...patterns: RegExp[]): void {
  const errors = errorsOf(parsePlaybookJson(text));
  for (const pattern of patterns) {
    expect(
      errors.some((error) => pattern.test(error)),
      `${String(pattern)} in ${JSON.stringify(errors)}`,
    ).to.be.true;
  }
}

// ---------------------------------------------------------------------------------------------

const NOW = new Date(Date.UTC(2026, 10, 25, 21, 7, 0, 0));
const ID_PATTERN =
  /^(playbook|identity|group|start|end|action|extension-definition)--[0-9a-f-]{36}$/;
const V5_UUID = /--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type ActionStep = Extract<CacaoWorkflowStep, { type: 'action' }>;

/** Follows on_completion from workflow_start, checking every pointer lands on a step. */
function walk(cacao: CacaoPlaybook): CacaoWorkflowStep[] {
  const visited: CacaoWorkflowStep[] = [];
  const seen = new Set<string>();
  let id: string | undefined = cacao.workflow_start;
  while (id !== undefined) {
    expect(cacao.workflow, `pointer ${id}`).to.have.property(id);
    expect(seen.has(id), `cycle at ${id}`).to.be.false;
    seen.add(id);
    const step: CacaoWorkflowStep = cacao.workflow[id]!;
    visited.push(step);
    id = step.type === 'end' ? undefined : step.on_completion;
  }
  expect(seen.size, 'every step is on the chain').to.equal(Object.keys(cacao.workflow).length);
  return visited;
}

function extensionOf(step: ActionStep) {
  const values = Object.values(step.step_extensions);
  expect(values).to.have.length(1);
  return values[0]!;
}

/** Every identifier in the export, wherever it sits. */
function allIds(cacao: CacaoPlaybook): string[] {
  return [
    cacao.id,
    cacao.created_by,
    cacao.workflow_start,
    ...Object.keys(cacao.workflow),
    ...Object.keys(cacao.agent_definitions),
    ...Object.keys(cacao.extension_definitions),
    ...Object.values(cacao.extension_definitions).map((definition) => definition.created_by),
    ...Object.values(cacao.workflow).flatMap((step) =>
      step.type === 'action'
        ? [step.agent, step.on_completion, ...Object.keys(step.step_extensions)]
        : step.type === 'start'
          ? [step.on_completion]
          : [],
    ),
  ];
}

describe('playbook CACAO export', () => {
  it('writes a CACAO 2.0 playbook header', async () => {
    const cacao = await toCacao(samplePlaybook(), { locale: 'en', now: NOW });
    expect(cacao.type).to.equal('playbook');
    expect(cacao.spec_version).to.equal('cacao-2.0');
    expect(cacao.name).to.equal('Test playbook');
    expect(cacao.description).to.be.a('string').and.not.equal('');
    expect(cacao.playbook_types).to.deep.equal(['notification', 'mitigation', 'remediation']);
    expect(cacao.industry_sectors).to.deep.equal(['local-government']);
    expect(cacao.created).to.match(/\.\d{3}Z$/);
    expect(cacao.created).to.equal('2026-11-25T21:07:00.000Z');
    expect(cacao.modified).to.equal(cacao.created);
    expect(cacao.workflow_start).to.match(/^start--/);
  });

  it('chains start, every item once in phase-role-order sequence, then end', async () => {
    const playbook = samplePlaybook();
    const cacao = await toCacao(playbook, { locale: 'en', now: NOW });
    const steps = walk(cacao);
    const types = Object.values(cacao.workflow).map((step) => step.type);
    expect(types.filter((type) => type === 'start')).to.have.length(1);
    expect(types.filter((type) => type === 'end')).to.have.length(1);
    expect(steps[0]!.type).to.equal('start');
    expect(steps[steps.length - 1]!.type).to.equal('end');

    const visitedItemIds = steps
      .filter((step): step is ActionStep => step.type === 'action')
      .map((step) => extensionOf(step).item_id);
    // Worked out by hand from the sample: p0 before p1 before p2, decideur before technique.
    expect(visitedItemIds).to.deep.equal([
      'p0.dec.01',
      'p1.dec.01',
      'p1.tech.01',
      'p1.tech.02',
      'p2.comm.01',
      'p2.comm.02',
    ]);
  });

  it('visits every default item once, in phase, role and order sequence', async () => {
    const cacao = await toCacao(DEFAULT_PLAYBOOK, { locale: 'fr', now: NOW });
    const actions = walk(cacao).filter((step): step is ActionStep => step.type === 'action');
    expect(actions).to.have.length(DEFAULT_PLAYBOOK.items.length);
    const rank = (step: ActionStep) => {
      const extension = extensionOf(step);
      const item = DEFAULT_PLAYBOOK.items.find((candidate) => candidate.id === extension.item_id)!;
      return [PHASES.indexOf(item.phase), CRISIS_ROLES.indexOf(item.role), item.order];
    };
    for (let n = 1; n < actions.length; n++) {
      const [a, b] = [rank(actions[n - 1]!), rank(actions[n]!)];
      const before = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(before, `${n}`).to.be.lessThan(0);
    }
    expect(new Set(actions.map((step) => extensionOf(step).item_id)).size).to.equal(actions.length);
  });

  it('describes each item as a manual action for its role group', async () => {
    const long = 'Prévenez '.padEnd(150, 'très ') + 'vite.';
    const playbook = samplePlaybook();
    playbook.items[1]!.text = { fr: long, en: 'Short enough.' };
    const cacao = await toCacao(playbook, { locale: 'fr', now: NOW });
    const actions = Object.values(cacao.workflow).filter(
      (step): step is ActionStep => step.type === 'action',
    );
    for (const step of actions) {
      const extension = extensionOf(step);
      const item = playbook.items.find((candidate) => candidate.id === extension.item_id)!;
      expect(cacao.agent_definitions[step.agent], step.agent).to.deep.equal({
        type: 'group',
        name: ROLE_NAMES[item.role].fr,
      });
      expect(step.description).to.equal(item.text.fr);
      expect(step.commands).to.deep.equal([{ type: 'manual', command: item.text.fr }]);
      expect(step.external_references![0]!.name).to.equal(item.source);
      expect(step.name.length).to.be.at.most(80);
      expect(extension.phase).to.equal(item.phase);
      expect(extension.role).to.equal(item.role);
      expect(extension.level).to.equal(item.level);
      expect(extension.due).to.equal(item.due);
      expect(Object.keys(cacao.extension_definitions)).to.include(
        Object.keys(step.step_extensions)[0],
      );
    }
    const truncated = actions.find((step) => extensionOf(step).item_id === 'p1.tech.02')!;
    expect(truncated.name).to.have.length.at.most(80);
    expect(truncated.name.endsWith('…')).to.be.true;
    expect(long.startsWith(truncated.name.slice(0, -1))).to.be.true;
    expect(truncated.description).to.equal(long);
    const short = actions.find((step) => extensionOf(step).item_id === 'p1.tech.01')!;
    expect(short.name).to.equal(short.description);
    expect(
      extensionOf(actions.find((s) => extensionOf(s).item_id === 'p0.dec.01')!),
    ).to.not.have.property('due');
  });

  it('defines one group per role used, named in the chosen language', async () => {
    const en = await toCacao(samplePlaybook(), { locale: 'en', now: NOW });
    expect(Object.values(en.agent_definitions).map((agent) => agent.name)).to.have.members([
      'Decision-maker',
      'Technical',
      'Communication',
    ]);
    const fr = await toCacao(samplePlaybook(), { locale: 'fr', now: NOW });
    expect(Object.values(fr.agent_definitions).map((agent) => agent.name)).to.include('Décideur');
  });

  it('declares its extension as a CACAO extension definition', async () => {
    const cacao = await toCacao(samplePlaybook(), { locale: 'en', now: NOW });
    const definitions = Object.values(cacao.extension_definitions);
    expect(definitions).to.have.length(1);
    const definition = definitions[0]!;
    expect(definition.type).to.equal('extension-definition');
    expect(definition.name).to.be.a('string').and.not.equal('');
    expect(definition.created_by).to.equal(cacao.created_by);
    expect(definition.schema).to.match(/^https:\/\//);
    expect(definition.version).to.equal('1.0.0');
  });

  it('uses well-formed, version-5-style ids, unique across objects', async () => {
    const cacao = await toCacao(DEFAULT_PLAYBOOK, { locale: 'en', now: NOW });
    for (const id of allIds(cacao)) {
      expect(id).to.match(ID_PATTERN);
      expect(id).to.match(V5_UUID);
    }
    const uuids = [
      cacao.id,
      cacao.created_by,
      ...Object.keys(cacao.workflow),
      ...Object.keys(cacao.agent_definitions),
      ...Object.keys(cacao.extension_definitions),
    ].map((id) => id.slice(id.indexOf('--') + 2));
    expect(new Set(uuids).size).to.equal(uuids.length);
  });

  it('gives the same output for the same input', async () => {
    const first = await toCacao(samplePlaybook(), {
      locale: 'fr',
      now: NOW,
      organisationName: 'Ville',
    });
    const second = await toCacao(samplePlaybook(), {
      locale: 'fr',
      now: NOW,
      organisationName: 'Ville',
    });
    expect(JSON.stringify(second)).to.equal(JSON.stringify(first));
  });

  it('derives ids from the playbook and item ids', async () => {
    const base = await toCacao(samplePlaybook(), { locale: 'en', now: NOW });
    const renamed = samplePlaybook();
    renamed.items[0]!.id = 'p2.comm.09';
    const other = await toCacao(renamed, { locale: 'en', now: NOW });
    expect(other.id).to.equal(base.id);
    const changed = Object.keys(other.workflow).filter((id) => !(id in base.workflow));
    expect(changed).to.have.length(1);
    const elsewhere = await toCacao(
      { ...samplePlaybook(), id: 'org-other' },
      { locale: 'en', now: NOW },
    );
    expect(elsewhere.id).to.not.equal(base.id);
    expect(Object.keys(elsewhere.workflow).some((id) => id in base.workflow)).to.be.false;
  });

  it('exports an empty playbook as start → end', async () => {
    const cacao = await toCacao({ ...samplePlaybook(), items: [] }, { locale: 'en', now: NOW });
    const steps = walk(cacao);
    expect(steps.map((step) => step.type)).to.deep.equal(['start', 'end']);
    expect(cacao.agent_definitions).to.deep.equal({});
  });

  it('refuses to export items sharing an id', async () => {
    const playbook = samplePlaybook();
    playbook.items[1]!.id = playbook.items[0]!.id;
    let error: unknown;
    try {
      await toCacao(playbook, { locale: 'en', now: NOW });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(Error);
  });
});
