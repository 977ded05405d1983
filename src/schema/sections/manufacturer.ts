import { bool, email, enumOf, obj, records, ref, str, url, type Props } from '../build.js';

/** Who is responsible and how to reach them (CRA Annex II 1-2, Art. 13(17)). */
export function manufacturerSection(): Props {
  return {
    manufacturer: obj(
      {
        name: str('Registered legal name of the manufacturer (e.g. "GlucoFlow Medical GmbH").'),
        trade_name: str('Registered trade name or trademark, if different from the legal name.', 'trade name'),
        postal_address: str(
          'Postal address of the registered place of business, on one or several lines.',
          'postal address',
        ),
        country: {
          title: 'country of establishment',
          type: 'string',
          pattern: '^[A-Z]{2}$',
          description:
            'Country where the manufacturer is established, as an ISO 3166-1 two-letter code (e.g. "DE", "US"). Decides whether an EU authorised representative is needed: only for a manufacturer not established in an EU Member State (MDR Art. 11(1), IVDR Art. 11(1), AI Act Art. 22(1); under the CRA an authorised representative is optional, CRA Art. 18(1)).',
        },
        email: email('E-mail address for contact (e.g. "regulatory@example.com").', 'e-mail address'),
        website: url('Manufacturer website, starting with https://.', 'website'),
        cessation_notice_procedure: str(
          'How the manufacturer would inform market surveillance authorities and users if it ceased operations and could no longer meet its obligations.',
          'notice of cessation of operations',
        ),
      },
      'The manufacturer placing the product on the market.',
      'manufacturer',
    ),
    authorised_rep: obj(
      {
        name: str('Name of the EU authorised representative.'),
        address: str('Postal address of the EU authorised representative.', 'postal address'),
      },
      'EU authorised representative, for manufacturers established outside the EU.',
      'authorised representative',
    ),
    spoc: obj(
      {
        channels: records(
          {
            type: enumOf(
              ['email', 'web-form', 'phone', 'postal', 'portal', 'other'],
              'Kind of channel: email, web-form, phone, postal, portal or other.',
              'channel type',
            ),
            address: str('E-mail address, URL, telephone number or postal address of the channel.'),
            purpose: str(
              'What the channel is for (e.g. "report a vulnerability", "security questions from operators").',
            ),
            languages: str('Languages in which the channel is answered.'),
          },
          'Channels of the single point of contact where users report and receive vulnerability information; users must be able to choose their means of communication.',
          { title: 'contact channels', itemTitle: 'contact channel' },
        ),
        human_contact_available: bool(
          'true if users can reach a human, not only automated tools.',
          'human contact available',
        ),
      },
      'Single point of contact for users on security matters.',
      'single point of contact',
    ),
    vulnerability_contact: obj(
      {
        email: email(
          'E-mail address for reporting vulnerabilities (e.g. "security@example.com").',
          'vulnerability reporting e-mail',
        ),
        url: url('Web page or form for reporting vulnerabilities.', 'vulnerability reporting page'),
        security_txt_url: url(
          'Address of the security.txt file (RFC 9116), e.g. https://example.com/.well-known/security.txt.',
          'security.txt address',
        ),
        evidence_ref: ref(
          'Reference to evidence that the reporting contact exists and works (e.g. test record).',
          'reporting contact evidence',
        ),
      },
      'Contact address for reporting vulnerabilities in the product and its components.',
      'vulnerability contact',
    ),
  };
}
