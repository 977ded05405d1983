import { obj, records, str, strList, type Props } from '../build.js';

/** Hardening, backup and logging (IEC 81001-5-1 E.2.4, MDCG 2019-16 4.2-4.3). */
export function hardeningSection(): Props {
  return {
    hardening: obj(
      {
        guidelines: strList(
          'How the product is or can be hardened by secure configuration (anti-malware, firewall, allow-listing, disabling services).',
          'hardening guidelines',
          'One guideline.',
        ),
        disabled_services: strList(
          'Services and interfaces disabled as shipped to limit the attack surface (e.g. "Telnet", "USB mass storage").',
          'disabled services',
          'One service.',
        ),
        security_options: records(
          {
            option: str('Name of the setting as shown to users.', 'setting'),
            default_value: str('Value as shipped (secure by default).', 'default value'),
            allowed_values: str('Values the setting can take.', 'allowed values'),
            how_to_change: str('Where and how the setting is changed.', 'how to change'),
            security_effect: str('Effect on security of changing the setting.', 'security effect'),
            contribution: str('How the setting contributes to the defence-in-depth strategy.'),
          },
          'Security-relevant settings: their default, how to change them and the effect of changing them.',
          { title: 'security settings', itemTitle: 'security setting' },
        ),
        risky_changes: strList(
          'User-configurable changes that could increase security risk.',
          'risky configuration changes',
          'One change.',
        ),
        admin_best_practices: strList(
          'Security best practices for maintaining and administering the product.',
          'administration best practices',
          'One practice.',
        ),
        tools: strList(
          'Security-related tools and utilities for administration, monitoring, incident handling and evaluation.',
          'security tools',
          'One tool and its use.',
        ),
        periodic_maintenance: records(
          {
            task: str('Maintenance task (e.g. "review user accounts", "check for updates").'),
            frequency: str('How often (e.g. "monthly").'),
            who: str('Role that performs the task.', 'responsible role'),
          },
          'Periodic security maintenance activities.',
          { title: 'periodic security maintenance', itemTitle: 'maintenance task' },
        ),
      },
      'Hardening and secure configuration of the product.',
      'hardening',
    ),
    backup_restore: obj(
      {
        features: str(
          'Backup and restore features for data and configuration settings.',
          'backup and restore features',
        ),
        procedure: str(
          'How to back up and restore data and configuration (what, how often, where, encrypted?).',
          'backup and restore procedure',
        ),
        config_retention_recovery: str(
          'How an authenticated privileged user retains and recovers the device configuration.',
          'configuration retention and recovery',
        ),
      },
      'Backup and restore.',
      'backup and restore',
    ),
    logging: obj(
      {
        events: records(
          {
            event: str('Event recorded (e.g. "failed sign-in", "configuration change").'),
            data_recorded: str('Data recorded with the event (time, user, source address).', 'data recorded'),
            alert: str('Whether and how an alert is raised.', 'alert raised'),
          },
          'Security-relevant events the product records and monitors.',
          { title: 'logged events', itemTitle: 'logged event' },
        ),
        location: str('Where logs are stored.', 'log location'),
        format: str('Log format (e.g. "syslog RFC 5424", "JSON").', 'log format'),
        storage_capacity: str('Log storage capacity (e.g. "30 days at typical use").', 'log storage capacity'),
        rotation: str('How logs are rotated or recycled when storage is full.', 'log rotation'),
        retention: str('How long logs are kept.', 'log retention'),
        archiving: str('How logs are archived.', 'log archiving'),
        backup_recommendation: str('Recommendations for backing up and using logs.', 'log backup recommendation'),
        export_siem: str(
          'How logs are exported to a SIEM or intrusion-detection system (protocol, format).',
          'export to SIEM',
        ),
        opt_out_procedure: str(
          'How users can opt out of logging and monitoring where the CRA allows it.',
          'logging opt-out',
        ),
        user_notification_method: str(
          'How the product announces anomalous conditions and security events to users (screen, e-mail, syslog).',
          'security event notification',
        ),
      },
      'Security logging and monitoring.',
      'logging',
    ),
  };
}
