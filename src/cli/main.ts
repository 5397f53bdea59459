// The tocsin-kit command: the crisis administrator's tool, run on their own (ideally offline)
// machine. bin.mjs bundles this file for Node and calls main().
import { isKitError } from '../kit-format/kit-error.js';
import { build } from './build.js';
import { CliError, UsageError } from './cli-error.js';
import { inspect } from './inspect.js';
import { keygen } from './keygen.js';
import { processOutput, type Output } from './output.js';
import { USAGE } from './usage.js';

const COMMANDS: Record<string, (args: string[], output: Output) => Promise<number>> = {
  keygen,
  build,
  inspect,
};

/**
 * Runs one command and returns the exit code: 0 done, 1 a wrong command line or a task that
 * cannot be done, 2 a kit a device would refuse.
 */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    output.out(USAGE);
    return 0;
  }
  try {
    if (name === undefined) throw new UsageError('No command given.');
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    return await command(args, output);
  } catch (error) {
    return reportFailure(error, output);
  }
}

function reportFailure(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.err(`tocsin-kit: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (isKitError(error)) {
    output.err(`tocsin-kit: ${error.message}`);
    return 2;
  }
  if (error instanceof CliError || isSystemError(error)) {
    output.err(`tocsin-kit: ${error.message}`);
    return 1;
  }
  output.err(`tocsin-kit: unexpected error: ${error instanceof Error ? error.stack : error}`);
  return 1;
}

/** A file-system error (ENOENT, EACCES…): its message names the file. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
