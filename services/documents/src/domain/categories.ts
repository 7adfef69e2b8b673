/**
 * The document categories an upload must name, each with the document types a case worker picks
 * from (issue 11, DOMAIN.md "Documents"). Kept as configuration in code: a new type is a reviewed
 * change, and events carry these codes so rent assistance can ask for "career plan" by name.
 */
export const categories = [
  {
    code: 'identity',
    label: 'Identity',
    types: ['passport', 'i-94', 'state-id', 'birth-certificate', 'social-security-card'],
  },
  {
    code: 'income',
    label: 'Income',
    types: ['pay-stub', 'benefit-letter', 'tax-return', 'bank-statement'],
  },
  {
    code: 'medical',
    label: 'Medical',
    types: ['health-screening', 'immunization-record', 'disability-verification'],
  },
  { code: 'legal', label: 'Legal', types: ['immigration-document', 'court-order', 'lease'] },
  {
    code: 'housing',
    label: 'Housing',
    types: ['lease', 'eviction-notice', 'homelessness-verification', 'utility-bill'],
  },
  { code: 'individual-plan', label: 'Individual Plan', types: ['career-plan'] },
  {
    code: 'signed-application',
    label: 'Signed application',
    types: ['program-application', 'consent-form'],
  },
  { code: 'prosperity-budget', label: 'Prosperity budget', types: ['budget'] },
  { code: 'other', label: 'Other', types: ['other'] },
] as const;

export type CategoryCode = (typeof categories)[number]['code'];
export const categoryCodes = categories.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

/** Is `documentType` one of the category's types? */
export const typeBelongsTo = (category: CategoryCode, documentType: string): boolean =>
  (categories.find((c) => c.code === category)?.types as readonly string[]).includes(documentType);
