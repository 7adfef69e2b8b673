import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: the invitee's proof of owning the email, sent to it and never stored. */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of the token: a leaked table cannot be used to accept. */
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();
