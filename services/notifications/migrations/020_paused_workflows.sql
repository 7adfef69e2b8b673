-- The drafts of every service's workflows (libs/workflows' workflows.draft.* events), as far as a
-- reminder needs them: who owns each, its status and since when. Never their steps' data.
CREATE TABLE workflow_drafts_seen (
  workflow_id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  owner_user_id uuid NOT NULL,
  workflow_type text NOT NULL,
  status text NOT NULL,
  -- the draft's own version: events arrive in any order, the newest stays
  draft_version int NOT NULL,
  changed_at timestamptz NOT NULL,
  -- the event that paused it (null unless paused): its reminder's source, so one per pause
  pause_event_id uuid
);
CREATE INDEX workflow_drafts_seen_paused ON workflow_drafts_seen (changed_at)
  WHERE status = 'paused';
