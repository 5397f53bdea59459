/**
 * Saves text as a file on the device (exports, backups). Nothing leaves the device: the file is
 * built in memory and handed to the browser's download.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file-name-safe date, e.g. 2026-11-25. */
export function fileDate(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
