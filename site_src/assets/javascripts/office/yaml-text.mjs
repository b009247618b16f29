// YAML scalars and flow values as the office editor writes them (notice-writer.mjs, correction.mjs): every string a
// JSON-style double-quoted scalar, so what the clerk typed is what the check reads, whatever characters it holds.

// A YAML double-quoted scalar. JSON's escapes are YAML's; characters YAML reads as line breaks or refuses as
// unprintable are escaped too.
export function q(value) {
  return JSON.stringify(String(value)).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// A date as YAML reads it (unquoted, so the check gets a date); anything else quoted, for the check to explain.
export const yamlDate = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : q(value));

// A JSON value (as the check answers it) as a YAML flow value: strings quoted, so "2026-12-01" stays a string.
export function flow(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${q(k)}: ${flow(v)}`).join(", ")}}`;
  return q(value);
}
