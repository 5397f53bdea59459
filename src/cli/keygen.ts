// `tocsin-kit keygen`: the organisation's signing key, created once.
import { parseArgs } from 'node:util';
import { required, withUsageErrors } from './args.js';
import { UsageError } from './cli-error.js';
import { writeNewPrivateFile } from './files.js';
import { createOrganisationKey, MAX_ORGANISATION_NAME } from './org-key.js';
import type { Output } from './output.js';
import { USAGE } from './usage.js';

/** Creates the organisation key file (owner-only, never over an existing file). */
export async function keygen(args: string[], output: Output): Promise<number> {
  const { values } = withUsageErrors(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        'org-name': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const name = required(values['org-name'], '--org-name').trim();
  if (name.length > MAX_ORGANISATION_NAME) {
    throw new UsageError(`--org-name may have at most ${MAX_ORGANISATION_NAME} characters.`);
  }
  const out = required(values.out, '--out');

  const { file, key } = await createOrganisationKey(name, new Date());
  await writeNewPrivateFile(out, `${JSON.stringify(file, null, 2)}\n`);
  output.out(`Organisation key written to ${out} (readable by you only).`);
  output.out(`Organisation: ${key.organisation.name}`);
  output.out(`Id:           ${key.organisation.id}`);
  output.out(`Fingerprint:  ${key.fingerprint}`);
  output.out('');
  output.out(
    'Members compare this fingerprint with the paper kit when they enrol: build prints it',
  );
  output.out('in paper-kit.html. Keep the key offline (a USB key in a safe, and a backup copy):');
  output.out(
    'whoever holds it can issue kits that every enrolled device accepts; lose it and every',
  );
  output.out('device must be enrolled again under a new key.');
  return 0;
}
