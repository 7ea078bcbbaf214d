// Ctrl-Z and SIGTSTP: the terminal is given back before the stop and taken again on SIGCONT.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createSuspender } from '../../src/app/suspend.js';
import type { ProcessEvents } from '../../src/app/terminalGuard.js';

function setup() {
  const log: string[] = [];
  const events = new EventEmitter();
  const suspender = createSuspender({
    pauseTerminal: () => {
      log.push('pause');
      return () => log.push('resume');
    },
    redraw: () => log.push('redraw'),
    stop: () => log.push('stop'),
    events: events as unknown as ProcessEvents,
  });
  return { log, events, suspender };
}

describe('createSuspender', () => {
  it('Ctrl-Z gives the terminal back, then stops; SIGCONT takes it again and redraws', () => {
    const { log, events, suspender } = setup();
    suspender.suspend();
    expect(log).toEqual(['pause', 'stop']);
    // Its own SIGTSTP to the process group comes back after the stop: not a second request.
    events.emit('SIGTSTP');
    events.emit('SIGCONT');
    expect(log).toEqual(['pause', 'stop', 'resume', 'redraw']);
  });

  it('a kill -TSTP from elsewhere suspends the same way', () => {
    const { log, events } = setup();
    events.emit('SIGTSTP');
    expect(log).toEqual(['pause', 'stop']);
    events.emit('SIGTSTP'); // its own signal to the group
    events.emit('SIGCONT');
    expect(log).toEqual(['pause', 'stop', 'resume', 'redraw']);
    events.emit('SIGTSTP');
    expect(log.slice(4)).toEqual(['pause', 'stop']);
  });

  it('ignores a second Ctrl-Z while suspended and a SIGCONT while running; release removes the listeners', () => {
    const { log, events, suspender } = setup();
    events.emit('SIGCONT');
    expect(log).toEqual([]);
    suspender.suspend();
    suspender.suspend();
    expect(log).toEqual(['pause', 'stop']);
    suspender.release();
    expect(events.listenerCount('SIGTSTP') + events.listenerCount('SIGCONT')).toBe(0);
  });
});
