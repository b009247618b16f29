"""Try a corpus of hostile and careless inputs against the command line and print how many were held.

    .venv/bin/python bench/hostile_inputs.py [--root PROJECT]

Each case changes a fresh copy of the project's data (or feeds a profile to ``assess``) and runs the
command a clerk or script would. A case is held when the command ends within 60 s with the expected exit
code, prints no Python traceback, names a ``path:line:`` (for data) and, for builds, publishes nothing it
should not. ``--root`` points at another checkout (e.g. an older commit's worktree) to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
JX = "public_lists/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners.yaml"
YC = "public_lists/yancheng-mayor-quality-award/2026/2026-06-30-winners.yaml"
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "notice_corpus" / "attachments"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(9))


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise LookupError(f"{rel}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def attach(name: str, content: bytes | None = b"<script>alert(1)</script>") -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        folder = (root / JX).parent
        if content is not None and "/" not in name:
            (folder / name).write_bytes(content)
        edit(root, JX, "file: 2026-11-20-proposed-winners-summary.csv", f"file: {json.dumps(name)}")
    return setup


def symlinked_attachment(root: Path) -> None:
    (root / JX).parent.joinpath("linked.csv").symlink_to(root / ".git" / "config")
    edit(root, JX, "file: 2026-11-20-proposed-winners-summary.csv", "file: linked.csv")


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root, rel, old, new)


def write(rel: str, text: str | bytes) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return setup


def seal_then(change: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        edit(root, YC, "sample: true\n", "")
        run(root, "seal")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "sealed")
        change(root)
    return setup


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def reseal_with_edit(root: Path) -> None:
    edit(root, YC, "示例盐城海洋装备有限公司", "示例盐城海洋装备集团有限公司")
    run(root, "seal")
    git(root, "commit", "-qam", "edit and re-seal")


def drop_correction(root: Path) -> None:
    text = (root / YC).read_text(encoding="utf-8")
    start = text.index("corrections:\n")
    (root / YC).write_text(text[:start] + "corrections: []\n", encoding="utf-8")


def tree_case(dest: str) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        base = project / "public_lists" / "haizhou-quality-award" / "2026"
        if dest == "folder":
            (base / "folder.yaml").mkdir()
        elif dest == "dangling":
            (base / "dangling.yaml").symlink_to(base / "nowhere")
        elif dest == "yml":
            shutil.copy(project / HZ, base / "2026-11-19-acceptance.yml")
            (project / HZ).unlink()
        elif dest == "site_src":
            (project / "site_src" / "leak.md").symlink_to(project / ".git" / "config")
    return setup


# (name, setup, command, expected exit)
CHECK = ("check",)
CASES: list[tuple[str, Callable[[Path], None], tuple[str, ...], int]] = [
    ("attachment: absolute path", attach("/etc/passwd", None), ("build",), 1),
    ("attachment: ../ out of the folder", attach("../../../../.git/config", None), ("build",), 1),
    ("attachment: symlink to .git/config", symlinked_attachment, ("build",), 1),
    ("attachment: .html", attach("evil.html"), CHECK, 1),
    ("attachment: .svg", attach("evil.svg"), CHECK, 1),
    ("attachment: .js", attach("evil.js"), CHECK, 1),
    ("attachment: index.html", attach("index.html"), CHECK, 1),
    ("attachment: html saved as .pdf", attach("notice.pdf"), CHECK, 1),
    ("YAML: alias bomb as a notice", write(HZ, BOMB), CHECK, 1),
    ("YAML: alias bomb in a build", write(HZ, BOMB), ("build",), 1),
    ("YAML: 100,000 nested brackets", write(HZ, "a: " + "[" * 100_000 + "]" * 100_000 + "\n"), CHECK, 1),
    ("date: 2026-02-30", replace(HZ, "published: 2026-11-18", "published: 2026-02-30"), CHECK, 1),
    ("date: published 9999-12-31", replace(HZ, "published: 2026-11-18", "published: 9999-12-31"), CHECK, 1),
    ("date: end 9999-12-31", replace(HZ, "published: 2026-11-18", "published: 2026-11-18\nend: 9999-12-31"), CHECK, 1),
    ("date: published 0001-01-01", replace(HZ, "published: 2026-11-18", "published: 0001-01-01"), CHECK, 1),
    ("NUL byte in a notice", replace(HZ, "issuer: ", "issuer: \x00"), CHECK, 1),
    ("control character \\e in a title", replace(HZ, "title: 2026年度海州质量奖申报受理名单公示（示例）",
                                              'title: "\\e标题"'), CHECK, 1),
    ("ledger: not JSON", write("public_lists/ledger.json", "{not json"), CHECK, 1),
    ("ledger: a list", write("public_lists/ledger.json", "[]"), CHECK, 1),
    ("ledger: null", write("public_lists/ledger.json", "null"), CHECK, 1),
    ("ledger: entries of the wrong shape", write("public_lists/ledger.json", '{"a": 3}'), CHECK, 1),
    ("folder named *.yaml", tree_case("folder"), CHECK, 1),
    ("dangling symlink *.yaml", tree_case("dangling"), CHECK, 1),
    ("notice saved as .yml", tree_case("yml"), CHECK, 1),
    ("public_lists/index.yaml", write("public_lists/index.yaml", "a: 1\n"), CHECK, 1),
    ("symlink in site_src", tree_case("site_src"), ("build",), 1),
    ("notice in the wrong year folder", lambda r: (r / HZ).rename(r / HZ.replace("/2026/2026-", "/2026/2025-")),
     CHECK, 1),
    ("拟奖 notice without objections", lambda r: (r / JX).write_text(
        (r / JX).read_text(encoding="utf-8").split("objections:")[0], encoding="utf-8"), CHECK, 1),
    ("unmasked ID number", replace(HZ, "issuer: ", "issuer: 联系人身份证110101199003074514 "), CHECK, 1),
    ("unmasked mobile number", replace(HZ, "issuer: ", "issuer: 手机13812345678 "), CHECK, 1),
    *((f"personal data: {what}", replace(HZ, "issuer: ", f"issuer: 联系人{text} "), CHECK, 1) for what, text in [
        ("mobile 139-1234-5678", "139-1234-5678"), ("mobile 139 1234 5678", "139 1234 5678"),
        ("mobile +8613912345678", "+8613912345678"), ("mobile 8613912345678", "8613912345678"),
        ("full-width mobile", "１３９１２３４５６７８"), ("ID 110105 19491231 002X", "110105 19491231 002X"),
        ("full-width ID", "１１０１０５１９４９１２３１００２Ｘ"), ("15-digit old ID", "110105491231002")]),
    ("personal data: objection phone 138-1234-5678",
     replace(HZ, 'phone: "0518-00000000"', 'phone: "138-1234-5678"'), CHECK, 1),
    *((f"personal data in a .{ext} attachment", attach(f"list.{ext}", (CORPUS / name).read_bytes()), CHECK, 1)
      for ext, name in [("xlsx", "personal-xlsx.xlsx"), ("docx", "personal-docx.docx"), ("pdf", "personal-pdf.pdf"),
                        ("ods", "personal-ods.ods"), ("odt", "personal-odt.odt")]),
    ("scanned PDF attachment (text unreadable)", attach("scan.pdf", (CORPUS / "scanned.pdf").read_bytes()), CHECK, 1),
    ("out-of-area firm in 海州 with a reason", replace(
        HZ, "{organisation: 示例海州物流服务有限公司, credit_code: 91320706J3Y7LLJY1W, sector: service}",
        "{organisation: 南京鼓楼科创服务有限公司, credit_code: 913201064LWKYERG9Q, outside_area_reason: 经研究同意}"),
     CHECK, 1),
    ("rule: years_at_least 5 under 连续正常生产经营3年以上", replace(
        "schemes/haizhou-quality-award.yaml", "years_at_least: 3}", "years_at_least: 5}"), CHECK, 1),
    ("rule: winners cap 20 under 每次获奖的组织不超过2家", replace(
        "schemes/haizhou-quality-award.yaml", "    cap: 2\n    cap_text: 每次", "    cap: 20\n    cap_text: 每次"),
     CHECK, 1),
    ("1 MB company name", replace(HZ, "organisation: 示例海州精密机械有限公司", "organisation: " + "名" * 330_000),
     CHECK, 1),
    ("5,000-digit integer", replace(HZ, "published: 2026-11-18", "published: 2026-11-18\nyear: " + "9" * 5000),
     CHECK, 1),
    ("notice named 副本 (2) 最终版", lambda r: (r / HZ).rename(r / HZ.replace(".yaml", "-副本 (2) 最终版.yaml")),
     CHECK, 1),
    ("attachment named SUMMARY 最终版.PDF", attach("SUMMARY 最终版.PDF", b"%PDF-1.4\n"), CHECK, 1),
    ("correction dated in the future", replace(YC, "date: 2026-07-03", "date: 2099-07-03"), CHECK, 1),
    ("sealed: earlier correction rewritten", seal_then(replace(YC, "组织名称录入有误（示例）", "录入有误")), CHECK, 1),
    ("sealed: earlier correction deleted", seal_then(drop_correction), CHECK, 1),
    ("sealed: notice deleted", seal_then(lambda r: (r / YC).unlink()), CHECK, 1),
    ("sealed: edit hidden by re-sealing in the same commit", seal_then(reseal_with_edit),
     ("check", "--ledger-base", "HEAD~1"), 1),
    ("credit code in lower case with spaces (accepted, normalised)",
     replace(HZ, "credit_code: 91320706AY4CL12THY", "credit_code: ' 91320706ay4cl12thy '"), CHECK, 0),
]
PERIOD = ("notice-period", "--scheme", "haizhou-quality-award", "--kind", "acceptance", "--published")
COMMANDS: list[tuple[str, tuple[str, ...], int]] = [
    ("notice-period 9999-12-31", (*PERIOD, "9999-12-31"), 2),
    ("notice-period 2026-02-30", (*PERIOD, "2026-02-30"), 2),
    ("notice-period 0001-01-01", (*PERIOD, "0001-01-01"), 2),
]
PROFILES = [
    '{"review_scores": {"material": NaN, "qa": 1, "onsite": 1}}', '{"review_scores": {"onsite": 1e999}}',
    '{"review_scores": {"onsite": 5000}}', '{"invention_patents": -1}', '{"invention_patents": ' + "9" * 5000 + "}",
    '{"as_of": "0001-01-01", "established": "0001-01-01"}', '{"established": "9999-12-31"}',
    '{"management_systems": [null]}', '{"incidents": [null]}', '{"credit_answers": {"7.2": "national"}}',
    '{"credit_answers": {"3.1": "five"}}', '{"credit_answers": {"7.3": {"invention": "abc"}}}',
    '{"credit_answers": {"5.2": {"lead": {"national": [1]}}}}', '{"credit_answers": {"42.1": true}}',
    '{"excellence_percent": {"9.9.9": 50}}', "[" * 100_000 + "]" * 100_000, "[1, 2]", "a: &a [*a, *a]\nb: *a\n",
    "{", '"just a string"', "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    '{"awards": [{"year": 2024, "level": "city", "revoked": "yes"}]}',
]


def run(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=60, input=stdin)


def held(out: subprocess.CompletedProcess, expected: int, needs_line: bool) -> str | None:
    """None if held, else why not."""
    if "Traceback" in out.stderr:
        return "traceback: " + out.stderr.strip().splitlines()[-1][:100]
    if out.returncode != expected:
        return f"exit {out.returncode}, expected {expected}: {(out.stderr or out.stdout).strip()[:100]}"
    if needs_line and expected and not any(":" in line and line.split(":")[1].isdigit()
                                           for line in out.stderr.splitlines()):
        return "no path:line in " + out.stderr.strip()[:100]
    return None


def project_copy(source: Path, dest: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.project import copy_project

    copy_project(dest, source, notices=True, symlinks=True)
    (dest / ".gitignore").write_text("node_modules\n.cache\nsite*\n.site*\n", encoding="utf-8")
    git(dest, "init", "-q")
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    source = Path(args.root).resolve()
    sys.path.insert(0, str(source))
    os.environ["PYTHONPATH"] = str(source)
    broken: list[tuple[str, str]] = []
    tried = 0
    started = time.perf_counter()
    for name, setup, command, expected in CASES:
        tried += 1
        with tempfile.TemporaryDirectory() as tmp:
            root = project_copy(source, Path(tmp) / "p")
            try:
                setup(root)
                extra = ["--out", str(Path(tmp) / "out" / "site")] if command == ("build",) else []
                out = run(root, *command, *extra)
            except subprocess.TimeoutExpired:
                broken.append((name, "did not finish in 60 s"))
                continue
            except (LookupError, OSError, subprocess.CalledProcessError) as exc:
                broken.append((name, f"case does not apply to this checkout ({exc})"))
                continue
            why = held(out, expected, needs_line=command[0] == "check")
            out_dir = Path(tmp) / "out"
            if why is None and command == ("build",) and out_dir.exists() and any(out_dir.iterdir()):
                why = "the failed build left files: " + ", ".join(p.name for p in out_dir.iterdir())
            if why:
                broken.append((name, why))
    for name, command, expected in COMMANDS:
        tried += 1
        why = held(run(source, *command), expected, needs_line=False)
        if why:
            broken.append((name, why))
    for text in PROFILES:
        tried += 1
        try:
            out = run(source, "assess", "-", "--json", stdin=text)
        except subprocess.TimeoutExpired:
            broken.append((f"assess {text[:40]}", "did not finish in 60 s"))
            continue
        why = held(out, 2, needs_line=False)
        if why is None and "NaN" in out.stdout:
            why = "NaN in the JSON"
        if why:
            broken.append((f"assess {text[:40]!r}", why))
    print(f"{tried} hostile inputs tried on {source}: {tried - len(broken)} held, {len(broken)} broke "
          f"({time.perf_counter() - started:.0f} s)")
    for name, why in broken:
        print(f"  BROKE {name}: {why}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
