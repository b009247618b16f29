"""Check the answers a profile gives against the scheme data: 附件1 item answers and GB/T 19580 item ids.

``parse_profile`` knows the profile format but not the schemes; these answers are keyed by
ids that only the exported data knows. Every wrong answer is refused by name, never scored
as a silent 0. Standard library only.
"""

from __future__ import annotations

from generator.assess.profile import FIELDS, MAX_COUNT, ProfileError, _shown
from generator.assess.terms import VALUE_LABELS


def _count(value: object, path: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ProfileError(f"{path}: 应为 0 至 {MAX_COUNT} 之间的整数，例如 2，而不是 {_shown(value)}")


def _check_answer(item: dict, answer: object, path: str) -> None:
    if answer is None:
        return
    form = item["form"]
    if form == "fixed":
        if not isinstance(answer, bool):
            raise ProfileError(f"{path}: 应为 true（符合）或 false（不符合），而不是 {_shown(answer)}")
    elif form == "base_increment":
        _count(answer, path)
    elif form == "highest":
        values = [o["value"] for o in item["options"]]
        if answer not in (False, "none") and answer not in values:
            choices = "、".join(f"\"{v}\"（{VALUE_LABELS.get(v, v)}）" for v in values)
            raise ProfileError(f"{path}: 应为 {choices} 或 \"none\"（无），而不是 {_shown(answer)}")
    else:  # cumulative: {"invention": n} or {"lead": {"national": n}}
        keys = {o["value"] for o in item["options"]}
        if not isinstance(answer, dict):
            raise ProfileError(f"{path}: 应为对象，例如 {{\"{sorted(keys)[0].split('.')[0]}\": 1}}，"
                               f"而不是 {_shown(answer)}")
        groups = {k.split(".")[0] for k in keys if "." in k}
        for key, value in answer.items():
            if key in groups and isinstance(value, dict):
                for sub, count in value.items():
                    if f"{key}.{sub}" not in keys:
                        subs = sorted(k.split(".")[1] for k in keys if k.startswith(key + "."))
                        raise ProfileError(f"{path}.{key}.{sub}: 不是此项的分类；应为 {'、'.join(subs)} 之一")
                    _count(count, f"{path}.{key}.{sub}")
            elif key in keys:
                _count(value, f"{path}.{key}")
            else:
                raise ProfileError(f"{path}.{key}: 不是此项的分类；应为 {'、'.join(sorted(groups or keys))} 之一")


def _check_schemes(profile: dict, data: dict) -> None:
    """Scheme ids in records (awards, related_awards, false_materials) must name a scheme of the data."""
    names = {s["id"]: s["name"] for s in data["schemes"]}
    for field in FIELDS:
        subs = [f.name for f in field.item.fields if f.kind == "scheme"] if field.item else []
        for n, record in enumerate(profile.get(field.name) or [] if subs else []):
            for sub in subs:
                value = record.get(sub) if isinstance(record, dict) else None
                if value is not None and value not in names:
                    choices = "、".join(f"{sid}（{name}）" for sid, name in names.items())
                    raise ProfileError(f"{field.name}[{n}].{sub}: 没有这个方案；应为以下之一：{choices}，"
                                       f"而不是 {_shown(value)}")
    for n, value in enumerate(profile.get("schemes_of_interest") or []):
        if value not in names:
            choices = "、".join(f"{sid}（{name}）" for sid, name in names.items())
            raise ProfileError(f"schemes_of_interest[{n}]: 没有这个方案；应为以下之一：{choices}，"
                               f"而不是 {_shown(value)}")


def check_answers(profile: dict, data: dict) -> None:
    """Raise :class:`ProfileError` for an answer the data does not know or cannot score."""
    _check_schemes(profile, data)
    items = {item["id"]: item
             for scheme in data["schemes"]
             for part in ((scheme.get("scoring") or {}).get("credit") or {}).get("parts", [])
             for item in part["items"]}
    for key, answer in (profile.get("credit_answers") or {}).items():
        if key not in items:
            raise ProfileError(f"credit_answers.{key}: 附件1 没有这个指标编号；应为 1.1 至 10.5 中的编号，例如 \"3.1\"")
        _check_answer(items[key], answer, f"credit_answers.{key}")
    known = {item["id"] for part in data["standard"]["parts"] for item in part["items"]}
    for key in profile.get("excellence_percent") or {}:
        if key not in known:
            raise ProfileError(f"excellence_percent.{key}: GB/T 19580 没有这个评分条款编号，例如 \"4.1.2\"")
