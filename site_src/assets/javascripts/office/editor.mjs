// The office editor's script (templates/office-editor.md.j2 loads it): the one module that reaches into the
// document when imported; everything else waits for start() (page.mjs).
import { start } from "./page.mjs";

start(document.getElementById("qp-office"));
