"""Every number a scheme's rule uses (years, counts, caps, quotas, points, weights, days, amounts) is in the words it
quotes, in Arabic or Chinese numerals, or is listed in ``derived_numbers`` with the quoted words it is derived from.

A number's own quote is the ``cite`` of the nearest mapping around it (the rule's condition, tier, stage, notice …),
except where a field has a cite of its own: a tier's prize (``prize_cite``), a stage's weight (``weight_cite``). The
checks are on the YAML as written, so each problem names the line of the number.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.core.messages import say
from generator.core.numerals import as_decimal, numbers_in
from generator.load.problems import Problem
from generator.load.yamlload import line_of

# Numbers that count places in the data, not quantities of a rule: the portal's order of schemes, a material's number.
_NOT_RULES = {"order", "number"}
# Fields whose number is quoted by a cite of their own, beside the item's cite.
_OWN_CITE = {"prize_yuan": "prize_cite", "weight_percent": "weight_cite"}


def _quote(node: Any) -> tuple[str, str] | None:
    """(clause, quote) of a cite as written in the YAML, or None."""
    if isinstance(node, dict) and isinstance(node.get("quote"), str):
        return str(node.get("clause", "")), node["quote"]
    return None


def _numbers(node: Any, loc: tuple, cites: list[tuple[str, str]]) -> Iterator[tuple[tuple, int | float, list]]:
    # ``loc`` holds list indexes, for lines; _dotted names an item with an id by its id.
    """(location, number, the cites that quote it) for every number of the data a rule uses."""
    if isinstance(node, dict):
        own = _quote(node.get("cite"))
        if own is not None:
            cites = [own]
        # A draft's revision note: the rule of its earlier wording is quoted by the wording now, the note and `before`.
        for key in ("now", "note"):
            quoted = _quote(node.get(key))
            if quoted is not None:
                cites = [*cites, quoted]
        if isinstance(node.get("before"), str):
            cites = [*cites, ("", node["before"])]
        for key, value in node.items():
            if key in _NOT_RULES or key == "derived_numbers":
                continue
            quoted = _quote(node.get(_OWN_CITE.get(key, ""))) if key in _OWN_CITE else None
            yield from _numbers(value, (*loc, key), [quoted] if quoted else cites)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _numbers(value, (*loc, n), cites)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield loc, node, cites


def _dotted(data: Any, loc: tuple) -> str:
    """``loc`` as a path that names an item with an ``id`` by it (``conditions[invention-patents].rule``), so that a
    derived number stays attached to its item when items are added or removed before it; other items by index."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            name = node.get("id") if isinstance(node, dict) else None
            out += f"[{name}]" if isinstance(name, str) else f"[{part}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{part}" if out else str(part)
    return out


def number_problems(data: Any, path: str) -> list[Problem]:
    """A problem at the line of each number of a scheme's YAML that its own quote does not state and that
    ``derived_numbers`` does not explain."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    derived: dict[str, Any] = {}
    for n, entry in enumerate(data.get("derived_numbers") or []):
        if isinstance(entry, dict) and isinstance(entry.get("at"), str):
            derived[entry["at"]] = (n, entry)
    used: set[str] = set()
    for loc, value, cites in _numbers(data, (), []):
        at = _dotted(data, loc)
        if at in derived:
            used.add(at)
            n, entry = derived[at]
            if as_decimal(entry.get("value", float("nan"))) != as_decimal(value):
                problems.append(Problem(path, line_of(data, loc), say(
                    "scheme.number_derived_value", key=at, value=value, derived=entry.get("value")),
                    "scheme.number_derived_value"))
            continue
        if any(as_decimal(value) in numbers_in(quote) for _, quote in cites):
            continue
        if cites:
            clause, quote = cites[0]
            problems.append(Problem(path, line_of(data, loc), say(
                "scheme.number_unquoted", key=at, value=value, clause=clause, quote=quote[:60]),
                "scheme.number_unquoted"))
        else:
            problems.append(Problem(path, line_of(data, loc), say("scheme.number_no_quote", key=at, value=value),
                                    "scheme.number_no_quote"))
    for at, (n, _) in derived.items():
        if at not in used:
            problems.append(Problem(path, line_of(data, ("derived_numbers", n, "at")),
                                    say("scheme.number_derived_unused", at=at), "scheme.number_derived_unused"))
    return problems
