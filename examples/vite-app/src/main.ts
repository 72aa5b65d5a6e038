import assets, { assetUri } from "virtual:rbxassets";
import coin from "./images/coin.png";
import heart from "./images/heart.png";
import logo from "./images/logo.png";
import crate from "./models/crate.rbxm";

// Each import is a `rbxassetid://<id>` string: what ImageLabel.Image or InsertService expect.
const ui = { logo, coin, heart, crate } satisfies Record<string, `rbxassetid://${string}`>;

const app = document.querySelector("#app");
if (app) {
  app.textContent = JSON.stringify({ ui, logoByPath: assetUri("src/images/logo.png"), all: assets }, null, 2);
}
