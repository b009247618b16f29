// The self-assessment page's script (templates/assess.md.j2 loads it): the one module that reaches into the document
// when imported; everything else waits for start() (page.mjs).
import { start } from "./page.mjs";

start(document.getElementById("qp-assess"));
