// Where a problem of the check belongs in the office editor's form, from the location the check gives it: its
// `loc`, the keys of the value it is about (["entries", 4, "credit_code"]; generator/model/problems.py). Pure: no
// DOM, no message text read (the Chinese words of a message are for people, not for placing it).

// The notice's keys the form has a field for (form.mjs builds one per key; objections.* one per sub-key).
export const NOTICE_FIELDS = ["scheme", "kind", "title", "issuer", "published", "end", "year", "body", "entries"];
export const OBJECTION_KEYS = ["receiver", "text", "phone", "email", "address"];

/**
 * The place of a problem at `loc`: {entry, col} for a cell of the list (entry counted from 0 among the entries the
 * file lists; col one of `columns`, else the row's first), {field} for a field of the form, or null when the form
 * has no field for it (the file as a whole, or the correction's lines, which the editor places by their line).
 * @param {Array<string|number>} loc
 * @param {string[]} columns the columns the rows show (without tier when the scheme has no tiers)
 */
export function placeOf(loc, columns) {
  const [key, next, col] = Array.isArray(loc) ? loc : [];
  if (key === "entries" && Number.isInteger(next)) {
    return { entry: next, col: columns.includes(col) ? col : columns[0] };
  }
  // A missing objections block, or a key of it the form does not show, is answered at its first field.
  if (key === "objections") return { field: `objections.${OBJECTION_KEYS.includes(next) ? next : OBJECTION_KEYS[0]}` };
  if (NOTICE_FIELDS.includes(key)) return { field: key };
  return null;
}
