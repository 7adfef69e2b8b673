import type { ScheduledJob } from '@hearth/runtime';
import { smtpMailer } from '../adapters/mailer';
import type { NotificationsDeps } from '../deps';
import { remindPausedWorkflows } from '../use-cases/paused-workflows';
import { remindRentAssistanceReviews } from '../use-cases/rent-assistance-reminders';
import { sendDueMail } from '../use-cases/send-due-mail';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Scheduled work: each job is `{ name, everyMs, run }`; the runtime runs it on its interval under
 * an advisory lock named after the service and the job, so with several replicas one at a time
 * runs it (one mail is never sent by two). `run` takes "now" from `deps.clock()`.
 */
export function jobs(ctx: NotificationsDeps): ScheduledJob<NotificationsDeps>[] {
  const { SMTP_URL, MAIL_FROM, MAIL_EVERY_MS } = ctx.config;
  const reminders: ScheduledJob<NotificationsDeps>[] = [
    {
      name: 'paused-workflow-reminders',
      everyMs: DAY_MS,
      run: async (deps) => {
        await remindPausedWorkflows(deps);
      },
    },
    {
      name: 'rent-assistance-reminders',
      everyMs: DAY_MS,
      run: async (deps) => {
        await remindRentAssistanceReviews(deps);
      },
    },
  ];
  if (!SMTP_URL) {
    ctx.logger.warn('SMTP_URL is not set: mail waits in its queue until a server is configured');
    return reminders;
  }
  const mailer = smtpMailer(SMTP_URL, MAIL_FROM);
  return [
    ...reminders,
    {
      name: 'send-mail',
      everyMs: MAIL_EVERY_MS,
      run: async (deps) => {
        await sendDueMail(deps, mailer);
      },
    },
  ];
}
