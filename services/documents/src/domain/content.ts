import { CONTROL_CHARACTER } from '@hearth/http';

/**
 * What an uploaded file may be, decided from its first bytes (sniffed by file-type) and never from
 * the client's word. Pure: the upload streams the bytes and asks these questions at the end.
 */

/** Executables and scripts are never stored: a case file is read by people, not run. */
export const DENIED_TYPES = new Set([
  'application/x-msdownload', // Windows PE (.exe, .dll, .scr)
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-cfb', // .msi installers (and old Office files, which agencies no longer send)
  'application/wasm',
  'application/x-shockwave-flash',
  'application/x.ms.shortcut',
  'application/x-deb',
  'application/x-rpm',
  'text/x-shellscript',
  'application/x-sh',
]);

/** Names that run when opened, whatever the bytes say. */
const DENIED_EXTENSIONS =
  /\.(exe|dll|scr|com|bat|cmd|msi|ps1|psm1|vbs|vbe|js|jse|mjs|wsf|wsh|hta|sh|bash|jar|app|apk|lnk|reg|py|pl|rb)$/i;

/** Magic numbers file-type does not report but we must refuse. */
export function executableByMagic(head: Buffer): string | undefined {
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'application/x-elf';
  const magic = head.length >= 4 ? head.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic))
    return 'application/x-mach-binary';
  if (head.subarray(0, 2).toString('latin1') === '#!') return 'text/x-shellscript';
  return undefined;
}

/** What the client may say without claiming anything (busboy reports a part without a type as text/plain). */
const NO_CLAIM = new Set(['application/octet-stream', 'text/plain', '']);

/** The same type under another name: a client's JPEG is often "image/jpg", a HEIC photo "image/heif". */
const family = (mime: string) =>
  ({ 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/heif': 'image/heic' })[mime] ??
  mime;

export type ContentVerdict =
  { ok: true; contentType: string } | { ok: false; status: 422; message: string };

/**
 * The stored content type, or why the file is refused. `detected` is file-type's answer (or our
 * magic check), `declared` the part's Content-Type. Bytes nobody recognises are kept as opaque
 * binary, served only as an attachment with nosniff.
 */
export function contentVerdict(input: {
  size: number;
  detected: string | undefined;
  declared: string;
  fileName: string;
}): ContentVerdict {
  const declared = input.declared.toLowerCase().split(';')[0]!.trim();
  if (input.size === 0) return { ok: false, status: 422, message: 'The file is empty' };
  if (DENIED_EXTENSIONS.test(input.fileName))
    return { ok: false, status: 422, message: 'Executable files and scripts are not accepted' };
  for (const type of [input.detected, declared])
    if (type && DENIED_TYPES.has(type))
      return { ok: false, status: 422, message: 'Executable files and scripts are not accepted' };
  if (!NO_CLAIM.has(declared) && family(declared) !== family(input.detected ?? ''))
    return {
      ok: false,
      status: 422,
      message: `Declared as ${declared} but the bytes are ${input.detected ?? 'not of that type'}`,
    };
  const unknown = declared === 'text/plain' ? 'text/plain' : 'application/octet-stream';
  return { ok: true, contentType: input.detected ?? unknown };
}

/** A file name is kept only as a plain base name: no path, no control or format characters. */
export function fileNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'A file name is required';
  if (name.length > 255) return 'At most 255 characters';
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'No path characters (/ or \\)';
  // controls, and bidi overrides that make "cod.exe" display as "exe.doc"
  if (CONTROL_CHARACTER.test(name) || /[\t\n\r\u202a-\u202e\u2066-\u2069]/.test(name))
    return 'No control characters';
  return undefined;
}
