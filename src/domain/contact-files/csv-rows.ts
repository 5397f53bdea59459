/**
 * Splits the decoded text of a CSV file into rows of cells, each with the line of the file where it
 * starts, so that a refused line can be named as people see it in their editor. The separator is
 * the one an Excel "sep=" line names, otherwise the one that makes the most known column names out
 * of the header. A quote left open refuses the whole file: what follows it cannot be trusted.
 */
import type * as PapaModule from 'papaparse';
import { columnRoleOf } from './csv-headers.js';
import { Papa } from './papaparse-loader.js';
import { refuseFile, type ImportFailure } from './types.js';

/** More columns than this on one line is not a directory (Outlook's full export has 92). */
export const MAX_CSV_COLUMNS = 500;

/** One line of the file, with the 1-based line number where it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

// Excel writes and reads a first line "sep=;" naming the separator.
const SEPARATOR_HINT = /^sep=([,;\t|])[ \t]*(?=\n|$)/i;

/** Whether a row holds nothing but white space (a blank line, or only separators). */
export function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function firstNonBlankRow(rows: string[][]): string[] {
  return rows.find((cells) => !isBlankRow(cells)) ?? [];
}

/**
 * The separator that makes the most known column names out of the header; with none known (the
 * file is about to be refused anyway), the one that splits the header most.
 */
function sniffDelimiter(text: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestScore = -1;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: 20 });
    const header = firstNonBlankRow(preview.data);
    const known = header.filter((name) => columnRoleOf(name) !== undefined).length;
    const score = known * (MAX_CSV_COLUMNS + 1) + Math.min(header.length, MAX_CSV_COLUMNS);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    if (text.charCodeAt(index) === 10) count++;
  }
  return count;
}

// The other Papa errors (field counts, delimiter guessing) cannot happen without a header mode or
// with a given delimiter; these two mean a quote swallowed the rest of the file.
function isQuoteError(error: PapaModule.ParseError): boolean {
  return error.code === 'MissingQuotes' || error.code === 'InvalidQuotes';
}

function unbalancedQuotes(line: number): ImportFailure {
  return refuseFile(
    'unbalanced-quotes',
    `A quote opened on line ${line} is not closed properly, so the file cannot be read whole; nothing was imported.`,
  );
}

/** Splits the text into rows, each with its starting line; refuses the file on broken quotes. */
function parseRows(text: string, delimiter: string): CsvRow[] | ImportFailure {
  const rows: CsvRow[] = [];
  let failure: ImportFailure | undefined;
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      if (failure) return;
      if (result.errors.some(isQuoteError)) {
        failure = unbalancedQuotes(line);
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data });
      line += countLineBreaks(text, rowStart, result.meta.cursor);
      rowStart = result.meta.cursor;
    },
  });
  return failure ?? rows;
}

/** The rows of a decoded CSV file, after line ends are unified and the delimiter is found. */
export function readRows(decodedText: string): CsvRow[] | ImportFailure {
  // One line-end style for the whole file: papaparse guesses a single one, and counting lines
  // for the reports needs one too. Line ends inside notes become "\n", which changes nothing shown.
  let text = decodedText.replace(/\r\n?/g, '\n');
  const hint = SEPARATOR_HINT.exec(text);
  // The hint is blanked, its line end kept, so that line numbers stay those of the file.
  if (hint) text = text.slice(hint[0].length);
  return parseRows(text, hint ? hint[1] : sniffDelimiter(text));
}
