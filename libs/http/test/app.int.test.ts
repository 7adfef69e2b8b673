import { bodyOf, recordingLogger, testLogger } from '@hearth/testkit';
import { connect } from 'node:net';
import pg from 'pg';
import { z } from 'zod';
import { createApp, defineRoute, isoDate, serve, conflict, type Running } from '@hearth/http';
import { currentRequestId } from '@hearth/logging';

/** The app factory every service uses: validation, problem+json, health, readiness, metrics, OpenAPI. */
const { logger, lines } = recordingLogger('http');

let dependencyUp = true;
let running: Running;
let db: pg.Client;

beforeAll(async () => {
  // A real Postgres, so the errors mapped below are the ones it really raises.
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query('CREATE TEMP TABLE names (full_name text UNIQUE)');
  const app = createApp({
    service: 'http-test',
    logger,
    readiness: {
      database: async () => {
        if (!dependencyUp) throw new Error('connection refused');
      },
    },
    bodyLimit: '1kb',
    routes: (api) => {
      defineRoute(api.router, api.registry, {
        method: 'post',
        path: '/things/:kind',
        summary: 'Create a thing',
        params: z.strictObject({ kind: z.enum(['small', 'large']) }),
        query: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
        body: z.strictObject({ name: z.string().min(1), on: isoDate() }),
        success: { status: 201, schema: z.object({ name: z.string(), requestId: z.string() }) },
        handler: async ({ body }) => {
          if (body.name === 'taken')
            throw conflict('That name is taken.', [{ field: 'name', message: 'taken' }]);
          if (body.name === 'crash') throw new Error('secret internal detail');
          if (body.name === 'db-down')
            throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          return { name: body.name, requestId: currentRequestId() };
        },
      });
      // Deliberately loose schemas: what gets past them reaches the database.
      defineRoute(api.router, api.registry, {
        method: 'get',
        path: '/days',
        summary: 'A day as Postgres reads it',
        query: z.strictObject({ on: z.string() }),
        success: { status: 200 },
        handler: async ({ query }) =>
          (await db.query('SELECT $1::date AS day', [query.on])).rows[0],
      });
      defineRoute(api.router, api.registry, {
        method: 'post',
        path: '/names',
        summary: 'Store a name once',
        body: z.strictObject({ fullName: z.string() }),
        success: { status: 204 },
        handler: async ({ body }) => {
          await db.query('INSERT INTO names (full_name) VALUES ($1)', [body.fullName]);
        },
      });
      defineRoute(api.router, api.registry, {
        method: 'get',
        path: '/plain',
        summary: 'A route that takes no query',
        success: { status: 200 },
        handler: async () => ({ ok: true }),
      });
    },
  });
  running = await serve(app, {
    port: 0,
    logger: testLogger('http'),
  });
});
afterAll(async () => {
  await running.close();
  await db.end();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${running.url}/api/v1${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('http app factory', () => {
  it('validates, runs the handler and answers with the success status; the request id follows the request', async () => {
    const res = await post('/things/small', JSON.stringify({ name: 'lamp', on: '2026-01-31' }), {
      'x-request-id': 'abc-123',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(await bodyOf(res)).toEqual({ name: 'lamp', requestId: 'abc-123' });
  });

  it.each([
    [
      'an unknown body field',
      '/things/small',
      { name: 'a', on: '2026-01-01', color: 'red' },
      'color',
    ],
    ['an impossible date', '/things/small', { name: 'a', on: '2026-02-30' }, 'on'],
    ['a missing field', '/things/small', { on: '2026-01-01' }, 'name'],
    ['a bad path parameter', '/things/huge', { name: 'a', on: '2026-01-01' }, 'params.kind'],
    [
      'an unknown query parameter',
      '/things/small?drop=1',
      { name: 'a', on: '2026-01-01' },
      'query.drop',
    ],
  ])('answers %s with 400 problem+json naming the field', async (_label, path, body, field) => {
    const res = await post(path, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await bodyOf(res);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['a NUL in a body string', '/things/small', { name: 'a\u0000b', on: '2026-01-01' }, 'name'],
    [
      'a C1 control in a body string',
      '/things/small',
      { name: 'a\u009bb', on: '2026-01-01' },
      'name',
    ],
    [
      'a NUL in a query value',
      '/things/small?dryRun=%00',
      { name: 'a', on: '2026-01-01' },
      'query.dryRun',
    ],
  ])('when sent %s, it answers 400 naming the field', async (_label, path, body, field) => {
    const res = await post(path, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).errors).toEqual([expect.objectContaining({ field })]);
  });

  it('when a header holds a control character, the HTTP parser answers 400 before any route runs', async () => {
    const { hostname, port } = new URL(running.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /api/v1/plain HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\u0000b\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk)).on('error', reject);
      socket.on('close', () => resolve(answer.split('\r\n')[0]));
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
  });

  it('when a route takes no query and one is sent, it answers 400 naming the parameter', async () => {
    const res = await fetch(`${running.url}/api/v1/plain?x=1`);
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).errors).toEqual([{ field: 'query.x', message: 'Unknown field: x' }]);
  });

  it('when Postgres refuses a value the schema let through (year 0), it answers 400, not 500', async () => {
    const res = await fetch(`${running.url}/api/v1/days?on=0000-01-01`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when a write loses to a unique index, it answers 409 naming the field', async () => {
    expect((await post('/names', JSON.stringify({ fullName: 'Amina' }))).status).toBe(204);
    const again = await post('/names', JSON.stringify({ fullName: 'Amina' }));
    expect(again.status).toBe(409);
    expect((await bodyOf(again)).errors).toEqual([{ field: 'fullName', message: 'Already used' }]);
  });

  it('when the database refuses what a schema let through, it logs a warning with the SQLSTATE', async () => {
    await fetch(`${running.url}/api/v1/days?on=0000-01-01`);
    const warning = lines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'refused by the database');
    expect(warning).toMatchObject({ level: 40, code: '22008', status: 400 });
  });

  it('answers malformed JSON with 400', async () => {
    expect((await post('/things/small', '{"name":')).status).toBe(400);
  });

  it('answers a body over the route limit with 413 Content Too Large', async () => {
    const big = await post(
      '/things/small',
      JSON.stringify({ name: 'x'.repeat(2000), on: '2026-01-01' }),
    );
    expect(big.status).toBe(413);
    expect((await bodyOf(big)).title).toBe('Content Too Large');
  });

  it('answers a problem a handler throws as itself, with the field it names', async () => {
    const taken = await post('/things/small', JSON.stringify({ name: 'taken', on: '2026-01-01' }));
    expect(taken.status).toBe(409);
    expect((await bodyOf(taken)).errors).toEqual([{ field: 'name', message: 'taken' }]);
  });

  it('answers an unknown route with 404', async () => {
    expect((await fetch(`${running.url}/api/v1/nothing-here`)).status).toBe(404);
  });

  it('answers a bug with 500 without leaking its detail', async () => {
    const crash = await post('/things/small', JSON.stringify({ name: 'crash', on: '2026-01-01' }));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await bodyOf(crash))).not.toContain('secret internal detail');
  });

  it('answers 503 when a dependency is unreachable', async () => {
    const down = await post('/things/small', JSON.stringify({ name: 'db-down', on: '2026-01-01' }));
    expect(down.status).toBe(503);
  });

  it('/readyz answers 503 naming the dependency while it is down, and 200 once it is back', async () => {
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    dependencyUp = false;
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await bodyOf(notReady)).checks).toEqual({ database: 'connection refused' });
    dependencyUp = true;
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('serves Prometheus metrics of request durations by route', async () => {
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds_bucket');
    expect(metrics).toContain('route="/api/v1/things/:kind"');
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const doc = await bodyOf(await fetch(`${running.url}/openapi.json`));
    const op = doc.paths['/api/v1/things/{kind}'].post;
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['name', 'on']);
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['kind', 'dryRun']);
    expect(Object.keys(op.responses)).toContain('201');
  });

  it('hides metrics from a caller outside the private networks, as seen through a proxy', async () => {
    const outside = await fetch(`${running.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' }, // an ingress on loopback forwarding a client
    });
    expect(outside.status).toBe(404);
    const scraper = await fetch(`${running.url}/metrics`, {
      headers: { 'x-forwarded-for': '10.4.0.7' },
    });
    expect(scraper.status).toBe(200);
  });

  it('never writes a body or query string into the access log', async () => {
    await post('/things/small?dryRun=true', JSON.stringify({ name: 'Odhiambo', on: '2026-01-01' }));
    const log = lines.join('');
    expect(log).toContain('"path":"/api/v1/things/small"');
    expect(log).not.toContain('Odhiambo');
    expect(log).not.toContain('dryRun');
  });
});
