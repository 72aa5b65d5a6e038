// Emulator-only endpoints (outside the API prefix, no auth) so a test in another process can read counts.
import type { FastifyInstance } from "fastify";
import type { StatsRecorder } from "../stats.js";

export function registerEmulatorRoutes(app: FastifyInstance, stats: StatsRecorder): void {
  app.get("/_emulator/stats", async () => stats.snapshot());
  app.post("/_emulator/reset-stats", async (_request, reply) => {
    stats.reset();
    return reply.code(204).send();
  });
}
