// The executable's entry: run main with the real process, then let Node exit on its own.
import { main } from './main.js';
import { processIo } from './io.js';

process.exitCode = await main(process.argv.slice(2), processIo());
