import { z } from 'zod';
import { recordPaymentBody } from './payment';

/** The finance hub's daily batch: up to 5,000 payments across records, each with its own key. */
export const MAX_BATCH_ROWS = 5000;

export const paymentBatchBody = z.strictObject({
  payments: z
    .array(
      recordPaymentBody.extend({
        rowKey: z
          .string()
          .regex(/^[\x21-\x7e]{1,200}$/, '1 to 200 visible ASCII characters')
          .describe("The row's own idempotency key: sent again, it answers the payment it made"),
      }),
    )
    .min(1)
    .max(MAX_BATCH_ROWS)
    .refine(
      (rows) => new Set(rows.map((r) => r.rowKey)).size === rows.length,
      'Each rowKey once in a batch',
    ),
});
export type PaymentBatchBody = z.infer<typeof paymentBatchBody>;
