// A child process's clock for a benchmark: the same simulated time as its parent's, following
// the warp's pace file whenever it tells the time (the simulator's child and the stations' use
// it). Also the child's share of each tick its event loop was busy, for the parent's pace keeper.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  anchoredClock,
  warpClock,
  type Clock,
  type ClockSegment,
  type WarpClock,
} from '../src-main/clock';
import type { SimChildClock } from './sim-process';

export function followClock(how: SimChildClock): { clock: Clock; warped: WarpClock | null } {
  if (how.kind === 'anchored') return { clock: anchoredClock(how.anchor), warped: null };
  const follower = warpClock(how.first);
  let seen = '';
  // The newest pace, read each time the time is told: a message would come late.
  const sync = () => {
    const text = fs.readFileSync(how.file, 'utf8');
    if (text === seen) return;
    seen = text;
    follower.follow(JSON.parse(text) as ClockSegment);
  };
  return {
    warped: follower,
    clock: {
      now() {
        sync();
        return follower.now();
      },
      sleep(ms, signal) {
        sync();
        return follower.sleep(ms, signal);
      },
    },
  };
}

/** Calls `report` every `tickMs` with the share of the tick this event loop was busy. */
export function reportLoad(tickMs: number, report: (utilization: number) => void): () => void {
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization();
    report(performance.eventLoopUtilization(current, last).utilization);
    last = current;
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
