import { invalid, type Refusal } from './refusal';

/** A release runs forward in time, to an organization other than the one recording it. */
export function newReleaseRefusal(
  release: { toOrgId: string; beginDate: string; endDate: string },
  recordingOrgId: string,
): Refusal | undefined {
  if (release.endDate < release.beginDate)
    return invalid('The release ends before it begins.', [
      { field: 'endDate', message: 'Must be on or after beginDate' },
    ]);
  if (release.toOrgId === recordingOrgId)
    return invalid('A release is to another organization.', [
      { field: 'toOrgId', message: 'Your own organization' },
    ]);
  return undefined;
}

/**
 * Which other agencies a client consented to, and who signed, is the owner's to know; a released
 * organization sees only the releases that concern it.
 */
export const releasesShownTo = <R extends { toOrgId: string }>(
  viewerOrgId: string,
  ownerOrgId: string,
  releases: R[],
): R[] => releases.filter((r) => ownerOrgId === viewerOrgId || r.toOrgId === viewerOrgId);
