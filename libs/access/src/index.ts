export * from './types';
export { canSeeParticipant, decideAccess } from './decide';
export { isReleaseActive } from './releases';
export { roleAllows } from './roles';
export { accessAuditMigrations, announceAccess, auditDenial } from './audit';
export {
  allowedParticipants,
  auditDenialAfterAnswer,
  participantGate,
  type FindParticipant,
  type ParticipantGate,
} from './gate';
export { binder, visibleToSql, type Bind, type SharingColumns } from './visibility-sql';
