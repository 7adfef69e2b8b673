import { bodyOf } from '@hearth/testkit';
import { fakeUpstream, startGateway } from './harness';

/** The merged document is what the fuzzer checks every answer against: it must describe them. */
type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

let upstreams: Array<Awaited<ReturnType<typeof fakeUpstream>>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  upstreams = await Promise.all(['identity', 'intake', 'enrollment'].map(fakeUpstream));
  const [identity, intake, enrollment] = upstreams.map((u) => u.url);
  gateway = await startGateway({ identity, intake, enrollment });
});
afterAll(async () => {
  await gateway.close();
  await Promise.all(upstreams.map((u) => u.close()));
});

async function documented(path: string): Promise<Operation> {
  const doc = await bodyOf(await fetch(`${gateway.url}/openapi.json`));
  return doc.paths[path].get;
}

describe('the gateway in its merged OpenAPI document', () => {
  it.each(['/healthz', '/readyz', '/openapi.json'])(
    'documents the status and media type that GET %s answers',
    async (path) => {
      const res = await fetch(`${gateway.url}${path}`);
      const mediaType = res.headers.get('content-type')!.split(';')[0];
      const responses = (await documented(path)).responses ?? {};
      expect(responses[String(res.status)]?.content).toHaveProperty([mediaType]);
    },
  );

  it('documents 503 problem+json for GET /readyz, its answer while not ready', async () => {
    const responses = (await documented('/readyz')).responses ?? {};
    expect(responses['503']?.content).toHaveProperty(['application/problem+json']);
  });
});
