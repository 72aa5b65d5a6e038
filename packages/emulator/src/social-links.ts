// Social link URIs are checked per kind: the docs say the URI "must match the expected format for the
// type of link", e.g. `https://twitch.tv/your-channel` for `twitchSocialLink`. So: https, the kind's own
// site (www. or a bare host), and a path that names something.
import { invalidArgument } from "./errors.js";
import type { SocialLinkField } from "./types.js";

const hostsByField: Record<SocialLinkField, readonly string[]> = {
  facebookSocialLink: ["facebook.com", "fb.com"],
  twitterSocialLink: ["twitter.com", "x.com"],
  youtubeSocialLink: ["youtube.com", "youtu.be"],
  twitchSocialLink: ["twitch.tv"],
  discordSocialLink: ["discord.gg", "discord.com"],
  githubSocialLink: ["github.com"],
  robloxSocialLink: ["roblox.com"],
  guildedSocialLink: ["guilded.gg"],
  devForumSocialLink: ["devforum.roblox.com"],
};

/** Throws 400 unless `uri` is an https link to the site of `field`'s kind. */
export function checkSocialLinkUri(field: SocialLinkField, uri: string): void {
  const hosts = hostsByField[field];
  const url = URL.canParse(uri) ? new URL(uri) : undefined;
  const host = url?.hostname.toLowerCase().replace(/^(www|m)\./, "");
  const fits =
    url !== undefined &&
    url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    hosts.includes(host ?? "") &&
    url.pathname.replace(/\/+$/, "") !== "";
  if (!fits) {
    throw invalidArgument(
      `${field}.uri must be an https link to ${hosts.join(" or ")} (like https://${hosts[0]}/your-page), got '${uri}'.`,
    );
  }
}
