/** Lower case, accents dropped, only letters, spaces and hyphens: "José-Luis  O'Neil" → "jose-luis oneil". */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The parts of a hyphenated or double name: "garcia-lopez" → ["garcia", "lopez"]. */
export const nameTokens = (normalized: string): string[] =>
  normalized.split(/[\s-]+/).filter(Boolean);

/**
 * Common English and transliterated nicknames and spellings, each group mapped to one canonical
 * form so "Bill" finds "William" and "Mohamed" finds "Muhammad".
 */
const GROUPS: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willy', 'willie', 'liam'],
  [
    'katherine',
    'kate',
    'katie',
    'kathy',
    'cathy',
    'catherine',
    'katharine',
    'kathryn',
    'kat',
    'kitty',
  ],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'elisabeth', 'libby'],
  ['richard', 'rick', 'ricky', 'dick', 'rich', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['margaret', 'maggie', 'peggy', 'meg', 'marge', 'greta'],
  ['jennifer', 'jen', 'jenny'],
  ['joseph', 'joe', 'joey', 'yusuf', 'youssef', 'yosef'],
  ['thomas', 'tom', 'tommy'],
  ['christopher', 'chris', 'kit'],
  ['daniel', 'dan', 'danny'],
  ['matthew', 'matt', 'matty'],
  ['anthony', 'tony'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['alexander', 'alex', 'sasha', 'sandy', 'iskander'],
  ['alexandra', 'alexa', 'lexi'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia'],
  ['susan', 'sue', 'susie', 'suzanne'],
  ['deborah', 'deb', 'debbie', 'debra'],
  ['rebecca', 'becky', 'becca'],
  ['victoria', 'vicky', 'tori'],
  ['samuel', 'sam', 'sammy'],
  ['benjamin', 'ben', 'benny'],
  ['nicholas', 'nick', 'nicky'],
  ['steven', 'steve', 'stephen', 'stevie'],
  ['david', 'dave', 'davey', 'dawood', 'dawud'],
  ['abraham', 'abe', 'ibrahim'],
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mo'],
  ['ahmed', 'ahmad', 'ahmet'],
  ['abdullah', 'abdallah', 'abdulla'],
  ['fatima', 'fatma', 'fatimah'],
  ['mary', 'maria', 'marie', 'mariam', 'maryam', 'miriam', 'molly', 'polly'],
  ['ann', 'anne', 'anna', 'annie', 'hannah'],
];

const CANONICAL = new Map<string, string>(
  GROUPS.flatMap((group) => group.map((name) => [name, group[0]] as const)),
);

export function canonicalFirstName(normalized: string): string {
  const first = nameTokens(normalized)[0] ?? '';
  return CANONICAL.get(first) ?? first;
}

/** Jaro-Winkler similarity in [0, 1]: tolerant of typos and transpositions in short strings like names. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j++]) transpositions++;
  }
  const jaro =
    (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Name tokens sorted, so "odhiambo william" and "william odhiambo" share one trigram key. */
export const nameKey = (first: string, last: string): string =>
  [...nameTokens(first), ...nameTokens(last)].sort().join(' ');
