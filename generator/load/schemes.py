"""Load the schemes: each ``schemes/<id>.yaml`` validated by its model, then the checks pydantic cannot
do (every quote word for word in its source, every number of a rule in its quote, document files, rules against
the profile)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.assess.rules import check as check_rule
from generator.assess.rules.records import scheme_matches
from generator.core.messages import say
from generator.load.model_file import load_model
from generator.load.problems import Problem, relative_path
from generator.load.regions import RegionError, region_names
from generator.load.scheme_numbers import number_problems
from generator.load.sources import SourceText
from generator.load.yamlload import line_of
from generator.model.scheme import Cite, Scheme


def walk_cites(node: Any, loc: tuple = ()) -> list[tuple[tuple, Cite]]:
    """Every Cite inside a model, with its location."""
    found: list[tuple[tuple, Cite]] = []
    if isinstance(node, Cite):
        return [(loc, node)]
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found += walk_cites(getattr(node, name), (*loc, name))
    elif isinstance(node, (list, tuple)):
        for n, item in enumerate(node):
            found += walk_cites(item, (*loc, n))
    return found


def rules_of(scheme: Scheme) -> list[tuple[tuple, Any]]:
    rules: list[tuple[tuple, Any]] = []
    for n, c in enumerate(scheme.conditions):
        if c.rule is not None:
            rules.append((("conditions", n, "rule"), c.rule))
        if c.applies_when is not None:
            rules.append((("conditions", n, "applies_when"), c.applies_when))
        if c.fails_when is not None:
            rules.append((("conditions", n, "fails_when"), c.fails_when))
    if scheme.revisions:
        for n, item in enumerate(scheme.revisions.items):
            for m, check in enumerate(item.checks):
                rules.append((("revisions", "items", n, "checks", m, "rule"), check.rule))
    for n, level in enumerate(scheme.levels):
        if level.rule is not None:
            rules.append((("levels", n, "rule"), level.rule))
    if scheme.scoring.credit:
        for n, veto in enumerate(scheme.scoring.credit.vetoes):
            rules.append((("scoring", "credit", "vetoes", n, "rule"), veto.rule))
    for n, item in enumerate(scheme.materials.items):
        for m, entry in enumerate(item.entries):
            if entry.when is not None:
                rules.append((("materials", "items", n, "entries", m, "when"), entry.when))
    return rules


def check_scheme(scheme: Scheme, data: Any, path: str, sources: dict[str, SourceText]) -> list[Problem]:
    """Problems pydantic cannot see: quotes, document files, rules."""
    problems: list[Problem] = []
    docs = {d.id: d for d in scheme.documents}
    for n, doc in enumerate(scheme.documents):
        if doc.source not in sources:
            problems.append(Problem(path, line_of(data, ("documents", n, "source")),
                                    f"source file {doc.source!r} not found in schemes/sources/"))
    for loc, cite in walk_cites(scheme):
        doc = docs.get(cite.doc or scheme.documents[0].id)
        if doc is None:
            problems.append(Problem(path, line_of(data, (*loc, "doc")),
                                    f"cite names document {cite.doc!r}; expected one of {sorted(docs)}"))
            continue
        source = sources.get(doc.source)
        if source is not None and source.find(cite.quote) is None:
            problems.append(Problem(path, line_of(data, (*loc, "quote")),
                                    f"quote not found word for word in {doc.source}: {cite.quote[:40]!r}"))
    for n, form in enumerate(scheme.forms):
        source = sources.get(docs.get(form.cite.doc or scheme.documents[0].id, scheme.documents[0]).source)
        for field in ("paragraphs", "signature"):
            for m, para in enumerate(getattr(form, field)):
                if source is not None and source.find(para) is None:
                    problems.append(Problem(path, line_of(data, ("forms", n, field, m)),
                                            f"{field[:-1] if field.endswith('s') else field} not found word for word "
                                            f"in {source.name}: {para[:40]!r}"))
    for loc, rule in rules_of(scheme):
        for sub, msg in check_rule(rule):
            problems.append(Problem(path, line_of(data, (*loc, *sub)), msg))
    return problems


def _prefix_lists(node: Any, loc: tuple = ()) -> Iterator[tuple[tuple, list]]:
    """Every ``prefix_in`` list of a scheme's YAML, with its location."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "prefix_in" and isinstance(value, list):
                yield (*loc, key), value
            else:
                yield from _prefix_lists(value, (*loc, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _prefix_lists(value, (*loc, n))


def area_problems(scheme: Scheme, data: Any, path: str, names: dict[str, str]) -> list[Problem]:
    """Each area code of a scheme is a GB/T 2260 division (the pinned table) within its area: the area's own prefixes
    name a division whose name the area's name contains; a rule's ``prefix_in`` lies inside the area."""
    problems: list[Problem] = []
    area = scheme.area
    example = area.code_prefixes[0] if area.code_prefixes else "3209"
    places = [(("area", "code_prefixes", n), code, True) for n, code in enumerate(area.code_prefixes)]
    places += [((*loc, n), code, False) for loc, codes in _prefix_lists(data) for n, code in enumerate(codes)]
    for loc, prefix, own in places:
        line = line_of(data, loc)
        key = ".".join(str(p) for p in loc[:-1])
        padded = str(prefix).ljust(6, "0")
        if not re.fullmatch(r"\d{2}|\d{4}|\d{6}", str(prefix)) or padded not in names:
            problems.append(Problem(path, line, say("scheme.area_unknown", key=key, prefix=prefix, example=example),
                                    "scheme.area_unknown"))
        elif own and names[padded] not in area.name:
            problems.append(Problem(path, line, say("scheme.area_other", key=key, prefix=prefix, name=names[padded],
                                                    area=area.name), "scheme.area_other"))
        elif not own and not any(str(prefix).startswith(p) for p in area.code_prefixes):
            problems.append(Problem(path, line, say("scheme.area_outside", key=key, prefix=prefix, name=names[padded],
                                                    area=area.name, prefixes="、".join(area.code_prefixes)),
                                    "scheme.area_outside"))
    return problems


def load_schemes(root: Path, sources: dict[str, SourceText]) -> tuple[list[Scheme], list[Problem]]:
    """Every scheme under ``root/schemes`` that loads, and the problems of all of them."""
    schemes: list[Scheme] = []
    problems: list[Problem] = []
    try:
        names = region_names(root)
    except RegionError as exc:
        names = None
        problems.append(Problem("node_modules", 1, str(exc)))
    datas: dict[str, Any] = {}
    broken: set[str] = set()  # schemes whose file did not load: named elsewhere, they exist all the same
    for file in sorted((root / "schemes").glob("*.yaml")):
        scheme, data, found = load_model(Scheme, file, root)
        problems += found
        if scheme is None:
            broken.add(file.stem)
            continue
        datas[scheme.id] = data
        path = relative_path(file, root)
        if scheme.id != file.stem:
            problems.append(Problem(path, line_of(data, ("id",)),
                                    f"id {scheme.id!r} differs from the file name {file.stem!r}"))
        problems += check_scheme(scheme, data, path, sources)
        problems += number_problems(data, path)
        if names is not None:
            problems += area_problems(scheme, data, path, names)
        schemes.append(scheme)
    if not schemes and not problems:
        problems.append(Problem("schemes", 1, "no scheme files (schemes/*.yaml) found"))
    schemes.sort(key=lambda s: (s.order, s.id))
    for earlier, later in zip(schemes, schemes[1:], strict=False):
        if earlier.order == later.order:
            problems.append(Problem(f"schemes/{later.id}.yaml", line_of(datas[later.id], ("order",)),
                                    f"order: {later.order} 与 {earlier.id} 相同：每个方案的 order 应不同"))
    problems += _scheme_references(schemes, datas, broken)
    return schemes, problems


def _scheme_references(schemes: list[Scheme], datas: dict[str, Any], broken: set[str]) -> list[Problem]:
    """Record matches in rules that name a scheme (``where: {scheme: ...}``) must name one that exists: loaded, or
    whose file is there but did not load (its own problems say why; naming it here too would only repeat them)."""
    ids = {s.id for s in schemes}
    problems: list[Problem] = []
    for scheme in schemes:
        for loc, rule in rules_of(scheme):
            for sub, wanted in scheme_matches(rule):
                for value in wanted if isinstance(wanted, list) else [wanted]:
                    if value not in ids | broken:
                        where = (*loc, *sub)
                        problems.append(Problem(f"schemes/{scheme.id}.yaml", line_of(datas[scheme.id], where),
                                                f"{'.'.join(map(str, where))}：没有方案 {value!r}；应为 "
                                                f"{'、'.join(sorted(ids))} 之一，例如 scheme: {min(ids)}"))
    return problems


def load_editions(root: Path, sources: dict[str, SourceText],
                  schemes: list[Scheme]) -> tuple[dict[str, list[Scheme]], list[Problem]]:
    """Earlier editions: ``schemes/editions/<scheme id>/<name>.yaml``, each the whole scheme as it stood then,
    with its own source text under schemes/sources/, checked like the current one. Oldest first, by the
    day their first document took effect (or was issued)."""
    editions: dict[str, list[Scheme]] = {}
    problems: list[Problem] = []
    ids = {s.id for s in schemes}
    for file in sorted((root / "schemes" / "editions").glob("*/*.yaml")):
        path = relative_path(file, root)
        if file.parent.name not in ids:
            problems.append(Problem(path, 1, f"folder {file.parent.name!r} names no scheme; expected one of "
                                             f"{', '.join(sorted(ids))}"))
            continue
        edition, data, found = load_model(Scheme, file, root)
        problems += found
        if edition is None:
            continue
        if edition.id != file.parent.name:
            problems.append(Problem(path, line_of(data, ("id",)),
                                    f"id {edition.id!r} differs from its folder {file.parent.name!r}"))
            continue
        problems += check_scheme(edition, data, path, sources)
        problems += number_problems(data, path)
        editions.setdefault(edition.id, []).append(edition)
    for found in editions.values():
        found.sort(key=lambda e: e.documents[0].effective_from or e.documents[0].date or dt.date.min)
    return editions, problems
