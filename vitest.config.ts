import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit` is the developer's loop: no document client, no generation of the whole
 * example portfolio (npm run test:unit, well under a minute on two cores). `e2e` renders real
 * documents and opens them with LibreOffice, pandoc, qpdf and poppler. `npm test` runs both.
 */
const E2E = [
  'tests/e2e/**/*.test.ts',
  'tests/render-e2e/**/*.test.ts',
  'tests/golden/**/*.test.ts',
  'tests/**/*clients.test.ts',
  // Whole portfolios, 5,000-component SBOMs and spawned processes killed mid-write.
  'tests/sbom/e2e.test.ts',
  'tests/sbom/scale.test.ts',
  'tests/hostile/process.test.ts',
];

export default defineConfig({
  test: {
    // Two cores on every machine: keep parallelism modest so client tests do not starve.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: E2E,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          // Bounds against a hung client, not performance expectations: a loaded two-core
          // machine may take minutes to convert every example with LibreOffice.
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
