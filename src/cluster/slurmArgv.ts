// SlurmCommand → the exact argv of scontrol/scancel. Pure: a node name or job id that Slurm would
// read as something else (a hostlist range, an option, several words) is refused with a RangeError.
import type { SlurmCommand } from './commands.js';

/** A single node name: no brackets or commas (a hostlist would act on many nodes), no `=`. */
const NODE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A job, an array task or pending tasks: 123, 123_4, 123_[5-8]. */
const JOB_ID = /^\d+(?:_(?:\d+|\[[\d,-]+\]))?$/;
const MAX_REASON = 200;

function node(name: string): string {
  if (!NODE_NAME.test(name)) throw new RangeError(`not a Slurm node name: "${name}"`);
  return name;
}

function job(id: string): string {
  if (!JOB_ID.test(id)) throw new RangeError(`not a Slurm job id: "${id}"`);
  return id;
}

function reason(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError('a drain needs a reason');
  if (/[\r\n]/.test(trimmed) || trimmed.length > MAX_REASON) throw new RangeError(`a reason is one line of at most ${MAX_REASON} characters`);
  return trimmed;
}

export function slurmArgv(command: SlurmCommand): readonly string[] {
  switch (command.type) {
    case 'drain':
      return ['scontrol', 'update', `nodename=${node(command.node)}`, 'state=drain', `reason=${reason(command.reason)}`];
    case 'resume':
      return ['scontrol', 'update', `nodename=${node(command.node)}`, 'state=resume'];
    case 'requeue':
      return ['scontrol', 'requeue', job(command.job)];
    case 'cancel':
      return ['scancel', job(command.job)];
    case 'jobSignal':
      // --full: the batch shell too, not only the job's steps (a blender under sbatch is the shell's child).
      return ['scancel', '--full', `--signal=${command.signal}`, job(command.job)];
    case 'hold':
      return ['scontrol', 'hold', job(command.job)];
    case 'release':
      return ['scontrol', 'release', job(command.job)];
  }
}

export function describeSlurmCommand(command: SlurmCommand): string {
  switch (command.type) {
    case 'drain':
      return `drain ${command.node}`;
    case 'resume':
      return `resume ${command.node}`;
    case 'requeue':
    case 'hold':
    case 'release':
      return `${command.type} ${command.job}`;
    case 'cancel':
      return `scancel ${command.job}`;
    case 'jobSignal':
      return `signal ${command.signal} ${command.job}`;
  }
}
