/**
 * Turns a field key into words a regulatory writer recognises: `eos_notification_method` →
 * "end-of-support notification method". Used for schema titles that are not written by hand
 * and for labels of paths the schema does not know.
 */
const WORDS: Readonly<Record<string, string>> = {
  ai: 'AI',
  api: 'API',
  apis: 'APIs',
  bcm: 'business continuity',
  cvd: 'CVD',
  cwe: 'CWE',
  dos: 'denial-of-service',
  eos: 'end-of-support',
  eol: 'end-of-life',
  hmi: 'HMI',
  his: 'health information system',
  id: 'identifier',
  ifu: 'instructions for use',
  isms: 'ISMS',
  it: 'IT',
  kev: 'known exploited vulnerabilities',
  mds2: 'MDS2',
  mdr: 'MDR',
  mfa: 'multi-factor authentication',
  min: 'minimum',
  nis2: 'NIS2',
  os: 'operating system',
  pms: 'post-market monitoring',
  ref: 'reference',
  sbom: 'SBOM',
  sdlc: 'secure development life cycle',
  siem: 'SIEM',
  spoc: 'single point of contact',
  sw: 'software',
  techdoc: 'technical documentation',
  txt: 'txt',
  url: 'address',
};

export function readableKey(key: string): string {
  const words = key
    .split(/[_\-\s]+/)
    .filter((w) => w !== '')
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  return words.join(' ');
}
