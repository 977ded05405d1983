import { dateOrMonth, obj, str, type Props } from '../build.js';

/** Support period and supply chain (CRA Art. 13(8)-(9), Annex II 7, FDA VI.A.m). */
export function supportSection(): Props {
  return {
    support_period: obj(
      {
        start_date: dateOrMonth(
          'Start of the security support period, YYYY-MM-DD or YYYY-MM when only the month is known (usually the date of placing on the market).',
          'start date',
        ),
        end_date: dateOrMonth(
          'End of the security support period, YYYY-MM-DD, or YYYY-MM when only the month is known (read as the last day of that month): until this date vulnerabilities are handled and security updates provided.',
          'end date',
        ),
        end_of_life_date: dateOrMonth(
          'Anticipated end of life of the product for cybersecurity, YYYY-MM-DD or YYYY-MM.',
          'end-of-life date',
        ),
        support_type: str(
          'Type of technical security support offered (e.g. "security updates and advisories").',
          'type of support',
        ),
        expected_use_time: str('Time the product is expected to be in use (e.g. "8 years").', 'expected time in use'),
        rationale: str(
          'Information taken into account to set the support period (expected use time, user expectations, component support).',
        ),
        eos_notification_method: str(
          'How users are told of the end of the support period (at least month and year at purchase; notice before the end).',
          'end-of-support notification',
        ),
        post_eos_risk_transfer: str(
          'What users must know and do after the end of support: which risks pass to them.',
          'risks after end of support',
        ),
      },
      'The period during which the manufacturer provides security support.',
      'security support period',
    ),
    supply_chain: obj(
      {
        component_due_diligence: str(
          'How third-party and open-source components are checked before integration (due diligence).',
          'component due diligence',
        ),
        third_party_eol_plan: str(
          'Plan for third-party components that reach end of support.',
          'third-party end-of-life plan',
        ),
      },
      'Third-party components and suppliers.',
      'supply chain',
    ),
  };
}
