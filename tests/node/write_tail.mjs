// Writes the lines the office editor appends to a corrected notice (correction.mjs writeTail), for
// tests/test_office_corrections.py. Usage: node write_tail.mjs <case.json: {notice, correction, edits}>.
import { readFile } from "node:fs/promises";

import { writeTail } from "../../site_src/assets/javascripts/office/correction.mjs";

const { notice, correction, edits } = JSON.parse(await readFile(process.argv[2], "utf8"));
const lines = [];
writeTail((line) => lines.push(line), notice, correction, edits);
process.stdout.write(lines.join("\n") + "\n");
