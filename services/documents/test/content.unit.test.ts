import { contentVerdict, fileNameProblem } from '../src/domain/content';
import { contentDisposition, uniqueNames } from '../src/domain/file-names';

const pdf = { size: 10, detected: 'application/pdf', fileName: 'a.pdf' };

test('the stored type is the one the bytes show, whatever a generic declaration said', () => {
  expect(contentVerdict({ ...pdf, declared: 'application/octet-stream' })).toEqual({
    ok: true,
    contentType: 'application/pdf',
  });
  expect(contentVerdict({ ...pdf, declared: 'application/pdf; charset=binary' }).ok).toBe(true);
});

test('a JPEG declared as image/jpg and a HEIC reported as heif are the same type', () => {
  const jpeg = { size: 1, detected: 'image/jpeg', fileName: 'p.jpg' };
  expect(contentVerdict({ ...jpeg, declared: 'image/jpg' }).ok).toBe(true);
  const heic = { size: 1, detected: 'image/heif', fileName: 'p.heic' };
  expect(contentVerdict({ ...heic, declared: 'image/heic' }).ok).toBe(true);
});

test('unrecognised bytes are kept as plain text or opaque binary, never as what was claimed', () => {
  const text = { size: 5, detected: undefined, fileName: 'notes.txt' };
  expect(contentVerdict({ ...text, declared: 'text/plain' })).toEqual({
    ok: true,
    contentType: 'text/plain',
  });
  expect(contentVerdict({ ...text, declared: '' })).toEqual({
    ok: true,
    contentType: 'application/octet-stream',
  });
  expect(contentVerdict({ ...text, declared: 'text/html' }).ok).toBe(false);
});

test('a plain base name passes; paths, controls and empty names do not', () => {
  expect(fileNameProblem('Passport scan (2).pdf')).toBeUndefined();
  expect(fileNameProblem('نامه.pdf')).toBeUndefined();
  for (const bad of ['', '..', 'a/b.pdf', 'a\\b.pdf', 'a\nb.pdf', 'a\tb.pdf', 'x'.repeat(256)])
    expect(fileNameProblem(bad)).toBeDefined();
});

test('a download names the file in plain ASCII and, exactly, in UTF-8', () => {
  expect(contentDisposition('Relevé "mai"\\2026.pdf')).toBe(
    `attachment; filename="Relev_ _mai__2026.pdf"; filename*=UTF-8''Relev%C3%A9%20%22mai%22%5C2026.pdf`,
  );
});

test('names inside one zip are made unique without losing their extension', () => {
  expect(uniqueNames(['scan.pdf', 'Scan.pdf', 'id', 'id', 'scan.pdf'])).toEqual([
    'scan.pdf',
    'Scan (2).pdf',
    'id',
    'id (2)',
    'scan (3).pdf',
  ]);
});
