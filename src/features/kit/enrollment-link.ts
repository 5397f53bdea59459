// Enrollment links carry the kit key in the URL fragment:
//   <app>/#/enroll?kit=<url of the .tocsin file>&k=<kit key>
// The fragment never reaches a server, but it does stay in the address bar and the history. This
// module takes the key out of both the moment the app sees it, before any page code runs, and keeps
// it in memory for the enrollment page.

/** What an enrollment link carried. */
export interface EnrollmentLink {
  kitUrl?: string;
  kitKey?: string;
}

let pending: EnrollmentLink | undefined;

/**
 * If the address is an enrollment link holding a key, keeps its parameters and replaces the address
 * with a bare `#/enroll` (replaceState: the link does not stay in the history either).
 */
export function captureEnrollmentLink(location: Location = window.location): void {
  const link = readEnrollmentLink(location.hash);
  if (!link) return;
  pending = link;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#/enroll`);
}

/** The captured link, once: the key is handed over and forgotten here. */
export function takeEnrollmentLink(): EnrollmentLink | undefined {
  const link = pending;
  pending = undefined;
  return link;
}

/** Reads the parameters of an enrollment link or fragment; undefined when it holds neither. */
export function readEnrollmentLink(text: string): EnrollmentLink | undefined {
  const hashStart = text.indexOf('#');
  const fragment = hashStart === -1 ? text : text.slice(hashStart + 1);
  if (!/^\/enroll\/?(\?|$)/.test(fragment)) return undefined;
  const params = new URLSearchParams(fragment.slice(fragment.indexOf('?') + 1));
  const kitUrl = params.get('kit') ?? undefined;
  const kitKey = params.get('k') ?? undefined;
  if (!kitUrl && !kitKey) return undefined;
  return { ...(kitUrl ? { kitUrl } : {}), ...(kitKey ? { kitKey } : {}) };
}
