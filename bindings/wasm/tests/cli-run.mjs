// The command line, for tests that compare the module's answers with it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the `diaban` CLI and returns its standard output; `null` (test skipped) when it cannot
 * run outside CI. Under CI a CLI that cannot run is a failure, never a skip. */
export function runCli(t, args) {
  const unavailable = (why) => {
    if (process.env.CI) assert.fail(`the diaban CLI is needed under CI: ${why}`);
    t.skip(why);
    return null;
  };
  const binary = process.env.DIABAN_CLI ?? `${root}target/debug/diaban`;
  let cli;
  if (existsSync(binary)) {
    cli = [binary, []];
  } else {
    try {
      execFileSync('cargo', ['--version'], { stdio: 'ignore' });
      cli = ['cargo', ['run', '-q', '-p', 'diaban-cli', '--']];
    } catch {
      return unavailable('neither target/debug/diaban nor cargo is available');
    }
  }
  try {
    return execFileSync(cli[0], [...cli[1], ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (e) {
    // `check` exits 1 when it has error findings: its output is still the answer.
    if (e.status === 1 && typeof e.stdout === 'string' && e.stdout.length > 0) return e.stdout;
    return unavailable(`the CLI could not run: ${e.message.split('\n')[0]}`);
  }
}
