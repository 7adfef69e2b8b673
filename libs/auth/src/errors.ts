/** The token itself is at fault (401): malformed, forged, expired, or signed with an unknown key. */
export class InvalidToken extends Error {}

/** No key set could be fetched yet, so no token can be checked (503, not the caller's fault). */
export class KeysUnavailable extends Error {}
