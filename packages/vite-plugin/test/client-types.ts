// Type-level test (checked by `pnpm typecheck`, never run): client.d.ts, listed before vite/client, wins.
/// <reference path="../client.d.ts" />
/// <reference types="vite/client" />
import assets from "virtual:rbxassets";
import url from "./fixtures/project/src/images/blue.png?url";
import red from "./fixtures/project/src/images/red.png";
import crate from "./fixtures/project/src/models/crate.rbxm";

type AssetUri = `rbxassetid://${string}`;
export const typed: AssetUri[] = [red, crate, ...Object.values(assets)];
export const viteUrl: string = url;
