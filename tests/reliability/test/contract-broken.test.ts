// Broken answers from a local peer: the client refuses each with a typed error; the pipeline records nothing.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createPipeline, Lockfile } from "@rbxassets/core/node";
import { describe, expect, it } from "vitest";
import { png } from "./helpers/files.js";
import {
  baseUrl,
  calls,
  client,
  dir,
  type Handler,
  type Outcome,
  peerPerFile,
  settle,
} from "./helpers/peer.js";
import { record } from "./helpers/results.js";

let handler: Handler = (_request, response) => response.end();
peerPerFile((request, response) => handler(request, response));

const json = (status: number, body: string, headers: Record<string, string> = {}): Handler => {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body);
  };
};

/** Broken answers, each with what a correct client must do with it. */
const broken: Record<string, Handler> = {
  "200 {} (every field missing)": json(200, "{}"),
  "200 fields of the wrong type": json(200, '{"assetId":5,"assetType":7,"displayName":null,"done":"yes"}'),
  "200 a JSON array": json(200, "[1,2,3]"),
  "200 JSON null": json(200, "null"),
  "200 empty body": json(200, ""),
  "200 truncated JSON": json(200, '{"assetId":"123","displ'),
  "200 text/html (captive portal)": (_q, s) => {
    s.writeHead(200, { "content-type": "text/html" });
    s.end("<!doctype html><h1>Sign in to the Wi-Fi</h1>");
  },
  "200 body shorter than content-length": (_q, s) => {
    s.writeHead(200, { "content-type": "application/json", "content-length": "400" });
    // The peer hangs up after the short body, as a proxy that dies mid-answer would.
    s.write('{"assetId":"1"', () => s.socket?.destroy());
  },
  "200 huge body (24 MB)": json(200, `{"assetId":"123","description":"${"x".repeat(24_000_000)}"}`),
  "200 with application/octet-stream": (_q, s) => {
    s.writeHead(200, { "content-type": "application/octet-stream" });
    s.end(Buffer.from([0, 1, 2, 255]));
  },
  "204 no content": (_q, s) => {
    s.writeHead(204);
    s.end();
  },
  "500 text/html": (_q, s) => {
    s.writeHead(500, { "content-type": "text/html" });
    s.end("<html><body>Bad gateway</body></html>");
  },
  "404 garbage JSON": json(404, '{"errors": [nul'),
  "429 without any rate-limit header": json(429, ""),
  "503 retry-after not a number": json(503, '{"code":"UNAVAILABLE"}', { "retry-after": "soon" }),
  "400 error body of the wrong shape": json(400, '{"errors":"not-an-array","code":{"x":1}}'),
  "connection reset before answering": (_q, s) => s.socket?.destroy(),
};

/** Broken answers that are refused without a usable response: no status error, a network error. */
const NETWORK_FAILURES = new Set([
  "200 body shorter than content-length",
  "connection reset before answering",
]);

/**
 * The one broken-looking answer that is data: proto3 JSON omits an empty list, so `{}` from List Asset
 * Versions is an empty page (every other read refuses it).
 */
const ACCEPTED: Record<string, { call: string; detail: string }> = {
  "200 {} (every field missing)": { call: "listAssetVersions", detail: 'resolved {"assetVersions":[]}' },
};

/** What a correct client must do with `name` on `callName`, as a regexp over the settled outcome. */
function expected(name: string, callName: string): { kind: Outcome["kind"]; detail: RegExp } {
  const accepted = ACCEPTED[name];
  if (accepted?.call === callName)
    return { kind: "accepted", detail: new RegExp(`^${escapeRegExp(accepted.detail)}$`) };
  if (NETWORK_FAILURES.has(name)) {
    return { kind: "typed", detail: /^AssetsNetworkError: Assets_\w+: no usable answer from the service \(/ };
  }
  const status = /^(\d{3}) /.exec(name)?.[1];
  if (status?.startsWith("2")) {
    return {
      kind: "typed",
      detail: new RegExp(`^AssetsApiError: Assets_\\w+: the service answered ${status} with `),
    };
  }
  return { kind: "typed", detail: /^AssetsApiError: / };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("contract-breaking responses from a local peer", () => {
  it("always settle, with an Error; the classification is reported", async () => {
    const problems: string[] = [];
    for (const [name, serve] of Object.entries(broken)) {
      handler = serve;
      const seen: string[] = [];
      let holds = true;
      for (const [callName, call] of Object.entries(calls)) {
        const outcome = await settle(() => call(client));
        seen.push(`${callName}: ${outcome.kind} (${outcome.detail})`);
        const want = expected(name, callName);
        if (outcome.kind !== want.kind || !want.detail.test(outcome.detail)) {
          holds = false;
          problems.push(
            `${name} / ${callName}: ${outcome.kind} (${outcome.detail}), expected ${want.detail}`,
          );
        }
      }
      const kinds = [...new Set(seen.map((line) => line.split(": ")[1]!.split(" ")[0]))];
      const accepted = ACCEPTED[name];
      record(import.meta.filename, {
        area: "contract: broken responses (client)",
        case: name,
        runs: Object.keys(calls).length,
        outcome: holds
          ? `holds: ${
              NETWORK_FAILURES.has(name)
                ? "AssetsNetworkError after the retries"
                : /^2\d\d /.test(name)
                  ? "AssetsApiError INVALID_RESPONSE"
                  : "AssetsApiError"
            }${accepted ? ` (${accepted.call}: an empty page, proto3's form of one)` : ""}`
          : kinds.includes("hang")
            ? "FAILS: hang"
            : "FAILS: not the typed error expected",
        detail: seen.join("; "),
      });
    }
    expect(problems).toEqual([]);
  });

  it("a finished operation without an asset id never reaches the lockfile", async () => {
    const root = await mkdtemp(join(dir, "pipeline-"));
    await writeFile(join(root, "a.png"), png(1));
    handler = (request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // Create answers a finished operation whose response lacks assetId; Get Asset likewise.
      response.end(
        request.method === "POST"
          ? '{"path":"operations/x","operationId":"x","done":true,"response":{"assetType":"Image"}}'
          : '{"assetType":"Image"}',
      );
    };
    const pipeline = createPipeline({
      root,
      apiKey: "contract-test-key",
      baseUrl,
      creator: "user:1",
      env: {},
    });
    const outcome = await settle(() => pipeline.resolve("a.png"));
    let lockfile = "absent";
    let reopens = "n/a";
    try {
      const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
      lockfile = text.includes('"assetId"') ? "written with an assetId" : "written WITHOUT an assetId";
      reopens = await settle(() => Lockfile.open(join(root, "rbxassets.lock.json"), { root })).then((o) =>
        o.kind === "accepted" ? "parses" : `no longer parses (${o.detail})`,
      );
    } catch {
      // no lockfile: nothing recorded, as it should be
    }
    const holds = outcome.kind === "typed" && lockfile === "absent";
    record(import.meta.filename, {
      area: "contract: broken responses (pipeline)",
      case: "Create answers done:true with a response that has no assetId",
      runs: 1,
      outcome: holds ? "holds: PipelineError naming the file, nothing recorded" : "FAILS",
      detail: `resolve: ${outcome.kind} (${outcome.detail}); lockfile ${lockfile}; reopening it: ${reopens}`,
    });
    // Before the fix in pipeline.ts this recorded an entry without assetId, and the lockfile no longer parsed.
    expect(outcome).toMatchObject({
      kind: "typed",
      detail: expect.stringMatching(/^PipelineError: a\.png: /),
    });
    expect(lockfile).toBe("absent");
  });
});
