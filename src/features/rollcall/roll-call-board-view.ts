// The roll-call's board as the page shows it: drawn into the page's shadow root, whose styles
// (rollcall-page-styles.ts) it uses. The order of the answers is worked out in roll-call-board.ts.
import { html, nothing } from 'lit';
import { logTime } from '../../app/i18n/time-format.js';
import {
  detectSmsPlatform,
  smsUri,
  telUri,
  textablePhone,
  readablePhone,
} from '../../domain/phone-links.js';
import type { SignedMember } from '../../domain/signed-members.js';
import { arrangeBoard } from './roll-call-board.js';
import type { RollCallBoard } from './roll-call-store.js';
import { t } from './rollcall-messages.js';

/**
 * The board of a roll-call: how many answered, an alert naming whoever needs help, each answer
 * in board order with its time, and the members yet to answer, each with a call and an SMS
 * (this device's own member among them, marked as "you" and without either).
 */
export function renderBoard(board: RollCallBoard, members: readonly SignedMember[], self: string) {
  const { answered, unanswered } = arrangeBoard(board, members);
  const total = new Set([...members.map((m) => m.id), ...answered.map((row) => row.member)]).size;
  const needHelp = answered.filter((row) => row.answer.status === 'help');
  const name = (id: string, plain: string) => (id === self ? t('rollcall.you', plain) : plain);
  const platform = detectSmsPlatform();
  const smsBody = t('rollcall.smsBody', logTime(board.rollCall.startedAt));
  return html`<section class="card" aria-labelledby="board-title">
    <h2 id="board-title">${t('rollcall.board')}</h2>
    <p role="status">${t('rollcall.count', answered.length, total)}</p>
    ${
      needHelp.length
        ? html`<p class="help-alert" role="alert">
            ${t('rollcall.helpAlert', needHelp.map((row) => row.name).join(', '))}
          </p>`
        : nothing
    }
    ${
      answered.length
        ? html`<ul class="board">
            ${answered.map(
              (row) =>
                html`<li
                  class="status-${row.answer.status}"
                  data-member=${row.member}
                  data-status=${row.answer.status}
                >
                  <span class="who">${name(row.member, row.name)}</span>
                  <span class="answer-line">
                    <span class="badge">${t(`rollcall.status.${row.answer.status}`)}</span>
                    <time datetime=${row.answer.at}>${logTime(row.answer.at)}</time>
                  </span>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('rollcall.noAnswers')}</p>`
    }
    <h3>${t('rollcall.notAnswered')} (${unanswered.length})</h3>
    ${
      unanswered.length
        ? html`<ul class="unanswered">
            ${unanswered.map((member) =>
              renderUnanswered(member, member.id === self, platform, smsBody),
            )}
          </ul>`
        : html`<p class="ok">${t('rollcall.everyoneAnswered')}</p>`
    }
  </section>`;
}

function renderUnanswered(
  member: SignedMember,
  isSelf: boolean,
  platform: ReturnType<typeof detectSmsPlatform>,
  smsBody: string,
) {
  const phone = isSelf ? undefined : textablePhone(member.contact);
  // No link for a number that is not dialable: it is shown with a note instead of a wrong button.
  const tel = phone && telUri(phone.number);
  const sms = phone && smsUri([phone.number], smsBody, platform);
  return html`<li data-member=${member.id} data-status="none">
    <span class="who"
      >${isSelf ? t('rollcall.you', member.name) : member.name}
      ${
        isSelf
          ? nothing
          : html`<span class="number"
              >${phone ? readablePhone(phone.number) : t('rollcall.noPhone')}${
                phone && !tel ? ` — ${t('rollcall.invalidNumber')}` : ''
              }</span
            >`
      }</span
    >
    ${
      phone && tel && sms
        ? html`<span class="contact-actions">
            <a
              class="button"
              href=${tel}
              aria-label=${t('rollcall.callLabel', member.name, readablePhone(phone.number))}
              >${t('rollcall.call')}</a
            >
            <a
              class="button secondary"
              href=${sms}
              aria-label=${t('rollcall.smsLabel', member.name, readablePhone(phone.number))}
              >${t('rollcall.sms')}</a
            >
          </span>`
        : nothing
    }
  </li>`;
}
