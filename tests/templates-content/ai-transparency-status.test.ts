import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import type { Document, Inline } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import type { Data } from '../../src/regulatory/data-path.js';
import type { TemplateSet } from '../../src/templates/load.js';

/**
 * The AI transparency note speaks to its reader according to the product's AI Act status: a
 * system under Art. 50 only gets the Art. 50 information, without the Art. 13-15 chapters of a
 * high-risk system, and a product that is not a medical device gets no clinical wording.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let templates: TemplateSet;

beforeAll(() => {
  templates = loadTemplates(defaultTemplatesDir()).value;
});

function build(data: Data, final: boolean) {
  return buildDocument({
    file: 'device.yaml',
    data,
    docType: 'ai-transparency',
    templates,
    catalogue: loadCatalogue(),
    applicability: decideApplicability(data),
    final,
    sourceDateEpoch: '0',
  });
}

/** Every node of the document model, depth first. */
function* nodes(x: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(x)) for (const v of x) yield* nodes(v);
  else if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    yield o;
    for (const v of Object.values(o)) yield* nodes(v);
  }
}

const headings = (d: Document): string[] =>
  [...walkBlocks(d.children)].flatMap((b) => (b.type === 'heading' ? [inlineText(b.children)] : []));
/** What a reader sees: paragraphs, headings and table cells (placeholders as "[TBD: …]"). */
const text = (d: Document): string =>
  [...walkBlocks(d.children)]
    .flatMap((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return [inlineText(b.children)];
      if (b.type === 'table') return b.rows.flatMap((r) => r.cells.map((c) => inlineText(c.children as Inline[])));
      return [];
    })
    .join('\n');
const placeholders = (d: Document): string[] =>
  [...nodes(d.children)].filter((n) => n['type'] === 'placeholder').map((n) => String(n['field']));

/** A travel chatbot: an AI system under Art. 50(1) and (2) only, not a medical device, all Art. 50 facts given. */
function chatbot(placedOnMarket = '2026-05-15'): Data {
  return {
    product: {
      id: 'chat',
      name: 'Chat Guide',
      software_only: true,
      lay_users: true,
      version: '1.0.0',
      intended_purpose: 'Answering travellers’ questions',
      intended_users: ['Tourists'],
      use_environment: 'Public website',
    },
    manufacturer: { name: 'Chat AS', postal_address: 'Kai 1, Bergen', country: 'NO', email: 'hello@chat.example' },
    regulatory: {
      markets: ['EU'],
      medical_device: { regulation: 'none' },
      ai_act: {
        ai_system: true,
        risk_class: 'limited',
        rationale: 'A language model generates answers: an AI system under Art. 3(1).',
        risk_rationale: 'No Annex I product and no Annex III use case.',
      },
      placed_on_market: placedOnMarket,
    },
    ai: {
      is_ai_system: true,
      high_risk: false,
      interaction_disclosure: {
        applies: true,
        text: 'You are chatting with an AI assistant.',
        placement: 'above the chat input',
        timing: 'Before the first message',
        accessibility: 'Read by screen readers',
      },
      synthetic_content_marking: { applies: true, method: 'C2PA content credentials', standard: 'C2PA 2.1' },
      emotion_or_biometric: { applies: false },
      deepfake_disclosure: { applies: false },
      text_disclosure: { applies: false },
    },
    documents: { defaults: { version: '1.0', date: '2026-11-28', status: 'Released' } },
  };
}

describe('AI transparency note for a system under AI Act Art. 50 only', () => {
  it('builds with --final: no Art. 13-15 fact is asked for', () => {
    const r = build(chatbot(), true);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toEqual([]);
    expect(placeholders(r.value!.document)).toEqual([]);
  });

  it('has the Art. 50 sections and none of the high-risk chapters, and says why', () => {
    const doc = build(chatbot(), false).value!.document;
    const h = headings(doc);
    expect(h).toContain('Information for people exposed to the system');
    expect(h).toContain('Telling people they are interacting with an AI system');
    expect(h).toContain('Marking of AI-generated content');
    for (const highRisk of [
      'Format, languages and availability',
      'Characteristics, capabilities and limitations',
      'Changes to the system and its performance',
      'Human oversight',
      'Resources, lifetime and maintenance',
      'Logging',
    ])
      expect(h).not.toContain(highRisk);
    const t = text(doc);
    expect(t).not.toMatch(/required by AI Act Art\. 13/);
    expect(t).toMatch(/Because the AI system is not high-risk, .*Art\. 13, 14 and 15 .* are not part of this document/);
  });

  it('uses no medical wording for a product that is not a medical device', () => {
    const doc = build(chatbot(), false).value!;
    expect(text(doc.document)).not.toMatch(/healthcare|clinical|patient|medical device/i);
    expect(JSON.stringify(doc.document.meta)).not.toMatch(/healthcare|clinical/i);
    expect(doc.document.meta.keywords).not.toContain('Article 13');
  });

  it('cites the PLD only when the PLD applies to the product', () => {
    const before = text(build(chatbot('2026-05-15'), false).value!.document);
    expect(before).not.toMatch(/PLD/);
    const after = text(build(chatbot('2027-01-15'), false).value!.document);
    expect(after).toMatch(/PLD Art\. 7\(2\)/);
  });
});

describe('AI transparency note for a high-risk medical AI system', () => {
  let lumen: Data;
  beforeAll(async () => {
    const schema = await defaultDeviceSchema();
    lumen = loadDevice(join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'), nodeHost(ROOT, ROOT), schema).value!.data;
  });

  it('tells the deployer its AI Act Art. 26 obligations, with the product’s own contacts and data', () => {
    const doc = build(lumen, false).value!.document;
    expect(headings(doc)).toContain('Other obligations of the deployer');
    const t = text(doc);
    for (const para of ['26(4)', '26(5)', '26(7)', '26(9)']) expect(t).toContain(`AI Act Art. ${para}`);
    expect(t).toMatch(/suspend its use/);
    expect(t).toMatch(/workers' representatives/);
    expect(t).toMatch(/GDPR Art\. 35/);
    // The reporting route with its telephone number comes from the data, not only an e-mail address.
    const incident = (lumen['incident_response'] as { user_reporting_procedure: string }).user_reporting_procedure;
    const phone = /\+\d[\d ]+\d/.exec(incident)![0];
    expect(t).toContain(phone);
    // The DPIA paragraph lists the personal data the system processes.
    const categories = (lumen['data_processing'] as { data_categories: { category: string }[] }).data_categories;
    expect(t).toContain(categories[0]!.category);
    expect(t).toMatch(/healthcare organisation/);
  });

  it('names the authorised representative once (the manufacturer rows already hold it)', () => {
    const doc = build(lumen, false).value!.document;
    const rep = (lumen['authorised_rep'] as { name: string }).name;
    expect(text(doc).split(rep).length - 1).toBe(1);
  });

  it('gives the deployer’s own input-data duty in the product’s words when the data states it', () => {
    const ai = lumen['ai'] as Record<string, unknown>;
    const duty = 'Route only frontal chest radiographs of adults to the system.';
    const doc = build({ ...lumen, ai: { ...ai, deployer_input_control: duty } }, false).value!.document;
    expect(text(doc)).toContain(duty);
  });
});

describe('AI transparency note for a high-risk AI system that is not a medical device', () => {
  it('keeps the high-risk chapters and uses no clinical wording', () => {
    const data = chatbot();
    const reg = data['regulatory'] as Record<string, unknown>;
    const annexIii: Data = {
      ...data,
      regulatory: {
        ...reg,
        ai_act: { ai_system: true, risk_class: 'high', high_risk_basis: 'annex-III', annex_iii_point: '4(a)' },
      },
    };
    const doc = build(annexIii, false).value!.document;
    expect(headings(doc)).toContain('Human oversight');
    expect(text(doc)).not.toMatch(/healthcare|clinical|patient/i);
    // The deployer duties that only Annex III systems bring.
    for (const art of ['26(8)', '26(11)', '27(1)', '26(12)']) expect(text(doc)).toContain(`AI Act Art. ${art}`);
  });
});

/** Paragraphs as the reader sees them (placeholders as "[TBD: …]"), list items left out. */
function paragraphs(d: Document): string[] {
  const out: string[] = [];
  const visit = (blocks: Document['children']): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push(inlineText(b.children));
      if (b.type === 'admonition') visit(b.children);
    }
  };
  visit(d.children);
  return out;
}

/** The chatbot with no Art. 50 situation at all: an internal tool, not high-risk (minimal risk). */
function internalTool(medicalClassI = false): Data {
  const data = chatbot('2027-03-01');
  const reg = data['regulatory'] as Record<string, unknown>;
  const no = { applies: false };
  return {
    ...data,
    product: { ...(data['product'] as Record<string, unknown>), lay_users: false },
    regulatory: {
      ...reg,
      medical_device: medicalClassI ? { regulation: 'MDR', class: 'I' } : { regulation: 'none' },
      ai_act: {
        ai_system: true,
        risk_class: 'minimal',
        art50_rationale: 'Used only by rostering staff; it generates no content.',
      },
    },
    ai: {
      is_ai_system: true,
      high_risk: false,
      intended_purpose: 'Draft shift rosters',
      ifu: { document_ref: 'IFU-1' },
      interaction_disclosure: no,
      synthetic_content_marking: no,
      emotion_or_biometric: no,
      deepfake_disclosure: no,
      text_disclosure: no,
    },
  };
}

describe('AI transparency note for an AI system with no AI Act duty (not high-risk, no Art. 50 situation)', () => {
  it('does not claim to carry Art. 50 information the system does not need, and says why none is needed', () => {
    const t = text(build(internalTool(), false).value!.document);
    expect(t).not.toMatch(
      /transparency obligations of AI Act Art\. 50 that fit the system, and what the deployer must tell/,
    );
    expect(t).toMatch(/none of the transparency obligations of AI Act Art\. 50 applies to it/);
    // A professional tool does interact with its users: the note must not deny that outright.
    expect(t).not.toMatch(/does not interact directly with natural persons/);
    expect(t).toContain('Used only by rostering staff; it generates no content.');
  });

  it('does not call a prohibited practice a system without AI Act duties', () => {
    const data = internalTool();
    const reg = data['regulatory'] as Record<string, unknown>;
    const prohibited: Data = { ...data, regulatory: { ...reg, ai_act: { ai_system: true, risk_class: 'prohibited' } } };
    const t = text(build(prohibited, false).value!.document);
    expect(t).not.toMatch(/why the AI Act requires no information/);
    expect(t).toMatch(/as a prohibited AI practice \(AI Act Art\. 5\)/);
    expect(t).not.toMatch(/Because the AI system is not high-risk/);
    expect(t).not.toMatch(/No disclosure to affected persons is therefore required/);
  });

  it('for an MDR class I device, claims no performance information and keeps the device IFU apart from AI Act Art. 13', () => {
    const t = text(build(internalTool(true), false).value!.document);
    expect(t).toMatch(/both say the same about the intended purpose of the system/);
    expect(t).not.toMatch(/intended purpose and the performance/);
    expect(t).not.toMatch(/not high-risk, the instructions for use and/);
    expect(t).toMatch(/AI Act instructions for use of Art\. 13/);
  });
});

describe('AI transparency note: wording a deployer and a market-surveillance reader can rely on', () => {
  let lumen: Data;
  beforeAll(async () => {
    const schema = await defaultDeviceSchema();
    lumen = loadDevice(join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'), nodeHost(ROOT, ROOT), schema).value!.data;
  });

  it('opens no paragraph in lower case (the AI Act classification is a table row, not a sentence fragment)', () => {
    for (const data of [lumen, chatbot(), internalTool(), internalTool(true)]) {
      const doc = build(data, false).value!.document;
      const lower = paragraphs(doc).filter((p) => /^[a-z]/.test(p));
      expect(lower).toEqual([]);
      expect(text(doc)).toMatch(/Classification under the AI Act/);
      // No "AI Act Art. 50: applies from …" label paragraph: the Art. 50 verdict is a table row too.
      expect(paragraphs(doc).filter((p) => p.startsWith('AI Act Art. 50:'))).toEqual([]);
    }
  });

  it('cites no article twice in one paragraph', () => {
    const doc = build(lumen, false).value!.document;
    const repeated = paragraphs(doc).filter((p) => {
      const refs = p.match(/\(AI Act Art\. [^)]*\)+/g) ?? [];
      return new Set(refs).size !== refs.length || /Art\. 15\(3\)[^]*Art\. 15\(3\)/.test(p);
    });
    expect(repeated).toEqual([]);
  });

  it('uses no legal drafting term such as "chapeau"', () => {
    expect(text(build(lumen, false).value!.document)).not.toMatch(/chapeau/);
  });

  it('does not claim that the AI intended purpose has the same words as the device instructions for use', () => {
    expect(text(build(lumen, false).value!.document)).not.toMatch(/in the same words as in the instructions for use/);
  });

  it('tells the deployer its Art. 26(1), (2) and (6) duties, with the six-month log period', () => {
    const t = text(build(lumen, false).value!.document);
    for (const para of ['26(1)', '26(2)', '26(6)']) expect(t).toContain(`AI Act Art. ${para}`);
    expect(t).toMatch(/at least six months, unless Union or national law/);
    expect(t).not.toMatch(/for the period required by the law that applies to it/);
    // Art. 13(3)(f): the logging row asks for how the deployer gets and reads the logs, not just "mechanism".
    expect(t).toContain('How the deployer collects, stores and interprets the logs');
    // When the duties start: the date of application or, for a system already on the market, Art. 111(2).
    expect(t).toMatch(/The classification in "Purpose and scope" gives the date from which they apply/);
    expect(t).toContain('AI Act Art. 26(12)');
    // Annex III duties do not reach a medical device that is high-risk under Annex I.
    for (const art of ['26(8)', '26(11)', '27(1)']) expect(t).not.toContain(`AI Act Art. ${art}`);
  });

  it('does not say that explanation features exist while they are missing, and prints a declared none as its reason', () => {
    const ai = lumen['ai'] as Record<string, unknown>;
    const missing = build({ ...lumen, ai: { ...ai, explainability: {} } }, false).value!.document;
    expect(text(missing)).not.toMatch(/The system provides the following technical features that help explain/);
    expect(placeholders(missing)).toContain('ai.explainability.capabilities');
    const reason = 'The score is a calibrated probability with no per-input attribution';
    const none = build({ ...lumen, ai: { ...ai, explainability: { capabilities: { none: reason } } } }, false).value!;
    expect(text(none.document)).toContain(reason);
    expect(placeholders(none.document)).not.toContain('ai.explainability.capabilities');
  });
});

describe('AI transparency note: who meets which Art. 50 obligation', () => {
  it('does not call Art. 50(1) and (2) the deployer’s, and tells the deployer to keep the disclosure visible', () => {
    const t = text(build(chatbot(), false).value!.document);
    expect(t).not.toMatch(/others are the deployer's/);
    expect(t).toMatch(/The provider meets those of Art\. 50\(1\) and \(2\) in the design of the system/);
    expect(t).toMatch(/Do not hide, cover or remove the disclosure/);
  });

  it('names the deployer’s own Art. 50(3) and (4) obligations when one applies', () => {
    const data = chatbot();
    const ai = data['ai'] as Record<string, unknown>;
    const t = text(
      build({ ...data, ai: { ...ai, deepfake_disclosure: { applies: true, text: 'Generated image.' } } }, false).value!
        .document,
    );
    expect(t).toMatch(/The obligations of Art\. 50\(3\) and \(4\) are the deployer's own/);
  });
});

describe('AI transparency note: declared answers and the device regulation', () => {
  let lumen: Data;
  beforeAll(async () => {
    const schema = await defaultDeviceSchema();
    lumen = loadDevice(join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'), nodeHost(ROOT, ROOT), schema).value!.data;
  });

  it('prints the reason when pre-determined changes are declared none', () => {
    const ai = lumen['ai'] as Record<string, unknown>;
    const reason = 'Every model change is released as a new software version';
    const t = text(build({ ...lumen, ai: { ...ai, predetermined_changes: { none: reason } } }, false).value!.document);
    expect(t).toMatch(/The provider has not pre-determined any change/);
    expect(t).toContain(reason);
  });

  it('calls an IVDR product an in vitro diagnostic medical device', () => {
    const reg = lumen['regulatory'] as Record<string, unknown>;
    const md = reg['medical_device'] as Record<string, unknown>;
    const ivd: Data = {
      ...lumen,
      regulatory: {
        ...reg,
        medical_device: { ...md, regulation: 'IVDR', class: 'C' },
        legal_basis: ['IVDR', 'AI-Act'],
      },
    };
    const t = text(build(ivd, false).value!.document);
    expect(t).toMatch(/is an in vitro diagnostic medical device\. This document supplements/);
    expect(t).toMatch(/under the IVDR involves a notified body/);
  });
});
