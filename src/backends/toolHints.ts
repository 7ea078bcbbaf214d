// A few words after a tool's error that tell the user what to do about it.
import { classifyToolError } from '../../parsers/index.js';

export function toolErrorHint(toolMessage: string): string {
  if (/command not found/i.test(toolMessage)) return ' (is openMosix installed and on PATH?)';
  switch (classifyToolError(toolMessage)?.code) {
    case 'permission-denied':
      return ' (openMosix actions need root)';
    case 'not-openmosix':
      return ' (this kernel has no openMosix)';
    case 'disabled':
      return ' (openMosix is switched off on this node)';
    default:
      return '';
  }
}
