// Crash injection for the fault tests: when PULSEWISE_FAILPOINT names this
// point, the process kills itself here with SIGKILL — no cleanup, no finally
// blocks, exactly like a machine losing power. Inert unless that variable is set.
export function failpoint(name: string): void {
  if (process.env.PULSEWISE_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
