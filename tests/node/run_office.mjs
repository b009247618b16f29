// Runs the office editor's check inside Pyodide under Node, from a built site's own files, booted by the same
// module as the editor's worker (site_src/assets/javascripts/office/check-boot.mjs).
// Usage: node run_office.mjs <site> <cases.json: [{path, text}]> <today>; prints [{problems, period, notice, preview, …}].
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

import { bootOfficeCheck } from "../../site_src/assets/javascripts/office/check-boot.mjs";

const [site, casesFile, today] = process.argv.slice(2);
const read = async (url, as) => (as === "bytes" ? new Uint8Array(await readFile(url)) : readFile(url, "utf8"));
const check = await bootOfficeCheck(pathToFileURL(`${site}/`), read);
const cases = JSON.parse(await readFile(casesFile, "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => JSON.parse(check.check(c.text, c.path, today)))));
