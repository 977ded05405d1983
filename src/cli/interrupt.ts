/**
 * What to undo when the user stops techfile (Ctrl-C, SIGTERM): commands register a cleanup
 * (remove temporary files) for as long as they write; main.ts runs them on the signal.
 */
const cleanups = new Set<() => void>();

export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function runInterruptCleanups(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the process is stopping anyway.
    }
  }
  cleanups.clear();
}
