// Get Operation.

import type { Operation } from "@rbxassets/spec";
import type { FastifyInstance } from "fastify";
import type { EmulatorContext } from "../context.js";
import { invalidArgument } from "../errors.js";
import { defineOperation, type Params } from "./define.js";

export function registerOperationRoutes(app: FastifyInstance, context: EmulatorContext): void {
  defineOperation(app, "Assets_GetOperation", async (request): Promise<Operation> => {
    const operationId = (request.params as Params).operationId ?? "";
    if (!/^[A-Za-z0-9_-]+$/.test(operationId)) throw invalidArgument(`Invalid operationId '${operationId}'.`);
    return context.operations.poll(operationId);
  });
}
