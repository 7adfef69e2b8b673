import { csvRecords } from '../src/domain/csv-read';

const read = async (...chunks: (string | Buffer)[]) => {
  const records: string[][] = [];
  for await (const r of csvRecords(chunks)) records.push(r);
  return records;
};

test('quoted fields keep their commas, doubled quotes and line breaks; bare fields and empty ones are read as they are', async () => {
  expect(await read('a,"b,c","say ""hi""",,1\r\n"two\nlines",2\r\n')).toEqual([
    ['a', 'b,c', 'say "hi"', '', '1'],
    ['two\nlines', '2'],
  ]);
});

test('a byte-order mark is dropped and a last line without a line break is read', async () => {
  expect(await read('\uFEFFPersonalID,DOB\n"C1",1990-01-02')).toEqual([
    ['PersonalID', 'DOB'],
    ['C1', '1990-01-02'],
  ]);
});

test('a character whose bytes arrive in two chunks is read whole', async () => {
  const bytes = Buffer.from('"Zoë",1\n');
  const at = bytes.indexOf(0xc3) + 1; // between the two bytes of ë
  expect(await read(bytes.subarray(0, at), bytes.subarray(at))).toEqual([['Zoë', '1']]);
});
