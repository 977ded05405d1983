import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // Rendering real documents and calling LibreOffice takes seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on every machine: keep parallelism modest so client tests do not starve.
    maxWorkers: 2,
  },
});
