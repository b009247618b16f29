"""The typed model of a scheme: what one ``schemes/<id>.yaml`` holds.

Every rule-bearing item carries a :class:`Cite`: the clause and its text quoted from
the source document. Structure and types are checked here; the quotes against the
source texts, the rule language against the profile, and cross-references are checked
in :mod:`generator.load.schemes`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.assess.terms import (
    AREA_LEVELS,
    CONDITION_GROUPS,
    CREDIT_FORMS,
    MATERIAL_REQUIRED,
    NOTICE_KINDS,
    PERIOD_UNITS,
    REVISION_KINDS,
    ROLES,
    SECTORS,
    TARGET_LEVELS,
)

# Closed vocabularies come from generator.assess.terms, which also labels them.
Sector = Literal[SECTORS.ids]
NoticeKind = Literal[tuple(NOTICE_KINDS)]
Role = Literal[ROLES.ids]
ConditionGroup = Literal[CONDITION_GROUPS.ids]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Cite(Strict):
    """Where a rule comes from: the clause, and its words quoted from the source.

    ``quote`` may skip text with ``……``; each fragment must appear, in order, in the
    document. ``doc`` names one of the scheme's documents (default: the first).
    """

    clause: str = Field(min_length=1)
    quote: str = Field(min_length=2)
    doc: str | None = None


class Replaced(Strict):
    """A text this document repeals: one the portal does not hold, or (``document``) an earlier document of the
    same scheme. Whether it is 已废止 or only 拟废止 follows from this document's own dates."""

    title: str
    number: str | None = None
    document: str | None = None
    cite: Cite


class Document(Strict):
    """A source text. Its status (现行, 已截止, 征求意见稿, 尚未施行, 已失效, 已废止) is never typed in: it is
    computed from ``draft``, the effective dates, the call's windows and later documents (assess/edition.py)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    number: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    issuer: str
    draft: bool = False  # a consultation draft (征求意见稿): not in force whatever its dates
    draft_cite: Cite | None = None  # where the text calls itself a draft
    status_note: str | None = None
    effective_from: dt.date | None = None  # None: from a day the text does not give (e.g. 自印发之日起)
    effective_to: dt.date | None = None
    effective_cite: Cite | None = None
    source: str = Field(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    replaces: list[Replaced] = []

    @model_validator(mode="after")
    def _dates(self) -> Document:
        if self.effective_from and self.effective_to and self.effective_from > self.effective_to:
            raise ValueError(f"effective_from {self.effective_from} is after effective_to {self.effective_to}")
        if (self.effective_from or self.effective_to) and self.effective_cite is None:
            raise ValueError("effective_from/effective_to need effective_cite: the clause that gives the dates")
        return self


class RevisionCheck(Strict):
    """A condition on which the earlier wording, as far as the note reveals it, may decide differently: that
    wording as a rule of the same rule language."""

    condition: str
    rule: dict[str, Any]


class Revision(Strict):
    """One of the drafters' revision notes (修订说明), as data: the wording now, the note, and the earlier wording
    as the note gives it. The plain text lost the underlining, so ``now`` quotes the whole sentence."""

    kind: Literal[REVISION_KINDS.ids]
    now: Cite | None = None  # None: the note says what was deleted, and nothing stands in its place
    note: Cite
    before: str | None = None  # the earlier wording, a part of the note's quote
    checks: list[RevisionCheck] = []

    @model_validator(mode="after")
    def _before_is_quoted(self) -> Revision:
        if self.before is not None and self.before not in self.note.quote:
            raise ValueError(f"before {self.before!r}: expected words of the note's quote {self.note.quote!r}")
        if self.kind != "deleted" and self.now is None:
            raise ValueError(f"a {self.kind} revision needs `now`: the wording as revised")
        return self


class Revisions(Strict):
    """What a draft changes from the text it would replace, clause by clause, from its own notes."""

    earlier: str  # the earlier text's title and number, as the draft names it
    items: list[Revision] = Field(min_length=1)


class AreaException(Strict):
    """Organisations outside the area that the scheme's own text admits (盐城: 沪苏大丰产业联动集聚区内企业不受此限).

    A notice entry registered outside the area passes only with an ``outside_area_reason`` that names ``place``;
    ``cite`` quotes the clause, and its quote must name the place too."""

    place: str = Field(min_length=2)  # what a reason must name: 沪苏大丰产业联动集聚区
    reason: str = Field(min_length=2)  # what a clerk writes, the example of the messages: 位于沪苏大丰产业联动集聚区
    cite: Cite

    @model_validator(mode="after")
    def _quoted(self) -> AreaException:
        if self.place not in self.cite.quote or self.place not in self.reason:
            raise ValueError(f"place {self.place!r}: expected words of the cite's quote and of the reason")
        return self


class Area(Strict):
    name: str
    code_prefixes: list[str] = Field(min_length=1)
    cite: Cite
    # Where the text admits organisations registered outside the area; none: an out-of-area code is an error.
    exceptions: list[AreaException] = []

    @model_validator(mode="after")
    def _codes(self) -> Area:
        for code in self.code_prefixes:
            if not (code.isdigit() and 2 <= len(code) <= 6):
                raise ValueError(f"code prefix {code!r}: expected 2 to 6 digits of a GB/T 2260 code")
        return self


class Cycle(Strict):
    every_years: int | None = Field(default=None, ge=1)
    text: str
    cite: Cite


class KeyDate(Strict):
    id: str
    label: str
    start: dt.date | None = None
    end: dt.date | None = None
    when: str
    who: str | None = None
    cite: Cite

    @model_validator(mode="after")
    def _order(self) -> KeyDate:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class CallWindow(Strict):
    """One application window of the call: a key date (its start and end), for some levels only if named."""

    key_date: str
    levels: list[Literal[TARGET_LEVELS.ids]] = []


class Call(Strict):
    """The call (申报通知) the assessment judges by: the latest one the portal has, and its windows."""

    edition: str | None = None  # "2023年度"; none where the sources hold a standing text only
    document: str  # a document id
    windows: list[CallWindow] = Field(min_length=1)


class RoleItem(Strict):
    role: Role
    who: str
    cite: Cite


class Tier(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    cap: int | None = Field(default=None, ge=0)
    cap_text: str
    may_be_empty: bool = False
    prize_yuan: int | None = Field(default=None, ge=0)
    prize_text: str | None = None
    cite: Cite
    prize_cite: Cite | None = None

    @model_validator(mode="after")
    def _prize(self) -> Tier:
        if (self.prize_yuan is not None or self.prize_text) and self.prize_cite is None:
            raise ValueError("a prize needs prize_cite")
        return self


class CreditLevel(Strict):
    id: Literal[TARGET_LEVELS.ids]
    name: str
    requires: str
    rule: dict[str, Any] | None = None
    cite: Cite


class Quota(Strict):
    level: Literal[TARGET_LEVELS.ids]
    max: int = Field(ge=0)
    per: str  # whom the cap counts, as the text words it: "每个设区市推荐"
    cite: Cite


class Condition(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    group: ConditionGroup
    title: str
    judged_by: Literal["rule", "reviewers"]
    rule: dict[str, Any] | None = None
    # For a condition the reviewers judge: what is known to fall short of it ("一定数量的发明专利" and none at all).
    fails_when: dict[str, Any] | None = None
    applies_when: dict[str, Any] | None = None
    note: str | None = None
    cite: Cite

    @model_validator(mode="after")
    def _rule(self) -> Condition:
        if self.judged_by == "rule" and self.rule is None:
            raise ValueError("judged_by: rule needs a rule")
        if self.judged_by == "reviewers" and self.rule is not None:
            raise ValueError("judged_by: reviewers takes no rule")
        if self.fails_when is not None and self.judged_by != "reviewers":
            raise ValueError("fails_when goes with judged_by: reviewers (a rule says itself when it fails)")
        return self


class Stage(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    who: str | None = None
    weight_percent: int | None = Field(default=None, ge=0, le=100)
    # Which score of the profile's review_scores this stage's weight applies to.
    review_score: Literal["material", "qa", "onsite"] | None = None
    # A procedure of its own within the scheme (江苏: A级 and AA/AAA级 are separate procedures).
    track: str | None = None
    steps: list[CitedItem] = []  # what the stage consists of, where the text spells it out
    cite: Cite
    weight_cite: Cite | None = None

    @model_validator(mode="after")
    def _weight(self) -> Stage:
        if self.weight_percent is not None and (self.weight_cite is None or self.review_score is None):
            raise ValueError("a stage weight needs weight_cite and review_score (material, qa or onsite)")
        return self


class Ratio(Strict):
    ratio: list[float] = Field(min_length=2, max_length=2, description="places : candidates, e.g. [1, 2]")
    applies_to: str
    cite: Cite


class CitedItem(Strict):
    """A rule stated in words only (voting rules, obligations, ...)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    title: str
    cite: Cite


class Voting(Strict):
    quorum: str | None = None
    threshold: str | None = None
    rules: list[CitedItem] = Field(min_length=1)


class MinimumScore(Strict):
    points: int = Field(ge=0)
    of: int = Field(gt=0)
    cite: Cite


class CreditOption(Strict):
    value: str
    points: float = Field(gt=0)


class CreditItem(Strict):
    """One point of 附件1. ``form`` says how its points are earned."""

    id: str = Field(pattern=r"^\d+\.\d+$")
    max: float = Field(gt=0)
    form: Literal[CREDIT_FORMS.ids]
    base: float | None = None
    increment: float | None = None
    options: list[CreditOption] = []
    derive: str | dict[str, str] | None = None
    cite: Cite

    @model_validator(mode="after")
    def _form(self) -> CreditItem:
        if self.form == "base_increment":
            if self.base is None or self.increment is None:
                raise ValueError("form base_increment needs base and increment")
            if self.base > self.max:
                raise ValueError(f"base {self.base} is above the cap {self.max}")
        elif self.base is not None or self.increment is not None:
            raise ValueError(f"form {self.form} takes no base or increment")
        if self.form in ("highest", "cumulative"):
            if not self.options:
                raise ValueError(f"form {self.form} needs options")
            if self.form == "highest" and max(o.points for o in self.options) != self.max:
                raise ValueError(
                    f"max {self.max} differs from the highest option "
                    f"({max(o.points for o in self.options)})"
                )
        elif self.options:
            raise ValueError(f"form {self.form} takes no options")
        return self


class CreditPart(Strict):
    id: str = Field(pattern=r"^\d+$")
    name: str
    max: float = Field(gt=0)
    items: list[CreditItem] = Field(min_length=1)
    cite: Cite

    @model_validator(mode="after")
    def _sum(self) -> CreditPart:
        total = sum(i.max for i in self.items)
        if abs(total - self.max) > 1e-9:
            raise ValueError(f"items add to {total:g}, not to the part's maximum {self.max:g}")
        for n, item in enumerate(self.items, 1):
            if item.id != f"{self.id}.{n}":
                raise ValueError(f"item {item.id}: expected id {self.id}.{n}")
        return self


class Veto(Strict):
    id: str = Field(pattern=r"^\d+\.\d+$")
    title: str
    rule: dict[str, Any]
    cite: Cite


class CreditScoring(Strict):
    total: float
    parts: list[CreditPart] = Field(min_length=1)
    vetoes: list[Veto] = []
    # The levels whose procedure names the indicators (and so their vetoes); for another level the text is
    # silent, and a veto that would apply is left to the reviewers.
    levels: list[Literal[TARGET_LEVELS.ids]] = []
    levels_cite: Cite | None = None

    @model_validator(mode="after")
    def _sum(self) -> CreditScoring:
        total = sum(p.max for p in self.parts)
        if abs(total - self.total) > 1e-9:
            raise ValueError(f"parts add to {total:g}, not to the total {self.total:g}")
        for n, part in enumerate(self.parts, 1):
            if part.id != str(n):
                raise ValueError(f"part {part.id}: expected id {n}")
        if self.levels and not self.levels_cite:
            raise ValueError("levels: expected levels_cite, the clause that names the levels")
        return self


class Scoring(Strict):
    standard: Literal["gbt19580"] | None = None
    standard_cite: Cite | None = None
    total_points: int | None = None
    minimum: MinimumScore | None = None
    credit: CreditScoring | None = None
    notes: list[CitedItem] = []

    @model_validator(mode="after")
    def _standard(self) -> Scoring:
        if self.standard and not self.standard_cite:
            raise ValueError("standard needs standard_cite")
        return self


class MaterialEntry(Strict):
    name: str
    note: str | None = None
    required: Literal[MATERIAL_REQUIRED.ids]
    when: dict[str, Any] | None = None
    limit: str | None = None

    @model_validator(mode="after")
    def _when(self) -> MaterialEntry:
        if (self.required == "when") != (self.when is not None):
            raise ValueError("required: when goes with a `when` rule, and only with it")
        return self


class Material(Strict):
    number: int = Field(ge=1)
    category: str
    entries: list[MaterialEntry] = Field(min_length=1)
    cite: Cite
    levels: list[str] = []  # only for an applicant for these levels (a scheme with levels); empty: every one


class Materials(Strict):
    items: list[Material] = []
    notes: list[CitedItem] = []

    @model_validator(mode="after")
    def _numbers(self) -> Materials:
        for n, item in enumerate(self.items, 1):
            if item.number != n:
                raise ValueError(f"material number {item.number}: expected {n}")
        return self


class PeriodRule(Strict):
    days: int = Field(ge=1)
    unit: Literal[PERIOD_UNITS.ids]
    minimum: bool


class NoticeRule(Strict):
    kind: NoticeKind
    title: str
    where: str | None = None
    period: PeriodRule | None = None
    cite: Cite
    objections: CitedItem | None = None


class Contact(Strict):
    name: str
    area: str | None = None
    person: str | None = None
    phone: str | None = Field(default=None, pattern=r"^[0-9-]{7,13}$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    cite: Cite


class Form(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    kind: Literal["commitment", "table"]
    header: list[str] = []
    columns: list[str] = []
    paragraphs: list[str] = []
    signature: list[str] = []
    cite: Cite

    @model_validator(mode="after")
    def _kind(self) -> Form:
        if self.kind == "table" and not self.columns:
            raise ValueError("a table form needs columns")
        if self.kind == "commitment" and not self.paragraphs:
            raise ValueError("a commitment form needs paragraphs")
        return self


class Penalty(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    title: str
    ban_years: int | None = Field(default=None, ge=1)
    cite: Cite


class Funding(Strict):
    title: str
    amount_yuan: int | None = Field(default=None, ge=0)
    cite: Cite


class NotForApplicants(Cite):
    """A clause that binds no applicant and no reader relying on the rules (preamble, duties of the offices,
    interpretation, entry into force, ...): the 条款覆盖 report counts it as covered. ``quote`` is verified like
    every cite; ``why`` says, in Chinese, why the clause states nothing an applicant relies on."""

    why: str = Field(min_length=2)


class DerivedNumber(Strict):
    """A number of a rule that its own quote does not state: where it sits (``at``, as a check message names it:
    ``scoring.total_points``, an item with an id by its id: ``conditions[invention-patents].fails_when.at_most``), its
    value, why it is so (in Chinese) and the words of the text it rests on. The check
    (generator/load/scheme_numbers.py) accepts the number at ``at`` only with this value."""

    at: str = Field(min_length=1)
    value: int | float
    why: str = Field(min_length=2)
    cite: Cite


class Scheme(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    order: int = Field(ge=1)  # the portal's order of schemes: nav, comparison, calculator
    name: str
    short_name: str
    kind: Literal["award", "credit_rating"]
    level: Literal[AREA_LEVELS.ids]
    area: Area
    issuers: list[str] = Field(min_length=1)
    documents: list[Document] = Field(min_length=1)
    purpose: Cite
    cycle: Cycle | None = None
    key_dates: list[KeyDate] = []
    call: Call | None = None
    roles: list[RoleItem] = []
    principles: list[CitedItem] = []
    tiers: list[Tier] = []
    levels: list[CreditLevel] = []
    quotas: list[Quota] = []
    conditions: list[Condition] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    candidate_ratio: Ratio | None = None
    voting: Voting | None = None
    scoring: Scoring = Scoring()
    materials: Materials = Materials()
    notices: list[NoticeRule] = []
    contacts: list[Contact] = []
    forms: list[Form] = []
    obligations: list[CitedItem] = []
    penalties: list[Penalty] = []
    funding: list[Funding] = []
    # "同属一个母公司的多个子公司，最多推荐一个…": the notices check it where parents are given.
    one_per_parent: Cite | None = None
    revisions: Revisions | None = None  # a draft's notes on what it changes (the 修订对照 page)
    # The sentences that introduce the conditions, the procedure and the contacts (shown at the head of those pages).
    conditions_cite: Cite | None = None
    procedure_cite: Cite | None = None
    contacts_cite: Cite | None = None
    # The long-distance code of local phone numbers in `contacts` (the sources print them without it).
    dial_code: str | None = Field(default=None, pattern=r"^0[1-9][0-9]{1,2}$")
    # Clauses of the sources that bind no applicant: covered without a rule (generator/views/coverage.py).
    not_for_applicants: list[NotForApplicants] = []
    # Numbers of rules that their own quote does not state, each with its reason and quoted basis.
    derived_numbers: list[DerivedNumber] = []

    @property
    def stage_tracks(self) -> list[tuple[str | None, list[Stage]]]:
        """The stages by procedure (``track``), each in its order; one unnamed procedure for most schemes."""
        tracks: dict[str | None, list[Stage]] = {}
        for stage in self.stages:
            tracks.setdefault(stage.track, []).append(stage)
        return list(tracks.items())

    def notice_rule(self, kind: str) -> NoticeRule | None:
        """What the scheme's rules say about notices of ``kind``, or None if they name no such notice."""
        return next((n for n in self.notices if n.kind == kind), None)

    @property
    def tier_names(self) -> dict[str, str]:
        """Award tiers and credit levels, id -> name: what a notice entry's `tier` may be."""
        return {t.id: t.name for t in self.tiers} | {lv.id: lv.name for lv in self.levels}

    @model_validator(mode="after")
    def _cross(self) -> Scheme:
        weights = [s.weight_percent for s in self.stages if s.weight_percent is not None]
        if weights and sum(weights) != 100:
            raise ValueError(f"stage weights add to {sum(weights)}%, not 100%")
        for label, items in (
            ("condition", self.conditions),
            ("tier", self.tiers),
            ("stage", self.stages),
            ("document", self.documents),
            ("form", self.forms),
        ):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"{label} id {item.id!r} is used twice")
                seen.add(item.id)
        if self.revisions:
            ids = {c.id for c in self.conditions}
            for item in self.revisions.items:
                for check in item.checks:
                    if check.condition not in ids:
                        raise ValueError(f"revisions: condition {check.condition!r} is not one of the scheme's")
        doc_ids = [d.id for d in self.documents]
        for doc in self.documents:
            for old in doc.replaces:
                if old.document is not None and (old.document not in doc_ids or old.document == doc.id):
                    raise ValueError(f"document {doc.id!r} replaces {old.document!r}: expected another of the "
                                     f"scheme's documents ({', '.join(doc_ids)})")
        if self.call is not None:
            if self.call.document not in {d.id for d in self.documents}:
                raise ValueError(f"call: document {self.call.document!r} is not one of the scheme's documents")
            for window in self.call.windows:
                if window.key_date not in {k.id for k in self.key_dates}:
                    raise ValueError(f"call: key_date {window.key_date!r} is not one of the scheme's key_dates")
        if self.kind == "credit_rating" and not self.levels:
            raise ValueError("a credit_rating scheme needs levels")
        if self.kind == "award" and not self.tiers:
            raise ValueError("an award scheme needs tiers")
        return self
