export type Role =
  | 'caseworker'
  | 'supervisor'
  | 'ce_manager'
  | 'hub_staff'
  | 'contract_manager'
  | 'admin'
  | 'data_entry'
  | 'system_admin';
export const ROLES: readonly Role[] = [
  'caseworker',
  'supervisor',
  'ce_manager',
  'hub_staff',
  'contract_manager',
  'admin',
  'data_entry',
  'system_admin',
];

export interface Actor {
  userId: string;
  orgId: string;
  roles: readonly string[];
}

export type SecurityRestriction = 'restrict_to_org' | 'share_mou' | 'share_global';

export interface InformationRelease {
  toOrgId: string;
  /** YYYY-MM-DD, inclusive */
  beginDate: string;
  /** YYYY-MM-DD, inclusive */
  endDate: string;
  /** RFC 3339 instant; a release revoked later than now is still active */
  revokedAt?: string | null;
  /**
   * `full` (also when absent: a release signed in intake) or `referral`: made by a referral to
   * its receiver, it lets the receiver read only. Anything else counts as `referral`.
   */
  scope?: 'full' | 'referral';
}

export interface ParticipantSharing {
  ownerOrgId: string;
  restriction: SecurityRestriction;
  releases: readonly InformationRelease[];
}

/** A sub-record of the participant (case note, document, service, enrollment...). */
export type RecordRestriction = 'org' | 'user' | 'mou' | 'confidential' | 'public' | 'none';

export interface RecordScope {
  orgId: string;
  authorUserId?: string;
  restriction: RecordRestriction;
  readOnly?: boolean;
}

export type Action = 'read' | 'write' | 'delete';

/** One question to the access rules: may `actor` perform `action` (on `record`) at `now`? */
export interface AccessRequest {
  actor: Actor;
  participant: ParticipantSharing;
  /** The sub-record acted on; omitted when the action is on the participant itself. */
  record?: RecordScope;
  action: Action;
  now: Date;
}

export interface Decision {
  allowed: boolean;
  /** snake_case code, written to the audit trail */
  reason: string;
}
