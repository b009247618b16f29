"""The office editor's corrections (issue 23): the edits the check answers for a changed notice
(``corrections.edits_between``) are exactly what a correction must list, and the editor's check
(``office_check.check`` with the published version) refuses what they do not list, as ``check --ledger-base`` does."""

from __future__ import annotations

import copy
import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.load.corrections import check_corrections, content_of, edits_between
from generator.model.notice import Correction, Notice
from generator.office import check as office_check
from generator.office.package import schemes_json
from tests.test_sealed import SEALED

SEALED_ON = dt.date(2026, 11, 18)
TODAY = dt.date(2026, 11, 20)
HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
CODES = ["91320706DD272HD1TD", "91320706J3Y7LLJY1W", "91320706AY4CL12THY"]

# One change of the content: (what, where, a value's seed).
_CHANGE = st.tuples(st.sampled_from(["rename", "recode", "sector", "note", "drop", "add", "body", "body_add",
                                     "body_drop", "end", "phone", "title", "attachment"]),
                    st.integers(0, 5), st.text(alphabet="甲乙丙丁改正，。", min_size=1, max_size=4))


def _changed(changes: list[tuple[str, int, str]]) -> Notice:
    content = content_of(SEALED)
    entries, body = content["entries"], content["body"]
    for what, n, words in changes:
        entry = entries[n % len(entries)] if entries else None
        if what == "rename" and entry:
            entry["organisation"] += words
        elif what == "recode" and entry:
            entry["credit_code"] = CODES[n % len(CODES)]
        elif what == "sector" and entry:
            entry["sector"] = ["agriculture", "service", "manufacturing"][n % 3]
        elif what == "note" and entry:
            entry["note"] = words if n % 2 else None
            entry.pop("note") if entry["note"] is None else None
        elif what == "drop" and entry:
            entries.remove(entry)
        elif what == "add":
            entries.insert(n % (len(entries) + 1), {"organisation": f"新{words}公司", "credit_code": CODES[n % 3]})
        elif what == "body" and body:
            body[n % len(body)] += words
        elif what == "body_add":
            body.append(words)
        elif what == "body_drop" and body:
            body.pop(n % len(body))
        elif what == "end":
            content["end"] = (dt.date(2026, 11, 25) + dt.timedelta(days=n + 1)).isoformat()
        elif what == "phone":
            content["objections"]["phone"] = f"0518-8555{n:04d}"
        elif what == "title":
            content["title"] += words
        elif what == "attachment":
            content["attachments"][0]["title"] += words
    return Notice.model_validate_json(json.dumps(content, ensure_ascii=False))


def _with(notice: Notice, edits: list[dict]) -> Notice:
    correction = Correction.model_validate({"date": TODAY, "reason": "更正", "changes": "更正", "edits": [
        {k: v for k, v in e.items() if k != "text"} for e in edits]})
    return notice.model_copy(update={"corrections": [*notice.corrections, correction]})


COUNTS = {"passed": 0, "refused": 0}


@settings(max_examples=400, derandomize=True, deadline=None)
@given(changes=st.lists(_CHANGE, min_size=1, max_size=4), drop=st.integers(0, 20))
def test_the_edits_answered_list_every_change_and_nothing_else(changes, drop):
    """Any mix of changes (entries renamed, recoded, added, removed anywhere; paragraphs; dates; attachments): the
    correction with the answered edits passes the check; without any one of them, it is refused."""
    notice = _changed(changes)
    edits = edits_between(SEALED, notice)
    if not edits:  # the changes undid each other
        assert content_of(notice) == content_of(SEALED)
        return
    assert check_corrections(SEALED, _with(notice, edits), 0, SEALED_ON, TODAY) == []
    COUNTS["passed"] += 1
    if edits:
        missing = copy.deepcopy(edits)
        del missing[drop % len(missing)]
        found = check_corrections(SEALED, _with(notice, missing), 0, SEALED_ON, TODAY)
        assert found, (edits, drop)
        COUNTS["refused"] += 1


def test_the_property_ran(capsys):
    with capsys.disabled():
        print(f"\nedits answered: {COUNTS['passed']} changed notices pass with them, {COUNTS['refused']} refused "
              "without one of them")
    assert COUNTS["passed"] >= 300 and COUNTS["refused"] == COUNTS["passed"], COUNTS


def _check(text: str, sealed: str, sealed_on: str = "2026-11-18") -> dict:
    from generator.load.portal import load_portal

    if not office_check._schemes:
        office_check.load_schemes(schemes_json(load_portal(ROOT).schemes))
    return json.loads(office_check.check(text, HZ, TODAY.isoformat(), sealed, sealed_on))


PUBLISHED = (ROOT / HZ).read_text(encoding="utf-8")
CORRECTION = ("corrections:\n  - date: 2026-11-20\n    reason: 名称录入有误\n    changes: 更正第1项名称\n"
              "    edits: [{field: 第1项 名称, old: 示例海州精密机械有限公司, new: 示例海州精密机器有限公司}]\n")


def test_the_editors_check_compares_with_the_published_version():
    renamed = PUBLISHED.replace("示例海州精密机械有限公司", "示例海州精密机器有限公司")
    unlisted = _check(renamed, PUBLISHED)
    assert [p["code"] for p in unlisted["problems"]] == ["ledger.changed", "ledger.unlisted"]
    assert unlisted["edits"] == [{"field": "第1项 名称", "old": "示例海州精密机械有限公司",
                                  "new": "示例海州精密机器有限公司",
                                  "text": "第1项 名称：“示例海州精密机械有限公司” → “示例海州精密机器有限公司”"}]
    assert _check(renamed + CORRECTION, PUBLISHED)["problems"] == []
    # A second change in the same edit, which the correction does not list, is refused at its line.
    sneaked = (renamed + CORRECTION).replace("示例海州物流服务有限公司", "南京鼓楼科创服务有限公司")
    found = _check(sneaked, PUBLISHED)["problems"]
    assert [(p["code"], p["line"]) for p in found] == [("ledger.unlisted", 14)]
    assert found[0]["message"].startswith("第4项 名称：")
    # Dated before the version was sealed; an earlier correction rewritten.
    assert [p["code"] for p in _check(renamed + CORRECTION, PUBLISHED, "2026-11-21")["problems"]] == \
        ["ledger.backdated"]
    corrected = renamed + CORRECTION
    rewritten = corrected.replace("更正第1项名称", "改名")
    assert [p["code"] for p in _check(rewritten, corrected)["problems"]] == ["ledger.rewritten"]
    # Without the published version, the check is the one of a new notice, and answers no edits.
    plain = json.loads(office_check.check(renamed, HZ, TODAY.isoformat()))
    assert plain["problems"] == [] and plain["edits"] is None


def test_a_withdrawal_passes_and_a_change_beside_it_does_not():
    withdrawn = PUBLISHED + "withdrawn:\n  date: 2026-11-20\n  reason: 经复核，撤回本公示\n"
    assert _check(withdrawn, PUBLISHED)["problems"] == []
    changed = withdrawn.replace("示例海州物流服务有限公司", "南京鼓楼科创服务有限公司")
    assert "ledger.unlisted" in [p["code"] for p in _check(changed, PUBLISHED)["problems"]]


def test_an_entry_removed_or_added_in_the_middle_is_one_edit():
    """A clerk's change reads as she made it: not as every later entry changed."""
    content = content_of(SEALED)
    first = content["entries"][0]
    content["entries"] = content["entries"][1:]
    removed = Notice.model_validate_json(json.dumps(content, ensure_ascii=False))
    assert [(e["field"], e["new"]) for e in edits_between(SEALED, removed)] == [("第1项", None)]
    content["entries"].insert(0, {"organisation": "丙公司", "credit_code": CODES[1]})
    content["entries"].insert(1, first)
    added = Notice.model_validate_json(json.dumps(content, ensure_ascii=False))
    edits = edits_between(SEALED, added)
    assert [(e["field"], e["old"]) for e in edits] == [("第1项", None)]
    assert edits[0]["text"].startswith("第1项：新增“organisation: 丙公司")
    assert check_corrections(SEALED, _with(added, edits), 0, SEALED_ON, TODAY) == []


def test_the_editor_writes_earlier_corrections_as_sealed(tmp_path):
    """The YAML the editor appends (correction.mjs, run under Node): the earlier corrections, rewritten from the
    notice's JSON, keep their seal (else the check would say they were rewritten), and the new correction lists the
    edits as the check answered them, values of every kind (a whole entry, a date as text, null) included."""
    import shutil
    import subprocess

    from generator.load.ledger import seal_of
    from generator.load.yamlload import load_text

    if shutil.which("node") is None:
        raise AssertionError("node not found")
    earlier = [
        {"date": "2026-11-19", "reason": "名称录入有误", "changes": "更正第1项名称", "edits": [
            {"field": "第1项 名称", "old": "甲公司", "new": '甲"引号"公司'}]},
        {"date": "2026-11-20", "reason": "标点", "changes": "删去句号", "minor": True, "edits": [
            {"field": "公示期最后一日", "old": "2026-11-25", "new": "2026-11-26"},
            {"field": "第3项", "old": None, "new": {"organisation": "丙公司", "credit_code": CODES[0]}}]},
    ]
    notice = Notice.model_validate_json(json.dumps({**content_of(SEALED), "corrections": earlier}, ensure_ascii=False))
    changed = _changed([("rename", 1, "改"), ("drop", 0, "")])
    edits = edits_between(notice, changed)
    case = {"notice": notice.model_dump(mode="json", exclude_none=True), "edits": edits, "correction": {
        "date": "2026-12-01", "reason": "更正\u2028原因", "minor": False, "withdraw": True,
        "withdraw_date": "2026-12-02", "withdraw_reason": "撤回"}}
    (tmp_path / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", str(ROOT / "tests" / "node" / "write_tail.mjs"), str(tmp_path / "case.json")],
                         capture_output=True, text=True, timeout=60, check=True)
    tail = load_text(out.stdout, HZ)
    written = [*tail["corrections"]]
    rewritten = json.dumps({**content_of(SEALED), "corrections": written[:2]}, ensure_ascii=False, default=str)
    assert seal_of(Notice.model_validate_json(rewritten)).corrections == seal_of(notice).corrections
    new = Correction.model_validate(written[2])
    assert new.reason == "更正\u2028原因" and [e.field for e in new.edits] == [e["field"] for e in edits]
    assert [(e.old, e.new) for e in new.edits] == [(e["old"], e["new"]) for e in edits]
    assert tail["withdrawn"] == {"date": dt.date(2026, 12, 2), "reason": "撤回"}
    assert tail["attachments"] == content_of(SEALED)["attachments"]
