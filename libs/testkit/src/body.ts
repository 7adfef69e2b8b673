/** A JSON answer in a test: assertions look into it freely, so it is deliberately loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export const bodyOf = (res: Response): Promise<Body> => res.json() as Promise<Body>;
