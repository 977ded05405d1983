import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { discoverDevices, discoverOne, type DiscoverRequest } from '../../src/pipeline/discover.js';

/**
 * A portfolio run loads the device files on its worker threads (discoverOne through the pool):
 * whatever order they finish in, discovery must give what loading them here gives.
 */
const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'techfile-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('discovery through another loader (worker threads)', () => {
  it('gives the same devices, diagnostics and order as loading here, whatever order the loads finish in', async () => {
    cpSync(LINES, dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-device" }');
    writeFileSync(join(dir, 'broken.yaml'), 'product: [\n');
    writeFileSync(join(dir, 'invalid.yaml'), 'product:\n  id: Not Valid\n');
    const here = await discoverDevices(dir, { cwd: dir, retain: 'summary' });
    expect(here.value.devices.length).toBeGreaterThan(3);

    const schema = await defaultDeviceSchema();
    const finished: string[] = [];
    let calls = 0;
    // Later files finish first: each load waits less than the one before it.
    const elsewhere = await discoverDevices(dir, {
      cwd: dir,
      retain: 'summary',
      discoverOne: async (request: DiscoverRequest) => {
        const wait = 40 - 5 * calls++;
        await new Promise((r) => setTimeout(r, Math.max(0, wait)));
        // What crosses to a worker thread and back is a structured clone.
        const result = structuredClone(discoverOne(structuredClone(request), schema));
        finished.push(request.input.path);
        return result;
      },
    });
    expect(calls).toBe(here.value.devices.length + 1); // package.json is loaded, then left out
    expect(finished).not.toEqual([...finished].sort());
    expect(elsewhere).toEqual(here);
  });
});
