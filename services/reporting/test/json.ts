import type { ApiAnswer } from '@hearth/testkit';

/** A JSON answer read as whatever the API answered (the tests check its shape). */
export const json = async (res: Response): Promise<ApiAnswer['body']> => res.json();
