import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { sampleWithImage } from './fixtures.js';
import { unzipDocx } from './projection.js';

const sha = async (bytes: Uint8Array): Promise<string> => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
};

describe('determinism', () => {
  it('renders the same document to identical bytes, even after rendering other documents', async () => {
    const { doc, assets } = sampleWithImage();
    const first = await renderDocx(doc, { assets });
    // docx keeps process-wide counters (bookmark ids) and random ids (hyperlinks): render something else in between.
    await renderDocx(sampleDocument({ title: 'Another document', draft: false }), {});
    const second = await renderDocx(doc, { assets });
    expect(await sha(second)).toBe(await sha(first));
  });

  it('does not depend on the time zone of the machine', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await renderDocx(sampleDocument(), {});
      process.env.TZ = 'Pacific/Kiritimati';
      const far = await renderDocx(sampleDocument(), {});
      expect(await sha(far)).toBe(await sha(utc));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('takes every timestamp from meta.date', async () => {
    const a = unzipDocx(await renderDocx(sampleDocument({ date: '2026-11-02' }), {}));
    const b = unzipDocx(await renderDocx(sampleDocument({ date: '2027-01-15' }), {}));
    expect(a.text('docProps/core.xml')).toContain('2026-11-02T00:00:00Z');
    expect(b.text('docProps/core.xml')).toContain('2027-01-15T00:00:00Z');
    expect(b.text('docProps/core.xml')).not.toContain('2026-11-02T');
  });

  it('writes the document date as the zip entry time', async () => {
    const bytes = await renderDocx(sampleDocument({ date: '2027-01-15' }), {});
    // First local file header: DOS time at offset 10, date at 12 (little endian).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const dosDate = view.getUint16(12, true);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 0xf, dosDate & 0x1f]).toEqual([2027, 1, 15]);
  });

  it('leaves no random relationship ids', async () => {
    const parts = unzipDocx(await renderDocx(sampleDocument(), {}));
    const rels = parts.names
      .filter((n) => n.endsWith('.rels'))
      .map((n) => parts.text(n))
      .join('');
    for (const m of rels.matchAll(/\sId="([^"]+)"/g)) expect(m[1]).toMatch(/^rId(L?)\d+$/);
  });
});
