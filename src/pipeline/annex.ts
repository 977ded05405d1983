import { getPath, type Data } from '../regulatory/data-path.js';

/**
 * Whether a lay-use product's secure-operation guide gets a separate IT and security annex.
 *
 * A patient's or consumer's guide holds only what that reader does. When organisations also
 * deploy, service or integrate the same product, their material (network, accounts, hardening,
 * logging, backup, MDS2) goes into an annex document of its own. The rule, from the data:
 * the product has lay users (`product.lay_users`) and at least one of
 * - an intended user who is not a lay user: an entry of `product.intended_users` that names
 *   professionals or an organisation (for example "Healthcare professionals …", "Clinic IT
 *   administrators …", "authorised service technicians"), or that names no lay person (a
 *   patient, consumer, caregiver, owner, guest, family member …) either;
 * - remote service exists (`remote_service.enabled`);
 * - the product is intended for integration into other products or systems
 *   (`integration.intended_for_integration`).
 */
export interface AnnexDecision {
  readonly applies: boolean;
  readonly reason: string;
}

const LAY =
  /\b(lay users?|patients?|consumers?|caregivers?|carers?|parents?|guardians?|home users?|(home )?owners?|tenants?|residents?|guests?|visitors?|family|relatives?|household|children|members of the public)\b/i;
/**
 * Words that make an entry organisational even when it also names lay people ("technicians who
 * visit patients"). An entry that names neither kind counts as organisational: an annex too many
 * is an extra document, a missing one leaves IT staff without their material.
 */
const ORGANISATIONAL =
  /\b(professionals?|staff|administrators?|technicians?|engineers?|clinicians?|physicians?|doctors?|nurses?|pharmacists?|hospitals?|clinics?|laborator(y|ies)|installers?|integrators?|service (staff|partners?|providers?)|organi[sz]ations?|deployers?)\b/i;
const IT = /\bIT\b/;

function isLayUser(entry: string): boolean {
  return !ORGANISATIONAL.test(entry) && !IT.test(entry) && LAY.test(entry);
}

export function itAnnexDecision(data: Data): AnnexDecision {
  if (getPath(data, 'product.lay_users') !== true) {
    return {
      applies: false,
      reason: 'the product has no lay users: its secure-operation instructions are written for organisations already',
    };
  }
  const users = getPath(data, 'product.intended_users');
  const organisational = Array.isArray(users)
    ? users.filter((u): u is string => typeof u === 'string' && !isLayUser(u))
    : [];
  const reasons: string[] = [];
  if (organisational.length > 0) reasons.push(`intended users who are not lay users (${organisational.join('; ')})`);
  if (getPath(data, 'remote_service.enabled') === true) reasons.push('remote service');
  if (getPath(data, 'integration.intended_for_integration') === true)
    reasons.push('integration into other products or systems');
  return reasons.length > 0
    ? { applies: true, reason: `organisations also deploy, service or integrate the product: ${reasons.join(', ')}` }
    : { applies: false, reason: 'only lay users set up and use the product' };
}
