// The two ways a command fails before any kit is involved. A KitError (a kit a device would refuse)
// is the third, and main.ts gives it its own exit code.

/** The command line itself is wrong: main.ts prints the message and the usage, exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command was understood but cannot be done (a file, a refused directory…): exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
