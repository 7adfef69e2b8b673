/** An open suspected pair of intake's matching, as reporting holds it (ids and score only). */
export interface OpenPair {
  participantIds: [string, string];
  score: number;
}

/** A record of the report in an open pair: the other record and the pair's score. */
export interface PairedRecord {
  participantId: string;
  enrollmentId: null;
  detail: string;
  pairedWith: string;
  score: number;
}

/**
 * The records enrolled in the period that are in an open suspected pair, one entry per record and
 * pair, best score first. A pair whose two records are linked as one person (a chain of links
 * too) is settled, as intake's list leaves it out; the other record need not be enrolled here.
 */
export function pairedRecords(
  enrolled: ReadonlySet<string>,
  pairs: OpenPair[],
  samePerson: (a: string, b: string) => boolean,
): PairedRecord[] {
  return pairs
    .filter((p) => !samePerson(...p.participantIds))
    .sort((x, y) => y.score - x.score)
    .flatMap((p) =>
      p.participantIds
        .map((id, i) => [id, p.participantIds[1 - i]!] as const)
        .filter(([id]) => enrolled.has(id))
        .map(([participantId, pairedWith]) => ({
          participantId,
          enrollmentId: null,
          detail: `score ${p.score}`,
          pairedWith,
          score: p.score,
        })),
    );
}

/**
 * A listed record's detail: its pair's score and the other record, named only when the requester
 * may see that record too (else it is not named: the list never leaks a hidden record's id).
 */
export const pairDetail = (r: PairedRecord, otherVisible: boolean) =>
  `score ${r.score}, paired with ${otherVisible ? r.pairedWith : 'a record you may not see'}`;
