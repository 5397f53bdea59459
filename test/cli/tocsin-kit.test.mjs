// The tocsin-kit command, run through its real launcher as an administrator would, in a temporary
// folder: keygen, build from CSV and vCard, inspect as a device, and the refusals.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, URL } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.mjs', import.meta.url));
const FIXTURE_CSV = fileURLToPath(new URL('./fixtures/cell.csv', import.meta.url));
const MEMBERS = ['helene-lefevre', 'francois-nguyen', 'zoe-menard'];
const LIVEKIT = ['--livekit-url', 'wss://livekit.example.org', '--api-key', 'APItest'];
const SECRET = ['--api-secret', 'a-test-secret-long-enough-for-hs256-signing'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Runs the command in `cwd` (never the repository: the launcher must find its sources itself).
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
function run(args, cwd) {
  const env = { ...process.env };
  delete env.LIVEKIT_API_KEY;
  delete env.LIVEKIT_API_SECRET;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Runs the command and fails the test, with its output, unless it succeeds. */
async function runOk(args, cwd) {
  const result = await run(args, cwd);
  assert.equal(result.code, 0, `tocsin-kit ${args.join(' ')}\n${result.stderr}`);
  return result;
}

/** The fingerprint that keygen and build print. */
function fingerprintFrom(output) {
  const match = /^Fingerprint: +([0-9A-F ]+)$/m.exec(output);
  assert.ok(match, `no fingerprint in:\n${output}`);
  return match[1].trim();
}

function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

const modeOf = async (path) => (await stat(path)).mode & 0o777;

describe('tocsin-kit', () => {
  let dir = '';
  let fingerprint = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tocsin-kit-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const build = (...args) =>
    run(['build', '--key', 'org.key', ...LIVEKIT, ...SECRET, ...args], dir);

  test('--help prints the usage of every command', async () => {
    const { stdout } = await runOk(['--help'], dir);
    for (const command of ['keygen', 'build', 'inspect']) assert.match(stdout, new RegExp(command));
    const unknown = await run(['build', '--no-such-option'], dir);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no-such-option[\s\S]*Usage: tocsin-kit/);
  });

  test('keygen writes an owner-only key and never overwrites one', async () => {
    const { stdout } = await runOk(
      ['keygen', '--org-name', 'Mairie de Saint-Étienne', '--out', 'org.key'],
      dir,
    );
    fingerprint = fingerprintFrom(stdout);
    assert.match(fingerprint, /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    assert.match(stdout, /Id: +mairie-de-saint-etienne-[0-9a-f]{8}$/m);
    const key = JSON.parse(await readFile(join(dir, 'org.key'), 'utf8'));
    assert.equal(key.type, 'tocsin-organisation-key');
    assert.equal(key.organisation.name, 'Mairie de Saint-Étienne');
    assert.equal(await modeOf(join(dir, 'org.key')), 0o600);

    const again = await run(['keygen', '--org-name', 'Autre', '--out', 'org.key'], dir);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'org.key'), 'utf8')), key);
  });

  test('build makes a kit, a link and a QR code per cell member, and the paper kit', async () => {
    const { stdout } = await build('--contacts', FIXTURE_CSV, '--out', 'kits');
    assert.match(stdout, /Kit: +1\.1 /);
    // Each member is named with the job title and crisis roles, so the mayor is found at a glance.
    assert.match(
      stdout,
      /helene-lefevre +Hélène Lefèvre \(Directrice générale des services, Décideur \/ Decision-maker\)/,
    );
    assert.match(
      stdout,
      /francois-nguyen +François Nguyễn \([^)]*Technique \/ Technical, Coordinateur/,
    );
    const files = await readdir(join(dir, 'kits'));
    for (const member of MEMBERS) {
      for (const extension of ['.tocsin', '.link.txt', '.png']) {
        assert.ok(files.includes(member + extension), `${member}${extension} is missing`);
      }
      const link = (await readFile(join(dir, 'kits', `${member}.link.txt`), 'utf8')).trim();
      const kitUrl = encodeURIComponent(`http://localhost:4173/kits/${member}.tocsin`);
      assert.match(
        link,
        new RegExp(`^http://localhost:4173/#/enroll\\?kit=${kitUrl}&k=[A-Za-z0-9_-]{43}$`),
      );
      const png = await readFile(join(dir, 'kits', `${member}.png`));
      assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
      assert.equal(await modeOf(join(dir, 'kits', `${member}.link.txt`)), 0o600);
      assert.equal(await modeOf(join(dir, 'kits', `${member}.png`)), 0o600);
    }
    assert.equal(files.filter((name) => name.endsWith('.tocsin')).length, 3);
    assert.ok(files.includes('paper-kit.html'));
    assert.doesNotMatch(stdout, /k=|a-test-secret/);
  });

  test('inspect accepts every member’s kit, checked against the key, the fingerprint or the link', async () => {
    for (const member of MEMBERS) {
      const kit = join('kits', `${member}.tocsin`);
      const link = (await readFile(join(dir, 'kits', `${member}.link.txt`), 'utf8')).trim();
      const key = new URL(link).hash.split('&k=')[1];
      const byOrgKey = await runOk(['inspect', kit, '--kit-key', key, '--org-key', 'org.key'], dir);
      assert.match(byOrgKey.stdout, new RegExp(`Member: +${member} `));
      assert.match(byOrgKey.stdout, /Contacts: +6$/m);
      assert.match(byOrgKey.stdout, /Room: +cellule-de-crise$/m);
      const lowerCase = fingerprint.toLowerCase().replace(/ /g, '-');
      await runOk(['inspect', kit, '--kit-key', key, '--fingerprint', lowerCase], dir);
      await runOk(['inspect', kit, '--kit-key', link, '--fingerprint', fingerprint], dir);
    }
  });

  test('inspect --json shows the whole kit: the room secret and a token for this member only', async () => {
    const link = await readFile(join(dir, 'kits', 'zoe-menard.link.txt'), 'utf8');
    const { stdout } = await runOk(
      ['inspect', 'kits/zoe-menard.tocsin', '--kit-key', link, '--json'],
      dir,
    );
    const kit = JSON.parse(stdout);
    assert.equal(kit.fingerprint, fingerprint);
    assert.match(kit.manifestHash, /^[A-Za-z0-9_-]{43}$/);
    assert.match(kit.content.room.e2eeSecret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(kit.content.room.livekitUrl, 'wss://livekit.example.org');
    assert.deepEqual(
      kit.content.room.emergencyNumbers.map((entry) => entry.number),
      ['15', '17', '18', '112', '114'],
    );
    const token = jwtPayload(kit.content.member.livekitToken);
    assert.equal(token.sub, 'zoe-menard');
    assert.equal(token.iss, 'APItest');
    assert.equal(token.video.room, 'cellule-de-crise');
    assert.equal(token.video.roomJoin, true);
    assert.ok(Math.abs(token.exp - Date.parse(kit.manifest.expires) / 1000) < 10);
    const validityDays =
      (Date.parse(kit.manifest.expires) - Date.parse(kit.manifest.issued)) / 864e5;
    assert.equal(validityDays, 180);
    const members = kit.content.directory.contacts.filter((contact) => contact.member);
    assert.deepEqual(members.map((contact) => contact.member.id).sort(), [...MEMBERS].sort());
    assert.equal(kit.content.directory.contacts.length, 6);
  });

  test('inspect refuses a wrong key, another organisation and an altered file (exit code 2)', async () => {
    const otherKey = (await readFile(join(dir, 'kits', 'zoe-menard.link.txt'), 'utf8')).trim();
    const wrongKey = await run(
      ['inspect', 'kits/helene-lefevre.tocsin', '--kit-key', otherKey],
      dir,
    );
    assert.equal(wrongKey.code, 2);
    assert.match(wrongKey.stderr, /^tocsin-kit: This kit cannot be opened with this key/);
    // One key in 64 starts with "-": it is still read as the key, not as an option.
    const dashKey = await run(
      ['inspect', 'kits/helene-lefevre.tocsin', '--kit-key', `-${'A'.repeat(42)}`],
      dir,
    );
    assert.equal(dashKey.code, 2, dashKey.stderr);
    assert.match(dashKey.stderr, /^tocsin-kit: This kit cannot be opened with this key/);

    const link = (await readFile(join(dir, 'kits', 'helene-lefevre.link.txt'), 'utf8')).trim();
    const otherFingerprint = await run(
      ['inspect', 'kits/helene-lefevre.tocsin', '--kit-key', link, '--fingerprint', '0'.repeat(32)],
      dir,
    );
    assert.equal(otherFingerprint.code, 2);
    assert.match(otherFingerprint.stderr, /another organisation/);

    await runOk(['keygen', '--org-name', 'Autre mairie', '--out', 'other.key'], dir);
    const otherOrg = await run(
      ['inspect', 'kits/helene-lefevre.tocsin', '--kit-key', link, '--org-key', 'other.key'],
      dir,
    );
    assert.equal(otherOrg.code, 2);
    assert.match(otherOrg.stderr, /another organisation/);

    const file = await readFile(join(dir, 'kits', 'helene-lefevre.tocsin'));
    file[Math.floor(file.length / 2)] ^= 0x01;
    await writeFile(join(dir, 'flipped.tocsin'), file);
    const flipped = await run(['inspect', 'flipped.tocsin', '--kit-key', link], dir);
    assert.equal(flipped.code, 2);
    assert.match(flipped.stderr, /cannot be opened with this key/);

    const badKey = await run(['inspect', 'kits/helene-lefevre.tocsin', '--kit-key', 'abc'], dir);
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /kit key is not valid/);
  });

  test('the next build is version 2, keeps every member’s key and rotates the room secret', async () => {
    const before = JSON.parse(await readFile(join(dir, 'org.key.state.json'), 'utf8'));
    assert.equal(before.version, 1);
    assert.equal(before.epoch, 1);
    assert.equal(await modeOf(join(dir, 'org.key.state.json')), 0o600);
    const secretOf = async (kits) => {
      const link = await readFile(join(dir, kits, 'zoe-menard.link.txt'), 'utf8');
      const { stdout } = await runOk(
        ['inspect', `${kits}/zoe-menard.tocsin`, '--kit-key', link, '--json'],
        dir,
      );
      return JSON.parse(stdout);
    };
    const first = await secretOf('kits');

    const { stdout } = await build('--contacts', FIXTURE_CSV, '--out', 'kits-2');
    assert.match(stdout, /Kit: +1\.2 /);
    const state = JSON.parse(await readFile(join(dir, 'org.key.state.json'), 'utf8'));
    assert.equal(state.version, 2);
    assert.deepEqual(state.members, before.members);
    const second = await secretOf('kits-2');
    assert.equal(second.manifest.version, 2);
    assert.deepEqual(second.content.member.signingKey, first.content.member.signingKey);
    assert.notEqual(second.content.room.e2eeSecret, first.content.room.e2eeSecret);
  });

  test('a version already issued is refused, and the state is left as it was', async () => {
    const before = await readFile(join(dir, 'org.key.state.json'), 'utf8');
    const same = await build('--contacts', FIXTURE_CSV, '--out', 'kits-3', '--version', '2');
    assert.equal(same.code, 1);
    assert.match(same.stderr, /--version 2 is not higher than the recorded version 2/);
    assert.equal(await readFile(join(dir, 'org.key.state.json'), 'utf8'), before);
    await assert.rejects(stat(join(dir, 'kits-3')));

    const newEpoch = await build('--contacts', FIXTURE_CSV, '--out', 'kits-3', '--epoch', '2');
    assert.equal(newEpoch.code, 0, newEpoch.stderr);
    assert.match(newEpoch.stdout, /Kit: +2\.1 /);
  });

  test('kits on another origin than the app, or a LiveKit URL that is not ws(s), are refused', async () => {
    const elsewhere = await build(
      ...['--contacts', FIXTURE_CSV, '--out', 'kits-elsewhere'],
      ...['--app-url', 'https://crise.example.org', '--kits-url', 'https://cdn.example.org/kits'],
    );
    assert.equal(elsewhere.code, 1);
    assert.match(elsewhere.stderr, /--kits-url must be on the app's origin/);
    const http = await run(
      ['build', '--key', 'org.key', '--contacts', FIXTURE_CSV, '--out', 'kits-http'].concat([
        '--livekit-url',
        'https://livekit.example.org',
        '--api-key',
        'k',
        '--api-secret',
        's',
      ]),
      dir,
    );
    assert.equal(http.code, 1);
    assert.match(http.stderr, /--livekit-url must start with wss:\/\//);
    await assert.rejects(stat(join(dir, 'kits-http')));
  });

  test('a directory without any cell member is refused', async () => {
    const csv = (await readFile(FIXTURE_CSV, 'utf8')).replace(/,(oui|yes),/g, ',non,');
    await writeFile(join(dir, 'nobody.csv'), csv);
    const result = await build('--contacts', 'nobody.csv', '--out', 'kits-none');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no contact is a cell member/);
  });

  test('build reads a vCard directory, and the paper kit escapes what it prints', async () => {
    await runOk(['keygen', '--org-name', 'Préfecture', '--out', 'vcard.key'], dir);
    const vcards = [
      ['Maëlle Rivière', 'true'],
      ['<script>alert(1)</script>', 'true'],
      ['Noé Petit', 'false'],
    ]
      .map(([name, member]) =>
        ['BEGIN:VCARD', 'VERSION:4.0', `FN:${name}`, `X-TOCSIN-CELL-MEMBER:${member}`, 'END:VCARD']
          .map((line) => `${line}\r\n`)
          .join(''),
      )
      .join('');
    await writeFile(join(dir, 'cell.vcf'), vcards);
    const { stdout } = await runOk(
      [
        'build',
        '--key',
        'vcard.key',
        '--contacts',
        'cell.vcf',
        ...LIVEKIT,
        ...SECRET,
        '--out',
        'vcard-kits',
        '--app-url',
        'https://crise.example.org',
        '--expires',
        '30d',
      ],
      dir,
    );
    assert.match(stdout, /Members \(2\)/);
    const files = await readdir(join(dir, 'vcard-kits'));
    assert.ok(files.includes('maelle-riviere.tocsin'));
    assert.ok(files.includes('script-alert-1-script.tocsin'));
    const link = await readFile(join(dir, 'vcard-kits', 'maelle-riviere.link.txt'), 'utf8');
    assert.ok(
      link.startsWith(
        `https://crise.example.org/#/enroll?kit=${encodeURIComponent('https://crise.example.org/kits/maelle-riviere.tocsin')}&k=`,
      ),
    );

    const paper = await readFile(join(dir, 'vcard-kits', 'paper-kit.html'), 'utf8');
    const vcardFingerprint = fingerprintFrom(stdout);
    assert.ok(paper.includes(vcardFingerprint));
    assert.match(paper, /<html lang="fr">/);
    assert.ok(paper.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.doesNotMatch(paper, /<script/i);
    assert.ok(paper.includes('Maëlle Rivière'));
    assert.ok(paper.includes('wss://livekit.example.org'));
    const kit = JSON.parse(
      (
        await runOk(
          ['inspect', 'vcard-kits/maelle-riviere.tocsin', '--kit-key', link, '--json'],
          dir,
        )
      ).stdout,
    );
    assert.ok(!paper.includes(kit.content.room.e2eeSecret));
    assert.ok(!paper.includes(kit.content.member.livekitToken));
  });

  test('build --json gives each member by name, title and roles with their files and the fingerprint', async () => {
    const { stdout } = await runOk(
      ['build', '--key', 'org.key', ...LIVEKIT, ...SECRET, '--contacts', FIXTURE_CSV].concat([
        '--out',
        'json-kits',
        '--epoch',
        '7',
        '--json',
      ]),
      dir,
    );
    const summary = JSON.parse(stdout);
    assert.equal(summary.fingerprint, fingerprint);
    assert.equal(summary.organisation.name, 'Mairie de Saint-Étienne');
    assert.deepEqual(
      summary.members.map((member) => member.id),
      MEMBERS,
    );
    const helene = summary.members[0];
    assert.equal(helene.displayName, 'Hélène Lefèvre');
    assert.equal(helene.jobTitle, 'Directrice générale des services');
    assert.deepEqual(helene.roles, [{ id: 'decideur', fr: 'Décideur', en: 'Decision-maker' }]);
    const link = (await readFile(helene.link, 'utf8')).trim();
    assert.match(link, /#\/enroll\?kit=.*helene-lefevre\.tocsin&k=/);
    await stat(helene.kit);
    // The summary names the files; the kit keys stay in them, not on stdout.
    assert.doesNotMatch(stdout, /k=|a-test-secret/);
  });
});
