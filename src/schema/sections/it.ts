import { enumOf, obj, records, str, strList, type Props } from '../build.js';

/** The IT environment the product needs (MDR Annex I 17.4, 23.4(ab), MDCG 2019-16 2.3, 3.6). */
export function itSection(): Props {
  return {
    it_environment: obj(
      {
        assumptions: strList(
          'Assumptions about the IT environment the product relies on (e.g. "the hospital network is segmented").',
          'environment assumptions',
          'One assumption.',
        ),
        required_controls: records(
          {
            domain: str('Control domain (e.g. "physical security", "user access", "network segmentation").'),
            control: str('The control the operator must put in place.'),
            mandatory_or_recommended: enumOf(
              ['mandatory', 'recommended'],
              'mandatory or recommended.',
              'required or recommended',
            ),
            setting: str('Setting for this product, if any.'),
            rationale: str('Why the control is needed (risk id or reason).'),
          },
          'Security controls the operating environment must or should provide.',
          { title: 'required environment controls', itemTitle: 'environment control' },
        ),
        reliance_statement: str(
          'Statement of how little the device relies on the environment, and why the remaining reliance is justified.',
          'reliance on the environment',
        ),
        compensating_control_justification: str(
          'Why controls expected from the environment are justified where the device cannot provide them itself.',
          'justification of compensating controls',
        ),
        interaction_risks: strList(
          'Risks from negative interaction between the software and the IT environment.',
          'interaction risks',
          'One risk.',
        ),
        risks_outside_environment: strList(
          'Risks of operating the device outside the intended operating environment.',
          'risks outside the intended environment',
          'One risk.',
        ),
      },
      'The IT environment and the controls it must provide.',
      'IT environment',
    ),
    it_requirements: obj(
      {
        hardware_min: str('Minimum hardware (processor, memory, storage).', 'minimum hardware'),
        workstation_min: str('Minimum requirements for a client workstation.', 'minimum workstation'),
        admin_workstation_min: str(
          'Minimum requirements for the administration workstation.',
          'minimum administration workstation',
        ),
        os_supported: strList(
          'Supported operating systems and versions.',
          'supported operating systems',
          'One operating system and version.',
        ),
        middleware: strList('Middleware and drivers needed, with versions.', 'middleware and drivers', 'One item.'),
        peripherals: strList('Supported peripherals.', 'peripherals', 'One peripheral.'),
        network_requirements: str(
          'IT network characteristics needed (bandwidth, latency, segmentation, addressing).',
          'network requirements',
        ),
        infrastructure: strList(
          'Supporting infrastructure needed (e.g. "NTP server", "DNS", "directory service").',
          'supporting infrastructure',
          'One item.',
        ),
        supported_encryption: strList(
          'Encryption interfaces and protocols the environment must support.',
          'supported encryption',
          'One protocol.',
        ),
        required_security_measures: strList(
          'IT security measures the environment must provide, including protection against unauthorised access.',
          'required IT security measures',
          'One measure.',
        ),
        compatible_systems: strList(
          'Devices and systems validated for safe combination, with versions.',
          'compatible systems',
          'One system.',
        ),
        known_incompatibilities: strList(
          'Known incompatibilities and restrictions.',
          'known incompatibilities',
          'One incompatibility.',
        ),
        cloud_hosting: obj(
          {
            location: str('Where cloud-hosted data are stored (provider, region).'),
            data_stored: strList('Data stored in the cloud.', 'data stored in the cloud', 'One data category.'),
            controls: strList('Controls protecting the cloud-hosted data.', 'cloud controls', 'One control.'),
          },
          'External hosting or cloud services involved.',
          'cloud hosting',
        ),
      },
      'Minimum IT requirements (hardware, software, network).',
      'IT requirements',
    ),
  };
}
