// A process that records 40 lockfile entries one after another, as fast as it can (so that a SIGSTOP lands
// while it holds the lockfile's lock), and prints "recorded <n>" once each is on disk.
import { Lockfile } from "@rbxassets/core/node";

const [path, prefix] = process.argv.slice(2);
const lockfile = await Lockfile.open(path);
for (let n = 0; n < 40; n++) {
  const hash = `sha256-${n.toString(16).padStart(64, "0")}`;
  await lockfile.record(`${prefix}/${n}.png`, {
    assetId: String(900_000 + n),
    assetType: "Image",
    hash,
    creator: "user:4242",
  });
  process.stdout.write(`recorded ${n}\n`);
}
