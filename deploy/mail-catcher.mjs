// The local mail catcher of `npm start`: an SMTP server on loopback (no TLS, no login) that writes
// each mail it is given to `<dir>/<time>-<recipient>.eml`, so the notifications service's real
// nodemailer path runs and a developer reads what would have been sent. Never for production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Listens on `port` (a free one if it is taken: another `npm start`); answers its URL. */
export async function startMailCatcher(dir, port = 1025) {
  const { SMTPServer } = require('smtp-server');
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024, // our mails are a first name and a link
    onData(stream, session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${to.replace(/[^\w@.,-]/g, '_').slice(0, 100)}.eml`;
        writeFileSync(join(dir, name), Buffer.concat(chunks));
        done();
      });
    },
  });
  // a failed listen tries another port; an error after that (a client gone) is only logged
  let failedListen;
  server.on('error', (err) =>
    failedListen ? failedListen(err) : console.warn(`mail catcher: ${err.message}`),
  );
  const listen = (p) =>
    new Promise((resolve, reject) => {
      failedListen = reject;
      server.listen(p, '127.0.0.1', () => {
        failedListen = undefined;
        resolve(server.server.address().port);
      });
    });
  const bound = await listen(port).catch(() => listen(0));
  return { url: `smtp://127.0.0.1:${bound}`, dir, close: () => server.close() };
}
