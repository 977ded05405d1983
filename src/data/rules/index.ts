import { aiAnnexINotifiedBody } from './ai-annex-i-notified-body.js';
import { aiBlockMissing } from './ai-block-missing.js';
import { classMatchesRegulation } from './class-matches-regulation.js';
import { concreteProduct } from './concrete-product.js';
import { craExcludedForMedicalDevice } from './cra-medical-device.js';
import { factsAgree } from './facts-agree.js';
import { hashLength } from './hash-length.js';
import { craModuleRoute } from './cra-module-route.js';
import { legalBasisConsistent } from './legal-basis-consistent.js';
import { marketReleaseDate } from './market-release-date.js';
import { mds2Capabilities } from './mds2-capabilities.js';
import { nis2SizeEntity } from './nis2-size-entity.js';
import { openVulnerabilityClaims } from './open-vulnerability-claims.js';
import { notApplicableWithValues } from './not-applicable-with-values.js';
import { portRange } from './port-range.js';
import { revisionAfterDocument } from './revision-after-document.js';
import type { Rule } from './rule.js';
import { supportBeforeMarket } from './support-before-market.js';
import { supportPeriodOrder } from './support-period-order.js';
import { uniqueIds } from './unique-ids.js';

/** Every semantic rule, run after the schema on the merged data. Adding a rule: one file + one line here. */
export const RULES: readonly Rule[] = [
  concreteProduct,
  supportPeriodOrder,
  supportBeforeMarket,
  revisionAfterDocument,
  craExcludedForMedicalDevice,
  aiBlockMissing,
  aiAnnexINotifiedBody,
  classMatchesRegulation,
  legalBasisConsistent,
  factsAgree,
  uniqueIds,
  portRange,
  notApplicableWithValues,
  nis2SizeEntity,
  craModuleRoute,
  marketReleaseDate,
  openVulnerabilityClaims,
  mds2Capabilities,
  hashLength,
];
