import { schemaShape } from './device-schema.js';
import { resolveSchemaPath } from './path.js';

/**
 * How coded values of enumerated fields read in a document ("bluetooth-le" → "Bluetooth LE").
 * Only values of fields whose schema lists them as an enum are translated, so free text
 * that happens to equal a code ("in", "other") is never touched.
 */
const WORDINGS: Readonly<Record<string, string>> = {
  // interfaces and transports
  ethernet: 'Ethernet',
  wifi: 'Wi-Fi',
  'bluetooth-le': 'Bluetooth LE',
  bluetooth: 'Bluetooth',
  cellular: 'Cellular',
  usb: 'USB',
  nfc: 'NFC',
  serial: 'Serial',
  'removable-media': 'Removable media',
  tcp: 'TCP',
  udp: 'UDP',
  sctp: 'SCTP',
  icmp: 'ICMP',
  'tcp/udp': 'TCP and UDP',
  in: 'Inbound',
  out: 'Outbound',
  both: 'Both directions',
  allow: 'Allow',
  deny: 'Deny',
  // contact channels and accounts
  email: 'E-mail',
  'web-form': 'Web form',
  phone: 'Telephone',
  postal: 'Post',
  portal: 'Portal',
  os: 'Operating system',
  application: 'Application',
  database: 'Database',
  service: 'Service',
  other: 'Other',
  // threats (STRIDE)
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  'information-disclosure': 'Information disclosure',
  'denial-of-service': 'Denial of service',
  'elevation-of-privilege': 'Elevation of privilege',
  // updates, SBOM, vulnerabilities, standards
  security: 'Security',
  feature: 'Feature',
  combined: 'Security and feature',
  'initial-release': 'Initial release',
  'bug-fix': 'Bug fix',
  'machine-learning-model': 'Machine-learning model',
  library: 'Library',
  framework: 'Framework',
  'operating-system': 'Operating system',
  firmware: 'Firmware',
  container: 'Container',
  'actively-maintained': 'Actively maintained',
  'no-longer-maintained': 'No longer maintained',
  abandoned: 'Abandoned',
  unknown: 'Unknown',
  mandatory: 'Mandatory',
  recommended: 'Recommended',
  affected: 'Affected',
  fixed: 'Fixed',
  mitigated: 'Mitigated',
  'not-affected': 'Not affected',
  'under-investigation': 'Under investigation',
  accepted: 'Accepted',
  harmonised: 'Harmonised standard',
  'common-specification': 'Common specification',
  full: 'Full',
  partial: 'Partial',
  simplified: 'Simplified',
  // regulatory codes
  'important-class-I': 'Important product, class I',
  'important-class-II': 'Important product, class II',
  critical: 'Critical product',
  default: 'Default category',
  high: 'High-risk',
  limited: 'Limited risk',
  minimal: 'Minimal risk',
  'annex-I': 'Annex I (Union harmonisation legislation)',
  'annex-III': 'Annex III',
  essential: 'Essential entity',
  important: 'Important entity',
  none: 'None',
  '510k': '510(k)',
  'de-novo': 'De Novo',
  pma: 'PMA',
  'AI-Act': 'AI Act',
};

/** A language written as a BCP 47 tag ("da", "de-AT", "nb"), as the schema's language lists allow. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// An item of a language list, or a single language field (`techdoc.language`).
const LANGUAGE_ITEM = /(?:^|\.)(?:languages\[\d+\]|language)$/;
let languageNames: Intl.DisplayNames | undefined;

/**
 * A language tag of a language list or field as a reader names the language ("da" → "Danish"), from the
 * ICU data built into Node; a tag it does not know, and a name already written out, stay as written.
 */
function languageName(value: string): string | undefined {
  if (!LANGUAGE_TAG.test(value)) return undefined;
  languageNames ??= new Intl.DisplayNames(['en-GB'], { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(value);
  } catch {
    return undefined;
  }
}

/** The reader-facing form of a value at a data path, or undefined to print it as written. */
export function valueWording(path: string, value: string): string | undefined {
  if (LANGUAGE_ITEM.test(path)) return languageName(value);
  const node = resolveSchemaPath(schemaShape(), path) as { enum?: unknown[] } | undefined;
  if (!node || !Array.isArray(node.enum) || !node.enum.includes(value)) return undefined;
  return WORDINGS[value];
}
