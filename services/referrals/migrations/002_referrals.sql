-- The generator's placeholder table gives way to the referrals below.
DROP TABLE referrals_records;

-- A referral of a participant from one organization to a provider (DOMAIN.md, "Referrals and
-- coordinated entry"). This is the shared core the three parts of the service build on: closed-loop
-- referrals, the housing queue (queue_entry_id) and vacancies (vacancy_id); each part adds its own
-- columns and tables in its own migrations. Deleting keeps the row (deleted_at).
CREATE TABLE referrals (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  from_org_id uuid NOT NULL,
  from_user_id uuid NOT NULL,
  to_org_id uuid NOT NULL,
  referral_service text NOT NULL,
  referral_date date NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  -- coordinated entry: the housing-queue entry referred and the vacancy it reserves (null for a
  -- referral made outside coordinated entry)
  queue_entry_id uuid,
  vacancy_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn', 'completed'))
);
CREATE INDEX referrals_by_participant ON referrals (participant_id, referral_date DESC, id DESC);
CREATE INDEX referrals_incoming ON referrals (to_org_id, status, referral_date DESC, id DESC);
-- nobody refers one queue entry twice: one open (pending or accepted) referral per entry
CREATE UNIQUE INDEX referrals_one_open_per_queue_entry ON referrals (queue_entry_id)
  WHERE queue_entry_id IS NOT NULL AND deleted_at IS NULL AND status IN ('pending', 'accepted');
-- a vacancy is reserved by one open referral at most
CREATE UNIQUE INDEX referrals_one_open_per_vacancy ON referrals (vacancy_id)
  WHERE vacancy_id IS NOT NULL AND deleted_at IS NULL AND status IN ('pending', 'accepted');

-- Every status a referral took, oldest first: who set it, when, and why.
CREATE TABLE referral_status_changes (
  referral_id uuid NOT NULL REFERENCES referrals (id),
  seq integer NOT NULL,
  status text NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid NOT NULL,
  changed_by_org_id uuid NOT NULL,
  reason text,
  PRIMARY KEY (referral_id, seq)
);
