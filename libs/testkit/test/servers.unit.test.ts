import { createServer, type AddressInfo, type Server } from 'node:net';
import { resolveServers, type ServerUrls } from '../src/servers';

/** Three free loopback ports, found by listening on port 0 and closing again. */
async function freePorts(): Promise<number[]> {
  const servers = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

const urlsOn = ([pg, amqp, mongo]: number[]): ServerUrls => ({
  postgresUrl: `postgres://postgres@127.0.0.1:${pg}/postgres`,
  amqpUrl: `amqp://guest:guest@127.0.0.1:${amqp}`,
  mongoUrl: `mongodb://127.0.0.1:${mongo}/`,
});

const listening: Server[] = [];
const listen = (port: number) =>
  new Promise<void>((resolve) => {
    const server = createServer();
    listening.push(server);
    server.listen(port, '127.0.0.1', () => resolve());
  });
afterEach(async () => {
  await Promise.all(listening.splice(0).map((s) => new Promise((r) => s.close(r))));
});

test('when no servers are named and the local ones do not answer, it starts them and uses them', async () => {
  const ports = await freePorts();
  const urls = urlsOn(ports);
  let starts = 0;
  // Stands in for `deploy/infra.sh up` (which blocks until its servers answer).
  const start = () => {
    starts += 1;
    ports.forEach((port) => void listen(port));
  };
  await expect(resolveServers({}, { urls, start })).resolves.toEqual(urls);
  expect(starts).toBe(1);
});

test('when the local servers already answer, it does not start them again', async () => {
  const ports = await freePorts();
  await Promise.all(ports.map(listen));
  const urls = urlsOn(ports);
  let starts = 0;
  const start = () => void (starts += 1);
  await expect(resolveServers({}, { urls, start })).resolves.toEqual(urls);
  expect(starts).toBe(0);
});
