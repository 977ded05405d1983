import { describe, expect, it } from 'vitest';
import { propertyIndex } from '../../src/data/schema-index.js';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { fieldLabel } from '../../src/schema/device-schema.js';
import { labelFor } from '../../src/schema/label.js';

describe('the schema stored with the build-time validator', () => {
  // default-schema.ts labels fields from the stored schema (clause ids in its descriptions)
  // instead of loading schema/ to build its own copy: the labels must be the same.
  it('labels every field as schema/ does', () => {
    const schema = deviceSchema();
    const paths = [...propertyIndex(schema).values()].flat();
    expect(paths.length).toBeGreaterThan(500);
    const variants = paths.flatMap((p) => [
      p,
      p.replace(/\[\]/g, '[2]'),
      p.replace(/\[\]/g, '["x"]'),
      `${p}.unknown_key`,
    ]);
    const differing = variants.filter((p) => labelFor(schema, p) !== fieldLabel(p));
    expect(differing).toEqual([]);
  });
});
