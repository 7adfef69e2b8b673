// The ways a case worker's intake differs from the record already there (issue #3's list).
const NICKNAMES = {
  william: 'Bill',
  katherine: 'Kate',
  robert: 'Bob',
  elizabeth: 'Liz',
  richard: 'Rick',
  james: 'Jim',
  michael: 'Mike',
  margaret: 'Peggy',
  jennifer: 'Jen',
  joseph: 'Joe',
  thomas: 'Tom',
  christopher: 'Chris',
  daniel: 'Dan',
  matthew: 'Matt',
  anthony: 'Tony',
  charles: 'Charlie',
  edward: 'Ted',
  alexander: 'Alex',
  patricia: 'Pat',
  samuel: 'Sam',
  benjamin: 'Ben',
  nicholas: 'Nick',
  steven: 'Steve',
  david: 'Dave',
  mohammed: 'Mohamed',
  ahmed: 'Ahmad',
  fatima: 'Fatma',
  mary: 'Maria',
  ann: 'Anne',
  catherine: 'Kathy',
  deborah: 'Debbie',
  victoria: 'Vicky',
  rebecca: 'Becky',
  susan: 'Sue',
  yusuf: 'Joseph',
  abraham: 'Ibrahim',
  ibrahim: 'Abraham',
};

const PHONETIC = [
  [/ph/, 'f'],
  [/ck/, 'k'],
  [/dh/, 'd'],
  [/th/, 't'],
  [/ou/, 'u'],
  [/ee/, 'i'],
  [/ie/, 'y'],
  [/c(?=[aou])/, 'k'],
  [/y/, 'i'],
  [/w/, 'v'],
  [/z/, 's'],
  [/k/, 'c'],
];

export const KINDS = [
  'typo',
  'phonetic',
  'nickname',
  'swapped_names',
  'double_last_name',
  'missing_middle',
  'birth_day_month_swapped',
  'birth_one_digit_off',
];

/** The intake a worker might type for `p` under variation `kind`, or undefined when it does not apply. */
export function vary(p, kind, random) {
  const q = { firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, sex: p.sex };
  switch (kind) {
    case 'typo': {
      const s = p.lastName;
      const i = 1 + Math.floor(random() * (s.length - 2));
      const ops = [
        () => s.slice(0, i) + s.slice(i + 1),
        () => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2),
        () => s.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + s.slice(i + 1),
      ];
      return { ...q, lastName: ops[Math.floor(random() * ops.length)]() };
    }
    case 'phonetic': {
      const rule = PHONETIC.find(([re]) => re.test(p.lastName.toLowerCase()));
      if (!rule) return undefined;
      const replaced = p.lastName.toLowerCase().replace(rule[0], rule[1]);
      return { ...q, lastName: replaced[0].toUpperCase() + replaced.slice(1) };
    }
    case 'nickname': {
      const nick = NICKNAMES[p.firstName.toLowerCase()];
      return nick ? { ...q, firstName: nick } : undefined;
    }
    case 'swapped_names':
      return { ...q, firstName: p.lastName, lastName: p.firstName };
    case 'double_last_name':
      return p.lastName.includes('-')
        ? { ...q, lastName: p.lastName.split('-')[0] }
        : { ...q, lastName: `${p.lastName}-Garcia` };
    case 'missing_middle':
      return p.middleName ? { ...q } : undefined; // the intake leaves the middle name out
    case 'birth_day_month_swapped': {
      const [y, m, d] = p.birthDate.split('-');
      return Number(d) <= 12 && d !== m ? { ...q, birthDate: `${y}-${d}-${m}` } : undefined;
    }
    case 'birth_one_digit_off': {
      const [y, m, d] = p.birthDate.split('-');
      const day = String(((Number(d) + 9) % 28) + 1).padStart(2, '0');
      return day[0] === d[0]
        ? { ...q, birthDate: `${y}-${m}-${day}` }
        : { ...q, birthDate: `${y.slice(0, 3)}${(Number(y[3]) + 1) % 10}-${m}-${d}` };
    }
  }
}
