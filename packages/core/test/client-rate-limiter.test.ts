// The client's rate limiter with a fake clock: window ends from the server's headers, one probe per window.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/client/rate-limiter.js";

const answer = (remaining: number, resetSeconds: number) =>
  new Response(null, {
    headers: {
      "x-ratelimit-limit": "3",
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(resetSeconds),
    },
  });

describe("RateLimiter", () => {
  it("ends a window at the earliest bound its answers give, and probes alone after each reset", async () => {
    let now = 0;
    const limiter = new RateLimiter({ budgetFor: () => ({ max: 3, windowSeconds: 60 }), now: () => now });
    const probe = await limiter.acquire("op");
    // Until the probe is answered nobody else goes.
    let granted = 0;
    const next = [limiter.acquire("op"), limiter.acquire("op")].map((p) =>
      p.then((permit) => {
        granted++;
        return permit;
      }),
    );
    await Promise.resolve();
    expect(granted).toBe(0);
    now = 10;
    probe.release(answer(2, 2)); // counted at ~0..10: the window ends by 2 010
    const [a, b] = await Promise.all(next);
    // A slow answer gives a late bound, a quick one an early bound: the earliest one wins.
    now = 900;
    a?.release(answer(1, 1.2)); // bound 2 100
    now = 50;
    b?.release(answer(0, 1.96)); // bound 2 010
    now = 2009;
    let third = false;
    const later = limiter.acquire("op").then((permit) => {
      third = true;
      return permit;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    now = 2010;
    const permit = await later; // the timer fires at the bound (2 010), not at the slow answer's 2 100
    expect(third).toBe(true);
    // A new window: one probe again until its answer.
    let fourth = false;
    const after = limiter.acquire("op").then((p) => {
      fourth = true;
      return p;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fourth).toBe(false);
    permit.release(answer(2, 2));
    (await after).release(answer(1, 2));
  });

  it("reports a wait only when the window's budget is spent, not a queue behind the probe", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter({
      budgetFor: () => ({ max: 3, windowSeconds: 60 }),
      now: () => now,
      onWait: (_, waitMs) => waits.push(waitMs),
    });
    const probe = await limiter.acquire("op");
    const queued = [limiter.acquire("op"), limiter.acquire("op"), limiter.acquire("op")];
    await Promise.resolve();
    // Three wait for the probe's answer: a round trip, not the window's 60 s.
    expect(waits).toEqual([]);
    now = 10;
    probe.release(answer(2, 2));
    const [a, b] = await Promise.all(queued.slice(0, 2));
    a?.release(answer(1, 2));
    b?.release(answer(0, 2));
    // Now the budget is spent: the last one waits for the reset, and that is reported.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.at(-1)).toBeGreaterThan(1000);
    now = 2010;
    (await queued[2])?.release(answer(2, 2));
  });

  it("a request that never reached the server spends nothing: a dead server is no rate-limit wait", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter({
      budgetFor: () => ({ max: 2, windowSeconds: 60 }),
      now: () => now,
      onWait: (_, waitMs) => waits.push(waitMs),
    });
    // Twenty refused connections in a row, each released without an answer.
    for (let i = 0; i < 20; i++) {
      const permit = await limiter.acquire("op");
      now += 10;
      permit.release(undefined, false);
    }
    expect(waits).toEqual([]);
    // The whole budget is still there: two go at once, after a probe's answer.
    const probe = await limiter.acquire("op");
    probe.release(answer(1, 50));
    const last = await limiter.acquire("op");
    expect(waits).toEqual([]);
    last.release(answer(0, 50));
  });
});
