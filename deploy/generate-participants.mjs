// Load N synthetic participants (never real people) into an intake database, for benchmarks.
// Usage: node deploy/generate-participants.mjs <database-url> [count=1000000] [ownerOrgId]
// Idempotent: rows carry deterministic ids, so a second run only adds what is missing.
import { createRequire } from 'node:module';
import { rng, syntheticPerson } from './bench/synthetic-people.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const {
  canonicalFirstName,
  nameKey,
  normalizeName,
} = require('../services/intake/dist/domain/names.js');

export const BENCH_ORG = '00000000-0000-4000-8000-00000000b0b0';
const BATCH = 10_000;

/** The i-th synthetic person, the same on every run. */
export function personAt(i) {
  return syntheticPerson(rng(i * 7919 + 17));
}
export const idAt = (i) => `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`;

export async function generate(url, count = 1_000_000, ownerOrgId = BENCH_ORG, log = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const have = Number(
    (await client.query('SELECT count(*) FROM participants WHERE owner_org_id = $1', [ownerOrgId]))
      .rows[0].count,
  );
  const started = Date.now();
  for (let from = have; from < count; from += BATCH) {
    const cols = {
      id: [],
      first: [],
      middle: [],
      last: [],
      birth: [],
      sex: [],
      ssn4: [],
      alien: [],
      firstNorm: [],
      lastNorm: [],
      canon: [],
      key: [],
    };
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const p = personAt(i);
      const [f, l] = [normalizeName(p.firstName), normalizeName(p.lastName)];
      cols.id.push(idAt(i));
      cols.first.push(p.firstName);
      cols.middle.push(p.middleName);
      cols.last.push(p.lastName);
      cols.birth.push(p.birthDate);
      cols.sex.push(p.sex);
      cols.ssn4.push(p.ssnLast4);
      cols.alien.push(p.alienNumber);
      cols.firstNorm.push(f);
      cols.lastNorm.push(l);
      cols.canon.push(canonicalFirstName(f));
      cols.key.push(nameKey(f, l));
    }
    await client.query(
      `INSERT INTO participants (id, owner_org_id, created_by, first_name, middle_name, last_name, birth_date, sex, ssn_last4, alien_number,
         first_norm, last_norm, first_canonical, name_key, first_phonetic, last_phonetic)
       SELECT id, $1, $1, f, m, l, b, s, s4, a, fn, ln, c, k, coalesce(dmetaphone(fn), ''), coalesce(dmetaphone(ln), '')
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(id, f, m, l, b, s, s4, a, fn, ln, c, k)
       ON CONFLICT (id) DO NOTHING`,
      [
        ownerOrgId,
        cols.id,
        cols.first,
        cols.middle,
        cols.last,
        cols.birth,
        cols.sex,
        cols.ssn4,
        cols.alien,
        cols.firstNorm,
        cols.lastNorm,
        cols.canon,
        cols.key,
      ],
    );
    if ((from / BATCH) % 10 === 0)
      log(
        `  ${from + BATCH} / ${count} participants (${Math.round((Date.now() - started) / 1000)} s)`,
      );
  }
  // VACUUM merges GIN's pending list after a bulk load (autovacuum would, later); ANALYZE for plans.
  await client.query('VACUUM ANALYZE participants');
  await client.end();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, count, org] = process.argv.slice(2);
  if (!url) {
    console.error(
      'Usage: node deploy/generate-participants.mjs <intake-database-url> [count] [ownerOrgId]',
    );
    process.exit(2);
  }
  await generate(url, Number(count ?? 1_000_000), org ?? BENCH_ORG);
}
