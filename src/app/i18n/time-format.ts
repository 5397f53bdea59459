// Times as the crisis cell reads them, in the language of the interface.
import { currentLocale } from './i18n.js';

/** A log time: hours and minutes today, with the date otherwise. */
export function logTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(currentLocale(), {
    ...(sameDay ? {} : { day: '2-digit', month: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A full date and time, for the printed log and the report. */
export function fullTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}
