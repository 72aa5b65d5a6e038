// Emulator-only endpoints (outside the API prefix, no auth) so a test in another process can read counts
// and switch faults.
import type { FastifyInstance } from "fastify";
import { serviceError } from "../errors.js";
import type { FaultInjector } from "../faults.js";
import type { StatsRecorder } from "../stats.js";
import type { Store } from "../store.js";

export function registerEmulatorRoutes(
  app: FastifyInstance,
  stats: StatsRecorder,
  faults: FaultInjector | undefined,
  store: Store,
): void {
  app.get("/_emulator/stats", async () => stats.snapshot());
  /** The current version's bytes, when the emulator keeps content (the `keepContent` option). */
  app.get("/_emulator/assets/:assetId/content", async (request, reply) => {
    const { assetId } = request.params as { assetId: string };
    const sha256 = store.assets.get(assetId)?.versions.at(-1)?.contentSha256;
    const bytes = sha256 === undefined ? undefined : store.content.get(sha256);
    if (!bytes) throw serviceError(404, "NOT_FOUND", `No content kept for asset ${assetId}.`);
    return reply.type("application/octet-stream").send(bytes);
  });
  /** The universes an asset is granted to (live publishes no read of grants; tests and the TUI use this). */
  app.get("/_emulator/assets/:assetId/grants", async (request) => {
    const { assetId } = request.params as { assetId: string };
    const asset = store.assets.get(assetId);
    if (!asset) throw serviceError(404, "NOT_FOUND", `Asset ${assetId} not found.`);
    return { universeIds: asset.grants ?? [] };
  });
  app.post("/_emulator/reset-stats", async (_request, reply) => {
    stats.reset();
    return reply.code(204).send();
  });
  if (!faults) return;
  app.get("/_emulator/faults", async () => ({ faults: faults.current() ?? null }));
  /** Body: FaultOptions, or null / empty to turn faults off. Same as RunningEmulator.setFaults. */
  app.post("/_emulator/faults", async (request, reply) => {
    try {
      faults.configure((request.body ?? undefined) as Parameters<FaultInjector["configure"]>[0]);
    } catch (error) {
      throw serviceError(400, "INVALID_ARGUMENT", (error as Error).message);
    }
    return reply.code(204).send();
  });
}
