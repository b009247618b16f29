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
    for path in sorted(CORE.glob("*.py")):
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
