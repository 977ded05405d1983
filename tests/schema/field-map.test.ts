import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clausesByEveryField, clausesByField } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { fieldMapMarkdown, kindOf, schemaFieldPaths, schemaPointer } from '../../src/schema/field-map.js';
import { resolveSchemaPath } from '../../src/schema/path.js';

describe('docs/field-map.md', () => {
  const text = fieldMapMarkdown(clausesByEveryField(loadCatalogue()));

  it('is the committed file (regenerate: npm run build && node dist/pipeline/write-schema.js)', () => {
    const committed = readFileSync(new URL('../../docs/field-map.md', import.meta.url), 'utf8');
    expect(
      committed === text,
      'docs/field-map.md is stale: run `npm run build && node dist/pipeline/write-schema.js`',
    ).toBe(true);
  });

  it('has one row per catalogue field, none missing from the schema', () => {
    const catalogue = loadCatalogue();
    const paths = clausesByField(catalogue, [...new Set(catalogue.clauses.flatMap((c) => c.doc))]).keys();
    for (const path of paths) expect(text, path).toContain(`| \`${path}\` |`);
    expect(text).not.toContain('**missing**');
  });

  it('notes every record designed here and every record column the catalogue does not name', () => {
    expect(text).toMatch(/\| `security\.threats_addressed\[\]` \|.*record designed here.*stride/);
    expect(text).toMatch(/\| `network\.ports\[\]` \|.*record also has id.*transport/);
    expect(text).toContain('| `network.interfaces[].type` |');
  });
});

describe('field map helpers', () => {
  const schema = deviceSchema();

  it('builds JSON pointers that resolve in the schema', () => {
    for (const path of [
      'support_period.end_date',
      'network.ports[].port',
      'network.ports[]',
      'security.capabilities[automatic_logoff]',
    ]) {
      const pointer = schemaPointer(path);
      let node: unknown = schema;
      for (const part of pointer.split('/').slice(1))
        node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      expect(node, path).toEqual(resolveSchemaPath(schema, path));
    }
  });

  it('describes kinds of value in words', () => {
    expect(kindOf({ type: 'string', format: 'date' })).toBe('date');
    expect(kindOf({ type: 'boolean' })).toBe('yes/no');
    expect(kindOf({ type: 'array', items: { type: 'string' } })).toBe('list of text');
    expect(kindOf({ type: 'string', enum: ['a', 'b'] })).toBe('one of: a, b');
    expect(kindOf({ type: 'array', items: { type: 'object', required: ['id'], properties: { id: {}, x: {} } } })).toBe(
      'list of records keyed by id (id, x)',
    );
  });

  it('lists every schema field path, and each resolves', () => {
    const paths = schemaFieldPaths(schema);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(resolveSchemaPath(schema, path), path).toBeDefined();
  });
});
