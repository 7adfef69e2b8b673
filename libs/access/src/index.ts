export * from './types';
export { canSeeParticipant, decideAccess, isReleaseActive, roleAllows } from './decide';
