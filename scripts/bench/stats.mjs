// Small helpers for the bench: medians and a fresh-process timer.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `node <args>` in a fresh process under /usr/bin/time -v when it exists: wall
 * milliseconds, exit status, peak resident set size (KiB, the process with all its threads).
 */
export function runNode(args, cwd) {
  const timeV = '/usr/bin/time';
  const useTime = spawnSync(timeV, ['-V'], { encoding: 'utf8' }).error === undefined;
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(timeV, ['-v', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  return {
    ms,
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    rssKiB: rss ? Number(rss[1]) : undefined,
    // CPU seconds of every thread of the process (V8's collector and compiler threads included).
    cpuS: user && sys ? Number(user[1]) + Number(sys[1]) : undefined,
  };
}
