import { bool, enumOf, int, obj, records, ref, str, strList, type Props } from '../build.js';

export const INTERFACE_TYPES = [
  'ethernet',
  'wifi',
  'bluetooth-le',
  'bluetooth',
  'cellular',
  'usb',
  'nfc',
  'serial',
  'removable-media',
  'other',
] as const;

/** Network interfaces, ports and data flows (MDCG 2019-16 4.2-4.3, FDA VI.A.c). */
export function networkSection(): Props {
  return {
    network: obj(
      {
        interfaces: records(
          {
            name: str('Name of the interface as users know it (e.g. "Wi-Fi", "service USB port").'),
            type: enumOf(
              [...INTERFACE_TYPES],
              'Technology: ethernet, wifi, bluetooth-le, bluetooth, cellular, usb, nfc, serial, removable-media or other.',
              'interface type',
            ),
            protocol: str('Protocols or standards used on the interface (e.g. "IEEE 802.11ac, WPA3-Enterprise").'),
            purpose: str('What the interface is for.'),
            enabled_by_default: bool('true if the interface is enabled as shipped.', 'enabled by default'),
            can_be_disabled: str('Whether and how the user can disable the interface.', 'disabling'),
            authentication: str('How communication partners are authenticated on this interface.'),
            encryption: str('How data on this interface are encrypted.'),
          },
          'External interfaces (network, wireless, wired, removable media): the attack surface.',
          { title: 'external interfaces', itemTitle: 'interface' },
        ),
        ports: records(
          {
            port: {
              title: 'port number',
              description:
                'Port number (0-65535), or a range written "67-68" in quotes. ICMP has no ports: with `transport: icmp` write the message types instead (e.g. "echo request and reply (types 8 and 0)").',
              anyOf: [
                { type: 'integer', minimum: 0, maximum: 65535 },
                { type: 'string', minLength: 1 },
              ],
            },
            port_end: int(
              'Last port of a range, if the record describes a range and `port` gives the first port as a number.',
              0,
              65535,
              'last port of range',
            ),
            transport: enumOf(
              ['tcp', 'udp', 'tcp/udp', 'sctp', 'icmp'],
              'Transport protocol: tcp, udp, tcp/udp (both), sctp or icmp.',
              'transport protocol',
            ),
            protocol: str('Service or application protocol (e.g. "HTTPS", "DICOM TLS", "HL7 MLLP").'),
            direction: enumOf(
              ['in', 'out', 'both'],
              'Direction of the connection seen from the product: in, out or both.',
            ),
            purpose: str('What the port is used for.'),
            interface: str('Id of the interface (from `network.interfaces`) the port is open on.'),
            enabled_by_default: bool('true if the port is open as shipped.', 'enabled by default'),
            approved_endpoints: strList(
              'Endpoints the product may talk to on this port (host names, address ranges).',
              'approved endpoints',
              'One endpoint.',
            ),
          },
          'Network ports used to send or receive data; unused ports are closed.',
          { title: 'network ports', itemTitle: 'network port' },
        ),
        data_flows: records(
          {
            source: str('Where the data flow starts (component or system).'),
            destination: str('Where the data flow ends (component or system).'),
            protocol: str('Protocol and port (e.g. "HTTPS/443").'),
            data: str('Data exchanged.'),
            encryption: str('Encryption of the flow.'),
            authentication: str('Authentication of the flow.'),
            addressing: str('Addressing: static IP, DHCP, FQDN.'),
          },
          'Matrix of network data streams, complete for networked devices.',
          { title: 'data flows', itemTitle: 'data flow' },
        ),
        firewall_rules: records(
          {
            source: str('Source of the traffic.'),
            destination: str('Destination of the traffic.'),
            port_protocol: str('Port and protocol (e.g. "443/tcp").', 'port and protocol'),
            action: enumOf(['allow', 'deny'], 'allow or deny.'),
            purpose: str('Why the rule is needed.'),
          },
          'Firewall rules the operating environment needs.',
          {
            title: 'firewall rules',
            itemTitle: 'firewall rule',
            prose:
              'The firewall rules in words, where a table of rules does not fit (e.g. "Block all inbound traffic; allow outbound HTTPS to the update server only").',
          },
        ),
        diagrams: records(
          {
            title: str('Caption of the diagram.'),
            file: ref('Path of the image file, relative to the data file (PNG or JPEG).', 'image file'),
            description: str('What the diagram shows, as text for readers who cannot see it.'),
          },
          'Network diagrams for end users.',
          { title: 'network diagrams', itemTitle: 'network diagram' },
        ),
        impact_on_other_services: str(
          'How the product avoids negative impact on services of other devices or networks (bandwidth limits, no broadcast storms).',
          'impact on other services',
        ),
      },
      'Network interfaces, ports and data flows of the product.',
      'network',
    ),
    remote_service: obj(
      {
        enabled: bool(
          'true if the manufacturer or its service partners can connect remotely to the product.',
          'remote service available',
        ),
        initiation: str(
          'Who initiates a remote session and how the operator approves it.',
          'remote session initiation',
        ),
        session_indicator: str('How users see that a remote session is active.', 'session indicator'),
        data_access: str(
          'Which data, including patient data, the remote service can see or change.',
          'remote data access',
        ),
      },
      'Remote service and maintenance connections.',
      'remote service',
    ),
    integration: obj(
      {
        intended_for_integration: bool(
          'true if the product is intended for integration into other products or systems.',
          'intended for integration',
        ),
        integrator_information: str(
          'Information the integrator needs to keep the combined product secure.',
          'information for integrators',
        ),
        interfaces: strList(
          'Interfaces offered for integration (e.g. "HL7 FHIR R4 REST API", "DICOM").',
          'integration interfaces',
          'One interface.',
        ),
        apis: records(
          {
            name: str('Name of the API.'),
            protocol: str('Protocol and version.'),
            authentication: str('How clients authenticate.'),
            purpose: str('What the API is for.'),
            documentation_ref: ref('Reference to the API documentation.', 'API documentation'),
          },
          'Application programming interfaces offered to integrators.',
          { title: 'APIs', itemTitle: 'API' },
        ),
        responsibility_split: str(
          'Which security tasks the manufacturer, the integrator and the operator are each responsible for.',
          'split of responsibilities',
        ),
        his_integration_guidance: str(
          'Security recommendations and requirements for integration into a hospital or health information system.',
          'health information system integration guidance',
        ),
      },
      'Integration of the product into other products and IT systems.',
      'integration',
    ),
  };
}
