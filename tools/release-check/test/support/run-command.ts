// Runs a command asynchronously (never spawnSync: the Verdaccio child must keep
// answering while npm talks to it) and fails with the command's own output.
import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Where and how to run a command. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Keeps an error message readable when a tool prints pages of output. */
function tail(text: string, lines = 60): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs `command args` and resolves with its output when it exits 0.
 * Rejects with the command line, exit status and the tail of both streams otherwise.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      reject(
        new Error(
          `\`${command} ${args.join(' ')}\` in ${options.cwd} failed with ${status}\n` +
            `--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`,
        ),
      );
    });
  });
}

/**
 * The environment for child npm/node processes: the machine's environment without
 * the `npm_*` variables that an enclosing `npm test` exports (npm_config_local_prefix,
 * npm_config_userconfig, npm_package_*), which would point the child npm at this
 * checkout instead of the temporary one. Nx runs without daemon or cloud.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...extra };
}
