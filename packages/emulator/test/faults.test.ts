// Seeded fault injection. Requests go over node:http without keep-alive (one connection each), so a
// dropped socket is seen as exactly one failed request and nothing is retried behind our back.
import { createHash } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { FAULT_HEADER, type FaultOptions, type RunningEmulator, type startEmulator } from "../src/index.js";
import { assertContract } from "./contract.js";
import {
  assetForm,
  call,
  create,
  createAsset,
  createRequest,
  pngBytes,
  pngFile,
  startTestEmulator,
} from "./harness.js";

const started: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});
async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  const emulator = await startTestEmulator(options);
  started.push(emulator);
  return emulator;
}

type Outcome =
  | { dropped: true }
  | { dropped: false; status: number; headers: IncomingHttpHeaders; text: string; fault: string };

/** One request on its own connection; a destroyed socket resolves `{ dropped: true }`. */
async function send(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: { form?: FormData; json?: unknown } = {},
): Promise<Outcome> {
  const headers: Record<string, string> = { "x-api-key": emulator.apiKey };
  let body: Buffer | undefined;
  if (options.form) {
    const encoded = new Request("http://localhost/", { method: "POST", body: options.form });
    body = Buffer.from(await encoded.arrayBuffer());
    headers["content-type"] = encoded.headers.get("content-type") ?? "";
  } else if (options.json !== undefined) {
    body = Buffer.from(JSON.stringify(options.json));
    headers["content-type"] = "application/json";
  }
  if (body) headers["content-length"] = String(body.length);
  return new Promise((resolve) => {
    const request = http.request(`${emulator.url}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", () => resolve({ dropped: true }));
      response.on("end", () =>
        resolve({
          dropped: false,
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString("utf8"),
          fault: String(response.headers[FAULT_HEADER] ?? ""),
        }),
      );
    });
    request.on("error", () => resolve({ dropped: true }));
    request.end(body);
  });
}

const createForm = () => assetForm({ request: createRequest(), file: pngFile() });
const label = (outcome: Outcome) =>
  outcome.dropped ? "dropped" : `${outcome.status} ${outcome.fault || "-"}`.trim();
const firstAssetId = "18000000001";
const sha = createHash("sha256").update(pngBytes).digest("hex");

const mixed: FaultOptions = {
  seed: 42,
  tooManyRequestsRate: 0.1,
  serverErrorRate: 0.1,
  dropBeforeReadRate: 0.05,
  dropAfterHandleRate: 0.05,
  malformedJsonRate: 0.1,
  wrongContentTypeRate: 0.1,
  slowRate: 0.1,
  slowMs: 1,
};
const N = 300;

/** Creates one asset with faults off, turns `faults` on and reads the asset N times. */
async function runSequence(faults: FaultOptions) {
  // Real limits stay on (200s must carry x-ratelimit-*), just far away.
  const emulator = await start({ rateLimits: { limits: { Assets_GetAsset: 1_000_000 } } });
  const asset = await createAsset(emulator);
  emulator.resetStats();
  emulator.setFaults(faults);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < N; i++) outcomes.push(await send(emulator, "GET", `/v1/assets/${asset.assetId}`));
  return { emulator, outcomes, stats: emulator.stats() };
}

describe("fault rates and reproducibility", () => {
  it("injects each kind at about its rate, in the declared shapes, identically for the same seed", async () => {
    const first = await runSequence(mixed);
    const second = await runSequence(mixed);
    const other = await runSequence({ ...mixed, seed: 7 });
    expect(second.outcomes.map(label)).toEqual(first.outcomes.map(label));
    expect(other.outcomes.map(label)).not.toEqual(first.outcomes.map(label));

    const counts: Record<string, number> = {};
    const bump = (kind: string) => {
      counts[kind] = (counts[kind] ?? 0) + 1;
    };
    const statuses = new Set<number>();
    for (const outcome of first.outcomes) {
      if (outcome.dropped) {
        bump("dropped");
        continue;
      }
      const kinds = outcome.fault.split(",").filter(Boolean);
      kinds.forEach(bump);
      const contentType = String(outcome.headers["content-type"]);
      if (kinds.includes("malformedJson")) {
        expect(contentType).toMatch(/^application\/json/);
        expect(() => JSON.parse(outcome.text)).toThrow();
      } else if (kinds.includes("wrongContentType")) {
        expect(outcome.status).toBe(200);
        expect(contentType).toMatch(/^text\/html/);
      } else {
        // Service faults (500/503/429) and slow answers stay within the contract.
        assertContract({
          method: "GET",
          path: `/assets/v1/assets/${firstAssetId}`,
          status: outcome.status,
          headers: new Headers(outcome.headers as Record<string, string>),
          body: JSON.parse(outcome.text),
        });
        if (kinds.includes("serverError")) statuses.add(outcome.status);
        if (kinds.includes("tooManyRequests")) {
          expect(outcome.status).toBe(429);
          expect(outcome.headers["retry-after"]).toBe("1");
        }
        if (kinds.length === 0 || (kinds.length === 1 && kinds[0] === "slow"))
          expect(outcome.status).toBe(200);
      }
    }
    expect([...statuses].sort()).toEqual([500, 503]);
    const near = (kind: string, rate: number) => {
      expect(counts[kind] ?? 0, kind).toBeGreaterThanOrEqual(N * rate * 0.5);
      expect(counts[kind] ?? 0, kind).toBeLessThanOrEqual(N * rate * 1.5);
    };
    near("tooManyRequests", 0.1);
    near("serverError", 0.1);
    near("malformedJson", 0.1);
    near("wrongContentType", 0.1);
    near("dropped", 0.1); // dropBeforeRead + dropAfterHandle
    // `slow` can join a drop, which the client never sees: stats know better.
    near("slow", 0.1);

    const faults = first.stats.faults;
    expect((faults.dropBeforeRead ?? 0) + (faults.dropAfterHandle ?? 0)).toBe(counts.dropped);
    for (const kind of ["tooManyRequests", "serverError", "malformedJson", "wrongContentType"]) {
      expect(faults[kind], kind).toBe(counts[kind]);
    }
    expect(faults.dropBeforeRead).toBeGreaterThan(0);
    expect(faults.dropAfterHandle).toBeGreaterThan(0);
    expect(faults.slow).toBeGreaterThanOrEqual(counts.slow ?? 0);
    expect(second.stats.faults).toEqual(faults);
    // Dropped requests reached the server but got no response.
    const answered = Object.values(first.stats.responses).reduce((sum, n) => sum + n, 0);
    expect(answered).toBe(N - counts.dropped!);
    expect(first.stats.requests).toEqual({ Assets_GetAsset: N });
  });

  it("answers 429 bursts: after a triggered 429 the next burst429 requests of that operation are 429", async () => {
    const emulator = await start({ rateLimits: false });
    emulator.setFaults({ seed: 3, tooManyRequestsRate: 0.1, burst429: 3, retryAfterSeconds: 0 });
    const statuses: number[] = [];
    // Through the harness: every 429 is contract-checked (gateway shape, x-ratelimit-*, retry-after).
    for (let i = 0; i < 100; i++) {
      const result = await call(emulator, "GET", "/v1/operations/00000000-0000-0000-0000-000000000000");
      if (result.status === 429) expect(result.headers.get("retry-after")).toBe("0");
      statuses.push(result.status);
    }
    const triggers = statuses
      .map((status, index) => (status === 429 && statuses[index - 1] !== 429 ? index : -1))
      .filter((index) => index >= 0);
    expect(triggers.length).toBeGreaterThan(0);
    for (const index of triggers) {
      if (index + 3 < statuses.length) expect(statuses.slice(index, index + 4)).toEqual([429, 429, 429, 429]);
    }
    expect(emulator.stats().faults.tooManyRequests).toBe(statuses.filter((status) => status === 429).length);
  });
});

describe("drops", () => {
  it("drop before read changes nothing on the server", async () => {
    const emulator = await start({ faults: { only: ["Assets_CreateAsset"], dropBeforeReadRate: 1 } });
    expect(await send(emulator, "POST", "/v1/assets", { form: createForm() })).toEqual({ dropped: true });
    const stats = emulator.stats();
    expect(stats.creates).toBe(0);
    expect(stats.contentUploads).toEqual({});
    expect(stats.responses).toEqual({});
    expect(stats.requests).toEqual({ Assets_CreateAsset: 1 });
    expect(stats.faults).toEqual({ dropBeforeRead: 1 });
    emulator.setFaults(undefined);
    // No asset id was used up either.
    expect((await createAsset(emulator)).assetId).toBe(firstAssetId);
  });

  it("drop after handle leaves the asset created, and counted", async () => {
    // The operation finishes at once: nobody will poll it, and only a finished create makes an asset.
    const emulator = await start({
      operations: { pendingPolls: 0 },
      faults: { only: ["Assets_CreateAsset"], dropAfterHandleRate: 1 },
    });
    expect(await send(emulator, "POST", "/v1/assets", { form: createForm() })).toEqual({ dropped: true });
    const stats = emulator.stats();
    expect(stats.creates).toBe(1);
    expect(stats.contentUploads).toEqual({ [sha]: 1 });
    expect(stats.responses).toEqual({});
    expect(stats.faults).toEqual({ dropAfterHandle: 1 });
    // Faults apply to Create only: reads answer normally.
    const got = await call(emulator, "GET", `/v1/assets/${firstAssetId}`);
    expect(got.status).toBe(200);
    expect(got.body.displayName).toBe("Logo");
  });
});

describe("answer faults", () => {
  it("malformed JSON and wrong content type: the handler ran, the harness skips the contract", async () => {
    const emulator = await start({ faults: { only: ["Assets_CreateAsset"], malformedJsonRate: 1 } });
    const malformed = await create(emulator);
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get(FAULT_HEADER)).toBe("malformedJson");
    expect(malformed.headers.get("content-type")).toMatch(/^application\/json/);
    expect(typeof malformed.body).toBe("string");
    expect(() => JSON.parse(malformed.body)).toThrow();
    emulator.setFaults({ only: ["Assets_CreateAsset"], wrongContentTypeRate: 1 });
    const html = await create(emulator);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.body).toMatch(/<html>/);
    expect(emulator.stats().creates).toBe(2);
    expect(emulator.stats().faults).toEqual({ malformedJson: 1, wrongContentType: 1 });
  });

  it("slow answers are otherwise normal", async () => {
    const emulator = await start({ faults: { slowRate: 1, slowMs: 5 } });
    const created = await create(emulator);
    expect(created.status).toBe(200);
    expect(created.headers.get(FAULT_HEADER)).toBe("slow");
    expect(emulator.stats().faults).toEqual({ slow: 1 });
  });
});

describe("operation faults", () => {
  it("operationFail finishes the operation done:true with an error", async () => {
    const emulator = await start({ faults: { seed: 5, operationFailRate: 1 } });
    const codes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const { body } = await create(emulator);
      expect(body.done).toBe(false);
      expect((await call(emulator, "GET", `/v1/operations/${body.operationId}`)).body.done).toBe(false);
      const failed = (await call(emulator, "GET", `/v1/operations/${body.operationId}`)).body;
      expect(failed.done).toBe(true);
      expect(failed.response).toBeUndefined();
      expect(failed.error.message).toMatch(/injected/);
      codes.add(typeof failed.error.code);
    }
    // Both wire types of Status.code get exercised.
    expect([...codes].sort()).toEqual(["number", "string"]);
    expect(emulator.stats().faults).toEqual({ operationFail: 6 });
  });

  it("operationPendingForever never finishes, even with no configured delay", async () => {
    const emulator = await start({
      operations: { pendingPolls: 0, pendingMs: 0 },
      faults: { operationPendingForeverRate: 1 },
    });
    const { body } = await create(emulator);
    expect(body.done).toBe(false);
    for (let i = 0; i < 20; i++) {
      expect((await call(emulator, "GET", `/v1/operations/${body.operationId}`)).body.done).toBe(false);
    }
    expect(emulator.stats().faults).toEqual({ operationPendingForever: 1 });
  });

  it("operationLong stays pending for operationPendingPolls polls", async () => {
    const emulator = await start({
      operations: { pendingPolls: 0, pendingMs: 0 },
      faults: { operationLongRate: 1, operationPendingPolls: 3 },
    });
    const { body } = await create(emulator);
    const answers = [body.done];
    for (let i = 0; i < 4; i++) {
      answers.push((await call(emulator, "GET", `/v1/operations/${body.operationId}`)).body.done);
    }
    expect(answers).toEqual([false, false, false, false, true]);
  });

  it("applies to Update operations only when Update is selected", async () => {
    const emulator = await start({ operations: { pendingPolls: 0, pendingMs: 0 } });
    // A failed create makes no asset, so the asset to update is created before the fault is on.
    await create(emulator);
    emulator.setFaults({ only: ["Assets_CreateAsset"], operationFailRate: 1 });
    const { body } = await create(emulator);
    expect(body.error).toBeDefined();
    const update = await call(emulator, "PATCH", `/v1/assets/${firstAssetId}`, {
      form: assetForm({ request: { description: "new" } }),
    });
    expect(update.body.done).toBe(true);
    expect(update.body.response.description).toBe("new");
  });
});

describe("switching faults", () => {
  it("setFaults(undefined) turns all faults off; stats count what was injected", async () => {
    const emulator = await start({ faults: { serverErrorRate: 1 } });
    // A 500/503 is still a declared answer: the harness checks it against the spec.
    expect([500, 503]).toContain((await create(emulator)).status);
    expect([500, 503]).toContain((await create(emulator)).status);
    expect(emulator.stats().creates).toBe(0);
    emulator.setFaults(undefined);
    expect((await create(emulator)).status).toBe(200);
    expect(emulator.stats().faults).toEqual({ serverError: 2 });
    emulator.resetStats();
    expect(emulator.stats().faults).toEqual({});
  });

  it("POST /_emulator/faults does the same as setFaults, from any process", async () => {
    const emulator = await start();
    const origin = new URL(emulator.url).origin;
    const post = (body: string | undefined) =>
      fetch(`${origin}/_emulator/faults`, {
        method: "POST",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body,
      });
    const options = { seed: 9, only: ["Assets_GetOperation"], serverErrorRate: 1 };
    expect((await post(JSON.stringify(options))).status).toBe(204);
    expect(await (await fetch(`${origin}/_emulator/faults`)).json()).toEqual({ faults: options });
    const path = "/v1/operations/00000000-0000-0000-0000-000000000000";
    expect([500, 503]).toContain((await call(emulator, "GET", path)).status);
    expect((await create(emulator)).status).toBe(200);

    const invalid = await post(JSON.stringify({ serverErrorRate: 2 }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).code).toBe("INVALID_ARGUMENT");
    expect((await post(JSON.stringify({ bogus: 1 }))).status).toBe(400);
    expect((await post(JSON.stringify({ only: ["Nope"] }))).status).toBe(400);
    // Still on after the rejected updates.
    expect([500, 503]).toContain((await call(emulator, "GET", path)).status);

    expect((await post("null")).status).toBe(204);
    expect((await call(emulator, "GET", path)).status).toBe(404);
    expect((await post(JSON.stringify(options))).status).toBe(204);
    expect((await post(undefined)).status).toBe(204);
    expect((await call(emulator, "GET", path)).status).toBe(404);
    expect(await (await fetch(`${origin}/_emulator/faults`)).json()).toEqual({ faults: null });
    expect(emulator.stats().faults).toEqual({ serverError: 2 });
  });

  it("rejects invalid options at start", async () => {
    await expect(startTestEmulator({ faults: { serverErrorRate: 1.5 } })).rejects.toThrow(/serverErrorRate/);
    await expect(startTestEmulator({ faults: { burst429: -1 } })).rejects.toThrow(/burst429/);
    const emulator = await start();
    expect(() => emulator.setFaults({ seed: 0.5 })).toThrow(/seed/);
  });
});

describe("binding", () => {
  it("listens on loopback (127.0.0.1) unless a host is given", async () => {
    const local = await start();
    expect(local.address.address).toBe("127.0.0.1");
    expect(new URL(local.url).hostname).toBe("127.0.0.1");
    const any = await start({ host: "0.0.0.0" });
    expect(any.address.address).toBe("0.0.0.0");
  });
});
