import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { run } from './run.js';

const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));

describe('techfile explain', () => {
  it('prints a value with the file and line that supplied it, and the chain', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'support_period.start_date'], LINES);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.stdout).toBe(
      'support_period.start_date: 2026-01-01\n  from chain/base.yaml:12:15\nchain: chain/x2.yaml → chain/line.yaml → chain/base.yaml\n',
    );
  });

  it('lists every leaf of a map with its own source', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'support_period'], LINES);
    expect(r.stdout).toContain('  start_date: 2026-01-01\n  end_date: 2033-06-30\n');
    expect(r.stdout).toMatch(/support_period\.start_date +chain\/base\.yaml:12:15/);
    expect(r.stdout).toMatch(/support_period\.end_date +chain\/x2\.yaml:7:13/);
  });

  it('finds records by id and follows them across the product line', async () => {
    const r = await run(['explain', 'idmerge/variant.yaml', 'network.ports[ntp].port'], LINES);
    expect(r.stdout).toContain('network.ports[2].port: 123\n  from idmerge/line.yaml:16:13\n');
    const byIndex = await run(['explain', 'idmerge/variant.yaml', 'network.ports.2.purpose'], LINES);
    expect(byIndex.stdout).toContain('from idmerge/variant.yaml:8:16');
  });

  it('says when a field is not set and suggests a close one (exit 3)', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'product.nmae'], LINES);
    expect(r.code).toBe(ExitCode.invalidInput);
    expect(r.stderr).toContain('`product.nmae` is not set');
    expect(r.stderr).toContain('did you mean `product.name`?');
  });

  it('says a field of the schema is only not written yet, without suggesting another field', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'support_period.rationale'], LINES);
    expect(r.code).toBe(ExitCode.invalidInput);
    expect(r.stderr).toContain('`support_period.rationale` is not set');
    expect(r.stderr).toContain('a field of the device schema (rationale of the security support period)');
    expect(r.stderr).not.toContain('did you mean');
  });

  it('reports broken product lines instead of explaining them', async () => {
    const r = await run(['explain', 'cycle/a.yaml', 'product.id'], LINES);
    expect(r.code).toBe(ExitCode.invalidInput);
    expect(r.stderr).toContain('error[data/extends-cycle]');
  });
});
