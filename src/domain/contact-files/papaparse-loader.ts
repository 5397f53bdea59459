/**
 * papaparse, the CSV tokenizer, loaded so that it works wherever the import runs: in the app built
 * by Vite, in the Node admin CLI bundled by esbuild, and in the unit test server.
 */
import type * as PapaModule from 'papaparse';

type Papaparse = typeof PapaModule;

/**
 * papaparse ships one UMD file and no ES module. Vite and Node wrap it as CommonJS and hand its
 * exports over as the default export, but a browser that loads it as a plain ES module (the unit
 * test server has no CommonJS transform) runs it with `this` undefined and it throws. A global
 * `module` for the time of its first evaluation gives it somewhere to put its exports; where a real
 * CommonJS wrapper exists, the wrapper's own `module` hides this one and nothing changes.
 */
async function loadPapaparse(): Promise<Papaparse> {
  const scope = globalThis as { module?: unknown; exports?: unknown };
  const shim: { exports: Partial<Papaparse> } = { exports: {} };
  const installShim = !('module' in scope) && !('exports' in scope);
  if (installShim) {
    scope.module = shim;
    scope.exports = shim.exports;
  }
  try {
    const loaded = (await import('papaparse')) as Partial<Papaparse> & { default?: Papaparse };
    if (typeof loaded.default?.parse === 'function') return loaded.default;
    if (typeof loaded.parse === 'function') return loaded as Papaparse;
    if (typeof shim.exports.parse === 'function') return shim.exports as Papaparse;
    throw new Error('papaparse loaded without its parse function');
  } finally {
    if (installShim) {
      delete scope.module;
      delete scope.exports;
    }
  }
}

/** papaparse's API, whichever way the host handed it over. */
export const Papa: Papaparse = await loadPapaparse();
