import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { firstJobNotHeld, insertJob, newJob } from './jobs';

describe('the head of a lane', () => {
  it('is the first job in scan order that is not held, however deep in the queue', () => {
    const db = openDatabase(':memory:');
    for (let i = 0; i < 250; i += 1) {
      insertJob(db, newJob('print', `p${i}`, i, i === 240 ? { printerId: 'bench' } : {}));
    }
    const held = (upTo: number) => (job: { id: string }) => Number(job.id.slice(1)) < upTo;
    expect(firstJobNotHeld(db, ['print'], ['queued'], held(0))?.id).toBe('p0');
    // Past the first row, past the first page of 100, and into the third.
    expect(firstJobNotHeld(db, ['print'], ['queued'], held(1))?.id).toBe('p1');
    expect(firstJobNotHeld(db, ['print'], ['queued'], held(230))?.id).toBe('p230');
    expect(firstJobNotHeld(db, ['print'], ['queued'], held(250))).toBeNull();
    // A lane of printers of their own reads only the jobs bound to one.
    expect(firstJobNotHeld(db, ['print'], ['queued'], () => false, { forAPrinter: true })?.id).toBe(
      'p240',
    );
    expect(firstJobNotHeld(db, ['create-label'], ['queued'], () => false)).toBeNull();
    db.close();
  });
});
