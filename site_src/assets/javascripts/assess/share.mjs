// A profile in a share link (#p=…: its JSON as UTF-8, in unpadded base64url) and in a saved file, for the
// calculator (files.mjs). Pure: no DOM; tests/test_assess_modules.py runs it under Node.

/** The profile as the text after #p=. */
export function encode(obj) {
  const bytes = new TextEncoder().encode(JSON.stringify(obj));
  let bin = "";
  bytes.forEach((b) => { bin += String.fromCharCode(b); });
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The value a link's text after #p= holds (throws when it is not base64url of JSON). */
export function decode(text) {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
}

/** Whether a loaded value can be a profile: an object (what it holds, the engine judges). */
export const isProfile = (obj) => obj !== null && typeof obj === "object" && !Array.isArray(obj);

/** What leaves the page (a saved file, a share link) names the format's version it is written in (docs/PROFILE.md). */
export function versioned(profile, version) {
  const { profile_version: _older, ...answers } = profile;
  return { profile_version: version, ...answers };
}
