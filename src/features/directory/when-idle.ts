/**
 * Resolves once the browser is idle, or after `timeoutMs` at the latest. Safari has no
 * requestIdleCallback: there, after a short delay.
 */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window)
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, Math.min(timeoutMs, 200));
  });
}
