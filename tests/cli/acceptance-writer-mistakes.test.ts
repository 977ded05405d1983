import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { loadSource } from '../../src/data/load.js';
import { run } from './run.js';

// Mistakes an acceptance tester made writing new device files from the README alone: each
// diagnostic must name the field, say what is wrong and give a fix that is right for this product.

const dir = mkdtempSync(join(tmpdir(), 'techfile-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = [
  'product:',
  '  id: bad-thing',
  '  name: Bad Thing',
  'manufacturer:',
  '  name: Bad GmbH',
  '  country: DE',
  'regulatory:',
  '  markets: [EU]',
  '  medical_device: { regulation: MDR, class: IIa, notified_body: { name: NB, number: "0123" } }',
  '  legal_basis: [MDR]',
  '  ai_act: { ai_system: false }',
  'documents:',
  '  defaults: { date: 2026-11-02 }',
  '',
].join('\n');

function device(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return name;
}

async function validateJson(file: string) {
  const r = await run(['validate', file, '--diagnostics', 'json'], dir);
  const parsed = JSON.parse(r.stdout) as {
    diagnostics: { code: string; message: string; fieldPath: string | null; hints: string[]; line: number }[];
  };
  return { code: r.code, diagnostics: parsed.diagnostics };
}

describe('a writer’s mistakes are reported with the field and a fix that fits', () => {
  it('a duplicate key names its field path, its block and the line of the first one', async () => {
    const file = device('dup.yaml', BASE.replace('  name: Bad Thing\n', '  name: Bad Thing\n  name: Bad Thing Two\n'));
    const { code, diagnostics } = await validateJson(file);
    expect(code).toBe(ExitCode.invalidInput);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'data/duplicate-key', fieldPath: 'product.name', line: 4 });
    expect(diagnostics[0]?.message).toContain('in `product`');
    expect(diagnostics[0]?.message).toContain('first written at line 3');
    // Inside a list of records too, in a JSON file.
    const json = device('dup.json', '{\n  "network": { "ports": [ { "id": "a", "port": 1, "port": 2 } ] }\n}\n');
    const inList = await validateJson(json);
    expect(inList.diagnostics[0]).toMatchObject({ code: 'data/duplicate-key', fieldPath: 'network.ports[0].port' });
  });

  it('a text over the length limit names its field', () => {
    const text = `product:\n  id: x\n  intended_purpose: "${'x'.repeat(30)}"\n`;
    const { diagnostics } = loadSource('/p/d.yaml', 'd.yaml', text, {
      stringLength: 20,
      depth: 64,
      aliases: 100,
      listLength: 100,
    });
    expect(diagnostics[0]).toMatchObject({ code: 'data/text-too-long', fieldPath: 'product.intended_purpose' });
  });

  it('an ambiguous day/month date offers both readings; an unambiguous one only its own', async () => {
    const file = device(
      'dates.yaml',
      `${BASE}support_period:\n  start_date: 01/03/2027\n  end_date: 12/31/2032\n`.replace(
        'documents:',
        'release:\n  date: 31.12.2026\ndocuments:',
      ),
    );
    const { diagnostics } = await validateJson(file);
    const hint = (field: string) => diagnostics.find((d) => d.fieldPath === field)?.hints.join(' ') ?? '';
    expect(hint('support_period.start_date')).toContain(
      '`2027-03-01` if 01 is the day, `2027-01-03` if it is the month',
    );
    expect(hint('support_period.end_date')).toContain('e.g. `2032-12-31`');
    expect(hint('support_period.end_date')).not.toContain('if it is the month');
    // No doubled brackets: "(ISO 8601) (or YYYY-MM …)".
    expect(hint('support_period.start_date')).not.toContain(') (');
  });

  it('a version typed as 1.10 says YAML reads it as 1.1', async () => {
    const file = device('version.yaml', BASE.replace('  name: Bad Thing\n', '  name: Bad Thing\n  version: 1.10\n'));
    const { diagnostics } = await validateJson(file);
    const d = diagnostics.find((x) => x.fieldPath === 'product.version');
    expect(d?.message).toContain('`1.10`, which YAML reads as 1.1');
    expect(d?.hints.join(' ')).toContain('version: "1.10"');
  });

  it('a field a short block lacks lists what the block holds before pointing elsewhere', async () => {
    const file = device('rep.yaml', `${BASE}authorised_rep: { name: "EU Rep", country: NL }\n`);
    const { diagnostics } = await validateJson(file);
    const d = diagnostics.find((x) => x.fieldPath === 'authorised_rep.country');
    expect(d?.hints[0]).toBe('fields allowed here: name, address, not_applicable');
    expect(d?.hints.join(' ')).not.toContain('move it there');
  });

  it('a support period ending before the market date cites the CRA only for products under the CRA', async () => {
    const late = BASE.replace('  legal_basis: [MDR]', '  legal_basis: [MDR]\n  placed_on_market: 2031-01-01');
    const period = 'support_period:\n  start_date: 2027-01-01\n  end_date: 2029-12-31\n';
    const mdr = await validateJson(device('mdr-support.yaml', `${late}${period}`));
    const mdrHint = mdr.diagnostics.find((d) => d.code === 'data/support-ends-before-market')?.hints.join(' ');
    expect(mdrHint).toBeDefined();
    expect(mdrHint).not.toContain('CRA');
    const app = late
      .replace('regulation: MDR, class: IIa, notified_body: { name: NB, number: "0123" }', 'regulation: none')
      .replace('legal_basis: [MDR]', 'legal_basis: [CRA]');
    const cra = await validateJson(device('cra-support.yaml', `${app}${period}`));
    expect(cra.diagnostics.find((d) => d.code === 'data/support-ends-before-market')?.hints.join(' ')).toContain(
      'CRA Art. 13(8)',
    );
  });

  it('a parent outside the project folder is explained in words, not as `.`', async () => {
    device('outside/parent.yaml', 'abstract: true\n');
    device('proj/child.yaml', `extends: ../outside/parent.yaml\n${BASE}`);
    const here = await run(['validate', 'child.yaml'], join(dir, 'proj'));
    expect(here.code).toBe(ExitCode.invalidInput);
    const text = here.stdout + here.stderr;
    expect(text).toContain('data/extends-outside-project');
    expect(text).toContain('move the parent into the folder techfile was run from');
    expect(text).not.toMatch(/into \. /);
  });

  it('a JSON file with a trailing comma is read, with a warning that other JSON tools refuse it', async () => {
    const file = device(
      'comma.json',
      '{\n  "product": { "id": "j", "name": "J" },\n  "manufacturer": { "name": "M", }\n}\n',
    );
    const { code, diagnostics } = await validateJson(file);
    expect(code).toBe(ExitCode.ok);
    expect(diagnostics).toMatchObject([{ code: 'data/yaml-warning', line: 3 }]);
    expect(diagnostics[0]?.message).toContain('other JSON tools');
    // Strict JSON, with a byte-order mark, gets no warning.
    const strict = device(
      'strict.json',
      '\uFEFF{\n  "product": { "id": "s", "name": "S" },\n  "manufacturer": { "name": "M" }\n}\n',
    );
    expect((await validateJson(strict)).diagnostics).toEqual([]);
  });
});

describe('explain --diagnostics json on a field that is not set', () => {
  it('prints JSON on stdout (no value, the chain and the hints) and exits 3', async () => {
    const file = device('explain.yaml', BASE);
    const r = await run(['explain', file, 'product.nmae', '--diagnostics', 'json'], dir);
    expect(r.code).toBe(ExitCode.invalidInput);
    const json = JSON.parse(r.stdout) as { field: string; value: unknown; chain: string[]; hints: string[] };
    expect(json).toMatchObject({ field: 'product.nmae', value: null, chain: ['explain.yaml'] });
    expect(json.hints).toContain('did you mean `product.name`?');
  });
});

describe('generate prints its diagnostics without stray indentation', () => {
  it('no line of stderr or stdout starts with two spaces and then a file name', async () => {
    const file = device('gen/ctrl.yaml', BASE.replace('  name: Bad Thing\n', '  name: "Bad\\u0007Thing"\n'));
    const out = join(dir, 'gen-out');
    const r = await run(
      ['generate', file, '--doc', 'decommissioning', '--format', 'docx', '--jobs', '1', '--out', out, '--final'],
      dir,
    );
    expect(r.code).toBe(ExitCode.finalRefused);
    expect(r.stderr).toContain('warning[generate/forbidden-character]');
    expect(r.stderr).toContain('error[final/tbd]');
    const stray = `${r.stderr}\n${r.stdout}`
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line) && !/^ {2}(=|\d)/.test(line));
    expect(stray).toEqual([]);
    expect(r.stderr.split('\n').filter((line) => /^ +$/.test(line))).toEqual([]);
  });
});

describe('techfile schema', () => {
  it('prints the bytes of src/schema/device.schema.json, as the README says', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = await run(['schema'], root);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.stdout).toBe(readFileSync(join(root, 'src/schema/device.schema.json'), 'utf8'));
  });
});

describe('a YAML merge key', () => {
  it('is explained as YAML 1.1, with extends: as the way to share values', async () => {
    const file = device(
      'merge.yaml',
      BASE.replace('  name: Bad GmbH\n', '  <<: { name: Bad GmbH }\n  email: a@b.example\n'),
    );
    const { diagnostics } = await validateJson(file);
    const d = diagnostics.find((x) => x.fieldPath === 'manufacturer["<<"]');
    expect(d?.code).toBe('data/unknown-field');
    expect(d?.hints.join(' ')).toContain('YAML 1.1 merge key');
    expect(d?.hints.join(' ')).toContain('extends:');
  });
});

describe('coverage of a product-line parent without a product id', () => {
  it('names it as the product-line parent instead of leaving a gap', async () => {
    device('line/parent.yaml', 'abstract: true\nmanufacturer: { name: M, country: DE }\nproduct: { name: Line }\n');
    for (const args of [[], ['--missing']]) {
      const r = await run(['coverage', 'line/parent.yaml', ...args], dir);
      expect(r.code, r.stderr).toBe(ExitCode.ok);
      expect(r.stdout).toMatch(/^(Coverage|Missing facts) for the product-line parent \(line\/parent\.yaml\)/);
    }
  });
});

describe('YAML that turns into something device data cannot be', () => {
  const load = (text: string) => loadSource('/p/d.yaml', 'd.yaml', text);

  it('a tag such as !!timestamp, !!set or !!binary is an error at its field, not a confusing type error', () => {
    const { value, diagnostics } = load(
      'product: { id: k, users: !!set {a, b} }\nsupport_period: { end_date: !!timestamp 2031-01-01 }\nlogo: !!binary aGVsbG8=\n',
    );
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.fieldPath, d.source?.range?.start.line])).toEqual([
      ['data/wrong-type', 'product.users', 1],
      ['data/wrong-type', 'support_period.end_date', 2],
      ['data/wrong-type', 'logo', 3],
    ]);
    expect(diagnostics[1]?.hints?.[0]).toContain('remove `!!timestamp`');
    // Plain tags for text and numbers stay accepted.
    expect(load('product: { id: !!str k, port: !!int 443 }\n').diagnostics).toEqual([]);
  });

  it('a key written as a list is reported at its line, without a warning from the parser on stderr', async () => {
    const warnings: unknown[] = [];
    const listener = (w: unknown) => warnings.push(w);
    process.on('warning', listener);
    try {
      const { value, diagnostics } = load('product: { id: k }\n? [a, b]\n: complex\n');
      expect(value).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.source?.range?.start.line])).toEqual([['data/syntax', 2]]);
      expect(diagnostics[0]?.message).toContain('keys are plain names');
      // Node emits process warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('a second YAML document is explained without the parser’s programming advice', () => {
    const d = load('product: { id: a }\n---\nproduct: { id: b }\n').diagnostics[0];
    expect(d?.message).toContain('more than one YAML document');
    expect(d?.message).not.toContain('parseAllDocuments');
  });
});

describe('a product id too long to name a folder', () => {
  it('is refused by validate, with its length, instead of failing generate with a write error', async () => {
    const id = (n: number) => 'a'.repeat(n);
    const long = await validateJson(device('long-id.yaml', BASE.replace('id: bad-thing', `id: ${id(256)}`)));
    expect(long.code).toBe(ExitCode.invalidInput);
    expect(long.diagnostics[0]).toMatchObject({ code: 'data/invalid-value', fieldPath: 'product.id' });
    expect(long.diagnostics[0]?.message).toContain('256 characters long; at most 255');
    const ok = await validateJson(device('ok-id.yaml', BASE.replace('id: bad-thing', `id: ${id(255)}`)));
    expect(ok.code).toBe(ExitCode.ok);
  });
});

describe('generate when every product fails', () => {
  it('leaves no empty output folder behind, but keeps one that existed', async () => {
    const file = device('fails/invalid.yaml', BASE.replace('  markets:', '  markts:'));
    const fresh = join(dir, 'never-written');
    const r = await run(['generate', file, '--out', fresh, '--format', 'docx', '--jobs', '1'], dir);
    expect(r.code).toBe(ExitCode.invalidInput);
    expect(existsSync(fresh)).toBe(false);
    const existing = join(dir, 'was-there');
    mkdirSync(existing);
    await run(['generate', file, '--out', existing, '--format', 'docx', '--jobs', '1'], dir);
    expect(existsSync(existing)).toBe(true);
  });
});

describe('YAML syntax errors in words a writer understands', () => {
  const first = (text: string) => loadSource('/p/d.yaml', 'd.yaml', text).diagnostics[0];

  it('names the quote, the bracket, the reserved character and the `: ` in a value, with a fitting fix', () => {
    const quote = first('product:\n  id: a\n  name: "Unclosed\nmanufacturer: {name: M}\n');
    expect(quote?.message).toBe('a quote is opened here and never closed');
    const bracket = first('product:\n  id: a\n  name: [unclosed\nmanufacturer: {name: M}\n');
    expect(bracket?.message).toContain('a `[` opened here is not closed with `]`');
    expect(bracket?.hints?.[0]).toContain('close it with `]`');
    const at = first('product:\n  id: @a\n');
    expect(at?.message).toBe('a value cannot start with `@` unless it is in quotes');
    expect(at?.hints?.[0]).toContain('put the value in quotes');
    const colon = first('product:\n  id: a\n  name: x: y\n');
    expect(colon?.message).toContain('`: `');
    const column = first('product:\n  id: a\n name: b\n');
    expect(column?.message).toBe('the keys of one block do not start at the same column');
    for (const d of [quote, bracket, at, colon, column]) {
      expect(d?.code).toBe('data/syntax');
      expect(d?.message).not.toMatch(/mapping|flow|implicit|plain value/i);
    }
  });
});

describe('a revision dated after its document', () => {
  it('is a warning at the revision date; revisions up to the document date are not', async () => {
    const docs = [
      '  secure-operation:',
      '    revisions:',
      '      - { version: "2.0", date: 2027-05-01, author: X, description: copied from a later issue }',
      '      - { version: "0.1", date: 2026-11-02, author: X, description: first draft }',
      '  decommissioning:',
      '    date: 2027-06-01',
      '    revisions: [{ version: "1.0", date: 2027-05-01, author: X, description: own later date }]',
      '',
    ].join('\n');
    const { code, diagnostics } = await validateJson(device('revisions.yaml', `${BASE}${docs}`));
    expect(code).toBe(ExitCode.ok);
    expect(diagnostics.map((d) => [d.code, d.fieldPath])).toEqual([
      ['data/revision-after-document', 'documents.secure-operation.revisions[0].date'],
    ]);
    expect(diagnostics[0]?.message).toContain('2027-05-01, after the document');
  });
});

describe('coverage on a folder of several products', () => {
  it('is a usage error naming a file to pick, not the coverage of whichever product came first', async () => {
    device('portfolio/a.yaml', BASE.replace('id: bad-thing', 'id: a-one'));
    device('portfolio/b.yaml', BASE.replace('id: bad-thing', 'id: b-two'));
    const r = await run(['coverage', 'portfolio'], dir);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('portfolio holds 2');
    expect(r.stderr).toContain('portfolio/a.yaml');
  });
});

describe('a malformed SOURCE_DATE_EPOCH', () => {
  it('is a usage error naming the value, not "no date" or a template failure', async () => {
    const file = device('epoch/undated.yaml', 'product: { id: undated, name: U }\nmanufacturer: { name: M }\n');
    const saved = process.env['SOURCE_DATE_EPOCH'];
    try {
      for (const value of ['abc', '-5', '99999999999999']) {
        process.env['SOURCE_DATE_EPOCH'] = value;
        const out = join(dir, 'epoch-out');
        const r = await run(['generate', file, '--out', out, '--format', 'docx', '--jobs', '1'], dir);
        expect(r.code, value).toBe(ExitCode.usage);
        expect(r.stderr).toContain(`SOURCE_DATE_EPOCH must be a whole number of seconds`);
        expect(r.stderr).toContain(JSON.stringify(value));
        expect(existsSync(out)).toBe(false);
        const c = await run(['coverage', file], dir);
        expect(c.code, value).toBe(ExitCode.usage);
      }
      // A valid one dates the documents.
      process.env['SOURCE_DATE_EPOCH'] = '1798761600';
      const ok = await run(
        [
          'generate',
          file,
          '--out',
          join(dir, 'epoch-ok'),
          '--format',
          'docx',
          '--doc',
          'decommissioning',
          '--jobs',
          '1',
        ],
        dir,
      );
      expect(ok.code, ok.stderr).toBe(ExitCode.ok);
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = saved;
    }
  });
});

describe('extends: written as a web address, a folder or without the extension', () => {
  it('says what was written and how to name the parent file', async () => {
    device('ext/line.yaml', 'abstract: true\nmanufacturer: { name: M }\n');
    const child = (name: string, parent: string) =>
      device(`ext/${name}.yaml`, `extends: ${parent}\nproduct: { id: ${name}, name: C }\n`);
    const first = async (file: string) => (await validateJson(file)).diagnostics[0];
    const url = await first(child('url', 'https://example.com/line.yaml'));
    expect(url).toMatchObject({ code: 'data/extends-missing', fieldPath: 'extends', line: 1 });
    expect(url?.message).toContain('names a web address (https://example.com/line.yaml)');
    const folder = await first(child('folder', './'));
    expect(folder).toMatchObject({ code: 'data/not-a-file', fieldPath: 'extends' });
    expect(folder?.message).not.toContain('symbolic link');
    const bare = await first(child('bare', './line'));
    expect(bare?.code).toBe('data/extends-missing');
    expect(bare?.hints[0]).toContain('did you mean `line.yaml`?');
    expect((await validateJson(child('good', './line.yaml'))).code).toBe(ExitCode.ok);
  });
});

describe('lists and dates written in the wrong form', () => {
  it('a single value for a list, a list written as a block, a year for a date: each with its own fix', async () => {
    const text = BASE.replace('  markets: [EU]', '  markets: EU').concat(
      'network:\n  ports:\n    https: { port: 443, transport: tcp }\n',
      'support_period: { start_date: 2027-01-01, end_date: 2030 }\n',
    );
    const { diagnostics } = await validateJson(device('forms.yaml', text));
    const at = (field: string) => diagnostics.filter((d) => d.fieldPath === field);
    expect(at('regulatory.markets')[0]?.hints[0]).toContain('`markets: [EU]`');
    // The block of records is one wrong-type error, not "`none` is missing" and "`https` is unknown".
    expect(diagnostics.filter((d) => d.fieldPath?.startsWith('network.ports'))).toHaveLength(1);
    expect(at('network.ports')[0]).toMatchObject({ code: 'data/wrong-type' });
    expect(at('network.ports')[0]?.hints[0]).toContain('`- id: name`');
    expect(at('support_period.end_date')[0]).toMatchObject({ code: 'data/invalid-date' });
    expect(at('support_period.end_date')[0]?.hints.join(' ')).not.toContain('quotes');
    // `{ none: … }` with a mistake inside is still explained as the none form.
    const none = await validateJson(device('none.yaml', `${BASE}network:\n  ports: { none: "" }\n`));
    expect(none.diagnostics[0]?.message).toContain('needs its reason');
  });
});
