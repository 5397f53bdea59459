/** What `tocsin-kit --help` prints. */
export const USAGE = `Usage: tocsin-kit <command> [options]

Makes the signed, encrypted crisis kits that enrol the crisis cell's devices (docs/kit-admin.md).

Commands:
  keygen   --org-name NAME --out org.key
      Creates the organisation's signing key. Keep it, and the state file built next to it,
      offline.

  build    --key org.key --contacts FILE.csv|FILE.vcf --livekit-url wss://HOST
           --api-key KEY --api-secret SECRET --out DIR
           [--playbook FILE.json] [--room NAME] [--expires 180d|720h] [--version N] [--epoch N]
           [--app-url URL] [--kits-url URL] [--issued ISO-TIME] [--json]
      Makes one kit per cell member (the contacts marked "Cell member"): DIR/<member>.tocsin,
      the enrollment link DIR/<member>.link.txt and its QR code DIR/<member>.png, and the
      printable DIR/paper-kit.html. Defaults: --room cellule-de-crise, --expires 180d,
      --version the last one + 1, --epoch the last one (1 at first), --app-url
      http://localhost:4173, --kits-url <app-url>/kits/. --api-key and --api-secret may come
      from LIVEKIT_API_KEY and LIVEKIT_API_SECRET instead. --json prints the summary (each
      member's name, job title, roles and files, and the fingerprint) as JSON.

  inspect  FILE.tocsin --kit-key KEY|LINK [--org-key org.key | --fingerprint FP] [--json]
      Opens a kit exactly as a device does and prints what it holds (--json: everything,
      secrets included). Exit code 0 only for a kit a device would accept, 2 for one it would
      refuse, 1 for a wrong command line.

Options of every command:
  -h, --help   print this text`;
