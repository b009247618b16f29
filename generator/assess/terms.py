"""The portal's closed vocabularies and every Chinese label for their values, in one place.

Standard library only: this module ships to the browser with the engine, and the site, the
models and the scripts read their vocabularies and labels from here (the JavaScript through
``data/profile-fields.json`` and the generated ``notices.js``). A vocabulary is an ordered
table of id -> Chinese label; notice kinds are records that carry their behaviour as flags.
"""

from __future__ import annotations

from dataclasses import dataclass


class Vocabulary(dict[str, str]):
    """An ordered, closed set of ids, each with its Chinese label."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self)


# --- the applicant's facts (docs/PROFILE.md) -------------------------------------------------------------
SECTORS = Vocabulary(manufacturing="制造业", agriculture="农业", service="服务业", construction="建筑业")
INCIDENT_KINDS = Vocabulary(quality="质量", safety="安全（生产）", environment="环境污染", public_health="公共卫生",
                            food_safety="食品安全")
INCIDENT_SEVERITIES = Vocabulary(general="一般", larger="较大", major="重大", especially_major="特别重大")
VIOLATION_SEVERITIES = Vocabulary(general="一般", larger="较大", major="重大")
SAMPLING_LEVELS = Vocabulary(national="国家级", provincial="省级", industry="行业", city="市级",
                             county="县（市、区）级")
AWARD_LEVELS = Vocabulary(national="国家级", provincial="省级", city="市级", county="县（市、区）级")
RELATED_AWARD_LEVELS = Vocabulary(provincial="省级", city="市级")
AWARD_TIERS = Vocabulary(award="质量奖", nomination="提名奖", innovation="创新奖", excellence="质量管理优秀奖")
CREDIT_LEVELS = Vocabulary(none="无", A="A", AA="AA", AAA="AAA")
TARGET_LEVELS = Vocabulary(A="A", AA="AA", AAA="AAA")
RELATIONS = Vocabulary(parent="母公司", subsidiary="子公司")
FOOD_SAFETY_SYSTEMS = Vocabulary(HACCP="HACCP", ISO22000="ISO22000")
AGRI_CERTIFICATIONS = Vocabulary(green="绿色食品", organic="有机", geographical_indication="地理标志")
# export_failures kinds (docs/PROFILE.md, added 2026-12-04): the field's documented meaning, item by item.
EXPORT_FAILURE_KINDS = Vocabulary(**{"return": "退运", "destruction": "销毁", "notification": "遭国外官方通报",
                                     "inspection_failure": "出口检验检疫不合格"})

# Groups of the calculator's form (generator.assess.profile.FORM_GROUPS).
FACT_GROUPS = Vocabulary(basic="基本信息", production="行业与生产条件", systems="管理体系与创新", records="近年记录",
                         awards="获奖与信用", answers="逐项回答")

# --- the engine's answers ------------------------------------------------------------------------------
STATUSES = Vocabulary(**{"pass": "符合", "fail": "不符合", "unknown": "无法判断"})
VERDICTS = Vocabulary(eligible="符合申报条件", ineligible="不符合申报条件", undetermined="尚不能确定")

# --- the schemes' data (schemes/*.yaml) ----------------------------------------------------------------
AREA_LEVELS = Vocabulary(province="省级", city="市级", district="区（县）级")
ROLES = Vocabulary(organises="组织实施", recommends="审核推荐", reviews="评审", decides="审议决定", approves="批准",
                   interprets="解释")
CONDITION_GROUPS = Vocabulary(
    basic="基本条件", record="近年记录要求", safety="安全生产", manufacturing="制造业", agriculture="农业",
    service="服务业", construction="建筑业", group="以集团名义申报", related="关联企业", exclusion="不予受理的情形",
    procedure="申报前的程序要求", materials="申报材料一览表中的条件", discipline="申报纪律",
)
MATERIAL_REQUIRED = Vocabulary(all="所有申报组织提供", when="符合条件的申报组织提供", if_applicable="涉及时提供",
                               optional="如有可提供")
REVISION_KINDS = Vocabulary(added="新增", changed="修改", deleted="删除", merged="合并")
CHANGE_KINDS = Vocabulary(added="新增", changed="修改", removed="删除")
CREDIT_FORMS = Vocabulary(fixed="符合即得该项分值", base_increment="基础分加递增分，设上限", highest="取单项最高分",
                          cumulative="得分可累计，设上限")
PERIOD_UNITS = Vocabulary(calendar="天", working="个工作日")
# Values of 附件1 answers (credit_answers), labelled in the words of their clauses (五②, 七③).
CREDIT_OPTIONS = Vocabulary(**{
    "lead.international": "主导制（修）订国际标准", "lead.national": "主导制（修）订国家标准",
    "lead.industry": "主导制（修）订行业标准", "lead.local": "主导制（修）订地方标准",
    "participate.international": "参与制（修）订国际标准", "participate.national": "参与制（修）订国家标准",
    "participate.industry": "参与制（修）订行业标准", "participate.local": "参与制（修）订地方标准",
    "invention": "发明专利", "utility_model": "实用新型专利", "design": "外观设计专利",
})


# --- notices -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NoticeKind:
    """A kind of public notice and what the checks and pages do with it."""

    id: str
    label: str
    ranked: bool = False  # entries carry a tier; caps and one-per-parent apply
    by_applicant: bool = False  # posted by the applicant inside its own organisation, never on this portal


NOTICE_KINDS: dict[str, NoticeKind] = {k.id: k for k in (
    NoticeKind("call", "申报通知"),
    NoticeKind("acceptance", "受理名单公示"),
    NoticeKind("proposed_winners", "拟奖（候选）名单公示", ranked=True),
    NoticeKind("winners", "获奖名单公布", ranked=True),
    NoticeKind("credit_results", "认定结果公示"),
    NoticeKind("internal", "申报组织内部公示", by_applicant=True),
)}
NOTICE_STATUSES = Vocabulary(upcoming="即将发布", scheduled="已发布，公示期未开始", open="正在公示", closed="已结束",
                             published="已发布", withdrawn="已撤回")
# The statuses under which a notice is listed as current on the home page (正在公示 and what is about to be).
LIVE_NOTICE_STATUSES = ("upcoming", "scheduled", "open")


# --- one table of value labels -------------------------------------------------------------------------
def _merge(*vocabularies: Vocabulary) -> dict[str, str]:
    """Value id -> label across vocabularies that share ids only where they agree on the label."""
    merged: dict[str, str] = {}
    for vocabulary in vocabularies:
        for key, label in vocabulary.items():
            if merged.setdefault(key, label) != label:
                raise AssertionError(f"{key!r} is labelled both {merged[key]!r} and {label!r}")
    return merged


# The label of any value a profile or a 附件1 option can hold (the form, the reasons, the rules pages).
VALUE_LABELS: dict[str, str] = _merge(
    SECTORS, INCIDENT_KINDS, INCIDENT_SEVERITIES, VIOLATION_SEVERITIES, SAMPLING_LEVELS, AWARD_LEVELS,
    AWARD_TIERS, Vocabulary(none="无"), RELATIONS, AGRI_CERTIFICATIONS, FOOD_SAFETY_SYSTEMS, CREDIT_OPTIONS,
    EXPORT_FAILURE_KINDS,
)


def label(value: object) -> str:
    """The Chinese label of a value, or the value itself."""
    if isinstance(value, bool):
        return "是" if value else "否"
    return VALUE_LABELS.get(str(value), str(value))


def for_scripts() -> dict[str, dict[str, str]]:
    """The labels the page scripts need, exported as JSON (data/profile-fields.json)."""
    return {"values": VALUE_LABELS, "statuses": STATUSES, "verdicts": VERDICTS,
            "notice_statuses": NOTICE_STATUSES}
