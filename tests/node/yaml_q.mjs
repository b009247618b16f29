// The office editor's YAML quoting (site_src/assets/javascripts/office/yaml-text.mjs `q`) of each string in a JSON
// file: node yaml_q.mjs TEXTS_JSON prints the JSON array of the quoted forms (tests/test_notice_skeleton.py).
import { readFileSync } from "node:fs";

import { q } from "../../site_src/assets/javascripts/office/yaml-text.mjs";

process.stdout.write(JSON.stringify(JSON.parse(readFileSync(process.argv[2], "utf8")).map(q)));
