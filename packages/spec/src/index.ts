export {
  contentTypes,
  defaultServerUrl,
  limits,
  type MaskField,
  maskFields,
  type OperationId,
  operations,
} from "./generated/metadata.js";
export type { components, operations as OperationTypes, paths } from "./generated/openapi.js";
