// Reads schemathesis' NDJSON event stream (`--report ndjson`) into what the summary needs: how
// many requests were sent, and each distinct finding with one request that reproduces it.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Adds one run's requests and findings to `into` (findings keyed by check, code and operation);
 * returns how many failed checks the run recorded, repeats included.
 */
export async function readRun(ndjsonFile, into, label) {
  let failures = 0;
  const lines = createInterface({ input: createReadStream(ndjsonFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const recorder = JSON.parse(line).ScenarioFinished.recorder;
    into.requests += Object.keys(recorder.interactions ?? {}).length;
    for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
      for (const check of checks) {
        if (check.status !== 'failure') continue;
        failures += 1;
        const failure = check.failure_info.failure;
        const key = `${check.name} ${failure.code} ${failure.operation}`;
        const seen = into.findings.get(key);
        if (seen) {
          seen.count += 1;
          continue;
        }
        const interaction = recorder.interactions?.[caseId];
        into.findings.set(key, {
          check: check.name,
          code: failure.code,
          title: failure.title,
          operation: failure.operation,
          message: String(failure.message ?? '').split('\n')[0],
          status: interaction?.response?.status_code,
          as: label,
          curl: interaction ? curlOf(interaction.request) : '(no request recorded)',
          count: 1,
        });
      }
    }
  }
  return failures;
}

/** A shell command that sends the same request again; the token is left to $TOKEN. */
export function curlOf(request) {
  const parts = ['curl', '-sS', '-i', '-X', request.method, shellQuote(request.uri)];
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    if (/^(user-agent|accept-encoding|connection|content-length|x-schemathesis-)/i.test(name))
      continue;
    for (const value of values) {
      const shown = name.toLowerCase() === 'authorization' ? 'Bearer $TOKEN' : value;
      parts.push(
        '-H',
        name.toLowerCase() === 'authorization'
          ? `"${name}: ${shown}"`
          : shellQuote(`${name}: ${value}`),
      );
    }
  }
  if (request.body?.$base64 !== undefined) {
    parts.push(
      '--data-binary',
      shellQuote(Buffer.from(request.body.$base64, 'base64').toString('latin1')),
    );
  }
  return parts.join(' ');
}

/** '…' when printable, else bash's $'…' with \xNN for every byte outside printable ASCII. */
function shellQuote(text) {
  if (/^[\x20-\x7e]*$/.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  const escaped = [...Buffer.from(text, 'latin1')]
    .map((b) =>
      b >= 0x20 && b <= 0x7e && b !== 0x27 && b !== 0x5c
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
  return `$'${escaped}'`;
}
