import type { Logger } from '@hearth/logging';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { applySharingState } from '@hearth/sharing';
import { mintToken, startServiceForTest, type ApiAnswer } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import type { InformationRelease, SecurityRestriction } from '@hearth/access';
import { documents } from '../../src/app';
import { documentsEnv } from '../../src/config';

/** The service on a fresh Postgres database and a fresh MongoDB database of its own. */
/** "Now" for every test: 1 December 2026, 15:00 UTC. */
export const NOW = new Date('2026-12-01T15:00:00Z');

export async function startDocuments(
  env: Record<string, string> = {},
  clock = () => NOW,
  logger?: Logger,
) {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:57017/');
  url.pathname = `/documents_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const service = await startServiceForTest(documents, documentsEnv, {
    env: { MONGO_URL: url.toString(), ...env },
    clock,
    logger,
  });
  const client = await MongoClient.connect(url.toString());
  const db = client.db();
  return {
    ...service,
    db,
    /** GridFS chunks and files of every upload, stored or not */
    gridFs: async () => ({
      chunks: await db.collection('content.chunks').countDocuments(),
      files: await db.collection('content.files').countDocuments(),
    }),
    close: async () => {
      await service.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}
export type Documents = Awaited<ReturnType<typeof startDocuments>>;

/** A participant whose sharing intake announced: owned by `owner`, with these releases. */
export async function participantOf(
  service: Documents,
  owner: Actor,
  restriction: SecurityRestriction = 'restrict_to_org',
  releases: Array<Omit<InformationRelease, 'revokedAt'> & { revokedAt?: string | null }> = [],
): Promise<string> {
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: owner.orgId,
    securityRestriction: restriction,
    releases: releases.map((r) => ({ releaseId: randomUUID(), revokedAt: null, ...r })),
    sharingVersion: 1,
  });
  return participantId;
}

/** Bytes each format begins with, enough for the sniffer to name them. */
export const samples = {
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(2000, 1),
  ]),
  pdf: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
  heic: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
    Buffer.alloc(500, 2),
  ]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600, 0)]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]),
  script: Buffer.from('#!/bin/sh\nrm -rf /\n'),
};

export const confidentialFields = {
  category: 'identity',
  documentType: 'passport',
  documentDate: '2026-11-30',
  confidentiality: 'confidential',
  comment: 'Scanned at intake',
};

export interface Upload {
  fields?: Record<string, string>;
  files?: Array<{ name?: string; fileName: string; type?: string; bytes: Buffer }>;
  headers?: Record<string, string>;
}

/** POST /documents as a browser would (fields first, then the file part). */
export async function upload(
  service: Documents,
  actor: Actor,
  participantId: string,
  u: Upload,
): Promise<ApiAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(u.fields ?? confidentialFields))
    form.append(name, value);
  for (const f of u.files ?? [
    { fileName: 'passport.jpg', type: 'image/jpeg', bytes: samples.jpeg },
  ])
    form.append(f.name ?? 'file', new Blob([f.bytes], { type: f.type ?? '' }), f.fileName);
  const res = await fetch(`${service.url}/api/v1/documents?participantId=${participantId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(actor)}`, ...u.headers },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A multipart body written by hand, for what FormData will not send (a raw file name header). */
export function rawMultipart(fields: Record<string, string>, fileHeader: string, bytes: Buffer) {
  const boundary = 'hearth-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; ${fileHeader}\r\n`),
    Buffer.from('content-type: application/pdf\r\n\r\n'),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
