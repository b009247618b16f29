"""The standard-library core that ships to the browser (generator/assess/: engine, facts, terms, labels)
imports only the standard library and itself; the rest of the portal reads its vocabularies from it."""

from __future__ import annotations

import ast
import sys

from generator import ROOT
from tests.test_validate import HAIZHOU, problems

CORE = ROOT / "generator" / "assess"


def test_core_imports_only_the_standard_library_and_itself():
    outside = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            for name in names:
                top = name.split(".")[0]
                if name.startswith("generator.assess") or top in sys.stdlib_module_names or top == "__future__":
                    continue
                outside.append(f"{path.name}: {name}")
    assert outside == []


def test_condition_group_must_be_a_known_term(tmp_path):
    from tests.conftest import copy_project

    project = copy_project(tmp_path)
    text = (project / HAIZHOU).read_text(encoding="utf-8")
    assert "group: basic" in text
    (project / HAIZHOU).write_text(text.replace("group: basic", "group: basci", 1), encoding="utf-8")
    assert any(p.startswith(f"{HAIZHOU}:") and "group" in p and "basic" in p for p in problems(project))


def test_every_label_the_pages_use_comes_from_terms(site):
    """No internal id of a 附件1 option reaches the public scoring page (they did: "lead.international")."""
    html = (site / "schemes" / "jiangsu-quality-credit" / "scoring" / "index.html").read_text(encoding="utf-8")
    for raw in ("lead.international", "participate.local", "utility_model"):
        assert f"{raw} " not in html
    assert "主导制（修）订国际标准 2.5 分" in html


def test_each_rule_form_is_one_module_with_every_face(portal):
    """The rule language lives in generator/assess/rules/: one module per form, every form with all its faces,
    and every rule of the shipped data explained and its facts known (nothing else looks inside a rule)."""
    from generator.assess import rules
    from generator.load.schemes import rules_of

    assert set(rules.FORMS) == {"all", "any", "not", "fact", "certificate", "none", "credit_held", "credit_at_least"}
    for form in set(rules.FORMS.values()):
        for face in ("check", "evaluate", "explain", "facts"):
            assert callable(getattr(form, face)), (form, face)
        assert (CORE / "rules" / f"{type(form).__module__.rsplit('.', 1)[1]}.py").is_file()
    seen = 0
    for scheme in portal.schemes:
        for _, rule in rules_of(scheme):
            seen += 1
            assert rules.check(rule) == []
            assert "无法解释" not in rules.explain(rule)
            assert rules.facts(rule)
    assert seen > 50
    assert rules.check({"fact": "sector", "is": "manufacturing", "none": "incidents"})[0][1].startswith(
        "a rule needs exactly one of")


def test_nothing_outside_the_rules_package_looks_inside_a_rule():
    """No module outside generator/assess/rules/ reads a rule's keys (compare.py, app.mjs and the engine once did)."""
    import re

    heads = "fact|none|certificate|credit_held|all|any|not|within_years|years_at_least"
    probes = re.compile(r"""rule(\.get\(|\[)["'](""" + heads + ")")
    offenders = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "generator").rglob("*.py"))
                 if "rules" not in p.relative_to(ROOT).parts[:3] and probes.search(p.read_text(encoding="utf-8"))]
    offenders += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "site_src").rglob("*.mjs"))
                  if "rule.fact" in p.read_text(encoding="utf-8") or "factsOf" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_every_fact_is_asked_in_the_form_exactly_once():
    """The form's groups come from the profile spec; a new fact must be placed in one (app.mjs once kept its own
    list, so a new fact silently missed the form)."""
    from generator.assess.profile import FIELDS, FORM_GROUPS
    from generator.assess.terms import FACT_GROUPS

    placed = [name for names in FORM_GROUPS.values() for name in names]
    assert sorted(placed) == sorted(f.name for f in FIELDS if f.asked)
    assert set(FORM_GROUPS) == set(FACT_GROUPS)


def test_a_sixth_scheme_is_two_files(tmp_path):
    """A new scheme is its YAML and its source text: nothing else names the schemes. The copy below is a sixth
    scheme made from 海州's files; it loads, takes its place in the nav, the comparison and the calculator."""
    import shutil

    from generator.load.portal import load_portal
    from generator.plugin.structure.nav import build_nav
    from generator.views.export import engine_data
    from tests.conftest import copy_project

    project = copy_project(tmp_path)
    sources = project / "schemes" / "sources"
    haizhou = (project / "schemes" / "haizhou-quality-award.yaml").read_text(encoding="utf-8")
    source = next(s for s in sources.iterdir() if s.name in haizhou)
    shutil.copy(source, sources / "099_0123456789abcdef.txt")  # file 1: the source text
    sixth = (haizhou.replace("id: haizhou-quality-award", "id: sixth-quality-award")
             .replace("order: 5", "order: 6").replace("name: 海州质量奖", "name: 第六质量奖")
             .replace(source.name, "099_0123456789abcdef.txt"))
    (project / "schemes" / "sixth-quality-award.yaml").write_text(sixth, encoding="utf-8")  # file 2: the YAML
    portal = load_portal(project)
    assert portal.problems == []
    assert [s.id for s in portal.schemes][-1] == "sixth-quality-award"
    assert [s["id"] for s in engine_data(portal)["schemes"]][-1] == "sixth-quality-award"
    schemes_nav = build_nav(portal, [])[1]["质量奖与信用认定"]
    assert list(schemes_nav[-1]) == ["第六质量奖"]
