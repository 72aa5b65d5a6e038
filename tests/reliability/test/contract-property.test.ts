// Property-based: arbitrary peer answers, lockfile text and lockfile bytes; every call settles, errors typed.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Lockfile, PipelineError, parseLockfile } from "@rbxassets/core/node";
import fc from "fast-check";
import { describe, it } from "vitest";
import { calls, client, dir, type Handler, peerPerFile, settle } from "./helpers/peer.js";
import { record } from "./helpers/results.js";

let handler: Handler = (_request, response) => response.end();
peerPerFile((request, response) => handler(request, response));

describe("property-based", () => {
  const header = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
  const answer = fc.record({
    status: fc.oneof(
      fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503),
      fc.integer({ min: 200, max: 599 }).filter((s) => s < 300 || s >= 400),
    ),
    contentType: fc.oneof(
      fc.constantFrom("application/json", "application/json; charset=utf-8", "text/html", "text/plain", ""),
      header,
    ),
    body: fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    ),
    call: fc.constantFrom(...Object.keys(calls)),
  });

  it("any status, content type and body: the client settles with data or an Error; errors are typed", async () => {
    const tally: Record<string, number> = {};
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, contentType, body, call }) => {
        runs++;
        handler = (_request, response) => {
          const headers: Record<string, string> = contentType === "" ? {} : { "content-type": contentType };
          response.writeHead(status, headers);
          response.end(status === 204 ? undefined : body);
        };
        const outcome = await settle(() => calls[call]!(client));
        const key = `${status >= 400 ? "error status" : "2xx"}: ${outcome.kind}`;
        tally[key] = (tally[key] ?? 0) + 1;
        if (outcome.kind === "hang") return false;
        if (outcome.detail.startsWith("threw a non-Error")) return false;
        // An error status always becomes an AssetsApiError, whatever the body; a 2xx is data or a typed error.
        if (status >= 400 && outcome.kind !== "typed") return false;
        if (outcome.kind === "untyped") return false;
        return true;
      }),
      { seed: 42, numRuns: 150 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "arbitrary status / content type / body from the peer (fast-check, seed 42)",
      runs,
      outcome: "holds: settles; every error status is an AssetsApiError; every failure is typed",
      detail: Object.entries(tally)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, n]) => `${key} ${n}`)
        .join("; "),
    });
  });

  it("parseLockfile on arbitrary text: data or a one-line PipelineError, nothing else", () => {
    const entry = fc.record(
      {
        assetId: fc.oneof(fc.stringMatching(/^\d{1,12}$/), fc.string(), fc.integer()),
        assetType: fc.oneof(fc.constantFrom("Image", "Decal", "Model", "Audio", "Mesh"), fc.string()),
        hash: fc.oneof(fc.stringMatching(/^sha256-[0-9a-f]{64}$/), fc.string()),
        creator: fc.oneof(fc.constantFrom("user:1", "group:22", "team:1"), fc.string()),
        version: fc.oneof(fc.string(), fc.integer()),
        moderation: fc.oneof(fc.constantFrom("Approved", "Reviewing", "Rejected"), fc.string()),
      },
      { requiredKeys: [] },
    );
    const lockLike = fc
      .record({
        version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        assets: fc.oneof(fc.dictionary(fc.string(), entry), fc.jsonValue()),
      })
      .map((value) => JSON.stringify(value, null, 2));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.json(),
      lockLike,
      lockLike.map((value) => value.slice(0, Math.floor(value.length / 2))),
      lockLike.map((value) => `<<<<<<< HEAD\n${value}\n=======\n${value}\n>>>>>>> branch\n`),
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(text, (input) => {
        try {
          const data = parseLockfile(input, "rbxassets.lock.json");
          accepted++;
          for (const item of data.assets.values()) {
            if (!/^\d+$/.test(item.assetId) || !/^sha256-[0-9a-f]{64}$/.test(item.hash)) return false;
          }
          return true;
        } catch (error) {
          refused++;
          return (
            error instanceof PipelineError &&
            error.message.startsWith("rbxassets.lock.json: ") &&
            !/[\r\n]/.test(error.message)
          );
        }
      }),
      { seed: 7, numRuns: 2000 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "parseLockfile on arbitrary strings, JSON and lockfile-shaped objects (fast-check, seed 7)",
      runs: accepted + refused,
      outcome: "holds: valid data or a one-line PipelineError",
      detail: `${accepted} accepted (every entry valid), ${refused} refused`,
    });
  });

  it("Lockfile.open on arbitrary files: opens or rejects with a PipelineError naming the file", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.json().map((text) => Buffer.from(text)),
          fc.string({ unit: "binary" }).map((text) => Buffer.from(text, "utf8")),
        ),
        async (bytes) => {
          runs++;
          const file = join(dir, "open", `${runs}.lock.json`);
          await writeFile(join(dir, "seed"), "").catch(() => {});
          await import("node:fs/promises").then((fs) => fs.mkdir(join(dir, "open"), { recursive: true }));
          await writeFile(file, bytes);
          try {
            await Lockfile.open(file, { root: dir });
            return true;
          } catch (error) {
            return error instanceof PipelineError && error.message.startsWith(`open/${runs}.lock.json: `);
          }
        },
      ),
      { seed: 9, numRuns: 150 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "Lockfile.open on arbitrary file bytes (fast-check, seed 9)",
      runs,
      outcome: "holds: opens or a PipelineError naming the file",
      detail: "random bytes, JSON and binary strings",
    });
  });
});
