// Emulator-only endpoints (outside the API prefix, no auth) so a test in another process can read counts
// and switch faults.
import type { FastifyInstance } from "fastify";
import { serviceError } from "../errors.js";
import type { FaultInjector } from "../faults.js";
import type { StatsRecorder } from "../stats.js";

export function registerEmulatorRoutes(
  app: FastifyInstance,
  stats: StatsRecorder,
  faults: FaultInjector | undefined,
): void {
  app.get("/_emulator/stats", async () => stats.snapshot());
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
