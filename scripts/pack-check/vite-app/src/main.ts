// Typed by vite/client and @rbxassets/vite-plugin/client together (tsconfig.json, skipLibCheck off).
import assets, { assetUri } from "virtual:rbxassets";
import coin from "./images/coin.png";
import logo from "./images/logo.png";
import crate from "./models/crate.rbxm";

const ids: `rbxassetid://${string}`[] = [logo, coin, crate, assetUri("src/images/logo.png")];
const app = document.querySelector("#app");
if (app) app.textContent = JSON.stringify({ ids, all: assets });
