import { bool, enumOf, obj, records, str, type Props } from '../build.js';

/** User accounts, roles and credentials (MDCG 2019-16 4.2, CRA Annex I Part I (2)(d)). */
export function accountsSection(): Props {
  return {
    accounts: obj(
      {
        roles: records(
          {
            role: str('Name of the role (e.g. "Clinician", "Service technician", "Administrator").'),
            intended_for: str('Who is meant to hold the role.', 'intended for'),
            privileges: str('What the role may do (access privileges and permissions).'),
            authentication: str('How holders of the role authenticate (e.g. "password and PIN", "smart card").'),
            assigned_by: str('Who assigns the role.', 'assigned by'),
          },
          'User roles and their access privileges.',
          { title: 'user roles', itemTitle: 'user role' },
        ),
        default_accounts: records(
          {
            account: str('Account name as shown (e.g. "admin", "service").'),
            type: enumOf(
              ['os', 'application', 'database', 'service', 'other'],
              'Kind of account: os, application, database, service or other.',
              'account type',
            ),
            purpose: str('What the account is for.'),
            initial_credential: str(
              'How the initial credential is set (e.g. "unique per device, printed on the label"; never the password itself).',
              'initial credential',
            ),
            change_required: bool(
              'true if the product forces a change of the credential at first use.',
              'credential change required',
            ),
            can_be_disabled: bool('true if the account can be renamed or disabled.', 'can be disabled'),
          },
          'Accounts that exist as shipped, and how their credentials must be changed.',
          { title: 'default accounts', itemTitle: 'default account' },
        ),
        credential_change_procedure: str(
          'How to change default and initial passwords or other credentials (e.g. at first login).',
          'credential change procedure',
        ),
        password_policy: str(
          'Password rules enforced or recommended (length, complexity, lockout, expiry).',
          'password policy',
        ),
        mfa_support: str(
          'Whether and how multi-factor authentication is supported (e.g. "TOTP for administrator accounts").',
          'multi-factor authentication support',
        ),
      },
      'User accounts, roles and credentials.',
      'accounts',
    ),
  };
}
