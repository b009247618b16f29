"""The applicant profile: every field, its type and its meaning (docs/PROFILE.md).

Standard library only: this module ships to the browser with the engine. The rules in
the scheme YAML name these facts, the build checks those names against this table,
and the profile page of the site is rendered from it.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from dataclasses import dataclass, field

from generator.assess.terms import (
    AGRI_CERTIFICATIONS,
    AWARD_LEVELS,
    AWARD_TIERS,
    CREDIT_LEVELS,
    EXPORT_FAILURE_KINDS,
    FOOD_SAFETY_SYSTEMS,
    INCIDENT_KINDS,
    INCIDENT_SEVERITIES,
    RELATED_AWARD_LEVELS,
    RELATIONS,
    SAMPLING_LEVELS,
    SECTORS,
    TARGET_LEVELS,
    VALUE_LABELS,
    VIOLATION_SEVERITIES,
)
from generator.assess.today import china_today

# The format's version, written into every profile the page saves or shares and into examples/ (docs/PROFILE.md
# "Versions"). A profile without it is version 1. Every version is read; a newer one as far as its fields are known.
PROFILE_VERSION = 2

# A scheme id (kind "scheme"): the schemes are data (schemes/*.yaml), so the id is checked against the
# exported data when assessing (generator.assess.answers), not against a list written here.
SCHEME_ID = r"^[a-z][a-z0-9-]*$"


@dataclass(frozen=True)
class Field:
    """One profile field. ``kind`` is bool/int/number/date/str/enum/scheme/list/object/map."""

    name: str
    kind: str
    label: str
    enum: tuple[str, ...] = ()
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    pattern: str = ""
    help: str = ""
    dated_by: str = ""  # for lists of records: the sub-field that dates each record
    extra: dict = field(default_factory=dict)
    maximum: float | None = None  # for numbers: the largest value that makes sense
    minimum: float | None = None  # for numbers: the smallest (default 0)
    # For an object item: the sub-field a plain value stands for (a record given as its date alone, as the
    # format first wrote it, is {date: ...} with its other details unknown).
    plain: str = ""
    # For a list split off another and still read (docs/PROFILE.md: precision beside a field, never instead):
    # (list, sub-field, value): its records are records of that list with that value.
    part_of: tuple[str, ...] = ()
    asked: bool = True  # asked in the calculator's form (not: the format's version, a part split off)
    # The calculator's widget when the kind alone does not say it (site_src/assets/javascripts/assess/widgets.mjs):
    # "region" is the GB/T 2260 picker (province, city, county, or the code).
    widget: str = ""


def _b(name: str, label: str, help: str = "") -> Field:
    return Field(name, "bool", label, help=help)


_DATE_ITEM = Field("date", "date", "日期")
# A year of a date the profile knows only by year: within the dates' range (a year 0 is a typo).
_YEAR = Field("year", "int", "年份", minimum=1900, maximum=2199, help="四位数年份，例如 2021")

FIELDS: tuple[Field, ...] = (
    Field("profile_version", "int", "档案格式版本", minimum=1, asked=False,
          help=f"整数，例如 {PROFILE_VERSION}；不填即为 1（最早的格式），各版本均可读取"),
    Field("organisation", "str", "申报组织名称", pattern=r"[^\x00-\x1f\x7f]{1,100}",
          help="1 至 100 个字的名称，例如 苏州某某精密机械有限公司（只用于报告标题，不离开本页）"),
    Field("schemes_of_interest", "list", "关心的方案", item=Field("scheme", "scheme", "方案"),
          help="只评估这些方案；不填则评估全部方案"),
    Field("as_of", "date", "评估日期", help="缺省为今天；“近三年”“满2年”“近2年”等期间均截至该日"),
    Field("region_code", "str", "注册地行政区划代码", pattern=r"[0-9]{6}", help="GB/T 2260 六位数字代码，例如 320506",
          widget="region"),
    _b("in_hu_su_dafeng_zone", "位于沪苏大丰产业联动集聚区"),
    _b("legal_person", "具有法人资格"),
    _b("independent_legal_person", "具有独立法人资格", help="具有独立法人资格即具有法人资格"),
    Field("established", "date", "注册登记日期", help="“N年以上”含N年本数"),
    Field("sector", "enum", "行业", enum=SECTORS.ids),
    _b("industrial_mining_trade", "工矿商贸行业企业"),
    _b("safety_standardization", "开展安全生产标准化工作"),
    _b("metrology_confirmation", "计量管理体系达到计量合格确认以上水平"),
    _b("traditional_handicraft", "传统手工艺产品企业"),
    _b("instruments_calibrated", "主要计量器具检定（校准）合格且在有效期内"),
    _b("food_producer", "食品生产企业"),
    Field("food_safety_systems", "list", "有效运行的食品安全管理体系",
          item=Field("system", "enum", "体系", enum=FOOD_SAFETY_SYSTEMS.ids)),
    Field("food_inspectors", "int", "食品检验员人数"),
    Field("agri_certifications", "list", "主要产品的农产品认证",
          item=Field("certification", "enum", "认证", enum=AGRI_CERTIFICATIONS.ids)),
    _b("own_production_base", "有自己的生产基地"),
    _b("technical_staff", "有专业技术人员"),
    _b("service_standards", "建立完善的服务标准"),
    _b("complaint_mechanism", "客户投诉处理机制健全"),
    Field("satisfaction_reports", "list", "持有的第三方用户满意度调查报告（年份）",
          item=_YEAR),
    _b("trade_settlement_by_measurement", "以计量手段进行贸易结算"),
    _b("pollutant_discharge", "涉及污染排放"),
    Field("management_systems", "list", "有效的管理体系认证证书", dated_by="since",
          item=Field("certificate", "object", "证书", fields=(
              Field("standard", "str", "标准", pattern=r"(?=.*\S)[^\x00-\x1f\x7f]{1,100}",
                    help="证书上的标准名称（不能为空），例如 ISO9001（即 GB/T 19001）、IATF16949、ISO14001、ISO45001"),
              Field("since", "date", "取得日期"),
          ))),
    Field("excellence_model_since", "date", "导入并实施卓越绩效管理模式的日期"),
    _b("chief_quality_officer", "推行首席质量官制度（设立首席质量官）"),
    _b("registered_trademark", "拥有注册商标"),
    Field("invention_patents", "int", "发明专利数"),
    Field("utility_model_patents", "int", "实用新型专利数"),
    Field("design_patents", "int", "外观设计专利数"),
    Field("incidents", "list", "事故", dated_by="date",
          item=Field("incident", "object", "事故", fields=(
              _DATE_ITEM,
              Field("kind", "enum", "类别", enum=INCIDENT_KINDS.ids),
              Field("severity", "enum", "等级", enum=INCIDENT_SEVERITIES.ids),
          ))),
    Field("major_quality_complaints", "list", "重大质量投诉（日期）", item=_DATE_ITEM, dated_by="self"),
    Field("sampling_failures", "list", "监督抽查不合格", dated_by="date",
          item=Field("failure", "object", "不合格记录", fields=(
              _DATE_ITEM,
              Field("level", "enum", "抽查级别", enum=SAMPLING_LEVELS.ids),
          ))),
    Field("export_failures", "list", "出口产品因质量原因退运、销毁、遭国外官方通报或出口检验检疫不合格",
          dated_by="date", help="每条记录为日期，或日期及类别；只有日期的记录类别不明；不出口的组织填空列表",
          item=Field("failure", "object", "记录", plain="date", fields=(
              _DATE_ITEM,
              Field("kind", "enum", "类别", enum=EXPORT_FAILURE_KINDS.ids),
          ))),
    Field("export_inspection_failures", "list", "出口检验检疫不合格（日期）", item=_DATE_ITEM, dated_by="self",
          part_of=("export_failures", "kind", "inspection_failure"), asked=False,
          help="旧版页面写入的字段，按“出口产品因质量原因……”中类别为出口检验检疫不合格的记录读取"),
    Field("own_fault_quality_claims", "list", "属于组织自身责任而引起的质量异议、索赔和退货（日期）",
          item=_DATE_ITEM, dated_by="self"),
    Field("violations", "list", "违法违规记录", dated_by="date",
          item=Field("violation", "object", "记录", fields=(
              _DATE_ITEM,
              Field("severity", "enum", "等级", enum=VIOLATION_SEVERITIES.ids),
              _b("penalized", "受到行政处罚"),
              _b("serious", "情节严重"),
              _b("credit_repaired", "已完成信用修复"),
              _b("product_quality", "产品质量违法"),
          ))),
    _b("serious_dishonesty_list", "被列入严重违法失信名单（现在或期间内）"),
    Field("labor_dishonesty", "list", "重大劳动保障失信记录（日期）", item=_DATE_ITEM, dated_by="self"),
    Field("quality_dishonesty", "list", "质量失信行为（日期）", item=_DATE_ITEM, dated_by="self"),
    Field("awards", "list", "获得（或曾获得）的质量奖", dated_by="year",
          item=Field("award", "object", "奖项", fields=(
              Field("scheme", "scheme", "奖项"),
              Field("level", "enum", "级别", enum=AWARD_LEVELS.ids),
              Field("tier", "enum", "等次", enum=AWARD_TIERS.ids),
              _YEAR,
              _b("revoked", "已被撤销"),
              Field("revoked_on", "date", "撤销日期", help="“撤销…N年内不得申报”自撤销之日起计算"),
              _b("fraud", "因弄虚作假被撤销"),
          ))),
    Field("related_awards", "list", "母公司或子公司获得的质量奖", dated_by="year",
          item=Field("award", "object", "奖项", fields=(
              Field("relation", "enum", "关系", enum=RELATIONS.ids),
              Field("level", "enum", "级别", enum=RELATED_AWARD_LEVELS.ids),
              Field("scheme", "scheme", "奖项"),
              Field("tier", "enum", "等次", enum=AWARD_TIERS.ids),
              _YEAR,
          ))),
    _b("related_applicant_this_cycle", "有关联关系的母公司或子公司在同一申报周期申报"),
    Field("false_materials", "list", "被查实提供虚假材料", dated_by="year",
          item=Field("record", "object", "记录", fields=(
              Field("scheme", "scheme", "方案"),
              _YEAR,
          ))),
    Field("credit", "object", "江苏省质量信用等级", fields=(
        Field("level", "enum", "现有等级", enum=CREDIT_LEVELS.ids),
        Field("since", "date", "认定日期"),
        Field("target_level", "enum", "申报等级", enum=TARGET_LEVELS.ids),
    )),
    _b("construction_credit_a", "持有综合信用评价等级A级证明（建筑业）",
       help="建筑业企业的综合信用评价，不是质量信用等级"),
    Field("declarations", "map", "对评审专家判断的条件的自我声明（条件编号 → true）"),
    Field("credit_answers", "map", "质量信用技术指标（附件1）逐项回答（指标编号 → 回答）"),
    Field("excellence_percent", "map", "GB/T 19580 各评分条款自评百分比（条款编号 → 0..100）"),
    Field("review_scores", "object", "各评审环节得分（1000分制）", fields=(
        Field("material", "number", "资料评审", maximum=1000),
        Field("qa", "number", "问询答辩", maximum=1000),
        Field("onsite", "number", "现场评审", maximum=1000),
    )),
)

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# Where the calculator's form asks each fact, group by group (labels: terms.FACT_GROUPS). Every field is in
# exactly one group (a test checks), so a new fact cannot silently miss the form; a part split off another
# (``part_of``) is only read, the form asks the whole. "answers" are the maps the
# form asks item by item in blocks of their own.
FORM_GROUPS: dict[str, tuple[str, ...]] = {
    "basic": ("organisation", "schemes_of_interest", "as_of", "region_code", "in_hu_su_dafeng_zone", "legal_person",
              "independent_legal_person", "established", "sector"),
    "production": ("industrial_mining_trade", "safety_standardization", "metrology_confirmation",
                   "traditional_handicraft", "instruments_calibrated", "food_producer", "food_safety_systems",
                   "food_inspectors", "agri_certifications", "own_production_base", "technical_staff",
                   "service_standards", "complaint_mechanism", "satisfaction_reports",
                   "trade_settlement_by_measurement", "pollutant_discharge"),
    "systems": ("management_systems", "excellence_model_since", "chief_quality_officer", "registered_trademark",
                "invention_patents", "utility_model_patents", "design_patents"),
    "records": ("incidents", "major_quality_complaints", "sampling_failures", "export_failures",
                "own_fault_quality_claims", "violations", "serious_dishonesty_list", "labor_dishonesty",
                "quality_dishonesty"),
    "awards": ("awards", "related_awards", "related_applicant_this_cycle", "false_materials", "credit",
               "construction_credit_a"),
    "answers": ("declarations", "credit_answers", "excellence_percent", "review_scores"),
}


# Records of things that went wrong, which most applicants do not have: the guided form asks for them as one
# question ("有没有下列记录？" with an exclusive "以上都没有"), and a list opens only for a kind the person ticks —
# the GOV.UK pattern of checkboxes with a "none" answer. "以上都没有" answers each of them with an empty list.
SCREENED: tuple[str, ...] = tuple(n for n in FORM_GROUPS["records"] if n != "serious_dishonesty_list")


# What the calculator asks first, before it knows which answers could change a verdict (the engine's
# ``open_questions`` then adds the rest, one step at a time).
FIRST_QUESTIONS: tuple[str, ...] = ("organisation", "schemes_of_interest", "as_of", "region_code", "sector")


_RECORD_FIELDS: dict[str, dict[str, Field]] = {}


def record_fields(name: str) -> dict[str, Field]:
    """Sub-fields of the records of a list field (empty for a list of plain values). Shared: do not change it
    (the rules ask for it once per record)."""
    if name not in _RECORD_FIELDS:
        item = BY_NAME[name].item
        _RECORD_FIELDS[name] = {f.name: f for f in item.fields} if item and item.kind == "object" else {}
    return _RECORD_FIELDS[name]


def detail_words(name: str, subs: set[str]) -> str:
    """Sub-fields of a list's records in words, in the spec's order: "类别", "是否因弄虚作假被撤销"."""
    fields = record_fields(name)
    return "、".join(f"是否{f.label}" if f.kind == "bool" else f.label for n, f in fields.items() if n in subs)


class ProfileError(ValueError):
    """A profile value of the wrong type or outside its range; the message names the field, in Chinese."""


# Dates and counts outside these are typos, and would overflow date arithmetic or number formatting.
EARLIEST = _dt.date(1900, 1, 1)
LATEST = _dt.date(2199, 12, 31)
MAX_COUNT = 1_000_000
# The largest profile read (docs/PROFILE.md "Limits on values"): far above any applicant's records (a list of
# 10,000 is decades of daily entries), low enough that a share link cannot make the page or the CLI work for
# long (the engine is linear: 8,000 records take well under half a second).
MAX_ITEMS = 10_000
MAX_CHARS = 2_000_000


def check_size(text: str) -> None:
    """Refuse a profile's text beyond ``MAX_CHARS``, before it is parsed."""
    if len(text) > MAX_CHARS:
        raise ProfileError(f"profile: 档案过大（{len(text):,} 个字符），最多 {MAX_CHARS:,} 个字符：请删去重复的或"
                           f"与评估无关的旧记录，例如十年前的违法违规记录")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


_FULL_WIDTH_DIGITS = {0xFF10 + n: ord("0") + n for n in range(10)}
# The format's one way to write a date; Python's fromisoformat alone would also take 20260304 and 2026-W10-3.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: object, path: str, label: str = "") -> _dt.date:
    day = None
    if isinstance(value, _dt.datetime):
        day = None  # a time of day is not a date (YAML reads 2026-03-04 10:00 as one)
    elif isinstance(value, _dt.date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            day = _dt.date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None or not EARLIEST <= day <= LATEST:
        raise ProfileError(f"{path}: {label}应为 {EARLIEST.year}—{LATEST.year} 年间实际存在的日期 YYYY-MM-DD，"
                           f"例如 2021-05-01，而不是 {_shown(value)}")
    return day


def _value(field: Field, value: object, path: str) -> object:
    kind = field.kind
    if value is None:
        return None
    if kind == "bool":
        if not isinstance(value, bool):
            raise ProfileError(f"{path}: {field.label}应为 true（是）或 false（否），而不是 {_shown(value)}")
        return value
    if kind == "int":
        low = int(field.minimum or 0)
        top = int(field.maximum if field.maximum is not None else MAX_COUNT)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= top:
            example = field.help or "例如 3"
            raise ProfileError(f"{path}: {field.label}应为 {low} 至 {top} 之间的整数（{example}），"
                               f"而不是 {_shown(value)}")
        return value
    if kind == "number":
        top = field.maximum if field.maximum is not None else MAX_COUNT
        if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                or not 0 <= value <= top):
            raise ProfileError(f"{path}: {field.label}应为 0 至 {top:g} 之间的数，例如 650，而不是 {_shown(value)}")
        return value
    if kind == "date":
        return _date(value, path, field.label)
    if kind == "str":
        if isinstance(value, str) and field.name == "region_code":
            value = value.translate(_FULL_WIDTH_DIGITS)  # "３２０５０８" as typed with a Chinese input method
        if not isinstance(value, str) or (field.pattern and not re.fullmatch(field.pattern, value)):
            raise ProfileError(f"{path}: {field.label}应为{field.help or '文字'}，而不是 {_shown(value)}")
        return value
    if kind == "scheme":
        if not isinstance(value, str) or not re.fullmatch(SCHEME_ID, value):
            raise ProfileError(f"{path}: {field.label}应为方案编号，例如 suzhou-quality-award，而不是 {_shown(value)}")
        return value
    if kind == "enum":
        if not isinstance(value, str) or value not in field.enum:
            choices = "、".join(f"{v}（{VALUE_LABELS.get(v, v)}）" for v in field.enum)
            raise ProfileError(f"{path}: {field.label}应为以下之一：{choices}，而不是 {_shown(value)}")
        return value
    if kind == "list":
        if not isinstance(value, list):
            raise ProfileError(f"{path}: {field.label}应为列表 [...]，而不是 {_shown(value)}")
        if len(value) > MAX_ITEMS:
            raise ProfileError(f"{path}: {field.label}最多 {MAX_ITEMS:,} 条，而这里有 {len(value):,} 条：请删去重复的"
                               f"或与评估无关的旧记录（例如十年前的记录）")
        for n, v in enumerate(value):
            if v is None:
                raise ProfileError(f"{path}[{n}]: 列表中的一项不能为空（null）：请删除这一项或填写内容")
        return [_value(field.item, v, f"{path}[{n}]") for n, v in enumerate(value)]
    if kind == "object":
        if field.plain and not isinstance(value, dict):  # a record given by its date alone: the rest unknown
            return {field.plain: _value(next(f for f in field.fields if f.name == field.plain), value, path)}
        if not isinstance(value, dict):
            raise ProfileError(f"{path}: {field.label}应为对象 {{...}}，而不是 {_shown(value)}")
        subs = {f.name: f for f in field.fields}
        return {k: (_value(subs[k], v, f"{path}.{k}") if k in subs else v) for k, v in value.items()}
    if kind == "map":
        if not isinstance(value, dict):
            raise ProfileError(f"{path}: {field.label}应为对象 {{\"编号\": 值, ...}}，而不是 {_shown(value)}")
        return dict(value)
    raise AssertionError(kind)


# Key of the parsed profile (never of a profile file) naming lists that are complete only for some values of a
# sub-field: {list: (sub-field, (value, ...))}. Set when only a split-off part of a list was given.
PARTIAL = "_partial"
# Key of the parsed profile: the day its facts are stated for (its as_of as given or defaulted), which stays when
# the engine judges the same facts on later days. A date known only by its year lies between that year's first
# day and this one (records.py ``_bounds``).
STATED_ON = "_stated_on"


def _join_parts(profile: dict) -> None:
    """Read each split-off list as records of the list it was split from (``Field.part_of``).

    Given alone, the part says nothing of the whole list's other values: the whole is then complete only for
    the part's value, and a rule that counts other values stays unknown."""
    partial: dict[str, tuple[str, tuple[str, ...]]] = {}
    for part in FIELDS:
        if not part.part_of or profile.get(part.name) is None:
            continue
        whole, key, value = part.part_of
        plain = BY_NAME[whole].item.plain
        records = [{plain: r, key: value} for r in profile[part.name]]
        if profile.get(whole) is None or whole in partial:
            profile[whole] = [*(profile.get(whole) or []), *records]
            known = partial.get(whole, (key, ()))[1]
            partial[whole] = (key, (*known, value))
        else:
            profile[whole] = [*profile[whole], *records]
    profile[PARTIAL] = partial


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _no_lone_surrogates(raw: object) -> None:
    """Refuse text holding half of a UTF-16 pair (JSON "\\ud800" escapes): no file or page can show it, so
    it can only be a damaged value. Checked first, so every later message can be printed. A loop, not
    recursion: the JSON may be nested as deep as the parser allows."""
    try:
        json.dumps(raw, ensure_ascii=False, default=str).encode("utf-8")
        return  # the usual case, found at C speed; otherwise the walk below names the field
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        pass
    stack: list[tuple[object, str]] = [(raw, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            found = _SURROGATE.search(value)
            if found:
                raise ProfileError(f"{path or 'profile'}: 文字中含有无法显示的字符 U+{ord(found.group()):04X}"
                                   f"（不成对的 UTF-16 代理项），请重新输入这段文字，例如 苏州某某有限公司")
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{_printable(str(key))}" if path else _printable(str(key))
                stack += [(item, where), (key, where)]
        elif isinstance(value, list):
            stack += [(item, f"{path}[{n}]") for n, item in enumerate(value)]


def parse_profile(raw: object, today: _dt.date | None = None) -> dict:
    """Check and normalise a profile: dates become ``date``, ``as_of`` defaults to today.

    Unknown top-level fields are kept and ignored (newer profiles may carry more)."""
    if not isinstance(raw, dict):
        raise ProfileError(f"profile: 档案应为 JSON 对象 {{...}}，而不是 {type(raw).__name__}")
    _no_lone_surrogates(raw)
    profile = {k: (_value(BY_NAME[k], v, k) if k in BY_NAME else v) for k, v in raw.items()}
    _join_parts(profile)
    if profile.get("as_of") is None:
        profile["as_of"] = today or china_today()  # China's day, not the machine's (Pyodide runs in UTC)
    profile[STATED_ON] = profile["as_of"]
    if profile.get("independent_legal_person") is True and profile.get("legal_person") is None:
        profile["legal_person"] = True  # 具有独立法人资格 implies 具有法人资格
    for award in profile.get("awards") or []:
        if award.get("fraud") is True and award.get("revoked") is None:
            award["revoked"] = True  # 因弄虚作假被撤销 is a revocation: every revocation ban applies
    for key, value in (profile.get("excellence_percent") or {}).items():
        if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                or not 0 <= value <= 100 or value % 5):
            raise ProfileError(f"excellence_percent.{key}: 应为 0 至 100 之间、5 的倍数，例如 55，"
                               f"而不是 {_shown(value)}")
    for key, value in (profile.get("declarations") or {}).items():
        if not isinstance(value, bool):
            raise ProfileError(f"declarations.{key}: 应为 true（是）或 false（否），而不是 {_shown(value)}")
    return profile
