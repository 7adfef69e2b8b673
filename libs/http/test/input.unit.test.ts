import type { Body } from '@hearth/testkit';
import { z } from 'zod';
import {
  clientDatabaseProblem,
  controlCharacterErrors,
  cursorCodec,
  emailAddress,
  isoDate,
  openApiDocument,
  RouteRegistry,
  uuid,
} from '@hearth/http';

/** What libs/http refuses in any route's input, and how it answers a database error a client caused. */
describe('isoDate', () => {
  it.each(['1850-01-01', '1990-04-02', '2024-02-29', '2200-12-31'])('accepts %s', (d) => {
    expect(isoDate().safeParse(d).success).toBe(true);
  });
  it.each(['0000-01-01', '1849-12-31', '2201-01-01', '9999-12-31', '2023-02-29', '2026-13-01'])(
    'refuses %s',
    (d) => {
      expect(isoDate().safeParse(d).success).toBe(false);
    },
  );
});

describe('control characters', () => {
  it('when a nested string holds a NUL, it names that field', () => {
    const errors = controlCharacterErrors({ name: { first: 'A\u0000' }, notes: ['ok', 'b\u0085'] });
    expect(errors.map((e) => e.field)).toEqual(['name.first', 'notes.1']);
  });
  it('when free text holds tabs and line breaks, it lets them through', () => {
    expect(controlCharacterErrors({ note: 'line one\r\nline\ttwo\n' })).toEqual([]);
  });
  it('when a query value holds an escape character, it names the parameter under query', () => {
    expect(controlCharacterErrors({ lastName: 'a\u001b[2J' }, 'query')[0].field).toBe(
      'query.lastName',
    );
  });
});

describe('the cursor codec', () => {
  const codec = cursorCodec(z.tuple([z.string(), uuid()]));
  const id = '7d3c1f2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';

  it('when given back its own cursor, it decodes the position it encoded', () => {
    expect(codec.decode(codec.encode(['odhiambo', id]))).toEqual(['odhiambo', id]);
  });
  it.each([
    ['a cursor decoding to a NUL', 'AA'],
    ['a cursor that is not JSON', 'bm90IGpzb24'],
    ['a cursor of another shape', Buffer.from('{"t":1}').toString('base64url')],
    ['a cursor with a control character inside', codec.encode(['a\u0000', id])],
  ])('when sent %s, it answers 400 on the field cursor', (_label, cursor) => {
    expect(() => codec.decode(cursor)).toThrow(
      expect.objectContaining({
        status: 400,
        errors: [expect.objectContaining({ field: 'cursor' })],
      }),
    );
  });
  it('when more rows than the limit were fetched, it gives a cursor naming the last item of the page', () => {
    const rows = [1, 2, 3].map((n) => ({ name: `n${n}`, id }));
    const page = codec.page(rows, 2, (r) => [r.name, r.id]);
    expect(page.items).toHaveLength(2);
    expect(codec.decode(page.nextCursor!)).toEqual(['n2', id]);
    expect(codec.page(rows, 3, (r) => [r.name, r.id]).nextCursor).toBeNull();
  });
});

describe('database errors a client caused', () => {
  const pgError = (fields: Record<string, string>) =>
    Object.assign(new Error('db'), { severity: 'ERROR', ...fields });

  it('when Postgres refuses a date out of its range (22008), it is a 400', () => {
    expect(clientDatabaseProblem(pgError({ code: '22008' }))?.status).toBe(400);
  });
  it('when a unique index is violated, it is a 409 naming the field but not the value', () => {
    const problem = clientDatabaseProblem(
      pgError({ code: '23505', detail: 'Key (funding_source)=(secret)= already exists.' }),
    );
    expect(problem?.status).toBe(409);
    expect(problem?.errors).toEqual([{ field: 'fundingSource', message: 'Already used' }]);
    expect(JSON.stringify(problem?.toJSON())).not.toContain('secret');
  });
  it('when a check constraint is violated, it is a 422', () => {
    expect(clientDatabaseProblem(pgError({ code: '23514', constraint: 'x' }))?.status).toBe(422);
  });
  it('when the error is not a client-caused class, it is left for the 500 handler', () => {
    expect(clientDatabaseProblem(pgError({ code: '42P01' }))).toBeUndefined();
    expect(clientDatabaseProblem(new Error('plain bug'))).toBeUndefined();
  });
});

describe('the OpenAPI document', () => {
  const registry = new RouteRegistry();
  registry.routes.push({
    method: 'post',
    path: '/notes/:id',
    summary: 'A note',
    params: z.strictObject({ id: uuid() }),
    body: z.strictObject({ text: z.string(), on: isoDate() }),
    success: { status: 201 },
  });
  const doc = openApiDocument(registry, { title: 't', version: '1' }, '/api/v1') as Body;
  const op = doc.paths['/api/v1/notes/{id}'].post;

  it('says that text refuses control characters', () => {
    const text = op.requestBody.content['application/json'].schema.properties.text;
    expect(new RegExp(text.pattern).test('a\u0000')).toBe(false);
    expect(new RegExp(text.pattern).test('two\nlines')).toBe(true);
  });
  it('says the range of a date', () => {
    const on = op.requestBody.content['application/json'].schema.properties.on;
    expect(new RegExp(on.pattern).test('0000-01-01')).toBe(false);
    expect(on.format).toBe('date');
  });
  it('lists every status a write can answer, each with the problem schema', () => {
    expect(Object.keys(op.responses).sort()).toEqual(
      [
        '201',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '415',
        '422',
        '429',
        '500',
        '502',
        '503',
        '504',
      ].sort(),
    );
    expect(op.responses['422'].content['application/problem+json'].schema).toBeDefined();
  });
  it('documents an answer that is not JSON (a PDF) as binary under its own content type', () => {
    const pdfRoutes = new RouteRegistry();
    pdfRoutes.routes.push({
      method: 'get',
      path: '/notes/print',
      summary: 'Notes as a PDF',
      success: { status: 200, contentType: 'application/pdf' },
    });
    const print = (openApiDocument(pdfRoutes, { title: 't', version: '1' }, '/api/v1') as Body)
      .paths['/api/v1/notes/print'].get;
    expect(print.responses['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
    expect(print.responses['404'].content['application/problem+json']).toBeDefined();
  });
  it('documents /healthz and /readyz with their statuses', () => {
    expect(Object.keys(doc.paths['/healthz'].get.responses)).toEqual(['200']);
    expect(Object.keys(doc.paths['/readyz'].get.responses).sort()).toEqual(['200', '503']);
  });
});

describe('emailAddress', () => {
  it.each(['ada@lakeshore.example', `${'a'.repeat(64)}@x.example`, "o'neil+case@x.example"])(
    'accepts %s',
    (e) => {
      expect(emailAddress().safeParse(e).success).toBe(true);
    },
  );
  it.each([`${'a'.repeat(65)}@x.example`, `a@${'b'.repeat(64)}.example`, 'no-at.example'])(
    'refuses %s',
    (e) => {
      expect(emailAddress().safeParse(e).success).toBe(false);
    },
  );
});
