-- A release a referral made to its receiver (referrals.referral.created with released
-- categories): linked to the referral, so the referral's withdrawal, rejection or deletion revokes
-- it and a redelivered event finds it; read only (scope) with the categories the participant
-- authorized kept as given, and the referral's version they are from (an older edit arriving late
-- is ignored).
ALTER TABLE information_releases
  ADD COLUMN referral_id uuid UNIQUE,
  ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'referral')),
  ADD COLUMN categories text[] NOT NULL DEFAULT '{}',
  ADD COLUMN referral_version integer,
  ADD CONSTRAINT information_releases_referral_scope
    CHECK ((scope = 'referral') = (referral_id IS NOT NULL AND referral_version IS NOT NULL));

-- A referral that ended (withdrawn, rejected, deleted) before its creation reached intake (a
-- retried message can overtake the next): its late creation then grants nothing.
CREATE TABLE ended_referrals (
  referral_id uuid PRIMARY KEY,
  ended_at    timestamptz NOT NULL
);
