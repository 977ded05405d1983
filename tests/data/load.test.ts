import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/data/load.js';

const load = (text: string, name = 'device.yaml') => loadSource(`/p/${name}`, name, text);

describe('loadSource', () => {
  it('reports a JSON file that does not parse with the message JSON gives, at the offending character', () => {
    const text = '{\n  "product": {\n    "id": "a",,\n    "name": "A"\n  }\n}\n';
    const json = load(text, 'device.json').diagnostics;
    expect(json.map((d) => [d.code, d.source?.range?.start])).toEqual([['data/syntax', { line: 3, column: 15 }]]);
    expect(json[0]?.message).toMatch(/^JSON syntax: /);
    expect(json[0]?.hints?.[0]).toContain('one comma between entries');
    // The same text in a .yaml file keeps the YAML parser's own report.
    expect(load(text, 'device.yaml').diagnostics.every((d) => !d.message.startsWith('JSON'))).toBe(true);
    // Valid JSON still loads, positions included.
    const ok = load('{\n  "product": {"id": "a"}\n}\n', 'device.json');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.value?.valueRange(['product', 'id'])?.start).toEqual({ line: 2, column: 21 });
  });

  it('reads YAML and finds where each value and key was written', () => {
    const text = 'product:\n  id: x2\n  name: "GlucoFlow X2"\nnetwork:\n  ports:\n    - id: https\n      port: 443\n';
    const { value: source, diagnostics } = load(text);
    expect(diagnostics).toEqual([]);
    expect(source?.value).toEqual({
      product: { id: 'x2', name: 'GlucoFlow X2' },
      network: { ports: [{ id: 'https', port: 443 }] },
    });
    expect(source?.valueRange(['product', 'name'])?.start).toEqual({ line: 3, column: 9 });
    expect(source?.keyRange(['product', 'name'])?.start).toEqual({ line: 3, column: 3 });
    expect(source?.valueRange(['network', 'ports', 0, 'port'])?.start).toEqual({ line: 7, column: 13 });
    expect(source?.valueRange(['network', 'ports', 5])).toBeUndefined();
    expect(source?.line(3)).toBe('  name: "GlucoFlow X2"');
  });

  it('keeps dates and versions as written text where YAML 1.2 says so', () => {
    const { value } = load('d: 2027-03-01\non: yes\nv: 1.0\n');
    expect(value?.value).toEqual({ d: '2027-03-01', on: 'yes', v: 1 });
  });

  it('points at an empty value by its key', () => {
    const { value } = load('product:\n  name:\n  id: a\n');
    expect(value?.valueRange(['product', 'name'])?.start).toEqual({ line: 2, column: 3 });
  });

  it('reports a syntax error with line, column and the offending line', () => {
    const { value, diagnostics } = load('product:\n  id: x\n name: y\n');
    expect(value).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('data/syntax');
    expect(d.source?.file).toBe('device.yaml');
    expect(d.source?.range?.start).toEqual({ line: 3, column: 1 });
    expect(d.excerpt).toBe(' name: y');
    expect(d.hints?.[0]).toMatch(/align keys/);
    expect(d.message).not.toMatch(/at line/);
  });

  it('rejects duplicate keys, pointing at the second one', () => {
    const { value, diagnostics } = load('product:\n  id: a\n  name: A\n  id: b\n');
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.source?.range?.start.line, d.source?.range?.start.column])).toEqual([
      ['data/duplicate-key', 4, 3],
    ]);
  });

  it('reports tabs and unclosed quotes as syntax errors', () => {
    expect(load('\tproduct: 1\n').diagnostics[0]?.hints?.[0]).toMatch(/spaces/);
    expect(load('a: "open\n').diagnostics[0]?.code).toBe('data/syntax');
  });

  it('reads JSON through the same path, with positions', () => {
    const text = '{\n  "product": {\n    "id": "x2",\n    "name": "X2"\n  }\n}\n';
    const { value, diagnostics } = load(text, 'device.json');
    expect(diagnostics).toEqual([]);
    expect(value?.value).toEqual({ product: { id: 'x2', name: 'X2' } });
    expect(value?.valueRange(['product', 'name'])?.start).toEqual({ line: 4, column: 13 });
  });

  it('reports a JSON syntax error at its position', () => {
    const { value, diagnostics } = load('{\n  "product": {\n    "id": "x2"\n  \n', 'bad.json');
    expect(value).toBeUndefined();
    expect(diagnostics[0]?.code).toBe('data/syntax');
    // Reported where the unclosed `{` of `product` was opened, not where the text ran out.
    expect(diagnostics[0]?.source?.range?.start).toEqual({ line: 2, column: 14 });
  });

  it('keeps going on YAML warnings, reporting them as warnings', () => {
    const { value, diagnostics } = load('product:\n  name: !custom GlucoFlow\n');
    expect(value?.value).toEqual({ product: { name: 'GlucoFlow' } });
    expect(diagnostics.map((d) => [d.severity, d.code, d.source?.range?.start.line])).toEqual([
      ['warning', 'data/yaml-warning', 2],
    ]);
  });

  it('refuses empty files and files that are not a mapping', () => {
    expect(load('# nothing yet\n').diagnostics[0]?.code).toBe('data/empty-file');
    expect(load('- a\n- b\n').diagnostics[0]?.code).toBe('data/not-a-mapping');
  });
});
