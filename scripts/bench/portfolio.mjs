// Builds a synthetic portfolio from the bundled examples: the examples are copied into a
// temporary folder, and each product is a small device file that `extends` one concrete
// example with its own product id, name, version and a varied sentence of intended purpose.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The concrete examples a variant can extend (folder/file under examples/). */
export const BASES = [
  { dir: 'insulin-pump', file: 'glucoflow-x2-eu.yaml', line: 'insulin-pump/line.yaml' },
  { dir: 'insulin-pump', file: 'glucoflow-x2-connect.yaml', line: 'insulin-pump/line.yaml' },
  { dir: 'wellness-wearable', file: 'pulseband.yaml' },
  { dir: 'radiology-ai', file: 'lumen-cxr.yaml' },
];

const MARKETS = ['the Nordic countries', 'Benelux', 'the DACH region', 'Iberia', 'Central Europe', 'the Baltic states'];

/** The variant file text for product number `i` (0-based), extending `base`. */
export function variantText(root, i) {
  const base = BASES[i % BASES.length];
  const stem = base.file.replace(/\.yaml$/, '');
  const parentText = readFileSync(join(root, 'examples', base.dir, base.file), 'utf8');
  // The products folder sits beside examples/ in the portfolio folder (see buildPortfolio).
  const purpose = /^ {2}intended_purpose: \|\n((?: {4}.*\n)+)/m.exec(parentText)?.[1] ?? '';
  const n = String(i + 1).padStart(4, '0');
  return [
    `extends: ../../examples/${base.dir}/${base.file}`,
    'product:',
    `  id: ${stem}-v${n}`,
    `  name: "${stem} variant ${n}"`,
    `  version: "${1 + (i % 7)}.${i % 13}.${i % 5}"`,
    '  intended_purpose: |',
    purpose.trimEnd(),
    `    This variant ${n} is sold in ${MARKETS[i % MARKETS.length]} under its own product number.`,
    '',
  ].join('\n');
}

/**
 * Writes `count` products into a fresh temporary folder `<tmp>/portfolio`: a copy of the
 * examples in which the concrete examples become product-line parents (`abstract: true`, so
 * they are not products themselves; the incomplete example is left out), and
 * `products/<base>/v<n>.yaml`. `techfile generate <tmp>/portfolio` builds exactly `count`
 * products. Returns the folders and the product files.
 */
export function buildPortfolio(root, count) {
  const tmp = mkdtempSync(join(tmpdir(), 'techfile-portfolio-'));
  const portfolio = join(tmp, 'portfolio');
  cpSync(join(root, 'examples'), join(portfolio, 'examples'), { recursive: true });
  rmSync(join(portfolio, 'examples', 'incomplete'), { recursive: true, force: true });
  for (const base of BASES) {
    const path = join(portfolio, 'examples', base.dir, base.file);
    writeFileSync(path, `abstract: true\n${readFileSync(path, 'utf8')}`);
  }
  const files = [];
  for (let i = 0; i < count; i++) {
    const base = BASES[i % BASES.length];
    const dir = join(portfolio, 'products', base.file.replace(/\.yaml$/, ''));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `v${String(i + 1).padStart(4, '0')}.yaml`);
    writeFileSync(file, variantText(portfolio, i));
    files.push({ file, base: i % BASES.length });
  }
  return { dir: tmp, portfolio, files };
}
