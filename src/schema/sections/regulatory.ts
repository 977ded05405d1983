import { bool, date, enumOf, list, obj, records, str, strList, type Props } from '../build.js';

export const MARKETS = ['EU', 'US', 'UK', 'CH', 'CA', 'AU', 'JP'] as const;
export const LEGAL_BASES = ['MDR', 'IVDR', 'CRA', 'AI-Act', 'NIS2', 'RED', 'GDPR'] as const;
export const MDR_CLASSES = ['I', 'Is', 'Im', 'Ir', 'IIa', 'IIb', 'III'] as const;
export const IVDR_CLASSES = ['A', 'As', 'B', 'C', 'D'] as const;

/**
 * The applicability block (docs/contracts.md): none of it is a catalogue field; each property
 * decides whether an instrument applies, so each description names the article it decides.
 */
export function regulatorySection(): Props {
  return {
    regulatory: obj(
      {
        markets: list(
          { type: 'string', enum: [...MARKETS], description: 'Market code: EU, US, UK, CH, CA, AU or JP.' },
          'Markets the product is placed on. Decides whether the FDA premarket guidance is cited (US) and which EU instruments are considered (EU).',
          'markets',
        ),
        medical_device: obj(
          {
            regulation: enumOf(
              ['MDR', 'IVDR', 'none'],
              'EU medical-device regulation the product falls under: MDR (2017/745), IVDR (2017/746) or none. Decides CRA exclusion, CRA Art. 2(2)(a)-(b).',
              'medical-device regulation',
            ),
            class: enumOf(
              [...MDR_CLASSES, ...IVDR_CLASSES],
              'Risk class: MDR I, Is, Im, Ir, IIa, IIb, III; IVDR A, As, B, C, D. Decides notified-body involvement and thereby AI Act high-risk status, AI Act Art. 6(1).',
              'device class',
            ),
            classification_rule: str(
              'Classification rule applied (e.g. "Rule 11"). Decides the classification statement of the drafts, MDR Annex VIII / IVDR Annex VIII.',
              'classification rule',
            ),
            rationale: str(
              'Why the product is (or is not) a medical device or IVD and why it has this class (intended purpose against MDR Art. 2(1) / IVDR Art. 2(2) and the classification rule). Decides the reasoning printed with the device-regulation decision, MDR Art. 2(1) / IVDR Art. 2(2) and Annex VIII.',
              'device qualification and class rationale',
            ),
            notified_body: obj(
              {
                name: str(
                  'Name of the notified body (e.g. "TÜV SÜD Product Service GmbH"), as on its certificate. Decides the notified body named in the drafts, MDR Art. 56.',
                  'notified body name',
                ),
                number: {
                  type: 'string',
                  pattern: '^[0-9]{4}$',
                  description:
                    'Four-digit notified-body identification number (e.g. "0123"), written in quotes. Decides the number shown next to the CE mark, MDR Art. 20(5).',
                },
              },
              'Notified body that assesses the device. Decides third-party conformity assessment, AI Act Art. 6(1)(b).',
              'notified body',
            ),
          },
          'Medical-device status of the product.',
          'medical-device status',
        ),
        legal_basis: list(
          {
            type: 'string',
            enum: [...LEGAL_BASES],
            description: 'Instrument: MDR, IVDR, CRA, AI-Act, NIS2, RED or GDPR.',
          },
          'Instruments the manufacturer claims as legal basis for placing the product on the market. Decides which instruments the drafts name as legal basis; cross-checked against the applicability decisions.',
          'legal basis claimed',
        ),
        cra: obj(
          {
            category: enumOf(
              ['default', 'important-class-I', 'important-class-II', 'critical'],
              'CRA product category: default, important class I or II (Annex III) or critical (Annex IV). Decides the conformity-assessment route, CRA Art. 32.',
              'CRA product category',
            ),
            annex_iii_point: str(
              'Point of CRA Annex III (or IV) that lists the product, e.g. "19". Decides the important-product category, CRA Art. 7.',
              'CRA Annex III point',
            ),
            rationale: str(
              'Why the product has this CRA category (its core functionality against the Annex III and IV lists). Decides the reasoning printed with the category and its conformity-assessment route, CRA Art. 7, Art. 32.',
              'CRA category rationale',
            ),
            harmonised_standards_in_full: bool(
              'true if harmonised standards, common specifications or a European cybersecurity certification scheme at assurance level at least "substantial" covering all essential requirements of CRA Annex I were applied in full; false if not, only in part, or none exist yet. Decides whether internal control (module A) is allowed for an important class I product, CRA Art. 32(2).',
              'harmonised standards applied in full (CRA)',
            ),
            module: enumOf(
              ['A', 'B+C', 'H', 'certification-scheme'],
              'Conformity-assessment procedure applied: A (internal control), B+C (EU-type examination and conformity to type), H (full quality assurance) or certification-scheme (European cybersecurity certification scheme). Decides the procedure named in the technical documentation and the EU declaration of conformity, CRA Art. 32 and Annex VIII.',
              'CRA conformity-assessment procedure',
            ),
            notified_body: obj(
              {
                name: str(
                  'Name of the notified body for the CRA conformity assessment, as on its certificate. Decides the notified body named in the drafts, CRA Art. 32 and Annex V point 7.',
                  'CRA notified body name',
                ),
                number: {
                  type: 'string',
                  pattern: '^[0-9]{4}$',
                  description:
                    'Four-digit notified-body identification number, written in quotes. Decides the number shown next to the CE marking, CRA Art. 30(3).',
                },
              },
              'Notified body that performs the CRA conformity assessment (modules B+C or H).',
              'CRA notified body',
            ),
            certificate_ref: str(
              'Reference of the EU-type examination or quality-system certificate issued by the notified body. Decides the certificate named in the drafts, CRA Annex V point 7.',
              'CRA certificate reference',
            ),
          },
          'Cyber Resilience Act (EU) 2024/2847 classification, for products outside the MDR/IVDR or as a state-of-the-art reference. `not_applicable: "reason"` states that the CRA does not apply to the product (e.g. a service that makes no product with digital elements available); the CRA decision then prints that reason, CRA Art. 2.',
          'CRA classification',
        ),
        ai_act: obj(
          {
            ai_system: bool(
              'true if the product is or contains an AI system in the sense of AI Act Art. 3(1). Decides AI Act applicability, AI Act Art. 2.',
              'AI system',
            ),
            risk_class: enumOf(
              ['prohibited', 'high', 'limited', 'minimal'],
              'AI Act risk class: prohibited (an Art. 5 practice), high, limited (Art. 50 transparency only) or minimal. Decides Chapter III obligations, AI Act Art. 5 and 6.',
              'AI Act risk class',
            ),
            high_risk_basis: enumOf(
              ['annex-I', 'annex-III'],
              'Why the system is high-risk: annex-I (safety component of or itself a product under Annex I legislation, e.g. MDR, that needs a notified body) or annex-III (use case listed in Annex III). Decides AI Act Art. 6(1) or 6(2).',
              'high-risk basis',
            ),
            annex_iii_point: str(
              'Point of AI Act Annex III, e.g. "5(a)", when high_risk_basis is annex-III. Decides AI Act Art. 6(2).',
              'AI Act Annex III point',
            ),
            component_of_product: bool(
              'true if the AI system is a safety component of a product rather than the product itself. Decides AI Act Art. 6(1)(a).',
              'AI safety component',
            ),
            feature_name: str(
              'Marketing name of the feature the AI-system determination is about (e.g. "AI-assisted dosing"), so a reader can match the assessment to what is advertised. Decides how the AI Act decision names the feature, AI Act Art. 3(1).',
              'assessed feature',
            ),
            rationale: str(
              'Why the product is or is not an AI system under AI Act Art. 3(1) (e.g. "rule-based dose limits written by engineers; no inference from data"). Decides the reasoning printed with the AI Act decision, AI Act Art. 3(1).',
              'AI-system determination rationale',
            ),
            risk_rationale: str(
              'Why the AI system is prohibited, high-risk (by which route) or neither. Decides the reasoning printed with the AI Act decision, AI Act Art. 5-6.',
              'AI Act risk rationale',
            ),
            art50_rationale: str(
              'Why the Art. 50 transparency obligations do or do not apply (interaction, synthetic content, emotion recognition, deep fakes, public-interest text). Decides the reasoning printed with the Art. 50 decision, AI Act Art. 50.',
              'Art. 50 assessment rationale',
            ),
          },
          'AI Act (EU) 2024/1689 classification.',
          'AI Act classification',
        ),
        nis2: obj(
          {
            entity_type: enumOf(
              ['essential', 'important', 'none'],
              "The manufacturer's own status under NIS2: essential, important or none. Decides whether the manufacturer's own risk-management measures and incident reporting apply, NIS2 Art. 3, Art. 21 and Art. 23. When absent, it follows from sector and size (manufacture of medical devices and IVDs is NIS2 Annex II point 5: important if medium-sized or larger).",
              'NIS2 entity type',
            ),
            sector: str(
              'NIS2 sector and annex entry of the manufacturer (e.g. "Manufacture of medical devices and in vitro diagnostic medical devices, Annex II point 5"). Decides NIS2 scope, NIS2 Art. 2 and Annexes I-II.',
              'NIS2 sector',
            ),
            size: enumOf(
              ['micro', 'small', 'medium', 'large'],
              'Size of the manufacturer as an enterprise (Commission Recommendation 2003/361/EC): micro, small, medium or large. Decides whether NIS2 reaches the manufacturer, NIS2 Art. 2(1). When absent, organisation.size_category is used.',
              'enterprise size',
            ),
            designation: str(
              'Member State designation that brings a small or micro manufacturer into NIS2, or makes it essential (e.g. "designated by Germany as important under Art. 2(2)(b)"). Decides the basis printed for the entity type when the size alone would exclude it, NIS2 Art. 2(2)-(4) and 3(1)(e).',
              'NIS2 designation',
            ),
            rationale: str(
              "Why the manufacturer has this NIS2 status (sector, size, any Member State designation). Decides the reasoning printed with the manufacturer's NIS2 decision, NIS2 Art. 2-3.",
              'NIS2 status rationale',
            ),
            deployers: obj(
              {
                entity_types: list(
                  {
                    type: 'string',
                    enum: ['essential', 'important', 'none'],
                    description: 'NIS2 status: essential, important or none.',
                  },
                  "NIS2 status of the organisations that deploy the product, e.g. [essential, important] for large and medium-sized hospitals; [none] when only natural persons or small practices use it. Decides whether the secure-operation document supports the deployers' Art. 21(2) measures, NIS2 Art. 2-3.",
                  "deployers' NIS2 status",
                ),
                sectors: strList(
                  'NIS2 sectors of the deploying organisations (e.g. "Health: healthcare providers, Annex I point 5"). Decides the NIS2 decision text, NIS2 Annexes I-II.',
                  "deployers' NIS2 sectors",
                  'A NIS2 sector and annex entry.',
                ),
                rationale: str(
                  "Why the deploying organisations have this NIS2 status (for healthcare providers: essential if large, important if medium-sized, outside NIS2 if small or micro unless designated). Decides the reasoning printed with the deployers' NIS2 decision, NIS2 Art. 2-3.",
                  "deployers' NIS2 rationale",
                ),
              },
              "NIS2 status of the organisations that deploy the product (hospitals, laboratories, other operators). Separate from the manufacturer's own status.",
              'deploying organisations (NIS2)',
            ),
          },
          "NIS2 Directive (EU) 2022/2555: the manufacturer's own status and that of the deploying organisations, decided apart.",
          'NIS2 status',
        ),
        fda: obj(
          {
            submission_type: enumOf(
              ['510k', 'de-novo', 'pma', 'none'],
              'FDA premarket submission type: 510k, de-novo, pma or none. Decides the FDA premarket cybersecurity guidance (2023/2025) sections.',
              'FDA submission type',
            ),
            cyber_device: bool(
              'true if the product is a "cyber device" under section 524B of the FD&C Act (includes software, connects to the internet, could be vulnerable). Decides FD&C Act 524B.',
              'cyber device (524B)',
            ),
          },
          'US FDA premarket status, when the US is a market.',
          'FDA status',
        ),
        placed_on_market: date(
          'Date the product is or will be first placed on the EU market, YYYY-MM-DD. Decides the Product Liability Directive (EU) 2024/2853 (products placed on the market or put into service after 9 December 2026), PLD Art. 2(1); where absent, `product.placing_on_market_date` decides, and without either the PLD is undecided.',
          'date of placing on the market',
        ),
      },
      'Which laws and guidance apply to the product. These facts decide applicability; they are not themselves document content.',
      'regulatory status',
    ),
    data_processing: obj(
      {
        personal_data: bool(
          'true if the product processes personal data (including health data). Decides GDPR-related content and the AI Act data-protection statement.',
          'processes personal data',
        ),
        data_categories: records(
          {
            category: str('Data category in plain words (e.g. "glucose readings", "user name").'),
            purpose: str('Why the product processes these data.'),
            necessity: str('Why these data are adequate, relevant and limited to what the intended purpose needs.'),
            personal: bool('true if the category contains personal data.', 'personal data'),
            retention: str('How long the data are kept and where.'),
          },
          'Categories of data the product processes, with purpose and necessity (data minimisation).',
          { title: 'data categories', itemTitle: 'data category' },
        ),
        necessity_justification: str(
          'Overall justification that only data adequate, relevant and limited to the intended purpose are processed.',
          'data minimisation justification',
        ),
      },
      'Data the product processes.',
      'data processing',
    ),
  };
}
