/**
 * Dates of application, in one table with their source, so no template or rule
 * repeats them in prose. Each source is the article that sets the date; the
 * catalogue (clauses.yaml, `instruments[].applicability`) records how it was checked.
 */
export interface ApplicationDate {
  readonly date: string;
  readonly what: string;
  readonly source: string;
}

export const APPLICATION_DATES = {
  craObligations: { date: '2027-12-11', what: 'CRA obligations apply', source: 'CRA Art. 71(2)' },
  craReporting: { date: '2026-09-11', what: 'CRA Art. 14 reporting obligations apply', source: 'CRA Art. 71(2)' },
  aiActHighRiskAnnexI: {
    date: '2027-08-02',
    what: 'AI Act obligations for high-risk AI systems under Art. 6(1) apply',
    source: 'AI Act Art. 113(c)',
  },
  aiActArt50: { date: '2026-08-02', what: 'AI Act Art. 50 transparency obligations apply', source: 'AI Act Art. 113' },
  pldProducts: {
    date: '2026-12-09',
    what: 'the new Product Liability Directive applies to products placed on the market after this date',
    source: 'PLD Art. 2(1), Art. 21, Art. 22(1)',
  },
  mdr: { date: '2021-05-26', what: 'MDR applies', source: 'MDR Art. 123(2)' },
  ivdr: { date: '2022-05-26', what: 'IVDR applies', source: 'IVDR Art. 113(2)' },
} as const satisfies Record<string, ApplicationDate>;

/** "11 December 2027" for an ISO date, independent of the machine's locale and time zone. */
export function longDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
