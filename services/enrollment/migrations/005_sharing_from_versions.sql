-- Sharing now comes from intake's versioned sharing state, kept in sharing_facts (libs/sharing).
-- The release copies patched from individual events are gone; participant_facts keeps the
-- restriction its events carry, but access is never decided from it.
DROP TABLE participant_releases;
