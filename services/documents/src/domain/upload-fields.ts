import { z } from 'zod';
import { isoDate } from '@hearth/http';
import { categoryCodes, typeBelongsTo } from './categories';

/** What the confirmation field must say for a public document: every agency will see it. */
export const PUBLIC_CONFIRMATION = 'true';

/** The upload's text parts (multipart fields are strings). */
export const uploadFields = z.strictObject({
  category: z.enum(categoryCodes),
  documentType: z.string().min(1).max(50),
  comment: z.string().max(2000).optional(),
  documentDate: isoDate(),
  confidentiality: z.enum(['confidential', 'public']),
  publicConfirmed: z
    .literal(PUBLIC_CONFIRMATION)
    .optional()
    .describe('Required for a public document: "true" once told that all agencies will see it'),
});
export type UploadFields = z.infer<typeof uploadFields>;

/** The rules across fields, each naming its field; `today` is the organization's date. */
export function uploadRuleErrors(fields: UploadFields, today: string) {
  const errors: Array<{ field: string; message: string }> = [];
  if (!typeBelongsTo(fields.category, fields.documentType))
    errors.push({ field: 'documentType', message: `Not a document type of ${fields.category}` });
  if (fields.documentDate > today)
    errors.push({ field: 'documentDate', message: 'Not in the future' });
  if (fields.confidentiality === 'public' && fields.publicConfirmed !== PUBLIC_CONFIRMATION)
    errors.push({
      field: 'publicConfirmed',
      message: 'A public document is seen by every agency: confirm it with "true"',
    });
  return errors;
}
