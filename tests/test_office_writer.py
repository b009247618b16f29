"""The office editor's YAML writer (site_src/assets/javascripts/office/notice-writer.mjs), a pure module run under
Node: what it writes reads back as what the clerk typed, whatever the characters, and a complete notice passes the
command line's check; its line map names the field of each line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import ROOT
from generator.load.notices import check_notice_text
from generator.load.portal import load_portal
from generator.load.yamlload import load_text

PATH = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
AWKWARD = 'He said "好" \\b C:\\new\ttab\u2028line # not a comment: {x}, [y] &z *w !t'


def _state(**changes) -> dict:
    state = {
        "scheme": "haizhou-quality-award", "kind": "acceptance", "title": "2026年度海州质量奖申报受理名单公示",
        "issuer": "海州区质量发展委员会办公室", "published": "2026-11-18", "end": "", "year": "",
        "body": "现将申报受理名单予以公示。\n\n公示期内可提出异议。",
        "entries": [{"key": "e1", "organisation": "示例海州精密机械有限公司", "credit_code": "91320706AY4CL12THY",
                     "tier": "", "sector": "manufacturing", "parent": "", "outside_area_reason": ""}],
        "objections": {"receiver": "海州区质量发展委员会办公室", "text": "", "phone": "0518-85551234", "email": "",
                       "address": ""},
    }
    return state | changes


def _written(tmp_path: Path, cases: list[dict]) -> list[dict]:
    if shutil.which("node") is None:
        pytest.fail("node not found: the editor's writer is tested under Node.js")
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", "tests/node/write_notice.mjs", str(tmp_path / "cases.json")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_the_editors_notice_reads_back_and_passes_the_check(tmp_path: Path):
    kind = {"kind": "acceptance", "label": "受理名单公示", "objections_required": True}
    scheme = {"id": "haizhou-quality-award", "name": "海州质量奖"}
    awkward = _state(title=AWKWARD, issuer=f"  {AWKWARD}  ")
    plain, odd = _written(tmp_path, [{"state": _state(), "scheme": scheme, "kind": kind},
                                     {"state": awkward, "scheme": scheme, "kind": kind}])
    schemes = {s.id: s for s in load_portal(ROOT).schemes}
    assert check_notice_text(plain["text"], PATH, schemes, dt.date(2026, 11, 20)).problems == []
    data = load_text(odd["text"], PATH)
    assert data["title"] == AWKWARD and data["issuer"] == AWKWARD.strip()
    assert data["body"] == ["现将申报受理名单予以公示。", "公示期内可提出异议。"]
    assert data["published"] == dt.date(2026, 11, 18)
    lines = odd["text"].splitlines()
    fields = {lines[n - 1].split(":")[0].strip(): target for n, target in enumerate(odd["map"]) if n and target}
    assert fields["title"] == {"field": "title"} and fields["phone"] == {"field": "objections.phone"}
    assert fields["- {organisation"] == {"row": "e1"}


def test_git_host_new_file_urls_in_node():
    """office/git-host.mjs: each host's new-file page, the path and text encoded, a branch with a slash kept."""
    if shutil.which("node") is None:
        pytest.fail("node not found: the editor's modules are tested under Node.js")
    script = ("import { gitUrl } from './site_src/assets/javascripts/office/git-host.mjs';"
              "const repo = (host) => ({ host, url: 'https://git.example.org/o/p/', branch: 'release/2026' });"
              "console.log(JSON.stringify(['github', 'gitlab', 'gitea'].map((h) =>"
              " gitUrl(repo(h), 'public_lists/a b.yaml', 'title: \"甲&乙\"\\n'))));")
    out = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    path, text = "public_lists%2Fa%20b.yaml", "title%3A%20%22%E7%94%B2%26%E4%B9%99%22%0A"
    assert json.loads(out.stdout) == [
        f"https://git.example.org/o/p/new/release/2026?filename={path}&value={text}",
        f"https://git.example.org/o/p/-/new/release/2026?file_name={path}&content={text}",
        f"https://git.example.org/o/p/_new/release/2026/?filename={path}&value={text}",
    ]
