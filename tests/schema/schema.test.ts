import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { clausesByField, DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { DATE_OR_MONTH_FORMAT, isDateOrMonth } from '../../src/schema/build.js';
import { schemaJson } from '../../src/schema/emit.js';
import { resolveSchemaPath } from '../../src/schema/path.js';
import { writeSchemaFiles } from '../../src/pipeline/write-schema.js';
import { allObjects, allProperties } from './walk.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function compile() {
  // strictTypes off as in src/data/validate.ts: a list node carries `items` beside `anyOf`
  // (a list or `{ none: "reason" }`) without a top-level `type`.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat(DATE_OR_MONTH_FORMAT, { type: 'string', validate: isDateOrMonth });
  return ajv.compile(deviceSchema());
}

const catalogue = loadCatalogue();
const fourDocPaths = [...clausesByField(catalogue, DOC_TYPES).keys()];
const allDocs = [...new Set(catalogue.clauses.flatMap((c) => c.doc))];
const allByField = clausesByField(catalogue, allDocs);

describe('device schema structure', () => {
  const schema = deviceSchema();

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema['$id'])).toMatch(/^https:\/\//);
    expect(typeof schema['title']).toBe('string');
    expect(String(schema['description']).length).toBeGreaterThan(20);
  });

  it('gives every property at every depth a non-empty description and title', () => {
    const props = allProperties(schema);
    expect(props.length).toBeGreaterThan(500);
    const bad = props.filter(
      ({ node }) => typeof node['description'] !== 'string' || String(node['description']).trim() === '',
    );
    expect(bad.map((b) => b.path)).toEqual([]);
    const untitled = props.filter(({ path, node }) => !path.endsWith('[]') && typeof node['title'] !== 'string');
    expect(untitled.map((b) => b.path)).toEqual([]);
  });

  it('refuses unknown keys in every object', () => {
    const open = allObjects(schema).filter(({ node }) => node['additionalProperties'] !== false);
    expect(open.map((o) => o.path)).toEqual([]);
  });

  it('requires nothing but `id`, and only in lists of records', () => {
    for (const { path, node } of allObjects(schema)) {
      const required = node['required'];
      if (required === undefined) continue;
      expect(path.endsWith('[]'), path).toBe(true);
      expect(required).toEqual(['id']);
    }
  });

  it('resolves every catalogue field path of the four document types', () => {
    expect(fourDocPaths.length).toBeGreaterThan(400);
    const missing = fourDocPaths.filter((p) => resolveSchemaPath(schema, p) === undefined);
    expect(missing).toEqual([]);
  });

  it('resolves the catalogue fields of the other document types too', () => {
    const missing = [...allByField.keys()].filter((p) => resolveSchemaPath(schema, p) === undefined);
    expect(missing).toEqual([]);
  });

  it('cites in each catalogue-backed description the clause ids that field serves', () => {
    const uncited: string[] = [];
    for (const [path, ids] of allByField) {
      const description = String(resolveSchemaPath(schema, path)?.['description'] ?? '');
      for (const id of ids) if (!description.includes(id)) uncited.push(`${path}: ${id}`);
    }
    expect(uncited).toEqual([]);
  });

  it('cites no clause id that the catalogue does not link to the field', () => {
    const wrong: string[] = [];
    for (const { path, node } of allProperties(schema)) {
      const m = /Clauses: ([^.]+(?:\.[^ ][^.]*)*)\.$/.exec(String(node['description']));
      if (m === null || path.endsWith('[]')) continue;
      const expected = new Set([...(allByField.get(path) ?? []), ...(allByField.get(`${path}[]`) ?? [])]);
      for (const id of (m[1] ?? '').split(', ')) if (!expected.has(id)) wrong.push(`${path}: ${id}`);
    }
    expect(wrong).toEqual([]);
  });

  it('says what each non-catalogue applicability or document-control field decides', () => {
    const decisionRoots =
      /^(regulatory|documents)\.|^(extends|abstract|product\.id|product\.software_only|product\.lay_users|platform\.mobile)$/;
    const leaves = allProperties(schema).filter(
      ({ path, node }) =>
        decisionRoots.test(path) &&
        node['type'] !== 'object' &&
        !path.endsWith('[]') &&
        !path.endsWith('.not_applicable') &&
        !allByField.has(path),
    );
    expect(leaves.length).toBeGreaterThan(20);
    const silent = leaves.filter(({ node }) => !/Decides/.test(String(node['description'])));
    expect(silent.map((s) => s.path)).toEqual([]);
  });

  it('types dates as format date and record lists with an id', () => {
    const dates = allProperties(schema).filter(({ path }) => /(_date|\.date)$/.test(path));
    expect(dates.length).toBeGreaterThan(10);
    // Support and end-of-support dates may be given to the month (YYYY-MM).
    const monthly = new Set([
      'support_period.start_date',
      'support_period.end_date',
      'support_period.end_of_life_date',
      'sbom.components[].end_of_support_date',
    ]);
    for (const { path, node } of dates) expect(node['format'], path).toBe(monthly.has(path) ? 'date-or-month' : 'date');
    for (const path of [
      'network.ports[]',
      'network.interfaces[]',
      'security.threats_addressed[]',
      'accounts.roles[]',
      'decommissioning.steps[]',
      'sbom.components[]',
    ]) {
      const items = (resolveSchemaPath(schema, path)?.['items'] ?? {}) as Record<string, unknown>;
      expect(items['required'], path).toEqual(['id']);
    }
  });
});

describe('validation with Ajv 2020', () => {
  const validate = compile();

  it('accepts an empty file and a partial product-line parent', () => {
    expect(validate({})).toBe(true);
    expect(validate({ abstract: true, manufacturer: { name: 'ACME Medical GmbH' } })).toBe(true);
  });

  it('accepts the contract example blocks', () => {
    const data = {
      $schema: '../src/schema/device.schema.json',
      extends: './line.yaml',
      product: {
        id: 'glucoflow-x2-eu',
        name: 'GlucoFlow X2',
        software_only: false,
        lay_users: true,
        intended_users: ['patients'],
      },
      regulatory: {
        markets: ['EU', 'US'],
        medical_device: {
          regulation: 'MDR',
          class: 'IIb',
          classification_rule: 'Rule 11',
          notified_body: { name: 'TÜV SÜD', number: '0123' },
        },
        legal_basis: ['MDR', 'AI-Act'],
        cra: { category: 'default', annex_iii_point: '19' },
        ai_act: {
          ai_system: true,
          risk_class: 'high',
          high_risk_basis: 'annex-I',
          annex_iii_point: '5(a)',
          component_of_product: true,
        },
        nis2: { entity_type: 'important', sector: 'Health' },
        fda: { submission_type: '510k', cyber_device: true },
        placed_on_market: '2027-03-01',
      },
      platform: { mobile: true, mobile_considerations: '...' },
      data_processing: { personal_data: true },
      documents: {
        language: 'en',
        defaults: { author: 'A', approver: 'B', status: 'Draft', version: '0.1', date: '2026-11-01' },
        'secure-operation': {
          number: 'GF-SO-001',
          revisions: [{ version: '0.1', date: '2026-10-01', author: 'A', description: 'First draft' }],
        },
      },
      support_period: { end_date: '2032-12-31' },
      network: { ports: [{ id: 'https', port: 443, direction: 'in', approved_endpoints: ['*.example.com'] }] },
      security: { capabilities: [{ id: 'automatic_logoff', user_configurable: true }] },
    };
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelled field', { product: { nmae: 'X' } }, 'additionalProperties'],
    ['a bad product id', { product: { id: 'GlucoFlow X2' } }, 'pattern'],
    ['a date that is not YYYY-MM-DD', { support_period: { end_date: '31.12.2032' } }, 'format'],
    ['a record without id', { network: { ports: [{ port: 443 }] } }, 'required'],
    ['a value outside its enum', { regulatory: { medical_device: { regulation: 'FDA' } } }, 'enum'],
    ['a yes/no written as text', { updates: { auto_update_default: 'yes' } }, 'type'],
    ['a port number out of range', { network: { ports: [{ id: 'x', port: 70000 }] } }, 'maximum'],
    ['an unknown root block', { produkt: {} }, 'additionalProperties'],
  ])('rejects %s', (_name, data, keyword) => {
    expect(validate(data)).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });
});

describe('committed schema file', () => {
  // Regenerate without a build: TECHFILE_WRITE_SCHEMA=1 npx vitest run tests/schema
  if (process.env['TECHFILE_WRITE_SCHEMA'] === '1') writeSchemaFiles();

  it('equals the generated schema (run: npm run build && node dist/pipeline/write-schema.js)', () => {
    const committed = readFileSync(new URL('../../src/schema/device.schema.json', import.meta.url), 'utf8');
    expect(
      committed === schemaJson(allByField),
      'src/schema/device.schema.json is stale: run `npm run build && node dist/pipeline/write-schema.js`',
    ).toBe(true);
  });

  it('is stable: generating twice gives the same text, ending in one newline', () => {
    const a = schemaJson(allByField);
    expect(schemaJson(allByField)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });
});
