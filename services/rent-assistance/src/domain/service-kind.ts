/**
 * What a service on a rent-assistance record counts as: one rule for services, enrollment and
 * this ledger, kept in libs/events beside the service events whose flags it reads.
 */
export {
  rentAssistanceServiceKind as serviceKindOf,
  type RentAssistanceServiceKind as ServiceKind,
} from '@hearth/events';
