import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clausesByField, DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { fieldLabel } from '../../src/schema/device-schema.js';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { resolveSchemaPath } from '../../src/schema/path.js';

describe('fieldLabel', () => {
  it('names a field together with the group it belongs to', () => {
    expect(fieldLabel('support_period.end_date')).toBe('end date of the security support period');
    expect(fieldLabel('product.name')).toBe('name of the product');
    expect(fieldLabel('ai.datasets.training.summary')).toBe('summary of the training data set');
  });

  it('does not repeat the group a title already names', () => {
    expect(fieldLabel('regulatory.placed_on_market')).toBe('date of placing on the market');
    expect(fieldLabel('security.risk_profile_summary')).toBe('security risk profile');
    expect(fieldLabel('ai.logging.log_location')).toBe('log location');
    expect(fieldLabel('ai.ifu.document_ref')).not.toMatch(/instructions for use of the .*instructions for use/);
    // A title that needs its group keeps it.
    expect(fieldLabel('decommissioning.data_removal_procedure')).toBe('data removal procedure of the decommissioning');
  });

  it('numbers records from 1 in indexed paths', () => {
    expect(fieldLabel('network.ports[2].port')).toBe('port number of network port 3');
    expect(fieldLabel('network.ports[0].purpose')).toBe('purpose of network port 1');
    expect(fieldLabel('network.ports[].port')).toBe('port number of each network port');
  });

  it('names records selected by id and entries of text lists', () => {
    expect(fieldLabel('security.capabilities[automatic_logoff]')).toBe('security capability "automatic_logoff"');
    expect(fieldLabel('security.capabilities[automatic_logoff].default_state')).toContain('"automatic_logoff"');
    expect(fieldLabel('product.intended_users[1]')).toBe('entry 2 of the intended users');
  });

  it('labels a list and its catalogue spelling `a[]` alike', () => {
    expect(fieldLabel('network.ports[]')).toBe(fieldLabel('network.ports'));
  });

  it('falls back to a readable last segment for unknown paths', () => {
    expect(fieldLabel('foo.bar_baz[3]')).toBe('bar baz');
    expect(fieldLabel('network.unknown_thing')).toBe('unknown thing');
    expect(fieldLabel('support_period.eos_notification_method_x')).toBe('end-of-support notification method x');
  });

  it('gives every catalogue field a readable label without underscores or brackets', () => {
    for (const path of clausesByField(loadCatalogue(), DOC_TYPES).keys()) {
      const label = fieldLabel(path);
      expect(label.length, path).toBeGreaterThan(2);
      // A record id is quoted verbatim; everything else must be words.
      expect(label.replace(/"[^"]*"/g, ''), path).not.toMatch(/[_[\]]/);
    }
  });

  it('names neither device regulation in a catalogue field label (TBD markers print it under both)', () => {
    for (const path of clausesByField(loadCatalogue(), DOC_TYPES).keys())
      expect(fieldLabel(path), path).not.toMatch(/\b(MDR|IVDR)\b/);
  });

  it('shows the 1-based position for any index', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (i) => {
        expect(fieldLabel(`sbom.components[${i}].version`)).toBe(`version of SBOM component ${i + 1}`);
      }),
    );
  });
});

describe('resolveSchemaPath', () => {
  const schema = deviceSchema();

  it('maps `a[]` to the list, `a[].b` to a record field and `a[x]` to a record', () => {
    expect(resolveSchemaPath(schema, 'network.ports[]')?.['items']).toBeDefined();
    expect(resolveSchemaPath(schema, 'network.ports[].port')?.['title']).toBe('port number');
    expect(resolveSchemaPath(schema, 'network.ports[4]')?.['type']).toBe('object');
    expect(resolveSchemaPath(schema, 'security.capabilities[emergency_access]')?.['required']).toEqual(['id']);
  });

  it('returns undefined for paths the schema does not have', () => {
    expect(resolveSchemaPath(schema, 'network.portz')).toBeUndefined();
    expect(resolveSchemaPath(schema, 'product.name[]')).toBeUndefined();
    expect(resolveSchemaPath(schema, 'product.name.first')).toBeUndefined();
    // Own keys only: `constructor` is not a field of the product.
    expect(resolveSchemaPath(schema, 'product.constructor')).toBeUndefined();
  });
});
