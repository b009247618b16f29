"""Hypothesis strategies for applicant profiles: mostly well-typed values at and past the edges of each
field (dates near year 1 and 9999, huge and negative counts, unknown enums), mixed with arbitrary JSON.
Shared by tests/test_engine_fuzz.py (bounded, fixed seed) and bench/fuzz_engine.py (long runs)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from generator import ROOT
from generator.assess.profile import FIELDS, Field

SCHEME_IDS = sorted(p.stem for p in (ROOT / "schemes").glob("*.yaml"))

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
)
ANY_JSON = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=12)
EDGE_DATES = st.sampled_from(["0001-01-01", "0001-12-31", "1899-12-31", "1900-01-01", "2020-02-29", "2026-11-23",
                              "2199-12-31", "2200-01-01", "9999-12-31", "2026-02-30", "20261123", ""])
DATES = st.one_of(EDGE_DATES, st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat))
COUNTS = st.one_of(st.integers(min_value=-3, max_value=12), st.sampled_from([10**6, 10**6 + 1, 10**18, -(10**18)]))
CREDIT_IDS = st.sampled_from(["1.1", "3.1", "5.1", "5.2", "7.2", "7.3", "7.4", "8.10", "99.9", "x"])
CREDIT_ANSWERS = st.one_of(
    st.booleans(), st.none(), COUNTS,
    st.sampled_from(["national", "provincial", "city", "county", "mining", ""]),
    st.fixed_dictionaries({}, optional={"invention": COUNTS, "utility_model": COUNTS, "bogus": COUNTS}),
    st.fixed_dictionaries({}, optional={"lead": st.dictionaries(st.sampled_from(["national", "local", "x"]), COUNTS),
                                        "participate": ANY_JSON}),
    ANY_JSON,
)
PERCENT_IDS = st.sampled_from(["4.1.2", "4.2.2", "9.9.9", "4.1", ""])
PERCENTS = st.one_of(st.sampled_from([0, 5, 55, 100, 105, -5, 52, 1e308]), st.floats(allow_nan=False), ANY_JSON)


def valid_for(field: Field) -> st.SearchStrategy:
    """A value ``parse_profile`` accepts, edges of the allowed ranges included."""
    kind = field.kind
    if kind == "bool":
        return st.booleans()
    if kind == "int" and field.minimum is not None:  # a year
        return st.one_of(st.integers(min_value=2000, max_value=2030),
                         st.sampled_from([int(field.minimum), int(field.maximum or field.minimum)]))
    if kind == "int":
        return st.one_of(st.integers(min_value=0, max_value=12), st.just(10**6))
    if kind == "number":
        top = field.maximum or 1000
        return st.one_of(st.floats(min_value=0, max_value=top), st.sampled_from([0, top]))
    if kind == "date":
        days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)).map(dt.date.isoformat)
        # Mostly near today, where windows and durations begin and end.
        recent = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)).map(dt.date.isoformat)
        edges = st.sampled_from(["1900-01-01", "2199-12-31", "2020-02-29", "2023-05-01", "2026-11-23"])
        return st.one_of(days, recent, recent, recent, edges)
    if kind == "str" and field.name == "standard":
        return st.sampled_from(["ISO9001", "GB/T 19001-2016", "IATF16949", "ISO14001", "GJB9001C"])
    if kind == "str":
        return st.sampled_from(["320506", "330402", "320706", "320583", "320902", "110101"])
    if kind == "enum":
        return st.sampled_from(list(field.enum))
    if kind == "scheme":
        return st.sampled_from(SCHEME_IDS)
    if kind == "list":
        return st.lists(valid_for(field.item), max_size=4)
    if kind == "object" and field.name == "credit":  # a level held, usually with its date
        subs = {f.name: valid_for(f) for f in field.fields}
        return st.fixed_dictionaries({"level": subs["level"]},
                                     optional={"since": subs["since"], "target_level": subs["target_level"]})
    if kind == "object" and field.plain:  # a record given by its date alone, as the format first wrote it
        subs = {f.name: f for f in field.fields}
        return st.one_of(valid_for(subs[field.plain]),
                         st.fixed_dictionaries({}, optional={n: valid_for(f) for n, f in subs.items()}))
    if kind == "object":
        return st.fixed_dictionaries({}, optional={f.name: valid_for(f) for f in field.fields})
    if field.name == "credit_answers":
        return st.fixed_dictionaries({}, optional={
            "1.1": st.booleans(), "3.1": st.integers(0, 20), "5.1": st.sampled_from(["national", "provincial", None]),
            "5.2": st.fixed_dictionaries({}, optional={"lead": st.fixed_dictionaries({}, optional={
                "national": st.integers(0, 5), "local": st.integers(0, 5)})}),
            "7.2": st.sampled_from(["provincial", "city", "county", None]),
            "7.3": st.fixed_dictionaries({}, optional={"invention": st.integers(0, 10 ** 6),
                                                       "design": st.integers(0, 5)}),
            "8.10": st.booleans()})
    if field.name == "excellence_percent":
        return st.dictionaries(st.sampled_from(["4.1.2", "4.2.2", "4.3.2", "5.1.2"]),
                               st.integers(0, 20).map(lambda n: n * 5), max_size=4)
    return st.dictionaries(st.sampled_from(["innovation", "leading", "x"]), st.booleans(), max_size=3)


def value_for(field: Field) -> st.SearchStrategy:
    """A hostile value for ``field``: out of range, of another type, or anything."""
    kind = field.kind
    if kind == "int":
        typed = COUNTS
    elif kind == "number":
        typed = st.one_of(st.floats(min_value=-10, max_value=2000, allow_nan=False), COUNTS)
    elif kind == "date":
        typed = DATES
    elif kind == "str":
        typed = st.text(max_size=8)
    elif kind in ("enum", "scheme"):
        typed = st.sampled_from(["mining", "", "National", "hangzhou-quality-award"])
    elif kind == "list":
        typed = st.lists(st.one_of(valid_for(field.item), value_for(field.item), st.none()), min_size=1, max_size=3)
    elif kind == "object":
        typed = st.fixed_dictionaries({}, optional={f.name: value_for(f) for f in field.fields})
    elif field.name == "credit_answers":
        typed = st.dictionaries(CREDIT_IDS, CREDIT_ANSWERS, max_size=5)
    elif field.name == "excellence_percent":
        typed = st.dictionaries(PERCENT_IDS, PERCENTS, max_size=4)
    else:
        typed = st.dictionaries(st.text(max_size=10), ANY_JSON, max_size=3)
    return st.one_of(typed, ANY_JSON)


_BY_NAME = {f.name: f for f in FIELDS}
_NAMES = sorted(_BY_NAME)
# A few fields at a time, as a person fills them, all valid (so the rules and scores run), plus at most
# one hostile field.
VALID_PROFILES = st.lists(st.sampled_from(_NAMES), max_size=10, unique=True).flatmap(
    lambda names: st.fixed_dictionaries({n: valid_for(_BY_NAME[n]) for n in names}))
# Records, objects and maps hide most of the engine's paths: they are the hostile field more often.
_HOSTILE = st.one_of(st.sampled_from(_NAMES),
                     st.sampled_from([n for n in _NAMES if _BY_NAME[n].kind in ("list", "object", "map")]))
PROFILES = st.tuples(VALID_PROFILES, st.one_of(st.none(), _HOSTILE, _HOSTILE)).flatmap(
    lambda pair: st.just(pair[0]) if pair[1] is None else st.fixed_dictionaries(
        {n: st.just(v) for n, v in pair[0].items()} | {pair[1]: value_for(_BY_NAME[pair[1]])}))
