export {
  contentTypes,
  defaultServerUrl,
  enums,
  limits,
  type MaskField,
  maskFields,
  type OperationId,
  operations,
  socialLinkFields,
} from "./generated/metadata.js";
export type { components, operations as OperationTypes, paths } from "./generated/openapi.js";
