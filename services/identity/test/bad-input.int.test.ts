import { startIdentity, type Identity } from './harness';

/** Requests that answered 500 before libs/http refused them: each is a 4xx problem now. */
let identity: Identity;
let caseworker: string;
beforeAll(async () => {
  identity = await startIdentity('identity_bad_input');
  caseworker = await identity.tokenFor('caseworker@lakeshore.example');
});
afterAll(() => identity?.close());

test('when a list is sent a cursor that decodes to a NUL, it answers 400 on the field cursor', async () => {
  const res = await identity.call('GET', '/api/v1/organizations?cursor=AA', { token: caseworker });
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
});

test('when a login email holds a NUL, it answers 400 naming the email', async () => {
  const res = await identity.login('caseworker\u0000@lakeshore.example');
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
});

test('when a route that takes no query is sent one, it answers 400 naming the parameter', async () => {
  const orgs = await identity.call('GET', '/api/v1/organizations?limit=1', { token: caseworker });
  const id = orgs.body.items[0].id;
  const res = await identity.call('GET', `/api/v1/organizations/${id}?x=1`, { token: caseworker });
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([{ field: 'query.x', message: 'Unknown field: x' }]);
});

test('documents the 401 that a login or an invitation acceptance with wrong credentials answers', async () => {
  const doc = (await identity.call('GET', '/openapi.json')).body;
  for (const path of ['/api/v1/auth/login', '/api/v1/auth/invitations/accept'])
    expect(Object.keys(doc.paths[path].post.responses)).toContain('401');
});

test('when an invited email has more than 64 characters before the @, it answers 400 naming the email', async () => {
  const res = await identity.call('POST', '/api/v1/users/invitations', {
    token: await identity.tokenFor('admin@lakeshore.example'),
    body: { email: `${'a'.repeat(65)}@lakeshore.example`, roles: ['caseworker'] },
  });
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
});
