// The English messages of the roll-call page. They load with the page, never at start-up.
import type { RollCallStatus } from '../../domain/records.js';

const statuses: Record<`rollcall.status.${RollCallStatus}`, string> = {
  'rollcall.status.present': 'Present on site',
  'rollcall.status.remote': 'Available remotely',
  'rollcall.status.unavailable': 'Unavailable',
  'rollcall.status.help': 'Needs help',
};

export const rollcallEn = {
  'rollcall.loading': 'Opening the roll-call…',
  'rollcall.loadFailed': (reason: string) => `The roll-call could not be read: ${reason}`,
  'rollcall.notEnrolled.title': 'Only crisis-cell members answer the roll-call',
  'rollcall.notEnrolled.body':
    'Each answer is signed with the member key of your crisis kit. Install your kit on this device to take part.',
  'rollcall.notEnrolled.action': 'Install the crisis kit',
  'rollcall.empty.title': 'No roll-call yet',
  'rollcall.empty.body':
    'Start a roll-call to know at once who is on site, who can help remotely, who is unavailable and who needs help. Every member answers in one tap.',
  'rollcall.start': 'Start a roll-call',
  'rollcall.startNew': 'Start a new roll-call',
  'rollcall.startFailed': (reason: string) => `The roll-call could not be started: ${reason}`,
  'rollcall.confirm.title': 'Start a new roll-call?',
  'rollcall.confirm.body':
    'The board starts again empty and every member answers again. The answers to the current roll-call stay recorded.',
  'rollcall.confirm.cancel': 'Cancel',
  'rollcall.confirm.start': 'Start the new roll-call',
  'rollcall.current': 'Current roll-call',
  'rollcall.started': (time: string, name: string) => `Started at ${time} by ${name}`,
  'rollcall.yourAnswer': 'Your answer',
  'rollcall.yourAnswerHint': 'One tap. You can change it at any time.',
  'rollcall.answered': (status: string, time: string) =>
    `Your answer “${status}” is recorded (${time}).`,
  'rollcall.answerFailed': (reason: string) => `Your answer could not be recorded: ${reason}`,
  ...statuses,
  'rollcall.board': 'Answers',
  'rollcall.count': (answered: number, total: number) =>
    `${answered} of ${total} members answered.`,
  'rollcall.helpAlert': (names: string) => `Needs help: ${names}`,
  'rollcall.noAnswers': 'Nobody has answered yet.',
  'rollcall.notAnswered': 'Not answered yet',
  'rollcall.everyoneAnswered': 'Every member has answered.',
  'rollcall.you': (name: string) => `${name} (you)`,
  'rollcall.call': 'Call',
  'rollcall.sms': 'SMS',
  'rollcall.callLabel': (name: string, number: string) => `Call ${name}, ${number}`,
  'rollcall.smsLabel': (name: string, number: string) => `SMS to ${name}, ${number}`,
  'rollcall.smsBody': (time: string) =>
    `Roll-call of ${time}: please answer in Tocsin (present on site, available remotely, unavailable or needs help).`,
  'rollcall.noPhone': 'No phone number',
  'rollcall.invalidNumber': 'not a valid number',
};

export type RollcallMessages = typeof rollcallEn;
