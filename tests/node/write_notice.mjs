// Writes notices as the office editor does (office/notice-writer.mjs), for tests/test_office_writer.py.
// Usage: node write_notice.mjs <cases.json: [{state, scheme, kind}]>; prints [{text, map}].
import { readFile } from "node:fs/promises";

import { writeNotice } from "../../site_src/assets/javascripts/office/notice-writer.mjs";

const cases = JSON.parse(await readFile(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => writeNotice(c.state, { scheme: c.scheme, kind: c.kind }))));
