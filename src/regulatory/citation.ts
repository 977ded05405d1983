import type { Clause } from './catalogue.js';

/** The EU device regulation a product falls under, if any: it decides how MDR items are cited. */
export type DeviceRegulation = 'MDR' | 'IVDR' | undefined;

/**
 * Research remarks the catalogue keeps beside a reference. They tell the regulatory team how a
 * reference was checked; a reader of the document must never see them.
 */
const REMARKS: readonly RegExp[] = [
  // "~ IEC 62443-4-1 SG-3 c-d": an equivalence note, up to the next separator.
  /\s*~[^,;]*/g,
  // "'Release documentation' (title only)", "(cf. IEC 81001-5-1 6.3.1 'supported …', title only)".
  /\s*\((?:[^()]|\([^()]*\))*\b(?:title only|believed|seen|no IVDR equivalent|no matching|cf\.)(?:[^()]|\([^()]*\))*\)/g,
  /\s*'[^']*'/g,
  // "(health software defence-in-depth documentation)": a descriptive gloss, not a number.
  /\s*\((?=[^()]*[a-z]{3,}\s+[a-z]{2,})[^()]*\)/g,
];

/** A catalogue reference as a professional cites it: numbers only, no checking remarks. */
export function cleanReference(ref: string): string {
  let out = ref;
  for (const re of REMARKS) out = out.replace(re, '');
  return (
    out
      // "MDR Annex I 23.4 - item on safe disposal": an item whose letter is not confirmed is cited
      // by its subject, never as the bare paragraph (which would read as all of 23.4).
      .replace(/\s+-\s+(item on\b)/, ', $1')
      .replace(/\s+,/g, ',')
      .replace(/,\s*,/g, ',')
      .replace(/[,;]\s*$/, '')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/**
 * The catalogue's shorthand "MDR 17.4" reads as an article (MDR Art. 17 is on single-use
 * devices): the item is a general safety and performance requirement, "MDR Annex I 17.4".
 */
function annexItem(ref: string): string {
  return ref.replace(/\b(MDR|IVDR) (?=\d+\.\d)/g, '$1 Annex I ');
}

/**
 * The reference of a clause for one product. MDR/IVDR items are written "MDR Annex I 17.2 /
 * IVDR Annex I 16.2" in the catalogue: a product under one regulation is never cited the other.
 * Returns undefined when the item has no counterpart under the product's regulation.
 */
export function referenceFor(clause: Clause, regulation: DeviceRegulation): string | undefined {
  if (clause.instrument !== 'MDR') {
    // "MDCG 2019-16 section 3.6; MDR 17.4": a cross-reference to the other regulation is dropped,
    // and so is a qualifier naming it ("MDCG 2019-16 section 4.2 on MDR 23.4(j)"): the guidance
    // section is cited alone, beside the product's own regulation's item where the template gives it.
    const other = regulation === 'IVDR' ? 'MDR' : 'IVDR';
    const kept = clause.ref
      .split(/;\s*/)
      .filter((p) => !p.startsWith(`${other} `))
      .map((p) => p.replace(new RegExp(`\\s+on ${other}\\b.*$`), ''))
      .map(annexItem);
    return cleanReference(kept.join('; '));
  }
  const parts = clause.ref.split(/\s+\/\s+|\s+vs\s+/).map((p) => p.trim());
  const want = regulation === 'IVDR' ? 'IVDR' : 'MDR';
  const part = parts.find((p) => p.startsWith(`${want} `));
  return part === undefined ? undefined : cleanReference(annexItem(part));
}

/**
 * A clause's id as a document prints it. The catalogue names a device-regulation item after its
 * MDR item ("MDR-AI-17.2", written "MDR Annex I 17.2 / IVDR Annex I 16.2"); a product under the
 * IVDR is traced to the IVDR item, with an id written the same way ("IVDR-AI-16.2"), so that an
 * IVDR record never names the MDR, and the other way round. Undefined when the item has no
 * counterpart under the product's regulation: it is no requirement of this product at all.
 */
export function printedId(clause: Clause, regulation: DeviceRegulation): string | undefined {
  if (clause.instrument !== 'MDR' || regulation === undefined) return clause.id;
  const ref = referenceFor(clause, regulation);
  if (ref === undefined) return undefined;
  if (clause.id.startsWith(`${regulation}-`)) return clause.id;
  // "IVDR Annex I 20.4.1(ah)" → "IVDR-AI-20.4.1ah", the catalogue's own spelling of item ids.
  const m = /^(MDR|IVDR) Annex I (\d+(?:\.\d+)*)((?:\([a-z]+\))*)$/.exec(ref);
  if (m === null) return ref.replace(/\s+/g, '-');
  return `${m[1] ?? regulation}-AI-${m[2] ?? ''}${(m[3] ?? '').replace(/[()]/g, '')}`;
}
