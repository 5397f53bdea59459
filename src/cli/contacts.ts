// Reading the directory with the app's own importers, so that a file reads the same in the app and
// in the kit.
import { extname } from 'node:path';
import type { Contact } from '../domain/contact.js';
import { importContactsCsv } from '../domain/contact-files/csv-import.js';
import { importContactsVcard } from '../domain/contact-files/vcard.js';
import { CliError } from './cli-error.js';
import { readInputFile } from './files.js';
import type { Output } from './output.js';

/** Reads a .csv or .vcf directory, printing what was left out or read with a doubt. */
export async function readContactsFile(path: string, output: Output): Promise<Contact[]> {
  const extension = extname(path).toLowerCase();
  const importer =
    extension === '.csv'
      ? importContactsCsv
      : extension === '.vcf' || extension === '.vcard'
        ? importContactsVcard
        : undefined;
  if (!importer) throw new CliError(`--contacts: ${path} is neither a .csv nor a .vcf file.`);
  const outcome = importer(await readInputFile(path, '--contacts'));
  if (!outcome.ok) throw new CliError(`--contacts: ${path}: ${outcome.error}`);
  for (const refused of outcome.refused) {
    output.err(`${path}, line ${refused.line}: left out: ${refused.reason}`);
  }
  for (const warning of outcome.warnings) output.err(`${path}: ${warning}`);
  return outcome.contacts;
}
