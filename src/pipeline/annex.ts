import { getPath, type Data } from '../regulatory/data-path.js';

/**
 * Whether a lay-use product's secure-operation guide gets a separate IT and security annex.
 *
 * A patient's or consumer's guide holds only what that reader does. When organisations also
 * deploy, service or integrate the same product, their material (network, accounts, hardening,
 * logging, backup, MDS2) goes into an annex document of its own. The rule, from the data:
 * the product has lay users (`product.lay_users`) and at least one of
 * - an intended user who is not a lay user: an entry of `product.intended_users` that does not
 *   describe itself as a lay user, patient, consumer or caregiver (for example "Healthcare
 *   professionals …", "Clinic IT administrators …", "authorised service technicians");
 * - remote service exists (`remote_service.enabled`);
 * - the product is intended for integration into other products or systems
 *   (`integration.intended_for_integration`).
 */
export interface AnnexDecision {
  readonly applies: boolean;
  readonly reason: string;
}

const LAY = /\b(lay users?|patients?|consumers?|caregivers?|carers?|parents?|guardians?|home users?)\b/i;

export function itAnnexDecision(data: Data): AnnexDecision {
  if (getPath(data, 'product.lay_users') !== true) {
    return {
      applies: false,
      reason: 'the product has no lay users: its secure-operation instructions are written for organisations already',
    };
  }
  const users = getPath(data, 'product.intended_users');
  const organisational = Array.isArray(users)
    ? users.filter((u): u is string => typeof u === 'string' && !LAY.test(u))
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
