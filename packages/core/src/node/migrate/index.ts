// Importing another tool's project (`rbxassets init --from asphalt|tarmac|tungsten`).
export { planAsphalt } from "./asphalt.js";
export {
  type InputMigration,
  MIGRATION_TOOLS,
  MigrationError,
  type MigrationPlan,
  MigrationSourceError,
  type MigrationTool,
} from "./plan.js";
export { planTarmac } from "./tarmac.js";
export { planTungsten } from "./tungsten.js";
export { type MigrationOptions, planMigration, writeMigration } from "./write.js";
