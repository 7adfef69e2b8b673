/**
 * Records linked as one person (intake's links, libs/people) → one key per person, so a report
 * counts the person once. Links are pairs; a chain (A–B, B–C) is one person, so the pairs are
 * joined transitively (union–find). The key is the smallest participant id of the person: stable
 * whatever order the links arrived in.
 */
export function personKeys(
  participantIds: Iterable<string>,
  links: ReadonlyArray<readonly string[]>,
): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    // the smaller id becomes the root: the key is the smallest id of the person
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const pair of links) for (const other of pair.slice(1)) union(pair[0]!, other);
  return new Map([...participantIds].map((id) => [id, find(id)]));
}
