// Case-notes print: 50 notes of a participant, of realistic length and in the scripts of our
// caseloads, printed as one PDF through the gateway; p50 and max of `prints` prints, and the
// PDF's size. The notes are written through the gateway; sharing facts and the directory's users
// (authors and staff with names in those scripts) are seeded in SQL.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { percentiles } from './common.mjs';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken } = require('@hearth/testkit');

export const MAX_PRINTS = 100;
const NOTES = 50;

/** Staff whose names the print must render: Latin, Arabic, Amharic, Burmese, Cyrillic, Vietnamese. */
const STAFF = [
  'Amina Odhiambo',
  'فاطمة الزهراء',
  'አበበ ቢቂላ',
  'အောင်ဆန်းစုကြည်',
  'Ольга Петренко',
  'Nguyễn Thị Hương',
];

/** What a case worker writes after a visit: about 1,200 characters, the client's names in it. */
const noteText = (i) =>
  [
    `Home visit ${i + 1}. Met with the client and ${STAFF[i % STAFF.length]} at the apartment.`,
    `Discussed the lease renewal, the utility arrears and the school enrollment of the children`,
    `(${STAFF[(i + 1) % STAFF.length]}, ${STAFF[(i + 2) % STAFF.length]}).`,
    `The client brought the pay stubs for the last two months and the letter from the landlord;`,
    `copies were made and returned. Next steps: call the utility company about a payment plan,`,
    `refer to the food pantry on Thursday, follow up with the employer about the night shift.`,
    `Interpreter present for the whole visit. The client agreed to the plan and signed the`,
    `release for the school. Remaining concern: transportation to the clinic appointment next`,
    `week; bus passes requested. ${STAFF[(i + 3) % STAFF.length]} will attend the next visit.`,
  ]
    .join(' ')
    .repeat(2);

async function seed(url, { orgId, participantId, users }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     VALUES ($1, $2, 'restrict_to_org', '[]', 1)`,
    [participantId, orgId],
  );
  await db.query(
    `INSERT INTO org_users (org_id, user_id, name, roles, active, version)
     SELECT $1, unnest($2::uuid[]), unnest($3::text[]), '{data_entry}', true, 1`,
    [orgId, users.map((u) => u.userId), users.map((u) => u.name)],
  );
  await db.end();
}

export async function benchCaseNotesPrint({ prints = 10 } = {}) {
  const count = Math.max(1, Math.min(MAX_PRINTS, prints));
  const stack = await startServicesStack('bench_case_notes_print', {
    services: 3931,
    gateway: 3930,
    jwks: 3939,
  });
  try {
    const orgId = randomUUID();
    const participantId = randomUUID();
    const users = STAFF.map((name) => ({ userId: randomUUID(), name }));
    await seed(stack.databaseUrl, { orgId, participantId, users });
    // the author is a data-entry worker, so each note may name another colleague as its staff
    const author = users[0];
    const token = mintToken({ ...author, orgId, roles: ['data_entry'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const today = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ids = [];
    for (let i = 0; i < NOTES; i++) {
      const res = await fetch(`${stack.gatewayUrl}/api/v1/case-notes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          participantId,
          noteDate: today,
          text: noteText(i),
          staffUserId: users[i % users.length].userId,
        }),
      });
      const answer = await res.json();
      if (res.status !== 201)
        throw new Error(`a note answered ${res.status}: ${JSON.stringify(answer)}`);
      ids.push(answer.id);
    }
    const print = async () => {
      const t = performance.now();
      const res = await fetch(
        `${stack.gatewayUrl}/api/v1/case-notes/print?participantId=${participantId}&ids=${ids.join(',')}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const pdf = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-')
        throw new Error(`the print answered ${res.status}: ${pdf.subarray(0, 300).toString()}`);
      return { ms: performance.now() - t, bytes: pdf.length };
    };
    await print(); // warm up (fonts load on the first print)
    const runs = [];
    for (let i = 0; i < count; i++) runs.push(await print());
    const { p50Ms, maxMs } = percentiles(runs.map((r) => r.ms));
    return { prints: count, notesPerPdf: NOTES, p50Ms, maxMs, pdfBytes: runs[0].bytes };
  } finally {
    stack.stop();
  }
}
