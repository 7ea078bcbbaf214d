// A full garbage collection on demand, so heap readings show what is retained rather than what
// happens not to be collected yet. Node only offers gc() with --expose-gc; the flag can be set at
// run time, and a fresh context then has the function.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function fullGc(): void {
  if (collect === null) {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('gc');
    if (typeof found !== 'function') throw new Error('bench: cannot reach the garbage collector (gc is not a function)');
    collect = () => {
      (found as () => void)();
    };
  }
  collect();
}
