-- What a closed-loop referral carries beside the shared core (002): the provider's contact as it
-- stood when referred, who referred by name, the comment, the associated needs and barriers, the
-- data the participant authorized to release to the provider, and the outcome. Defaults let the
-- coordinated-entry part insert through the core alone.
ALTER TABLE referrals
  ADD COLUMN from_user_name text,
  ADD COLUMN contact_name text,
  ADD COLUMN contact_phone text,
  ADD COLUMN contact_email text,
  ADD COLUMN comment text,
  ADD COLUMN receiver_comment text,
  ADD COLUMN need_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN barrier_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN released_categories text[] NOT NULL DEFAULT '{}',
  ADD COLUMN outcome_date date,
  ADD COLUMN outcome_result text,
  ADD COLUMN outcome_comment text,
  ADD COLUMN outcome_recorded_by uuid,
  ADD COLUMN deleted_by uuid;
-- the receiver's grant: open referrals to an organization for a participant, looked up per read
CREATE INDEX referrals_grant ON referrals (participant_id, to_org_id)
  WHERE deleted_at IS NULL;
