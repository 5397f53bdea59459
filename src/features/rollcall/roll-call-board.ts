// The roll-call board worked out without a DOM: how the answers are ordered.
import { memberName, type SignedMember } from '../../domain/signed-members.js';
import type { RollCallAnswer, RollCallStatus } from '../../domain/records.js';
import type { RollCallBoard } from './roll-call-store.js';

/** The order of the board: whoever needs help first, then who is there, then who is not. */
const BOARD_ORDER: Record<RollCallStatus, number> = {
  help: 0,
  present: 1,
  remote: 2,
  unavailable: 3,
};

/** One answer on the board. */
export interface BoardRow {
  member: string;
  name: string;
  answer: RollCallAnswer;
}

/** The board of a roll-call: the answers in board order, and the members yet to answer. */
export interface ArrangedBoard {
  answered: BoardRow[];
  unanswered: SignedMember[];
}

/**
 * Orders a roll-call's answers (needs help first, then by status, the latest first) and lists the
 * signed members who have not answered. Each member has one answer per roll-call (the store keeps
 * the latest), but the latest is kept here too, whatever the store hands over.
 */
export function arrangeBoard(
  board: RollCallBoard,
  members: readonly SignedMember[],
): ArrangedBoard {
  const latest = new Map<string, RollCallAnswer>();
  for (const answer of board.answers) {
    if (answer.rollCallId !== board.rollCall.id) continue;
    const known = latest.get(answer.member);
    if (!known || known.at < answer.at) latest.set(answer.member, answer);
  }
  const answered = [...latest.values()]
    .map((answer) => ({ member: answer.member, name: memberName(answer.member, members), answer }))
    .sort(
      (a, b) =>
        BOARD_ORDER[a.answer.status] - BOARD_ORDER[b.answer.status] ||
        (a.answer.at < b.answer.at ? 1 : a.answer.at > b.answer.at ? -1 : 0) ||
        a.name.localeCompare(b.name),
    );
  const unanswered = members.filter((member) => !latest.has(member.id));
  return { answered, unanswered };
}
