// The one unplugin instance every entry (and the Rollup and Vite packages) is made from.
import { createUnplugin } from "unplugin";
import { rbxassetsFactory } from "./factory.js";

export const rbxassetsUnplugin = createUnplugin(rbxassetsFactory);
