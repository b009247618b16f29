"""Count the notice check's messages and how many are Chinese; run the corpus and count what it shows.

    .venv/bin/python bench/check_messages.py

A message is a template in generator/core/messages.py under its code (one per distinct check, YAML syntax hint,
type of value and ledger rule). The corpus (tests/notice_corpus/) is checked as text, the in-browser editor's
path; every message it produces must be Chinese and free of PyYAML's and pydantic's English.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.messages import MESSAGES, is_chinese  # noqa: E402
from generator.load.notices import check_notice_text  # noqa: E402
from generator.load.portal import load_portal  # noqa: E402

ENGLISH = re.compile(r"should be|Input|[Ee]xpected|could not|found|while (scanning|parsing)|mapping values|"
                     r"Value error|Field required|Extra inputs|not permitted|invalid|unknown")


def main() -> int:
    groups = Counter(code.split(".")[0] for code in MESSAGES)
    chinese = sum(is_chinese(t) for t in MESSAGES.values())
    print(f"distinct check messages (templates): {len(MESSAGES)}; Chinese: {chinese}; "
          f"other: {len(MESSAGES) - chinese}")
    print("  by group: " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))
    corpus = ROOT / "tests" / "notice_corpus"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    schemes = load_portal(ROOT).schemes
    shown, codes, english, refused = 0, set(), 0, 0
    for name, case in expected.items():
        folder = corpus / "_attachments"
        folder.mkdir(exist_ok=True)
        try:
            for file, content in case.get("attachments", {}).items():
                (folder / file).write_text(content, encoding="utf-8")
            for file, source in case.get("attachment_files", {}).items():
                (folder / file).write_bytes((corpus / source).read_bytes())
            found = check_notice_text((corpus / name).read_text(encoding="utf-8"), case["path"], schemes,
                                      dt.date(2026, 11, 23), folder)
        finally:
            for file in folder.iterdir():
                file.unlink()
            folder.rmdir()
        refused += bool(found.problems)
        for problem in found:
            shown += 1
            codes.add(problem.code)
            english += (not is_chinese(problem.message)) or bool(ENGLISH.search(problem.message))
    print(f"corpus: {len(expected)} invalid notices, {refused} refused; "
          f"{shown} messages shown, {len(codes)} distinct checks; not Chinese or with parser English: {english}")
    return 0 if chinese == len(MESSAGES) and english == 0 and refused == len(expected) else 1


if __name__ == "__main__":
    sys.exit(main())
