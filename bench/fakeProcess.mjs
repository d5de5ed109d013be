// Starts bench/fakeServer.mjs as a child and hands back what it printed; stop() ends that child only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export async function startFakeApi(scenario) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./fakeServer.mjs', import.meta.url)), scenario], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`fake API (${scenario}) exited with ${code}`))),
  ]);
  const info = JSON.parse(first);
  return {
    ...info,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.stdin.end();
      const exited = once(child, 'exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
