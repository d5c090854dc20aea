import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { awaitContentCheck, GATE, type GateProcess } from './content-check.ts';

/** Astro's side of the IPC channel, with what it sent and whether it let the channel go. */
function fakeProcess() {
  const events = new EventEmitter();
  const sent: string[] = [];
  let unrefs = 0;
  const proc: GateProcess = {
    send: (m) => sent.push(m),
    once: (event, listener) => events.once(event, listener),
    channel: { unref: () => { unrefs++; } },
  };
  return { proc, sent, reply: (m: unknown) => events.emit('message', m), unrefs: () => unrefs };
}

describe('the content-check gate: Astro builds only after scripts/build.ts says the check passed', () => {
  it('asks first, then waits: no answer, no build', async () => {
    const p = fakeProcess();
    let settled = false;
    void awaitContentCheck(p.proc).finally(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(p.sent).toEqual([GATE.ask]);
    expect(settled).toBe(false);
  });

  it.each([
    ['passed', GATE.passed, 'resolves'],
    ['anything else', 'content-check: failed', 'rejects'],
    ['a stray message', { hello: 1 }, 'rejects'],
  ] as const)('answer %s → %s, and the channel no longer holds the process', async (_, answer, outcome) => {
    const p = fakeProcess();
    const waiting = awaitContentCheck(p.proc);
    p.reply(answer);
    if (outcome === 'resolves') await expect(waiting).resolves.toBeUndefined();
    else await expect(waiting).rejects.toThrow('did not pass');
    expect(p.unrefs()).toBe(1);
  });
});
