/**
 * Resolves once the browser is idle, or after `timeoutMs` at the latest. Safari has no
 * requestIdleCallback: there, after `fallbackMs`.
 */
export function whenIdle(timeoutMs: number, fallbackMs = Math.min(timeoutMs, 200)): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window)
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, fallbackMs);
  });
}
