import { GridFSBucket, type Collection, type Db, type ObjectId } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import type { Readable } from 'node:stream';
import type { Envelope } from '@hearth/events';
import { readContent } from './content-reader';

/**
 * A document's metadata: one MongoDB document, the unit of atomicity (FerretDB v1 and a
 * standalone mongod have no transactions). Its pending events live inside it (an embedded outbox)
 * so the change and its event are one write; the Idempotency-Key too, so a retry finds the first
 * answer in the same write that made it.
 */
const documentSchema = new Schema(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    orgId: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    category: { type: String, required: true },
    documentType: { type: String, required: true },
    comment: { type: String, default: null },
    confidentiality: { type: String, enum: ['confidential', 'public'], required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    documentDate: { type: String, required: true },
    contentId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
    contentPurgedAt: { type: Date, default: null },
    /** per actor; an upload without a key gets its own id here, so the unique index holds */
    idempotency: {
      actorId: { type: String, required: true },
      key: { type: String, required: true },
      requestHash: { type: String, required: true },
      /** a client's key answers again until then (null: no key sent, or released) */
      keyExpiresAt: { type: Date, default: null },
    },
    pendingEvents: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, autoIndex: false },
);
documentSchema.index({ participantId: 1, createdAt: -1 });
documentSchema.index({ 'idempotency.actorId': 1, 'idempotency.key': 1 }, { unique: true });
documentSchema.index({ contentId: 1 });
documentSchema.index({ deletedAt: 1 });
documentSchema.index({ 'idempotency.keyExpiresAt': 1 });

export interface DocumentRecord {
  _id: string;
  participantId: string;
  orgId: string;
  uploadedBy: string;
  category: string;
  documentType: string;
  comment: string | null;
  confidentiality: 'confidential' | 'public';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  documentDate: string;
  contentId: ObjectId;
  createdAt: Date;
  deletedAt: Date | null;
  deletedBy: string | null;
  /** set once the retention after deletion has passed and the GridFS content is gone */
  contentPurgedAt?: Date | null;
  idempotency: { actorId: string; key: string; requestHash: string; keyExpiresAt?: Date | null };
  pendingEvents: Envelope<unknown>[];
}

export interface MongoStore {
  /** the model's collection, typed (mongoose holds the schema and builds the indexes) */
  documents: Collection<DocumentRecord>;
  /** connects (again, after a failure); every request and job waits for it first */
  ready: () => Promise<void>;
  /** GridFS bucket `content` (content.files, content.chunks), once connected */
  bucket: () => Promise<GridFSBucket>;
  /** a stored file's content, read a few chunks at a time */
  content: (contentId: ObjectId, size: number) => Promise<Readable>;
  /** the database itself, for the GridFS collections the sweep reads */
  database: () => Promise<Db>;
  /** for /readyz */
  ping: () => Promise<unknown>;
  close: () => Promise<void>;
}

/**
 * One connection per process. It opens on first use and, when MongoDB cannot be reached, again on
 * the next use (mongoose never retries a first connection by itself), so an instance started
 * before MongoDB recovers once it answers. Until then every use fails fast with the driver's
 * unavailability error (answered 503).
 */
const BUCKET = 'content';

export function mongoStore(url: string): MongoStore {
  const connection = mongoose.createConnection();
  const model = connection.model<DocumentRecord>('Document', documentSchema, 'documents');
  const documents = model.collection as unknown as Collection<DocumentRecord>;
  let opening: Promise<GridFSBucket> | undefined;
  const open = () =>
    (opening ??= connection
      .openUri(url, { serverSelectionTimeoutMS: 5000 })
      .then(async (c) => {
        await model.createIndexes();
        return new GridFSBucket(c.db!, { bucketName: BUCKET });
      })
      .catch(async (err: unknown) => {
        opening = undefined;
        await connection.close().catch(() => undefined);
        throw err;
      }));
  return {
    documents,
    ready: async () => void (await open()),
    bucket: open,
    content: async (contentId, size) => {
      await open();
      return readContent(connection.db!, BUCKET, contentId, size);
    },
    database: () => open().then(() => connection.db!),
    ping: async () => {
      await open();
      return connection.db!.command({ ping: 1 });
    },
    close: () => connection.close(),
  };
}
