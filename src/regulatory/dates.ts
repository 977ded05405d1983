/**
 * Dates of application, in one table with their source, so no template or rule repeats them
 * in prose. A document prints a date of application only through this table (`citedDate`,
 * the `application_date` template helper); a test scans generated documents for dates that
 * are not here.
 */
export interface ApplicationDate {
  /** ISO date. */
  readonly date: string;
  readonly what: string;
  /** The article that sets the date, as the reader sees it after the date. */
  readonly source: string;
  /** How the date was checked (catalogue vocabulary: legal-text, secondary, …) and against what. */
  readonly verified: 'legal-text' | 'secondary';
  readonly note: string;
}

/** When the table was last checked against its sources. */
export const DATES_CHECKED = '2026-12-03';

const OMNIBUS_NOTE =
  'Digital Omnibus on AI: adopted by Parliament on 16 June 2026 and Council on 29 June 2026, ' +
  'as several 2026 legal commentaries agree; the Official Journal reference is not yet confirmed, ' +
  'so the amending act is not cited by number.';

export const APPLICATION_DATES = {
  cra: {
    date: '2027-12-11',
    what: 'the obligations of the Cyber Resilience Act apply',
    source: 'CRA Art. 71(2)',
    verified: 'secondary',
    note: 'CRA Art. 71(2) as quoted in the catalogue sources.',
  },
  'cra-reporting': {
    date: '2026-09-11',
    what: 'the reporting obligations of CRA Art. 14 apply',
    source: 'CRA Art. 71(2)',
    verified: 'secondary',
    note: 'CRA Art. 71(2) as quoted in the catalogue sources.',
  },
  'aia-prohibitions': {
    date: '2025-02-02',
    what: 'the prohibited AI practices of AI Act Art. 5 apply',
    source: 'AI Act Art. 113(a)',
    verified: 'legal-text',
    note: 'OJ text of Regulation (EU) 2024/1689.',
  },
  'aia-annex-i': {
    date: '2028-08-02',
    what: 'the obligations for high-risk AI systems under AI Act Art. 6(1) (Annex I products such as medical devices) apply',
    source: 'AI Act Art. 113, as amended in 2026',
    verified: 'secondary',
    note: `Was 2 August 2027 (Art. 113(c)) before the amendment. ${OMNIBUS_NOTE}`,
  },
  'aia-annex-iii': {
    date: '2027-12-02',
    what: 'the obligations for high-risk AI systems under AI Act Art. 6(2) (Annex III) apply',
    source: 'AI Act Art. 113, as amended in 2026',
    verified: 'secondary',
    note: `Was 2 August 2026 before the amendment. ${OMNIBUS_NOTE}`,
  },
  'aia-art50': {
    date: '2026-08-02',
    what: 'the transparency obligations of AI Act Art. 50 apply',
    source: 'AI Act Art. 113',
    verified: 'legal-text',
    note: 'Unchanged by the 2026 amendment.',
  },
  'aia-art111-2': {
    date: '2026-08-02',
    what: 'a high-risk AI system placed on the market or put into service before this date is subject to the AI Act only if its design changes significantly from this date',
    source: 'AI Act Art. 111(2)',
    verified: 'secondary',
    note: 'Date of Art. 111(2) as published in 2024 (OJ text read in a full-text copy, not in the OJ itself). Whether the 2026 amendment moved it together with the Art. 113 dates is not confirmed.',
  },
  'aia-art111-2-public': {
    date: '2030-08-02',
    what: 'providers and deployers of high-risk AI systems intended to be used by public authorities must comply with the AI Act, whenever the system was placed on the market',
    source: 'AI Act Art. 111(2)',
    verified: 'secondary',
    note: 'Second sentence of Art. 111(2) as published in 2024 (OJ text read in a full-text copy, not in the OJ itself).',
  },
  'aia-art50-2-transition': {
    date: '2026-12-02',
    what: 'AI systems placed on the market before 2 August 2026 must meet the marking obligation of AI Act Art. 50(2)',
    source: 'AI Act Art. 50(2) transitional rule, added in 2026',
    verified: 'secondary',
    note: OMNIBUS_NOTE,
  },
  pld: {
    date: '2026-12-09',
    what: 'the Product Liability Directive (EU) 2024/2853 applies to products placed on the market or put into service after this date',
    source: 'PLD Art. 2(1)',
    verified: 'secondary',
    note: 'PLD Art. 2(1) and Art. 21 as quoted in third-party analyses of the OJ text.',
  },
  mdr: { date: '2021-05-26', what: 'the MDR applies', source: 'MDR Art. 123(2)', verified: 'legal-text', note: '' },
  ivdr: { date: '2022-05-26', what: 'the IVDR applies', source: 'IVDR Art. 113(2)', verified: 'legal-text', note: '' },
} as const satisfies Record<string, ApplicationDate>;

export type DateKey = keyof typeof APPLICATION_DATES;
export const DATE_KEYS = Object.keys(APPLICATION_DATES) as DateKey[];

/** "11 December 2027" for an ISO date, independent of the machine's locale and time zone. */
export function longDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    d,
  );
}

/** "2 August 2028 (AI Act Art. 113, as amended in 2026)": a date of application with its source. */
export function citedDate(key: DateKey): string {
  const d = APPLICATION_DATES[key];
  return `${longDate(d.date)} (${d.source})`;
}
