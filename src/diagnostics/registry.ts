import type { Severity } from './diagnostic.js';

/**
 * Every diagnostic code techfile emits, declared once: what it means, an example of what
 * causes it and how to fix it. docs/diagnostics.md is generated from this table
 * (`diagnosticsMarkdown`), and tests/diagnostics/registry.test.ts fails on a code emitted in
 * src/ that is missing here, and on a code declared here that nothing emits.
 */
export interface DiagnosticInfo {
  /** `error or warning`: the severity depends on the run (an error with `--final` where the law requires it). */
  readonly severity: Severity | 'error or warning';
  /** What happened, in the reader's words. */
  readonly meaning: string;
  /** A typical cause. */
  readonly example: string;
  /** What to do. */
  readonly fix: string;
}

export const DIAGNOSTICS = {
  'data/syntax': {
    severity: 'error',
    meaning: 'The file is not valid YAML or JSON, or a `*alias` is used before its `&anchor`.',
    example: '`name: "GlucoFlow` (the closing quote is missing)',
    fix: 'Correct the syntax at the position shown; quote values that contain `: ` or start with a special character.',
  },
  'data/yaml-warning': {
    severity: 'warning',
    meaning: 'The YAML parser accepted the file but found something doubtful, such as an unknown tag.',
    example: '`port: !port 443`',
    fix: 'Remove the construct the warning names; device files need only plain YAML.',
  },
  'data/duplicate-key': {
    severity: 'error',
    meaning: 'The same key appears twice in one mapping; YAML forbids it, and the second value would silently win.',
    example: 'two `name:` lines under `product:`',
    fix: 'Delete one of the two keys, or merge what they say.',
  },
  'data/empty-file': {
    severity: 'error',
    meaning: 'The device file contains no data.',
    example: 'an empty `device.yaml`',
    fix: 'Start with `product:` and `manufacturer:` blocks (see `techfile schema`).',
  },
  'data/not-a-mapping': {
    severity: 'error',
    meaning: 'The top level of a device file is not a set of `key: value` entries.',
    example: 'a file that is only a list (`- a`)',
    fix: 'Write the data as `key: value` entries at the top level, starting with `product:`.',
  },
  'data/too-many-problems': {
    severity: 'error',
    meaning: 'A device file has more problems than are shown (200 per file); the rest are counted.',
    example: 'a file of another format given as device data',
    fix: 'Fix the problems shown, from the top, and run again.',
  },
  'final/summary': {
    severity: 'error',
    meaning:
      'The closing line of the `--final` report: how many fields are missing and how many clauses and documents they hold back.',
    example: '`12 fields are missing; they hold back 40 clauses in 3 documents`',
    fix: 'Supply the fields listed above it, the first ones first.',
  },
  'data/cra-module-not-allowed': {
    severity: 'error or warning',
    meaning: "The CRA conformity-assessment module stated is not open to the product's CRA category (CRA Art. 32).",
    example: 'module A for an important class I product without harmonised standards applied in full',
    fix: 'Choose module B+C or H (or a certification scheme where the category allows), or record that harmonised standards are applied in full.',
  },
  'data/market-release-before-placing': {
    severity: 'warning',
    meaning:
      'A market release in the update history, or `product.placing_on_market_date`, lies on the other side of 9 December 2026 than `regulatory.placed_on_market`, which decides whether the Product Liability Directive (EU) 2024/2853 applies.',
    example: 'release 3.1.0 dated 2026-12-07 while `regulatory.placed_on_market` is 2027-02-01',
    fix: 'Align the release date and the date of placing on the market.',
  },
  'data/revision-after-document': {
    severity: 'warning',
    meaning:
      "An entry of a document's revision history is dated after the document itself, so the issued document would list a revision that did not yet exist.",
    example: 'revision 2.0 dated 2027-05-01 in a document dated 2026-11-02',
    fix: 'Correct the revision date, or set the document date to the date of this issue.',
  },
  'data/mds2-capabilities-incomplete': {
    severity: 'warning',
    meaning: 'The MDS2 capability list of a medical device lacks sections that healthcare providers expect.',
    example: 'no STCF or RMOT entry',
    fix: 'Add the missing MDS2 sections, answering "not applicable" where the product has no such capability.',
  },
  'data/nis2-size-entity': {
    severity: 'warning',
    meaning:
      'A small or micro manufacturer is declared an essential or important NIS2 entity without a Member State designation (NIS2 Art. 2(1)-(4)).',
    example: '`size: small` with `entity_type: important`',
    fix: 'State the designation in `regulatory.nis2.designation`, or correct the entity type or size.',
  },
  'data/open-vulnerability-contradicted': {
    severity: 'warning',
    meaning:
      'The data says there are no known exploitable vulnerabilities or open findings while a listed vulnerability is still affected.',
    example: '"no open findings at release" beside a vulnerability with status affected',
    fix: 'Fix the vulnerability before release, or record it as an accepted residual risk and correct the statements.',
  },
  'template/unknown-date': {
    severity: 'error',
    meaning: 'A template asks `application_date` for a key that is not in the table of dates of application.',
    example: '`{{application_date "cra-2028"}}`',
    fix: 'Use one of the keys listed in docs/templates.md.',
  },
  'template/unknown-regulation-form': {
    severity: 'error',
    meaning: 'A template asks `regulation` for a form other than the long default or "short".',
    example: '`{{regulation "abbrev"}}`',
    fix: 'Write `{{regulation}}` or `{{regulation "short"}}`.',
  },
  'template/unknown-applicability-form': {
    severity: 'error',
    meaning: 'A template asks `applicability` for a form other than the full default or "verdict".',
    example: '`{{applicability "CRA" "short"}}`',
    fix: 'Write `{{applicability "CRA"}}` for the name and the verdict or `{{applicability "CRA" "verdict"}}` for the verdict alone.',
  },
  'data/too-deep': {
    severity: 'error',
    meaning: 'Maps and lists are nested deeper than the limit (`--max-depth`).',
    example: 'a value nested 200 levels deep',
    fix: 'Flatten the structure (device data needs only a few levels), or raise the limit with `--max-depth`.',
  },
  'data/too-many-aliases': {
    severity: 'error',
    meaning:
      'YAML `*alias` expansions exceed the limit (`--max-aliases`), which guards against "billion laughs" files.',
    example: 'an anchor expanded thousands of times',
    fix: 'Write the repeated values out, or raise the limit with `--max-aliases`.',
  },
  'data/too-many-values': {
    severity: 'error',
    meaning: 'The file expands to more values than the limit allows.',
    example: 'aliases of aliases that multiply a list',
    fix: 'Write fewer values or fewer alias uses, or raise the limit.',
  },
  'data/text-too-long': {
    severity: 'error',
    meaning: 'A text value or key is longer than the limit (`--max-string-length`).',
    example: 'a 2 MB `description`',
    fix: 'Shorten the text, or raise the limit with `--max-string-length`.',
  },
  'data/list-too-long': {
    severity: 'error',
    meaning: 'A list has more items than the limit (`--max-list-length`).',
    example: '100 000 entries under `network.ports`',
    fix: 'Shorten the list, or raise the limit with `--max-list-length`.',
  },
  'data/file-missing': {
    severity: 'error',
    meaning: 'The device file named cannot be read.',
    example: '`techfile validate devcie.yaml`',
    fix: 'Check the file name and path.',
  },
  'data/file-outside-project': {
    severity: 'error',
    meaning:
      'A device file (or a parent) resolves, through a symbolic link, to a place outside the folder named on the command line.',
    example: '`line.yaml` is a link to `/etc/line.yaml`',
    fix: 'Copy the file into the folder you named instead of linking to it.',
  },
  'data/not-a-file': {
    severity: 'error',
    meaning: 'The path names something that is not a regular file (a folder, pipe or device).',
    example: '`extends: ../shared` where `shared` is a folder',
    fix: 'Name a YAML or JSON device file.',
  },
  'data/file-too-large': {
    severity: 'error',
    meaning: 'A device file is larger than the limit (`--max-file-size`).',
    example: 'a 50 MB export named `device.json`',
    fix: 'Check that this is the right file, or raise the limit with `--max-file-size`.',
  },
  'data/file-unreadable': {
    severity: 'error',
    meaning: 'A device file exists but cannot be read.',
    example: 'a file without read permission',
    fix: 'Check the file permissions.',
  },
  'data/utf16': {
    severity: 'error',
    meaning: 'The file is encoded as UTF-16; device files must be UTF-8.',
    example: 'a file saved as "Unicode" by a Windows editor',
    fix: 'Save the file as UTF-8.',
  },
  'data/invalid-utf8': {
    severity: 'error',
    meaning: 'The file contains bytes that are not valid UTF-8.',
    example: 'a file saved as Latin-1 with an `ä`',
    fix: 'Save the file as UTF-8.',
  },
  'data/extends-missing': {
    severity: 'error',
    meaning: 'The parent file named by `extends` does not exist.',
    example: '`extends: ./lines/glucoflow.yaml` with no such file',
    fix: 'Correct the path in `extends`; it is relative to the file that says it.',
  },
  'data/extends-outside-project': {
    severity: 'error',
    meaning: 'The parent file named by `extends` lies outside the project folder.',
    example: '`extends: ../../other-project/line.yaml`',
    fix: 'Keep the product line inside the folder you named on the command line.',
  },
  'data/extends-too-deep': {
    severity: 'error',
    meaning: 'The `extends` chain is longer than the limit (`--max-extends`).',
    example: 'a chain of 20 parent files',
    fix: 'Shorten the chain, or raise the limit with `--max-extends`.',
  },
  'data/extends-cycle': {
    severity: 'error',
    meaning: 'Files of a product line extend each other in a circle.',
    example: '`a.yaml` extends `b.yaml`, which extends `a.yaml`',
    fix: 'Remove `extends` from the file that should be the root of the product line.',
  },
  'data/wrong-type': {
    severity: 'error',
    meaning: 'A value has the wrong type (text where a number is expected, a list where a map is expected, …).',
    example: '`port: "443 tcp"`',
    fix: 'Write the value in the form the field expects (see `techfile schema`).',
  },
  'data/invalid-value': {
    severity: 'error',
    meaning: 'A value is not one of the values the field accepts.',
    example: '`classification.class: IIc`',
    fix: 'Use one of the accepted values listed in the hint.',
  },
  'data/invalid-date': {
    severity: 'error',
    meaning: 'A date is not written as YYYY-MM-DD, or is no real date.',
    example: '`start_date: 01.03.2027`',
    fix: 'Write the date as YYYY-MM-DD (ISO 8601), e.g. `2027-03-01`.',
  },
  'data/missing-field': {
    severity: 'error',
    meaning: 'A required field is missing.',
    example: 'a `product:` block without `id:`',
    fix: 'Add the field where the hint says.',
  },
  'data/unknown-field': {
    severity: 'error',
    meaning: 'A key is not a field of the schema (often a typo).',
    example: '`nmae: GlucoFlow X2` under `product:`',
    fix: 'Correct the key (the hint suggests the nearest field name) or remove it.',
  },
  'data/renamed-field': {
    severity: 'warning',
    meaning: 'A field was renamed in a newer version of the schema; the old name is still read.',
    example: 'an old key name that has since been renamed',
    fix: 'Rename the key as the hint says (or delete the old one if both are written).',
  },
  'data/ai-block-missing': {
    severity: 'error',
    meaning: 'The product is a high-risk AI system, but the `ai` block is missing (AI Act Art. 13, Annex IV).',
    example: '`regulatory.ai_system: true` in a class IIa device with no `ai:`',
    fix: 'Add an `ai:` block describing intended purpose, performance, data sets and human oversight.',
  },
  'data/ai-annex-i-without-notified-body': {
    severity: 'warning',
    meaning:
      'The AI system is declared high-risk through AI Act Art. 6(1) (Annex I), but the device class is assessed without a notified body; Art. 6(1)(b) needs a third-party conformity assessment under the MDR or IVDR.',
    example: '`class: A` under the IVDR with `high_risk_basis: annex-I`',
    fix: 'Correct the device class if a notified body is involved (Is, Im, Ir; As); otherwise the AI system is not high-risk through Annex I: change the AI Act risk class or basis.',
  },
  'data/class-regulation-mismatch': {
    severity: 'error',
    meaning: 'The device class is not a class of the regulation the device is placed under.',
    example: '`class: B` under the MDR',
    fix: 'Write one of the classes of that regulation (MDR: I, IIa, IIb, III; IVDR: A, B, C, D).',
  },
  'data/cra-excluded-for-medical-device': {
    severity: 'error',
    meaning:
      '`CRA` is listed as legal basis of a medical device, but the CRA does not apply to MDR/IVDR devices (CRA Art. 2(2)).',
    example: '`legal_basis: [MDR, CRA]`',
    fix: 'Remove `CRA` from `regulatory.legal_basis`.',
  },
  'data/facts-disagree': {
    severity: 'error',
    meaning: 'Two fields state the same fact differently; applicability is decided from one of them.',
    example: '`product.ai_enabled: false` but `regulatory.ai_system: true`',
    fix: 'Make both say the same.',
  },
  'data/legal-basis-inconsistent': {
    severity: 'warning',
    meaning:
      '`regulatory.legal_basis` does not list a regulation that applies (the MDR or IVDR the device is under; the CRA for a product outside both on the EU market), or lists the CRA although `regulatory.cra.not_applicable` says it does not apply.',
    example: 'MDR device whose `legal_basis` lacks `MDR`',
    fix: 'Add the regulation to `regulatory.legal_basis`, or, for the CRA, state why it does not apply in `regulatory.cra.not_applicable`.',
  },
  'data/duplicate-id': {
    severity: 'error',
    meaning: 'Two records of one list use the same `id`.',
    example: 'two entries of `network.ports` with `id: https`',
    fix: 'Give each record its own id, or merge the two records.',
  },
  'data/not-applicable-with-values': {
    severity: 'warning',
    meaning: 'A group is declared not applicable but also gives values.',
    example: '`ai: { not_applicable: "…", model: … }`',
    fix: 'Remove `not_applicable` if the group applies, or remove the other fields if it does not.',
  },
  'data/hash-length': {
    severity: 'warning',
    meaning: 'A hash value does not have the number of hexadecimal digits its algorithm gives, or is not hexadecimal.',
    example: '`algorithm: SHA-256`, `value:` with 65 digits',
    fix: 'Copy the value again from the output of the hash tool (e.g. `sha256sum FILE`).',
  },
  'data/port-range': {
    severity: 'error',
    meaning: 'A port is neither a port number nor a range like `67-68`.',
    example: '`port: "443/tcp"`',
    fix: 'Write the number alone and the protocol in `transport`; for ICMP set `transport: icmp`.',
  },
  'data/support-ends-before-market': {
    severity: 'error',
    meaning: 'The support period ends before the product is placed on the market.',
    example: '`end_date: 2026-01-01`, `placed_on_market: 2027-01-01`',
    fix: 'Check the support period and the market date.',
  },
  'data/support-period-order': {
    severity: 'error',
    meaning: 'The support period ends on or before the day it starts.',
    example: '`start_date: 2030-01-01`, `end_date: 2029-01-01`',
    fix: 'Check `support_period.start_date` and `support_period.end_date`.',
  },
  'template/io': {
    severity: 'error',
    meaning: 'The template folder does not exist or cannot be read.',
    example: '`--templates ./my-templats`',
    fix: 'Pass the folder that holds `<doc-type>/document.md`.',
  },
  'template/syntax': {
    severity: 'error',
    meaning: 'A template is not valid Handlebars.',
    example: '`{{#if product.ai}}` without `{{/if}}`',
    fix: 'Close every `{{#block}}` with the matching `{{/block}}` and every `{{` with `}}`.',
  },
  'template/front-matter': {
    severity: 'error',
    meaning: 'A document template does not start with its front matter (`title:` between `---` lines).',
    example: 'a `document.md` that starts with `# Title`',
    fix: 'Start the file with `---`, then `title: ...`, then `---`.',
  },
  'template/unsupported': {
    severity: 'error',
    meaning: 'A Handlebars construct techfile templates do not allow (decorators, inline partials, …).',
    example: '`{{#*inline "x"}}`',
    fix: 'Use the helpers and partials listed in docs/templates.md.',
  },
  'template/raw-output': {
    severity: 'error',
    meaning: 'Triple braces would insert data as Markdown instead of as literal text.',
    example: '`{{{product.name}}}`',
    fix: 'Write `{{product.name}}`: values are always inserted as text.',
  },
  'template/unknown-helper': {
    severity: 'error',
    meaning: 'A helper name is not a techfile template helper.',
    example: '`{{uppercase product.name}}`',
    fix: 'Use one of the helpers listed in docs/templates.md (the hint suggests the nearest).',
  },
  'template/block-helper': {
    severity: 'error',
    meaning: 'A block helper is used without its block.',
    example: '`{{items network.ports}}`',
    fix: 'Write `{{#name …}}…{{/name}}`.',
  },
  'template/items-else': {
    severity: 'error',
    meaning: '`{{#items}}` has no `{{else}}`, so an empty list would print nothing instead of a TBD.',
    example: '`{{#items network.ports}}…{{/items}}`',
    fix: 'Add `{{else}}` with what to print when the list is empty.',
  },
  'template/partial-name': {
    severity: 'error',
    meaning: 'A partial name is computed instead of written out.',
    example: '`{{> (lookup . "name")}}`',
    fix: 'Write the partial name out, e.g. `{{> partials/contact}}`.',
  },
  'template/partial-arguments': {
    severity: 'error',
    meaning: 'A partial is given arguments; partials see the data of the template that includes them.',
    example: '`{{> partials/contact person=manufacturer}}`',
    fix: 'Remove the arguments.',
  },
  'template/unknown-partial': {
    severity: 'error',
    meaning: 'A template includes a partial that does not exist.',
    example: '`{{> partials/contcat}}`',
    fix: 'Correct the name (the hint lists the partials) or add the partial file.',
  },
  'template/partial-cycle': {
    severity: 'error',
    meaning: 'Partials include each other in a circle.',
    example: '`a.md` includes `b`, `b.md` includes `a`',
    fix: 'Remove one of the `{{> …}}` lines.',
  },
  'template/unknown-clause': {
    severity: 'error',
    meaning: 'A template cites a clause id that is not in the catalogue.',
    example: '`{{#applies "CRA-ANX1-9z"}}`',
    fix: 'Use a clause id from `src/regulatory/clauses.yaml`.',
  },
  'template/unknown-instrument': {
    severity: 'error',
    meaning: 'A template names an instrument id that does not exist.',
    example: '`{{#if (law "MDD")}}`',
    fix: 'Use one of the instrument ids (CRA, AIA, MDR, IVDR, …).',
  },
  'template/unknown-doc-field': {
    severity: 'error',
    meaning: 'A template asks for a document-control field that does not exist.',
    example: '`{{doc "reviewer"}}`',
    fix: 'Use one of the document fields listed in docs/templates.md.',
  },
  'template/unknown-doc-type': {
    severity: 'error',
    meaning: 'There is no template for the requested document type.',
    example: 'a template folder without `decommissioning/document.md`',
    fix: 'Add `<doc-type>/document.md`, or use one of the document types that exist.',
  },
  'template/traceability-missing': {
    severity: 'error',
    meaning: 'The template folder has no traceability template, which words the traceability table of every document.',
    example: 'a custom `--templates` folder without `traceability/document.md`',
    fix: 'Copy `traceability/document.md` from the templates shipped with techfile.',
  },
  'template/not-text': {
    severity: 'error',
    meaning: 'A value a template prints as text is a map or a list.',
    example: '`{{network}}`',
    fix: 'Print a field of it, or loop over it with `{{#items}}`.',
  },
  'template/not-a-boolean': {
    severity: 'error',
    meaning: 'A helper that needs true or false got another value.',
    example: '`{{yesno product.name}}`',
    fix: 'Pass a true/false field.',
  },
  'template/not-a-date': {
    severity: 'error',
    meaning: 'A date helper got a value that is not a date.',
    example: '`{{date product.name}}`',
    fix: 'Pass a date field (YYYY-MM-DD).',
  },
  'template/date-style': {
    severity: 'error',
    meaning: 'A date helper was given an unknown style.',
    example: '`{{date x style="weird"}}`',
    fix: 'Use one of the styles listed in the hint.',
  },
  'template/tbd-arguments': {
    severity: 'error',
    meaning: 'The `tbd` helper was called without the field path.',
    example: '`{{tbd}}`',
    fix: 'Write `{{tbd "what is missing" "field.path"}}`.',
  },
  'template/path-depth': {
    severity: 'error',
    meaning: '`../` goes above the top of the data.',
    example: '`{{../../product.name}}` at the top level',
    fix: 'Remove the extra `../`.',
  },
  'template/table-column': {
    severity: 'error',
    meaning: 'A table column names no field.',
    example: '`{{table network.ports columns=""}}`',
    fix: 'Name a field for each column.',
  },
  'template/table-widths': {
    severity: 'error',
    meaning: 'The `widths` of a table do not fit its columns.',
    example: 'three widths for a two-column table',
    fix: 'Give one width per column.',
  },
  'template/runtime': {
    severity: 'error',
    meaning: 'A template failed while it was rendered with the device data.',
    example: 'a helper called with a value it cannot handle',
    fix: 'Read the message; correct the template at the position shown.',
  },
  'template/render-failed': {
    severity: 'error',
    meaning: 'A template could not be rendered at all (for example a partial that never ends).',
    example: 'a partial that includes itself through a block',
    fix: 'Check the partials this document includes for a loop.',
  },
  'markdown/unsupported': {
    severity: 'warning',
    meaning: "The template's Markdown uses a construct the document model has no place for; it is left out.",
    example: 'a footnote definition',
    fix: 'Use headings, paragraphs, lists, tables, block quotes, images and code.',
  },
  'markdown/raw-html': {
    severity: 'warning',
    meaning: "Raw HTML in the template's Markdown is not supported and is left out.",
    example: '`<b>important</b>`',
    fix: 'Use Markdown (`**important**`) or a `> [!NOTE]` box.',
  },
  'markdown/inline-image': {
    severity: 'warning',
    meaning: 'An image inside a paragraph is shown as its description only.',
    example: '`see ![logo](logo.png) here`',
    fix: 'Put the image on a line of its own.',
  },
  'markdown/link-url': {
    severity: 'warning',
    meaning: 'A link target is not a web address, e-mail address or `#section`.',
    example: '`[manual](file:///C:/x.pdf)`',
    fix: 'Link to `https://…`, `mailto:…` or a `#section`.',
  },
  'markdown/misplaced-directive': {
    severity: 'warning',
    meaning: 'A `<!-- widths -->` or `<!-- clauses -->` comment is not where it takes effect.',
    example: '`<!-- widths: 1,2 -->` after the table',
    fix: 'Put `widths` on the line just before a table and `clauses` just after a heading.',
  },
  'markdown/table-widths': {
    severity: 'warning',
    meaning: 'A `<!-- widths -->` comment gives a different number of widths than the table has columns.',
    example: '`<!-- widths: 1,2,3 -->` before a two-column table',
    fix: 'Give one width per column.',
  },
  'markdown/too-deep': {
    severity: 'error',
    meaning: 'Block quotes or lists are nested more than 1000 levels deep; what lies deeper cannot be read.',
    example: 'a partial that opens a `>` block quote in a loop',
    fix: 'Nest block quotes and lists a few levels at most.',
  },
  'markdown/table-cells': {
    severity: 'warning',
    meaning: 'A table row has more cells than the header row; as in GitHub Markdown, the extra cells are left out.',
    example: '`| a | b | c |` under a two-column header',
    fix: 'Add the column to the header and `---` rows, or write a `|` inside a cell as `\\|`.',
  },
  'generate/worker-memory': {
    severity: 'error',
    meaning: 'Building one product needed more memory than a worker thread may use (1024 MB); the others were built.',
    example: 'a device with a very large SBOM in a portfolio run',
    fix: 'Build that product with `--jobs 1`: the main thread has no such limit.',
  },
  'generate/missing-date': {
    severity: 'error',
    meaning: 'A document has no date, and `SOURCE_DATE_EPOCH` is not set; techfile never uses the clock.',
    example: 'no `documents.defaults.date`',
    fix: 'Set `documents.<type>.date` or `documents.defaults.date`, or `SOURCE_DATE_EPOCH`.',
  },
  'generate/forbidden-character': {
    severity: 'warning',
    meaning: 'A text contains characters a document cannot hold (XML 1.0); they were removed.',
    example: 'a description with U+0007 copied from another program',
    fix: 'Remove the invisible characters from the text.',
  },
  'generate/image-missing': {
    severity: 'warning',
    meaning: 'An image named in the data was not found beside the device file or its parents.',
    example: '`logo: logo.png` with no such file',
    fix: 'Check the file name, or add the image file.',
  },
  'generate/image-not-local': {
    severity: 'warning',
    meaning: 'An image is not named by a relative file path.',
    example: '`logo: https://example.com/logo.png`',
    fix: 'Name the image file relative to the device data file.',
  },
  'generate/image-type': {
    severity: 'warning',
    meaning: 'An image is not a PNG or JPEG file.',
    example: '`logo: logo.svg`',
    fix: 'Convert the image to PNG or JPEG.',
  },
  'generate/image-outside-project': {
    severity: 'error or warning',
    meaning: 'An image lies outside the project folder (through `..` or a symbolic link).',
    example: '`logo: ../../secret.png`',
    fix: 'Keep images inside the folder you named on the command line.',
  },
  'generate/image-too-large': {
    severity: 'error',
    meaning: 'An image file is larger than the limit (`--max-image-size`).',
    example: 'a 40 MB photograph',
    fix: 'Scale the image down, or raise the limit with `--max-image-size`.',
  },
  'generate/image-unreadable': {
    severity: 'error',
    meaning: 'An image file exists but cannot be read.',
    example: 'an image without read permission',
    fix: 'Check the file permissions.',
  },
  'generate/image-invalid': {
    severity: 'error',
    meaning: 'An image is not a readable PNG or JPEG file.',
    example: 'a `.png` that is really a text file',
    fix: 'Export the image again as PNG or JPEG.',
  },
  'generate/image-too-many-pixels': {
    severity: 'error',
    meaning: 'An image has more pixels than the limit (`--max-image-pixels`).',
    example: 'a 20000 × 20000 PNG',
    fix: 'Scale the image down, or raise the limit with `--max-image-pixels`.',
  },
  'generate/time-limit': {
    severity: 'error',
    meaning: "Building one product's documents took longer than the limit (`--max-seconds`) and was stopped.",
    example: 'a product with an enormous component list',
    fix: 'Check the data for very long texts or lists, or raise the limit with `--max-seconds`.',
  },
  'generate/failed': {
    severity: 'error',
    meaning: "A product's documents could not be built because of an internal failure (a bug or a crashed worker).",
    example: 'a worker thread that ran out of memory',
    fix: 'Report it with the device file; it is a bug in techfile.',
  },
  'generate/changed-during-run': {
    severity: 'error',
    meaning:
      'A device file (or one of its parents) was edited during a portfolio run and no longer loads cleanly when its product is built.',
    example: 'a parent saved with a syntax error while `generate` runs on its products',
    fix: 'Run `techfile validate` on the file, fix what it reports and run `generate` again (unchanged products are skipped).',
  },
  'generate/duplicate-product-id': {
    severity: 'error',
    meaning: 'Two products of one run use the same `product.id` and would write to the same output folder.',
    example: 'two variants both with `id: glucoflow-x2`',
    fix: 'Give each product variant its own `product.id`.',
  },
  'generate/abstract-product': {
    severity: 'error',
    meaning:
      'The library was asked to generate a product-line parent (`abstract: true`), which has no documents of its own.',
    example: "`generate('lines/glucoflow.yaml', …)`",
    fix: 'Generate one of the variants that extend it.',
  },
  'render/failed': {
    severity: 'error',
    meaning: 'A document could not be rendered as DOCX or PDF.',
    example: 'an image the renderer cannot decode',
    fix: 'Check the images and very long texts of this product.',
  },
  'render/toc-unsettled': {
    severity: 'warning',
    meaning:
      'The PDF table of contents still changed after the last layout pass, so some of its page numbers may be off by a page.',
    example: 'a TOC whose own length moves headings to the next page and back',
    fix: 'Check the TOC page numbers in the PDF; a page break before a long section usually settles them.',
  },
  'render/missing-glyph': {
    severity: 'warning',
    meaning:
      'The PDF prints characters as empty boxes: the fonts it embeds (DejaVu Sans) have no glyph for them. The DOCX is not affected (it uses the reader’s fonts).',
    example: 'an emoji such as 🫀 in `product.name`, or Chinese or Japanese text',
    fix: 'Replace the characters in the field (or template) named with text DejaVu Sans covers: Latin, Greek, Cyrillic and common symbols.',
  },
  'output/write-failed': {
    severity: 'error',
    meaning: 'A document could not be written.',
    example: 'a full disk',
    fix: 'Check that the output folder is writable and the disk has space; files listed as written are complete.',
  },
  'final/tbd': {
    severity: 'error',
    meaning: '`--final` refused a document that still has a TBD.',
    example: '`support_period.end_date` not supplied',
    fix: 'Supply the field, or generate a draft without `--final`.',
  },
  'final/clause-tbd': {
    severity: 'error',
    meaning: '`--final` refused a document because an applicable clause is not addressed.',
    example: 'a clause no section cites',
    fix: 'Add a section citing the clause to the template, or supply the facts that decide whether it applies.',
  },
  'final/draft-status': {
    severity: 'warning',
    meaning: 'A document built with `--final` still has a draft status.',
    example: '`documents.defaults.status: Draft`',
    fix: 'Set the status to the released one, e.g. `Released`.',
  },
  'final/unverified-reference': {
    severity: 'warning',
    meaning:
      'A document cites references the catalogue has not verified; they are printed without the doubtful detail.',
    example: 'a clause whose catalogue entry says `verified: unverified`',
    fix: 'Confirm the references (`techfile coverage` lists them).',
  },
  'sbom/file-not-relative': {
    severity: 'error',
    meaning: '`sbom.file` or a `vulnerabilities.files` entry is not a relative path.',
    example: '`sbom.file: /tmp/sbom.json`',
    fix: 'Name the file relative to the device data file.',
  },
  'sbom/file-outside': {
    severity: 'error',
    meaning: 'An SBOM or VEX file lies outside the project folder.',
    example: '`sbom.file: ../../sbom.json`',
    fix: 'Keep the file inside the folder you named on the command line.',
  },
  'sbom/file-missing': {
    severity: 'error',
    meaning: 'An SBOM or VEX file named in the data does not exist.',
    example: '`sbom.file: sbom.json` with no such file',
    fix: 'Check the file name, or add the file.',
  },
  'sbom/file-not-a-file': {
    severity: 'error',
    meaning: 'The SBOM or VEX path names something that is not a regular file.',
    example: '`sbom.file: sboms/`',
    fix: 'Name the JSON file itself.',
  },
  'sbom/file-too-large': {
    severity: 'error',
    meaning: 'An SBOM or VEX file is larger than the limit.',
    example: 'a 500 MB SBOM',
    fix: 'Check that this is the right file.',
  },
  'sbom/file-unreadable': {
    severity: 'error',
    meaning: 'An SBOM or VEX file exists but cannot be read.',
    example: 'a file without read permission',
    fix: 'Check the file permissions.',
  },
  'sbom/not-json': {
    severity: 'error',
    meaning: 'An SBOM or VEX file is not valid JSON, or not a JSON object.',
    example: 'an SPDX tag-value file named `sbom.json`',
    fix: 'Export the file as JSON (CycloneDX JSON, SPDX 2.3 JSON or CSAF 2.0).',
  },
  'sbom/unsupported-format': {
    severity: 'error',
    meaning: 'A file named in `sbom.file` is not a CycloneDX (1.4 to 1.7) or SPDX 2.3 JSON SBOM.',
    example: 'a CSAF document in `sbom.file`',
    fix: 'Name a CycloneDX or SPDX SBOM; VEX and CSAF files go in `vulnerabilities.files`.',
  },
  'sbom/schema': {
    severity: 'error',
    meaning: 'An SBOM or VEX file does not follow its published JSON schema.',
    example: 'a CycloneDX component without `name`',
    fix: 'Correct the file, or regenerate it with the tool that made it.',
  },
  'sbom/csaf-vex-profile': {
    severity: 'error',
    meaning: 'A CSAF file does not follow the csaf_vex profile (CSAF 2.0 section 4.5).',
    example: 'a not-affected product without an impact statement',
    fix: 'Give a product status per vulnerability, an impact statement for each product not affected and an action for each product affected.',
  },
  'sbom/format-differs': {
    severity: 'warning',
    meaning: '`sbom.format` says something other than the file is.',
    example: '`sbom.format: SPDX` for a CycloneDX file',
    fix: 'Remove `sbom.format` (it is read from the file) or correct it.',
  },
  'sbom/no-timestamp': {
    severity: 'error or warning',
    meaning:
      'The SBOM has no readable timestamp, so its age cannot be checked (an error with `--final` where the law requires an SBOM).',
    example: 'a CycloneDX file without `metadata.timestamp`',
    fix: 'Regenerate the SBOM with a tool that records when it was made.',
  },
  'sbom/stale': {
    severity: 'error or warning',
    meaning:
      'The SBOM is older at the document date than accepted (an error with `--final` where the law requires an SBOM).',
    example: 'an SBOM made 400 days before the document date',
    fix: 'Regenerate the SBOM from the current build.',
  },
  'sbom/vex-component-not-in-sbom': {
    severity: 'error or warning',
    meaning: 'A VEX statement names a component that is not in the SBOM.',
    example: 'a VEX `bom-ref` that the SBOM does not have',
    fix: 'Regenerate the SBOM so it lists every component, or correct the reference in the VEX file.',
  },
  'sbom/exploitable-without-remediation': {
    severity: 'error or warning',
    meaning:
      'A vulnerability affects a component and the statement gives no fix, update, workaround or mitigation (an error with `--final` under CRA, FDA or MDR/IVDR).',
    example: 'a CycloneDX VEX `exploitable` state with no response',
    fix: 'State the remediation or mitigation in the VEX file.',
  },
  'sbom/component-support-ends-early': {
    severity: 'error or warning',
    meaning:
      "A component's supplier support ends before the product's support period (an error with `--final` under the CRA when no plan is given).",
    example: 'an OS supported until 2028 in a product supported until 2032',
    fix: 'Give the plan for the component after its support ends, or replace it.',
  },
  'sbom/component-not-in-sbom': {
    severity: 'warning',
    meaning: 'A component listed by hand in the data is not in the imported SBOM.',
    example: '`components: [{ name: openssl }]` absent from the SBOM',
    fix: 'Regenerate the SBOM, or remove the hand-written entry.',
  },
  'sbom/component-version-differs': {
    severity: 'warning',
    meaning: 'A component listed by hand has a different version than in the SBOM.',
    example: '`openssl 3.0.1` by hand, `3.0.13` in the SBOM',
    fix: 'Correct the version in the data, or regenerate the SBOM.',
  },
} as const satisfies Readonly<Record<string, DiagnosticInfo>>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

export function isRegisteredCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTICS, code);
}
