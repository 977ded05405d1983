import { bool, date, obj, ref, records, str, strList, type Props } from '../build.js';

/** What the product is: identification, purpose and users (CRA Annex II 3-4, Annex VII 1). */
export function productSection(): Props {
  return {
    product: obj(
      {
        id: {
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
          // It names a folder: common file systems refuse a name over 255 bytes (the pattern keeps
          // it ASCII, one byte a character). Ids up to that length validated and generated before.
          maxLength: 255,
          description:
            'Short machine name of this product or variant: lower-case letters, digits and single hyphens, ' +
            'at most 255 characters (e.g. `glucoflow-x2-eu`). Decides the output folder of the generated documents and the default document numbers.',
        },
        name: str('Product name as it appears on the label and in the instructions for use (e.g. "GlucoFlow X2").'),
        model: str('Model or type designation that, with the version, identifies this product (e.g. "GF-X2-EU").'),
        version: str(
          'Software or firmware version (or hardware revision) that these documents describe, e.g. "2.4.1".',
        ),
        type: str('Kind of product in plain words (e.g. "insulin pump with companion app and cloud service").'),
        unique_id: str(
          'Identifier that allows unique identification: UDI-DI, catalogue number or product code.',
          'unique identifier',
        ),
        software_only: bool(
          'true if the product is software only (standalone software, app, cloud service); false for a hardware product ' +
            'with digital elements. Decides the hardware-only CRA items (e.g. Annex VII 1(c) photographs) and the physical-disposal sections.',
          'software-only product',
        ),
        lay_users: bool(
          'true if patients, caregivers or other lay persons use the product themselves. Decides the reader of the user ' +
            'documents and plain-language guidance (MDCG 2019-16 2.6.3, FDA labeling guidance on lay audiences).',
          'used by lay users',
        ),
        intended_purpose: str(
          'Intended purpose as stated in the technical documentation and instructions for use, including the medical indication and the security environment assumed.',
        ),
        intended_users: strList(
          'Who uses the product (e.g. "nurses in intensive care", "patients at home", "hospital IT administrators").',
          'intended users',
          'One user group.',
        ),
        use_environment: str(
          'Where the product is used (home, hospital ward, ambulance, cloud) and what that implies for security.',
          'use environment',
        ),
        essential_functions: strList(
          'Essential and basic functions whose availability must be protected, also after an incident (e.g. "insulin delivery", "alarm display").',
          'essential functions',
          'One essential function.',
        ),
        forms_of_supply: strList(
          'All forms in which the product is placed on the market (embedded software, app store download, cloud service, API).',
          'forms of supply',
          'One form of supply.',
        ),
        hardware_components: records(
          {
            name: str('Name of the hardware component (e.g. "main controller board").'),
            description: str(
              'Technical properties relevant to security: processor, storage, radios, debug ports, tamper protection.',
            ),
          },
          'Hardware components of the product and their technical properties.',
          { title: 'hardware components', itemTitle: 'hardware component' },
        ),
        photo_ref: ref(
          'Reference to a photograph or illustration of the product (file path or document number).',
          'product photograph',
        ),
        internal_layout_ref: ref(
          'Reference to photographs or illustrations of the external features, marking and internal layout (hardware products).',
          'internal layout illustrations',
        ),
        device_class: str(
          'Medical-device risk class as stated on the declaration of conformity (e.g. "IIb"); see also `regulatory.medical_device.class`.',
          'device class',
        ),
        notified_body_involved: bool(
          'true if a notified body takes part in the conformity assessment of the product.',
          'notified body involved',
        ),
        placing_on_market_date: date(
          'Date the product (this version) is or was first placed on the market, YYYY-MM-DD; see also `regulatory.placed_on_market`, which decides the Product Liability Directive (PLD Art. 2(1)) where given (this date decides it otherwise).',
          'date of placing on the market',
        ),
        regulatory_status: str(
          'Regulatory status in plain words (e.g. "CE-marked class IIb device under the MDR").',
          'regulatory status',
        ),
        serial_or_batch_scheme: str(
          'How each unit is identified: type, batch or serial number scheme and where it is marked.',
          'serial or batch number scheme',
        ),
        type_designation: str(
          'Product type as named in the simplified EU declaration of conformity.',
          'type designation',
        ),
      },
      'Identification and purpose of the product these documents describe.',
      'product',
    ),
    platform: obj(
      {
        mobile: bool(
          'true if (part of) the software runs on mobile platforms such as smartphones or tablets. Decides MDR Annex I 17.3.',
          'runs on mobile platforms',
        ),
        mobile_considerations: str(
          'How the software takes into account the specific features of the mobile platform (size and contrast of the screen, OS updates, other apps, external factors such as light or noise).',
          'mobile platform considerations',
        ),
      },
      'Platforms the software runs on.',
      'platform',
    ),
  };
}
