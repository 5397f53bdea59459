// Unit and element tests, in the system Chromium (nothing is downloaded): @web/test-runner-chrome
// launches /usr/bin/chromium (or CHROME_PATH) with puppeteer-core, which has no download step.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  files: 'test/unit/**/*.test.ts',
  nodeResolve: { exportConditions: ['production', 'default'] },
  concurrency: 1,
  plugins: [
    esbuildPlugin({
      ts: true,
      // The default playbook is a JSON file the app imports as a module (Vite and esbuild do).
      json: true,
      target: 'es2022',
      tsconfig: './tsconfig.json',
      define: {
        'import.meta.env': JSON.stringify({ DEV: true, PROD: false, MODE: 'test', BASE_URL: '/' }),
        __TOCSIN_VERSION__: JSON.stringify('0.0.0-test'),
      },
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter(process.env.TOCSIN_TEST_SUMMARY)],
  testFramework: { config: { timeout: 10000 } },
};
