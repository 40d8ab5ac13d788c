// Where the API's log goes. main.ts leaves the default (JSON lines on stdout at
// LOG_LEVEL); tests silence it (TEST_LOGS=1 brings it back) or capture it.
import type { DestinationStream, LevelWithSilent } from 'pino';

export interface LogOutput {
  level?: LevelWithSilent;
  stream?: DestinationStream;
}

let output: LogOutput = {};

/** Set before the Nest app is created (createApp does it). */
export function setLogOutput(next: LogOutput): void {
  output = next;
}

export function logOutput(): LogOutput {
  return output;
}
