-- A paused-workflow draft: the steps a user saved so far, private to that user until finished.
CREATE TABLE workflow_drafts (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
  owner_user_id uuid NOT NULL,
  org_id uuid NOT NULL,
  participant_id uuid,
  status text NOT NULL DEFAULT 'in_progress'
    CHECK (status IN ('in_progress', 'paused', 'cancelled', 'finished')),
  current_step text CHECK (length(current_step) <= 100),
  -- step name -> the data saved for it; emptied when the workflow is cancelled
  steps jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(steps) = 'object'),
  title text CHECK (length(title) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- optimistic concurrency: every write increments it, If-Match compares against it
  version integer NOT NULL DEFAULT 1
);

-- "Paused Workflows": one user's drafts of a status, newest first (id breaks ties for the cursor).
CREATE INDEX workflow_drafts_owner_status_updated
  ON workflow_drafts (owner_user_id, status, updated_at DESC, id DESC);
