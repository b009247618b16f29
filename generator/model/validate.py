"""Load and validate all scheme data; every problem comes back as ``path:line: message``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.clock import build_date
from generator.model.rules import check_rule
from generator.model.scheme import Cite, Scheme
from generator.model.standard import Standard
from generator.sources import SourceText, load_sources
from generator.yamlload import YamlError, line_of, load_file


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Portal:
    """Everything the site is made from, validated."""

    root: Path
    schemes: list[Scheme] = field(default_factory=list)
    standard: Standard | None = None
    sources: dict[str, SourceText] = field(default_factory=dict)
    notices: list = field(default_factory=list)  # LoadedNotice, newest first
    problems: list[Problem] = field(default_factory=list)

    def source_of(self, scheme: Scheme, cite: Cite) -> tuple[SourceText, str]:
        """The source text a cite quotes, and the document id."""
        doc_id = cite.doc or scheme.documents[0].id
        doc = next(d for d in scheme.documents if d.id == doc_id)
        return self.sources[doc.source], doc_id

    def cite_line(self, scheme: Scheme, cite: Cite) -> int:
        source, _ = self.source_of(scheme, cite)
        return source.find(cite.quote) or 1


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _pydantic_problems(exc: ValidationError, data: Any, path: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        where = ".".join(str(p) for p in loc)
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
            where = ".".join(str(p) for p in loc[:-1])
        elif err["type"] == "missing":
            msg = f"missing required key {loc[-1]!r}"
        problems.append(Problem(path, line_of(data, loc), f"{where}: {msg}" if where else msg))
    return problems


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


def _rules_of(scheme: Scheme) -> list[tuple[tuple, Any]]:
    rules: list[tuple[tuple, Any]] = []
    for n, c in enumerate(scheme.conditions):
        if c.rule is not None:
            rules.append((("conditions", n, "rule"), c.rule))
        if c.applies_when is not None:
            rules.append((("conditions", n, "applies_when"), c.applies_when))
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
        for m, para in enumerate(form.paragraphs):
            if source is not None and source.find(para) is None:
                problems.append(Problem(path, line_of(data, ("forms", n, "paragraphs", m)),
                                        f"paragraph not found word for word in {source.name}: {para[:40]!r}"))
    for loc, rule in _rules_of(scheme):
        for sub, msg in check_rule(rule):
            problems.append(Problem(path, line_of(data, (*loc, *sub)), msg))
    return problems


def _load_model(model: type[BaseModel], file: Path, root: Path) -> tuple[Any, Any, list[Problem]]:
    path = _rel(file, root)
    try:
        data = load_file(file)
    except YamlError as exc:
        return None, None, [Problem(path, exc.line, exc.message)]
    if not isinstance(data, dict):
        return None, data, [Problem(path, 1, "expected a mapping at the top of the file")]
    try:
        return model.model_validate(data), data, []
    except ValidationError as exc:
        return None, data, _pydantic_problems(exc, data, path)


def load_portal(root: Path, production: bool = False, today: dt.date | None = None,
                ledger_base: str | None = None) -> Portal:
    """Load schemes/, standards/, public_lists/ and the source texts under ``root``; collect all problems.

    A production build refuses sample notices. ``today`` (default: the build date) bounds correction
    dates; ``ledger_base`` is the git revision whose ledger counts as published (default: HEAD)."""
    portal = Portal(root=root, sources=load_sources(root / "schemes" / "sources"))
    standard_file = root / "standards" / "gbt19580.yaml"
    portal.standard, _, problems = _load_model(Standard, standard_file, root)
    portal.problems += problems
    for file in sorted((root / "schemes").glob("*.yaml")):
        scheme, data, problems = _load_model(Scheme, file, root)
        portal.problems += problems
        if scheme is None:
            continue
        path = _rel(file, root)
        if scheme.id != file.stem:
            portal.problems.append(Problem(path, line_of(data, ("id",)),
                                           f"id {scheme.id!r} differs from the file name {file.stem!r}"))
        portal.problems += check_scheme(scheme, data, path, portal.sources)
        portal.schemes.append(scheme)
    if not portal.schemes and not portal.problems:
        portal.problems.append(Problem("schemes", 1, "no scheme files (schemes/*.yaml) found"))
    from generator.model.notices import load_notices  # notices build on this module

    notices, problems = load_notices(root, portal.schemes, today or build_date(), ledger_base)
    portal.problems += problems
    if production:
        portal.problems += [Problem(n.path, 1, "sample notice (sample: true) refused in a production build")
                            for n in notices if n.notice.sample]
    portal.notices = sorted(notices, key=lambda n: (n.notice.published, n.path), reverse=True)
    portal.problems.sort()
    return portal
