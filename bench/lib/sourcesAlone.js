// Bench 4's floors for `--backend local -d 1`, run in a pseudo-terminal beside omtop and top:
//   node bench/lib/sourcesAlone.js sources  omtop's sources alone: the local backend, the collector
//                                           and the store of the built app (dist/), a tick a second,
//                                           no screen: what the dashboard costs before it draws;
//   node bench/lib/sourcesAlone.js reads    a node that only reads /proc/<pid>/stat of every PID
//                                           once a second (each file kept open, one pread): what
//                                           any node program pays to watch the processes.
// Plain JavaScript, so no TypeScript loader runs beside it. Stopped by the bench (its tmux server).
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';

const what = process.argv[2];
if (what === 'sources') {
  const dist = new URL('../../dist/src/', import.meta.url);
  const { createLocalBackend } = await import(new URL('backends/local/localBackend.js', dist).href);
  const { createCollector } = await import(new URL('collector/collector.js', dist).href);
  const { createStore } = await import(new URL('store/store.js', dist).href);
  const refuse = () => Promise.reject(new Error('the bench runs no command'));
  const backend = createLocalBackend({ runner: { run: refuse } });
  createCollector({ backend, intervalMs: 1000, store: createStore() }).start();
  process.stdout.write('omtop sources alone: local backend, collector, store\n');
} else if (what === 'reads') {
  const buffer = Buffer.alloc(4096);
  const files = new Map();
  setInterval(() => {
    const seen = new Set();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      seen.add(name);
      try {
        let fd = files.get(name);
        if (fd === undefined) {
          fd = openSync(`/proc/${name}/stat`, 'r');
          files.set(name, fd);
        }
        buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
      } catch {
        // The process exited: its file is closed below.
        seen.delete(name);
      }
    }
    for (const [name, fd] of files) {
      if (seen.has(name)) continue;
      files.delete(name);
      closeSync(fd);
    }
  }, 1000);
  process.stdout.write('/proc/<pid>/stat of every PID once a second\n');
} else {
  process.stderr.write('usage: node bench/lib/sourcesAlone.js sources|reads\n');
  process.exit(2);
}
