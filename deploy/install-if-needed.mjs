// Before `npm start` and `npm test`: install the npm packages when node_modules is missing or older
// than package-lock.json, so a fresh clone needs no `npm ci` by hand. npm writes
// node_modules/.package-lock.json at the end of every install; when it is newer than the lock file,
// nothing is to do and this takes a few milliseconds.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const modifiedAt = (file) => {
  try {
    return statSync(join(root, file)).mtimeMs;
  } catch {
    return undefined;
  }
};

const lock = modifiedAt('package-lock.json');
const installed = modifiedAt('node_modules/.package-lock.json');
if (installed === undefined || (lock !== undefined && installed < lock)) {
  console.log(
    installed === undefined
      ? '▸ Installing npm packages (no node_modules yet): npm ci'
      : '▸ Installing npm packages (package-lock.json changed since the last install): npm ci',
  );
  // npm ci installs exactly the lock file; it never rewrites it.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
