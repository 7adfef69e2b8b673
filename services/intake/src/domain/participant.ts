import { z } from 'zod';
import { isoDate, emailAddress } from '@hearth/http';
import {
  disablingConditions,
  raceValues,
  securityRestrictions,
  sexValues,
  veteranStatuses,
} from '@hearth/events';
import { invalid, type Refusal } from './refusal';

const name = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const addressTypes = ['home', 'home_mailing', 'mailing', 'homeless'] as const;
export const phoneTypes = ['mobile', 'home', 'work', 'message'] as const;
/** HUD's race and ethnicity list is libs/events' (reporting maps it to HUD's columns). */
export { raceValues };
export const immigrationStatuses = [
  'refugee',
  'asylee',
  'special_immigrant_visa',
  'humanitarian_parolee',
  'cuban_haitian_entrant',
  'trafficking_victim',
  'permanent_resident',
  'citizen',
  'other',
] as const;

const phone = z.strictObject({
  type: z.enum(phoneTypes),
  number: z.string().regex(/^[0-9+()\-. x]{7,25}$/, 'Use digits, spaces, + ( ) - .'),
});
const address = z.strictObject({
  type: z.enum(addressTypes),
  line1: text(200).optional(),
  line2: text(200).optional(),
  city: text(100).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Two-letter state code')
    .optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}(-\d{4})?$/, 'ZIP or ZIP+4')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 country code')
    .optional(),
});
const secondaryContact = z.strictObject({
  name: text(200),
  relationship: text(100).optional(),
  phone: phone.shape.number.optional(),
  email: emailAddress(200).optional(),
});
const immigration = z.strictObject({
  status: z.enum(immigrationStatuses),
  countryOfOrigin: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 country code')
    .optional(),
  usArrivalDate: isoDate().optional(),
});
const demographics = z.strictObject({
  maritalStatus: z
    .enum(['single', 'married', 'separated', 'divorced', 'widowed', 'unknown'])
    .optional(),
  veteranStatus: z.enum(veteranStatuses).optional(),
  disablingCondition: z.enum(disablingConditions).optional(),
  educationLevel: text(100).optional(),
});

/** Everything a case worker records at intake. Required: names, birth date, sex. */
export const participantFields = {
  firstName: name,
  middleName: name.nullable().optional(),
  lastName: name,
  birthDate: isoDate(),
  sex: z.enum(sexValues),
  ssn: z.string().max(20).nullable().optional(),
  ssnRefused: z.boolean().optional(),
  alienNumber: z
    .string()
    .regex(/^A?-?\d{3}-?\d{3}-?\d{2,3}$/i, 'An alien number is A followed by 8 or 9 digits')
    .nullable()
    .optional(),
  email: emailAddress(200).nullable().optional(),
  phones: z.array(phone).max(5).optional(),
  addresses: z.array(address).max(5).optional(),
  secondaryContact: secondaryContact.nullable().optional(),
  race: z.array(z.enum(raceValues)).max(9).optional(),
  ethnicity: z
    .enum(['hispanic_latino', 'not_hispanic_latino', 'unknown', 'refused'])
    .nullable()
    .optional(),
  primaryLanguage: text(60).nullable().optional(),
  immigration: immigration.nullable().optional(),
  demographics: demographics.nullable().optional(),
};

export const newParticipant = z.strictObject({
  ...participantFields,
  securityRestriction: z.enum(securityRestrictions).default('restrict_to_org'),
  /** Required when the duplicate check finds a likely match: the worker confirms this is someone new. */
  confirmNew: z.boolean().optional(),
});
export type NewParticipant = z.infer<typeof newParticipant>;

/** A partial update; `version` is the one the worker read, so two edits never silently overwrite. */
export const participantChanges = z
  .strictObject({ ...participantFields, version: z.number().int().positive() })
  .partial()
  .required({ version: true });
export type ParticipantChanges = z.infer<typeof participantChanges>;

export const participantView = z.object({
  id: z.string().uuid(),
  ownerOrgId: z.string().uuid(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexValues).nullable(),
  ssn: z.string().nullable().describe('Only ever the last 4 digits, or "refused"'),
  alienNumber: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(phone),
  addresses: z.array(address),
  secondaryContact: secondaryContact.nullable(),
  race: z.array(z.enum(raceValues)),
  ethnicity: z.string().nullable(),
  primaryLanguage: z.string().nullable(),
  immigration: immigration.nullable(),
  demographics: demographics.nullable(),
  securityRestriction: z.enum(securityRestrictions),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParticipantView = z.infer<typeof participantView>;

/** A birth date must be a real past date, and not absurdly old; `today` is a YYYY-MM-DD date. */
export function birthDateRefusal(
  birthDate: string | undefined,
  today: string,
): Refusal | undefined {
  if (!birthDate) return undefined;
  const problem =
    birthDate > today
      ? 'The birth date is in the future.'
      : birthDate < `${Number(today.slice(0, 4)) - 120}-01-01`
        ? 'The birth date is more than 120 years ago.'
        : undefined;
  return problem && invalid(problem, [{ field: 'birthDate', message: problem }]);
}
