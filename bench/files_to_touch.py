"""What a change touches, measured: each change of the README's table is made in a clone of this checkout, first
with the files the code needs to render it, then with every file the tests then require; the tests of that
change's subject run after each step and the script prints which passed.

    .venv/bin/python bench/files_to_touch.py [--tests FILE ...]

A clone of the last commit (uncommitted work is not measured), with the checkout's node_modules, .cache and a copy
of ../shared beside it. The tests run are the files listed per change below (or --tests): the subjects' own tests,
not the whole suite (about 15 minutes a run on 2 cores); what they require is reported, nothing is assumed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
SIXTH = "sixth-quality-award"
SOURCE = "099_0123456789abcdef.txt"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise LookupError(f"{rel}: {old!r} found {text.count(old)} times")
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- a sixth scheme ------------------------------------------------------------------------------------------
def scheme_files(root: Path) -> list[str]:
    haizhou = (root / "schemes" / "haizhou-quality-award.yaml").read_text(encoding="utf-8")
    source = next(s for s in (root / "schemes" / "sources").iterdir() if s.name in haizhou)
    shutil.copy(source, root / "schemes" / "sources" / SOURCE)
    (root / "schemes" / f"{SIXTH}.yaml").write_text(
        haizhou.replace("haizhou-quality-award", SIXTH).replace("order: 5", "order: 6")
        .replace("name: 海州质量奖", "name: 第六质量奖").replace(source.name, SOURCE), encoding="utf-8")
    return [f"schemes/{SIXTH}.yaml", f"schemes/sources/{SOURCE}"]


def scheme_tests(root: Path) -> list[str]:
    cases = (root / "tests" / "cases" / "haizhou-quality-award.yaml").read_text(encoding="utf-8")
    (root / "tests" / "cases" / f"{SIXTH}.yaml").write_text(cases.replace("haizhou-quality-award", SIXTH),
                                                             encoding="utf-8")
    # The received text goes where the project's sources come from (../shared/seeds, outside the repository).
    shutil.copy(root / "schemes" / "sources" / SOURCE, root.parent / "shared" / "seeds" / SOURCE)
    return [f"tests/cases/{SIXTH}.yaml", f"../shared/seeds/{SOURCE}"]


# --- a new applicant fact ------------------------------------------------------------------------------------
def fact_files(root: Path) -> list[str]:
    edit(root, "generator/assess/profile.py", '    _b("pollutant_discharge", "涉及污染排放"),\n',
         '    _b("pollutant_discharge", "涉及污染排放"),\n    _b("demo_fact", "示例事实"),\n')
    edit(root, "generator/assess/profile.py", '"trade_settlement_by_measurement", "pollutant_discharge"),',
         '"trade_settlement_by_measurement", "pollutant_discharge", "demo_fact"),')
    return ["generator/assess/profile.py"]


def fact_tests(root: Path) -> list[str]:
    path = root / "docs" / "PROFILE.md"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("| pollutant_discharge |"))
    path.write_text(text.replace(line, f"{line}\n| demo_fact | bool | 示例事实 |", 1), encoding="utf-8")
    return ["docs/PROFILE.md"]


# --- a new page family ---------------------------------------------------------------------------------------
def page_files(root: Path) -> list[str]:
    pages = root / "generator" / "plugin" / "structure" / "pages"
    (pages / "demo_family.py").write_text('''"""A demo family: one page."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.plugin.structure.pages.build import Build


def pages(build: Build) -> Iterator[tuple[str, str]]:
    yield urls.DEMO, build.render("demo-family.md.j2", urls.DEMO)
''', encoding="utf-8")
    edit(root, "generator/plugin/structure/pages/__init__.py", "import feeds, notices, schemes, scripts, top, winners",
         "import demo_family, feeds, notices, schemes, scripts, top, winners")
    edit(root, "generator/plugin/structure/pages/__init__.py", "FAMILIES = (top,", "FAMILIES = (demo_family, top,")
    (root / "templates" / "demo-family.md.j2").write_text(
        "# 示例页面\n\n<p>本站共收录 {{ schemes|length }} 个方案。</p>\n", encoding="utf-8")
    edit(root, "generator/urls.py", 'HOME = "index.md"\n', 'HOME = "index.md"\nDEMO = "demo-family.md"\n')
    return ["generator/plugin/structure/pages/demo_family.py", "generator/plugin/structure/pages/__init__.py",
            "templates/demo-family.md.j2", "generator/urls.py"]


def page_tests(root: Path) -> list[str]:
    return []


@dataclass
class Change:
    name: str
    render: Callable[[Path], list[str]]  # the files the code needs; returns their paths
    tests: Callable[[Path], list[str]]  # the further files the tests require
    suite: list[str]  # the tests of this change's subject
    page: str | None = None  # a page the built site must then hold


CHANGES = [
    Change("a sixth scheme", scheme_files, scheme_tests,
           ["tests/test_core.py", "tests/test_schemes.py", "tests/test_case_coverage.py", "tests/test_engine_cases.py",
            "tests/test_validate.py"]),
    Change("a new applicant fact", fact_files, fact_tests,
           ["tests/test_core.py", "tests/test_profile_contract.py", "tests/test_profile_schema.py",
            "tests/test_profile_corpus.py", "tests/test_guide.py", "tests/test_long_records.py"]),
    Change("a new page family", page_files, page_tests,
           ["tests/test_layers.py", "tests/test_core.py", "tests/test_render.py", "tests/test_coverage.py"],
           page="demo-family/index.html"),
]


def clone(dest: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest / "portal")], check=True)
    shared = dest / "shared"
    shared.mkdir()
    shutil.copytree(ROOT.parent / "shared" / "seeds", shared / "seeds")
    for name in ("reference", "hooks"):
        if (ROOT.parent / "shared" / name).exists():
            (shared / name).symlink_to((ROOT.parent / "shared" / name).resolve())
    for name in ("node_modules", ".cache"):
        (dest / "portal" / name).symlink_to((ROOT / name).resolve())
    return dest / "portal"


def run(root: Path, suite: list[str]) -> tuple[bool, str, float]:
    started = time.perf_counter()
    out = subprocess.run([str(PYTHON), "-m", "pytest", "-q", "-p", "no:cacheprovider", *suite], cwd=root,
                         capture_output=True, text=True)
    tail = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()[-200:]
    failed = sorted(set(re.findall(r"^FAILED (\S+?)(?:\[| - |$)", out.stdout, re.M)))
    return out.returncode == 0, tail + ("".join(f"\n      {f}" for f in failed)), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs="*", help="test files to run instead of each change's own")
    parser.add_argument("--only", help="run only the change whose name contains this")
    args = parser.parse_args()
    for change in CHANGES:
        if args.only and args.only not in change.name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = clone(Path(tmp))
            suite = args.tests or change.suite
            files = change.render(root)
            ok, tail, secs = run(root, suite)
            print(f"{change.name}: {len(files)} files to render ({', '.join(files)})")
            print(f"  tests ({len(suite)} files, {secs:.0f} s): {'pass' if ok else 'FAIL'}: {tail}")
            if change.page:
                subprocess.run([str(PYTHON), "-m", "generator", "build", "--out", str(root / "built")], cwd=root,
                               capture_output=True)
                shown = (root / "built" / change.page).is_file()
                print(f"  the built site {'has' if shown else 'LACKS'} {change.page}")
            more = change.tests(root)
            if more:
                ok, tail, secs = run(root, suite)
                print(f"  + {len(more)} for the tests ({', '.join(more)}): {len(files) + len(more)} in all")
                print(f"  tests ({secs:.0f} s): {'pass' if ok else 'FAIL'}: {tail}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
