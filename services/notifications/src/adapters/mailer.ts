import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one mail; resolves once the server has taken it, rejects when it did not. */
export type Mailer = (mail: Mail) => Promise<void>;

/**
 * nodemailer over SMTP to the configured server. No pool: the job sends a batch now and then, and
 * a connection left open would hide a server that went away. Timeouts short so a hung server
 * delays one run of the job, not the service.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 25),
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}
