export * from './types';
export { canSeeParticipant, decideAccess } from './decide';
export { isReleaseActive } from './releases';
export { roleAllows } from './roles';
export { accessAuditMigrations, auditDenial } from './audit';
