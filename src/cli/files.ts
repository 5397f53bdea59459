// Writing files that hold secrets: owner-only from the first byte, and never half-written.
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

const OWNER_ONLY = 0o600;

/**
 * Creates a new owner-only file; an existing file is never replaced (`wx`), so a second keygen
 * cannot destroy the key every enrolled device trusts.
 */
export async function writeNewPrivateFile(path: string, data: string): Promise<void> {
  try {
    await writeFile(path, data, { mode: OWNER_ONLY, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(`${path} already exists; it was not overwritten.`);
    }
    throw error;
  }
}

/**
 * Writes an owner-only file, replacing any earlier one. The mode given to open() applies only to a
 * file it creates, so an existing file is made owner-only before anything is written into it.
 */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const file = await open(path, 'w', OWNER_ONLY);
  try {
    await file.chmod(OWNER_ONLY);
    await file.writeFile(data);
  } finally {
    await file.close();
  }
}

/** Replaces a file in one step (write aside, then rename), so a crash leaves the old one whole. */
export async function replacePrivateFile(path: string, data: string): Promise<void> {
  const aside = `${path}.${process.pid}.tmp`;
  try {
    await writePrivateFile(aside, data);
    await rename(aside, path);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
}

/** Whether a secret file can be read by other users than its owner (never on Windows). */
export async function isReadableByOthers(path: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  return ((await stat(path)).mode & 0o077) !== 0;
}

/** Reads a whole file, with the option that named it in the message when it cannot be read. */
export async function readInputFile(path: string, option: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${option}: ${path} does not exist.`);
    if (code === 'EISDIR') throw new CliError(`${option}: ${path} is a directory.`);
    if (code === 'EACCES') throw new CliError(`${option}: ${path} cannot be read (permissions).`);
    throw error;
  }
}
