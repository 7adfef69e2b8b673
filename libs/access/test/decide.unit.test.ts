import {
  canSeeParticipant,
  decideAccess,
  isReleaseActive,
  roleAllows,
  ROLES,
  type AccessRequest,
  type Action,
  type Actor,
  type InformationRelease,
  type ParticipantSharing,
  type RecordScope,
} from '@hearth/access';

// The decision table is the documentation of the access rules: one row per case, read top-down.
const NOW = new Date('2026-06-15T12:00:00Z'); // today is 2026-06-15 (UTC)
const OWNER = 'org-owner'; // created the participant
const PARTNER = 'org-partner'; // holds the release in most rows
const STRANGER = 'org-stranger'; // holds no release

const as = (orgId: string, roles: string[] = ['caseworker'], userId = 'u-1'): Actor => ({
  userId,
  orgId,
  roles,
});
const release = (over: Partial<InformationRelease> = {}): InformationRelease => ({
  toOrgId: PARTNER,
  beginDate: '2026-01-01',
  endDate: '2026-12-31',
  revokedAt: null,
  ...over,
});
const client = (
  restriction: ParticipantSharing['restriction'],
  releases: InformationRelease[] = [],
): ParticipantSharing => ({ ownerOrgId: OWNER, restriction, releases });
const mou = (over: Partial<InformationRelease> = {}) => client('share_mou', [release(over)]);
/** A case note / document / service written by u-author at the owner organization. */
const note = (over: Partial<RecordScope> = {}): RecordScope => ({
  orgId: OWNER,
  authorUserId: 'u-author',
  restriction: 'org',
  ...over,
});
const ask = (
  actor: Actor,
  participant: ParticipantSharing,
  action: Action,
  record?: RecordScope,
  now: Date = NOW,
): AccessRequest => ({ actor, participant, action, record, now });

type Row = [description: string, input: AccessRequest, allowed: boolean, reason: string];

const rows: Row[] = [
  // --- roles grant actions ---
  [
    'a caseworker reads her org client',
    ask(as(OWNER), client('restrict_to_org'), 'read'),
    true,
    'same_org',
  ],
  [
    'admin reads no client data',
    ask(as(OWNER, ['admin']), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],
  [
    'admin writes no client data',
    ask(as(OWNER, ['admin']), client('share_global'), 'write'),
    false,
    'role_cannot_write',
  ],
  [
    'admin deletes no client data',
    ask(as(OWNER, ['admin']), client('share_global'), 'delete'),
    false,
    'role_cannot_delete',
  ],
  [
    'a system admin (the HMIS lead) reads no client data, even shared globally',
    ask(as(OWNER, ['system_admin']), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],
  [
    'a system admin writes no client data',
    ask(as(OWNER, ['system_admin']), client('share_global'), 'write'),
    false,
    'role_cannot_write',
  ],
  [
    'a contract manager reads',
    ask(as(OWNER, ['contract_manager']), client('restrict_to_org'), 'read'),
    true,
    'same_org',
  ],
  [
    'a contract manager cannot write',
    ask(as(OWNER, ['contract_manager']), client('restrict_to_org'), 'write'),
    false,
    'role_cannot_write',
  ],
  [
    'a ce_manager writes',
    ask(as(OWNER, ['ce_manager']), client('restrict_to_org'), 'write'),
    true,
    'same_org',
  ],
  [
    'a ce_manager cannot delete',
    ask(as(OWNER, ['ce_manager']), client('restrict_to_org'), 'delete'),
    false,
    'role_cannot_delete',
  ],
  [
    'hub staff cannot delete',
    ask(as(OWNER, ['hub_staff']), client('restrict_to_org'), 'delete'),
    false,
    'role_cannot_delete',
  ],
  [
    'a supervisor deletes',
    ask(as(OWNER, ['supervisor']), client('restrict_to_org'), 'delete'),
    true,
    'same_org',
  ],
  [
    'multi-role: admin + supervisor may delete (union)',
    ask(as(OWNER, ['admin', 'supervisor']), client('restrict_to_org'), 'delete'),
    true,
    'same_org',
  ],
  [
    'multi-role: contract_manager + hub_staff may write (union)',
    ask(as(OWNER, ['contract_manager', 'hub_staff']), client('restrict_to_org'), 'write'),
    true,
    'same_org',
  ],
  [
    'an unknown role grants nothing',
    ask(as(OWNER, ['superuser']), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],
  [
    'role names are exact (no case folding)',
    ask(as(OWNER, ['Caseworker']), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],
  [
    'a role named like an Object key grants nothing',
    ask(as(OWNER, ['toString', '__proto__']), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],
  [
    'no roles grant nothing',
    ask(as(OWNER, []), client('share_global'), 'read'),
    false,
    'role_cannot_read',
  ],

  // --- participant security restriction ---
  [
    'restrict_to_org hides the client from another org',
    ask(as(STRANGER), client('restrict_to_org'), 'read'),
    false,
    'restricted_to_org',
  ],
  [
    'restrict_to_org ignores even an active release',
    ask(as(PARTNER), client('restrict_to_org', [release()]), 'read'),
    false,
    'restricted_to_org',
  ],
  [
    'share_global shows every org',
    ask(as(STRANGER), client('share_global'), 'read'),
    true,
    'share_global',
  ],
  [
    'share_global: another org updates contact details (write follows visibility)',
    ask(as(STRANGER), client('share_global'), 'write'),
    true,
    'share_global',
  ],
  [
    'share_global: another org cannot delete the client',
    ask(as(STRANGER), client('share_global'), 'delete'),
    false,
    'other_org_record',
  ],
  [
    'the owner org deletes its client',
    ask(as(OWNER), client('share_global'), 'delete'),
    true,
    'same_org',
  ],
  [
    'share_mou: the owner needs no release',
    ask(as(OWNER), client('share_mou'), 'read'),
    true,
    'same_org',
  ],
  [
    'share_mou: an active release shows the released org',
    ask(as(PARTNER), mou(), 'read'),
    true,
    'active_release',
  ],
  [
    'share_mou: a released contract manager reads',
    ask(as(PARTNER, ['contract_manager']), mou(), 'read'),
    true,
    'active_release',
  ],
  [
    'share_mou: the released org updates contact details',
    ask(as(PARTNER), mou(), 'write'),
    true,
    'active_release',
  ],
  [
    'share_mou: the released org cannot delete the client',
    ask(as(PARTNER), mou(), 'delete'),
    false,
    'other_org_record',
  ],
  [
    'share_mou without any release hides',
    ask(as(PARTNER), client('share_mou'), 'read'),
    false,
    'no_release',
  ],
  [
    'share_mou: a release to another org does not count',
    ask(as(STRANGER), mou(), 'read'),
    false,
    'no_release',
  ],

  // --- release dates and revocation (inclusive UTC calendar days) ---
  [
    'a release ending today is active',
    ask(as(PARTNER), mou({ endDate: '2026-06-15' }), 'read'),
    true,
    'active_release',
  ],
  [
    'a release that ended yesterday is expired',
    ask(as(PARTNER), mou({ endDate: '2026-06-14' }), 'read'),
    false,
    'release_expired',
  ],
  [
    'a release beginning today is active',
    ask(as(PARTNER), mou({ beginDate: '2026-06-15' }), 'read'),
    true,
    'active_release',
  ],
  [
    'a release beginning tomorrow has not started',
    ask(as(PARTNER), mou({ beginDate: '2026-06-16' }), 'read'),
    false,
    'release_not_started',
  ],
  [
    'a one-day release on its day is active',
    ask(as(PARTNER), mou({ beginDate: '2026-06-15', endDate: '2026-06-15' }), 'read'),
    true,
    'active_release',
  ],
  [
    'a release ending yesterday, asked at 23:59:59Z yesterday, is active',
    ask(
      as(PARTNER),
      mou({ endDate: '2026-06-14' }),
      'read',
      undefined,
      new Date('2026-06-14T23:59:59Z'),
    ),
    true,
    'active_release',
  ],
  [
    'a release revoked an hour ago is revoked',
    ask(as(PARTNER), mou({ revokedAt: '2026-06-15T11:00:00Z' }), 'read'),
    false,
    'release_revoked',
  ],
  [
    'a release revoked at exactly now is revoked',
    ask(as(PARTNER), mou({ revokedAt: '2026-06-15T12:00:00Z' }), 'read'),
    false,
    'release_revoked',
  ],
  [
    'a revocation dated in the future leaves it active now',
    ask(as(PARTNER), mou({ revokedAt: '2026-06-15T13:00:00Z' }), 'read'),
    true,
    'active_release',
  ],
  [
    'a revocation with an offset is compared as an instant',
    ask(as(PARTNER), mou({ revokedAt: '2026-06-15T13:30:00+02:00' }), 'read'),
    false,
    'release_revoked',
  ],
  [
    'an unreadable revocation counts as revoked',
    ask(as(PARTNER), mou({ revokedAt: 'yesterday' }), 'read'),
    false,
    'release_revoked',
  ],
  [
    'a release with unreadable dates shares nothing',
    ask(as(PARTNER), mou({ endDate: '2026-6-30' }), 'read'),
    false,
    'release_invalid',
  ],
  [
    'an expired and a current release: the current one counts',
    ask(as(PARTNER), client('share_mou', [release({ endDate: '2025-12-31' }), release()]), 'read'),
    true,
    'active_release',
  ],
  [
    'best failing release: not started beats expired',
    ask(
      as(PARTNER),
      client('share_mou', [
        release({ endDate: '2026-03-01' }),
        release({ beginDate: '2026-07-01' }),
      ]),
      'read',
    ),
    false,
    'release_not_started',
  ],
  [
    'best failing release: expired beats revoked',
    ask(
      as(PARTNER),
      client('share_mou', [
        release({ revokedAt: '2026-05-01T00:00:00Z' }),
        release({ endDate: '2026-03-01' }),
      ]),
      'read',
    ),
    false,
    'release_expired',
  ],

  // --- sub-records: reading (case notes, documents, services) ---
  [
    'an org note is read by a colleague in its org',
    ask(as(OWNER, ['caseworker'], 'u-colleague'), client('restrict_to_org'), 'read', note()),
    true,
    'same_org',
  ],
  [
    'an org note is hidden from a share_global partner',
    ask(as(STRANGER), client('share_global'), 'read', note()),
    false,
    'record_restricted_to_org',
  ],
  [
    'an org note is hidden even from a released org',
    ask(as(PARTNER), mou(), 'read', note()),
    false,
    'record_restricted_to_org',
  ],
  [
    'a user note is hidden from a colleague',
    ask(
      as(OWNER, ['caseworker'], 'u-colleague'),
      client('restrict_to_org'),
      'read',
      note({ restriction: 'user' }),
    ),
    false,
    'record_restricted_to_author',
  ],
  [
    "a user note is hidden from the author's supervisor",
    ask(
      as(OWNER, ['supervisor'], 'u-boss'),
      client('restrict_to_org'),
      'read',
      note({ restriction: 'user' }),
    ),
    false,
    'record_restricted_to_author',
  ],
  [
    'a user note is read by its author',
    ask(
      as(OWNER, ['caseworker'], 'u-author'),
      client('restrict_to_org'),
      'read',
      note({ restriction: 'user' }),
    ),
    true,
    'author',
  ],
  [
    'a user note stays with its organization when its author works for another one',
    ask(
      as(STRANGER, ['caseworker'], 'u-author'),
      client('share_global'),
      'read',
      note({ restriction: 'user' }),
    ),
    false,
    'record_restricted_to_author',
  ],
  [
    'a user note without a known author is read by no one',
    ask(
      as(OWNER),
      client('restrict_to_org'),
      'read',
      note({ restriction: 'user', authorUserId: undefined }),
    ),
    false,
    'record_restricted_to_author',
  ],
  [
    'an mou note is read by a released org',
    ask(as(PARTNER), mou(), 'read', note({ restriction: 'mou' })),
    true,
    'active_release',
  ],
  [
    'an mou note is hidden from an org without release',
    ask(as(STRANGER), client('share_global'), 'read', note({ restriction: 'mou' })),
    false,
    'no_release',
  ],
  [
    'an mou note is read by its own org',
    ask(as(OWNER), client('restrict_to_org'), 'read', note({ restriction: 'mou' })),
    true,
    'same_org',
  ],
  [
    'a confidential document is read by a released org of a share_global client',
    ask(
      as(PARTNER),
      client('share_global', [release()]),
      'read',
      note({ restriction: 'confidential' }),
    ),
    true,
    'active_release',
  ],
  [
    'a confidential document after the release expired',
    ask(
      as(PARTNER),
      client('share_global', [release({ endDate: '2026-06-01' })]),
      'read',
      note({ restriction: 'confidential' }),
    ),
    false,
    'release_expired',
  ],
  [
    'a confidential document after the release was revoked',
    ask(
      as(PARTNER),
      client('share_global', [release({ revokedAt: '2026-06-15T11:00:00Z' })]),
      'read',
      note({ restriction: 'confidential' }),
    ),
    false,
    'release_revoked',
  ],
  [
    'a public document is read by any org that sees the client',
    ask(as(STRANGER), client('share_global'), 'read', note({ restriction: 'public' })),
    true,
    'record_unrestricted',
  ],
  [
    'an unrestricted service is read by any org that sees the client',
    ask(as(STRANGER), client('share_global'), 'read', note({ restriction: 'none' })),
    true,
    'record_unrestricted',
  ],
  [
    'a public document of a hidden client stays hidden',
    ask(as(STRANGER), client('restrict_to_org'), 'read', note({ restriction: 'public' })),
    false,
    'restricted_to_org',
  ],
  [
    'a read-only note can be read',
    ask(as(OWNER), client('restrict_to_org'), 'read', note({ readOnly: true })),
    true,
    'same_org',
  ],

  // --- sub-records: changing ---
  [
    'a read-only note cannot be edited',
    ask(as(OWNER), client('restrict_to_org'), 'write', note({ readOnly: true })),
    false,
    'read_only',
  ],
  [
    'a read-only note cannot be edited by its author',
    ask(
      as(OWNER, ['caseworker'], 'u-author'),
      client('restrict_to_org'),
      'write',
      note({ restriction: 'user', readOnly: true }),
    ),
    false,
    'read_only',
  ],
  [
    'a read-only note cannot be deleted',
    ask(as(OWNER, ['supervisor']), client('restrict_to_org'), 'delete', note({ readOnly: true })),
    false,
    'read_only',
  ],
  [
    'a released org never edits an mou note it may read',
    ask(as(PARTNER), mou(), 'write', note({ restriction: 'mou' })),
    false,
    'other_org_record',
  ],
  [
    'another org never deletes a public document it may read',
    ask(as(STRANGER), client('share_global'), 'delete', note({ restriction: 'public' })),
    false,
    'other_org_record',
  ],
  [
    'a colleague cannot edit a user note',
    ask(
      as(OWNER, ['caseworker'], 'u-colleague'),
      client('restrict_to_org'),
      'write',
      note({ restriction: 'user' }),
    ),
    false,
    'record_restricted_to_author',
  ],
  [
    'the author edits her user note',
    ask(
      as(OWNER, ['caseworker'], 'u-author'),
      client('restrict_to_org'),
      'write',
      note({ restriction: 'user' }),
    ),
    true,
    'author',
  ],
  [
    'a colleague edits an org note',
    ask(as(OWNER, ['caseworker'], 'u-colleague'), client('restrict_to_org'), 'write', note()),
    true,
    'same_org',
  ],
  [
    'a supervisor deletes an org note',
    ask(as(OWNER, ['supervisor']), client('restrict_to_org'), 'delete', note()),
    true,
    'same_org',
  ],
  [
    'hub staff cannot delete a note',
    ask(as(OWNER, ['hub_staff']), client('restrict_to_org'), 'delete', note()),
    false,
    'role_cannot_delete',
  ],
  [
    'a contract manager reads but cannot edit a note',
    ask(as(OWNER, ['contract_manager']), client('restrict_to_org'), 'write', note()),
    false,
    'role_cannot_write',
  ],
  // --- a referral's release: its receiver reads, never writes ---
  [
    "a referral's receiver reads the participant",
    ask(as(PARTNER), mou({ scope: 'referral' }), 'read'),
    true,
    'active_referral_release',
  ],
  [
    "a referral's receiver cannot change the participant's details",
    ask(as(PARTNER), mou({ scope: 'referral' }), 'write'),
    false,
    'referral_release_read_only',
  ],
  [
    "a referral's receiver reads a note released to agencies",
    ask(as(PARTNER), mou({ scope: 'referral' }), 'read', note({ restriction: 'mou' })),
    true,
    'active_referral_release',
  ],
  [
    "a referral's receiver cannot record its own note about the participant",
    ask(
      as(PARTNER),
      mou({ scope: 'referral' }),
      'write',
      note({ orgId: PARTNER, restriction: 'mou' }),
    ),
    false,
    'referral_release_read_only',
  ],
  [
    'a release whose scope is unknown reads only (least privilege)',
    ask(as(PARTNER), mou({ scope: 'everything' as 'full' }), 'write'),
    false,
    'referral_release_read_only',
  ],
  [
    'a full release beside a referral release still lets the receiver write',
    ask(as(PARTNER), client('share_mou', [release({ scope: 'referral' }), release()]), 'write'),
    true,
    'active_release',
  ],
  [
    'an expired referral release shares nothing',
    ask(as(PARTNER), mou({ scope: 'referral', endDate: '2026-06-14' }), 'read'),
    false,
    'release_expired',
  ],
  [
    'a referral release of a client restricted to the organization shares nothing',
    ask(as(PARTNER), client('restrict_to_org', [release({ scope: 'referral' })]), 'read'),
    false,
    'restricted_to_org',
  ],
  [
    "a client shared with every agency is read by a referral's receiver as by any agency",
    ask(as(PARTNER), client('share_global', [release({ scope: 'referral' })]), 'read'),
    true,
    'share_global',
  ],
];

describe('decideAccess', () => {
  it.each(rows)('%s', (_description, input, allowed, reason) => {
    expect(decideAccess(input)).toEqual({ allowed, reason });
  });

  it('reports every denial reason somewhere in the table', () => {
    const denials = new Set(rows.filter((r) => !r[2]).map((r) => r[3]));
    expect([...denials].sort()).toEqual([
      'no_release',
      'other_org_record',
      'read_only',
      'record_restricted_to_author',
      'record_restricted_to_org',
      'referral_release_read_only',
      'release_expired',
      'release_invalid',
      'release_not_started',
      'release_revoked',
      'restricted_to_org',
      'role_cannot_delete',
      'role_cannot_read',
      'role_cannot_write',
    ]);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze(ask(as(PARTNER), Object.freeze(mou()), 'read', note()));
    expect(() => decideAccess(input)).not.toThrow();
  });
});

describe('isReleaseActive', () => {
  it('uses the UTC calendar date of now, both ends inclusive', () => {
    const endsOn14th = release({ endDate: '2026-06-14' });
    expect(isReleaseActive(endsOn14th, new Date('2026-06-14T23:59:59.999Z'))).toBe(true);
    expect(isReleaseActive(endsOn14th, new Date('2026-06-15T00:00:00Z'))).toBe(false);
    expect(isReleaseActive(release({ beginDate: '2026-06-15' }), NOW)).toBe(true);
  });
});

describe('canSeeParticipant', () => {
  it('is decideAccess for reading the participant itself', () => {
    expect(canSeeParticipant(as(PARTNER), mou(), NOW)).toEqual({
      allowed: true,
      reason: 'active_release',
    });
    expect(canSeeParticipant(as(OWNER, ['admin']), client('share_global'), NOW)).toEqual({
      allowed: false,
      reason: 'role_cannot_read',
    });
  });
});

describe('roles', () => {
  const grantedTo = (action: Action) => ROLES.filter((r) => roleAllows({ roles: [r] }, action));

  it('grants read, write and delete as the domain says', () => {
    expect(ROLES).toEqual([
      'caseworker',
      'supervisor',
      'ce_manager',
      'hub_staff',
      'contract_manager',
      'admin',
      'data_entry',
      'system_admin',
    ]);
    expect(grantedTo('read')).toEqual([
      'caseworker',
      'supervisor',
      'ce_manager',
      'hub_staff',
      'contract_manager',
      'data_entry',
    ]);
    expect(grantedTo('write')).toEqual([
      'caseworker',
      'supervisor',
      'ce_manager',
      'hub_staff',
      'data_entry',
    ]);
    expect(grantedTo('delete')).toEqual(['caseworker', 'supervisor']);
  });
});
