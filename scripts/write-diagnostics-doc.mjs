// Regenerates docs/diagnostics.md from the diagnostics registry. Run after a build:
// `npm run docs:diagnostics` (tests/diagnostics/registry.test.ts fails while the file is stale).
import { writeFileSync } from 'node:fs';
import { diagnosticsMarkdown } from '../dist/diagnostics/registry-doc.js';

const target = new URL('../docs/diagnostics.md', import.meta.url);
writeFileSync(target, diagnosticsMarkdown());
console.log(`wrote ${target.pathname}`);
