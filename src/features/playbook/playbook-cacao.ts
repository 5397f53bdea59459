import { toHex } from '../../encoding/bytes.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import {
  PHASES,
  type ItemLevel,
  type PhaseId,
  type Playbook,
  type PlaybookItem,
} from '../../domain/playbook.js';

// OASIS CACAO v2.0 export (the OASIS "Collaborative Automated Course of Action Operations"
// specification, version 2.0)

/** Options of the CACAO export. */
export interface CacaoExportOptions {
  /** Language of the names, descriptions and commands. */
  locale: 'fr' | 'en';
  /** The export time, written as `created` and `modified`. */
  now: Date;
  /** The organisation the playbook belongs to; it names the creator identity. */
  organisationName?: string;
}

/** The properties the Tocsin checklist-item extension adds to each action step. */
export interface CacaoChecklistItemExtension {
  phase: PhaseId;
  role: CrisisRoleId;
  level: ItemLevel;
  due?: string;
  item_id: string;
}

/** A CACAO extension definition, as Tocsin declares its checklist-item extension. */
export interface CacaoExtensionDefinition {
  type: 'extension-definition';
  name: string;
  description: string;
  created_by: string;
  schema: string;
  version: string;
}

/** The CACAO workflow steps Tocsin writes: a start, one action per item, an end. */
export type CacaoWorkflowStep =
  | { type: 'start'; name: string; on_completion: string }
  | { type: 'end'; name: string }
  | {
      type: 'action';
      name: string;
      description: string;
      agent: string;
      commands: { type: 'manual'; command: string }[];
      external_references?: { name: string; source: string }[];
      step_extensions: Record<string, CacaoChecklistItemExtension>;
      on_completion: string;
    };

/** The CACAO v2.0 playbook object that toCacao produces. */
export interface CacaoPlaybook {
  type: 'playbook';
  spec_version: 'cacao-2.0';
  id: string;
  name: string;
  description: string;
  created_by: string;
  created: string;
  modified: string;
  playbook_types: string[];
  industry_sectors: string[];
  workflow_start: string;
  workflow: Record<string, CacaoWorkflowStep>;
  agent_definitions: Record<string, { type: 'group'; name: string }>;
  extension_definitions: Record<string, CacaoExtensionDefinition>;
}

/** Where the checklist-item extension is described; `.invalid` since nothing is served there yet. */
export const CACAO_EXTENSION_SCHEMA = 'https://tocsin.invalid/cacao/checklist-item.json';
const STEP_NAME_MAX = 80;

/**
 * A UUID derived from a name with SHA-256, laid out as RFC 4122 version 5 (version nibble 5,
 * variant 10). Not the SHA-1 namespace algorithm of real v5, but just as reproducible.
 */
async function nameBasedUuid(parts: string[]): Promise<string> {
  // JSON keeps the parts apart, so ids containing separators cannot collide.
  const name = JSON.stringify(['tocsin-cacao', ...parts]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(name));
  const bytes = new Uint8Array(digest).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Cuts a text to `max` characters, ending with an ellipsis, without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Items in workflow order: phase, then role, then order (then id, so ties stay deterministic). */
function sortForWorkflow(items: readonly PlaybookItem[]): PlaybookItem[] {
  return [...items].sort(
    (a, b) =>
      PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
      CRISIS_ROLES.indexOf(a.role) - CRISIS_ROLES.indexOf(b.role) ||
      a.order - b.order ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const EXPORT_TEXT = {
  fr: {
    description: (title: string, version: number, updated: string, organisation?: string) =>
      `Liste de contrôle de crise Tocsin « ${title} », version ${version} du ${updated}` +
      `${organisation ? `, pour ${organisation}` : ''}. Chaque étape action est un point de la ` +
      `liste, enchaîné dans l’ordre phase, rôle, rang ; l’extension indique la phase, le rôle, ` +
      `le niveau et l’échéance.`,
    start: 'Début',
    end: 'Fin',
    extensionName: 'Point de liste de contrôle Tocsin',
    extensionDescription:
      'Phase, rôle, niveau (stratégique ou opérationnel), échéance et identifiant du point de liste de contrôle Tocsin dont provient l’étape.',
  },
  en: {
    description: (title: string, version: number, updated: string, organisation?: string) =>
      `Tocsin crisis checklist "${title}", version ${version} of ${updated}` +
      `${organisation ? `, for ${organisation}` : ''}. Each action step is one checklist item, ` +
      `chained in phase, role and order sequence; the extension gives phase, role, level and due time.`,
    start: 'Start',
    end: 'End',
    extensionName: 'Tocsin checklist item',
    extensionDescription:
      'Phase, role, level (strategic or operational), due time and id of the Tocsin checklist item the step comes from.',
  },
} as const;

/**
 * Exports a playbook as a minimal OASIS CACAO v2.0 playbook: one manual action step per item,
 * chained start → items (phase, role, order) → end, one agent group per role used, and a custom
 * step extension carrying phase, role, level and due. Ids are derived from the playbook and item
 * ids, so the same playbook exported at the same `now` gives the same document. Rejects if two
 * items share an id, since their steps would collide.
 */
export async function toCacao(
  playbook: Playbook,
  options: CacaoExportOptions,
): Promise<CacaoPlaybook> {
  const { locale, now, organisationName } = options;
  const words = EXPORT_TEXT[locale];
  const timestamp = now.toISOString();
  const items = sortForWorkflow(playbook.items);
  if (new Set(items.map((item) => item.id)).size !== items.length) {
    throw new Error('Cannot export to CACAO: two items share the same id.');
  }

  // The playbook id leaves the version out: in CACAO a new version keeps the id and changes
  // `modified`. Steps hang off the playbook and item ids so they stay put across editions.
  const organisation = organisationName?.trim() || undefined;
  const [playbookUuid, identityUuid, startUuid, endUuid, extensionUuid] = await Promise.all([
    nameBasedUuid(['playbook', playbook.id]),
    nameBasedUuid(
      organisation
        ? ['identity', 'organisation', organisation]
        : ['identity', 'playbook', playbook.id],
    ),
    nameBasedUuid(['start', playbook.id]),
    nameBasedUuid(['end', playbook.id]),
    // One definition for every Tocsin export, since it describes the same schema everywhere.
    nameBasedUuid(['extension-definition', CACAO_EXTENSION_SCHEMA, '1.0.0']),
  ]);
  const rolesUsed = CRISIS_ROLES.filter((role) => items.some((item) => item.role === role));
  const groupIds = Object.fromEntries(
    await Promise.all(
      rolesUsed.map(
        async (role) =>
          [role, `group--${await nameBasedUuid(['group', playbook.id, role])}`] as const,
      ),
    ),
  ) as Record<CrisisRoleId, string>;
  const actionIds = await Promise.all(
    items.map(async (item) => `action--${await nameBasedUuid(['action', playbook.id, item.id])}`),
  );

  const createdBy = `identity--${identityUuid}`;
  const startId = `start--${startUuid}`;
  const endId = `end--${endUuid}`;
  const extensionId = `extension-definition--${extensionUuid}`;

  const agentDefinitions: CacaoPlaybook['agent_definitions'] = {};
  for (const role of rolesUsed) {
    agentDefinitions[groupIds[role]] = { type: 'group', name: ROLE_NAMES[role][locale] };
  }

  const workflow: CacaoPlaybook['workflow'] = {};
  workflow[startId] = { type: 'start', name: words.start, on_completion: actionIds[0] ?? endId };
  items.forEach((item, index) => {
    const text = item.text[locale];
    const extension: CacaoChecklistItemExtension = {
      phase: item.phase,
      role: item.role,
      level: item.level,
      ...(item.due !== undefined ? { due: item.due } : {}),
      item_id: item.id,
    };
    workflow[actionIds[index]] = {
      type: 'action',
      name: truncate(text, STEP_NAME_MAX),
      description: text,
      agent: groupIds[item.role],
      commands: [{ type: 'manual', command: text }],
      // CACAO wants at least one of description/source/url… next to name; source fits a citation.
      ...(item.source.trim()
        ? { external_references: [{ name: item.source, source: item.source }] }
        : {}),
      step_extensions: { [extensionId]: extension },
      on_completion: actionIds[index + 1] ?? endId,
    };
  });
  workflow[endId] = { type: 'end', name: words.end };

  return {
    type: 'playbook',
    spec_version: 'cacao-2.0',
    id: `playbook--${playbookUuid}`,
    name: playbook.title[locale],
    description: words.description(
      playbook.title[locale],
      playbook.version,
      playbook.updated,
      organisation,
    ),
    created_by: createdBy,
    created: timestamp,
    modified: timestamp,
    playbook_types: ['notification', 'mitigation', 'remediation'],
    industry_sectors: ['local-government'],
    workflow_start: startId,
    workflow,
    agent_definitions: agentDefinitions,
    extension_definitions: {
      [extensionId]: {
        type: 'extension-definition',
        name: words.extensionName,
        description: words.extensionDescription,
        created_by: createdBy,
        schema: CACAO_EXTENSION_SCHEMA,
        version: '1.0.0',
      },
    },
  };
}
