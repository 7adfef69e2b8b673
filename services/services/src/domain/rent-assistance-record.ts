import { isHubServiceKind, rentAssistanceServiceKind } from '@hearth/events';
import type { FieldError } from '@hearth/http';

/** What this service knows of an enrollment to tell who may record on it. */
export interface RecordOwners {
  orgId: string;
  programKind: string | null;
  serviceProviderOrgId: string | null;
}

/**
 * The hub of a Rent Assistance record, when it is not the enrolling organization: the coach's
 * organization enrolls, the hub provides (I-Trac Rent Assistance guide, registration). Null for
 * every other enrollment.
 */
export function hubOf(e: RecordOwners): string | null {
  if (e.programKind !== 'rent_assistance' || !e.serviceProviderOrgId) return null;
  return e.serviceProviderOrgId === e.orgId ? null : e.serviceProviderOrgId;
}

/** An organization records on its own enrollments, and a hub on the RA records it provides. */
export const recordsOn = (orgId: string, e: RecordOwners) =>
  e.orgId === orgId || hubOf(e) === orgId;

/**
 * The catalog a service type comes from: the recording organization's, or on a Rent Assistance
 * record the hub's, whose program it is (its supervisor writes the RA catalog the coaches use).
 */
export const catalogServes = (typeOrgId: string, orgId: string, e: RecordOwners) =>
  typeOrgId === orgId || typeOrgId === hubOf(e);

/**
 * Who records which services on a Rent Assistance record (guide, "Services Control"): "Hub staff
 * can enter three types of services" (Rapid Rehousing, Homeless Prevention, Hub Final Rent Exit),
 * and career coaches verify engagement by copying their coaching services in. So the hub records
 * only its types, and the coach's organization only coaching: a hub's coaching would count as
 * engagement the coach never verified, a coach's housing support would set the hub's
 * participation date. Told apart by the type's flags (`rentAssistanceServiceKind`).
 */
export function recordingProblems(
  orgId: string,
  e: RecordOwners,
  type: { startsParticipation: boolean; updatesLastQualifyingDate: boolean },
): FieldError[] {
  const hub = hubOf(e);
  if (!hub) return [];
  const kind = rentAssistanceServiceKind({
    startsParticipation: type.startsParticipation,
    qualifying: type.updatesLastQualifyingDate,
  });
  if (orgId === hub && !isHubServiceKind(kind))
    return [
      {
        field: 'serviceTypeId',
        message:
          'The hub records only Rapid Rehousing, Homeless Prevention or Hub Final Rent Exit on a Rent Assistance record; coaching is copied in by the career coach',
      },
    ];
  if (orgId !== hub && isHubServiceKind(kind))
    return [
      {
        field: 'serviceTypeId',
        message:
          "Rapid Rehousing, Homeless Prevention and Hub Final Rent Exit are the hub's to record on a Rent Assistance record",
      },
    ];
  return [];
}
