"""/data/profile.schema.json (issue 25, part 2): a valid JSON Schema generated from the spec the engine reads,
which accepts the profiles the portal writes and refuses the values the engine refuses."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator import ROOT
from generator.assess.profile import FIELDS, PROFILE_VERSION, ProfileError, parse_profile
from generator.views.profile_schema import profile_schema

CORPUS = ROOT / "tests" / "profile_corpus" / "corpus.json"


@pytest.fixture(scope="module")
def validator(portal) -> jsonschema.Draft202012Validator:
    schema = profile_schema([s.id for s in portal.schemes])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_every_field_of_the_spec_is_in_the_schema():
    properties = profile_schema()["properties"]
    assert list(properties) == [f.name for f in FIELDS]
    assert str(PROFILE_VERSION) in profile_schema()["description"]


def test_the_examples_and_the_corpus_are_valid(validator):
    profiles = [json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "examples").glob("*.json")]
    profiles += [entry["profile"] for entry in json.loads(CORPUS.read_text(encoding="utf-8"))]
    for profile in profiles:
        assert not list(validator.iter_errors(profile)), profile


@pytest.mark.parametrize("profile", [
    {"awards": [{"year": 0}]},
    {"established": "20260304"},
    {"established": "2026-W10-3"},
    {"excellence_percent": {"4.1.2": 52}},
    {"region_code": "3205081"},
    {"management_systems": [{"standard": ""}]},
    {"export_failures": [{"date": "2022-01-10", "kind": "lost"}]},
    {"sector": "mining"},
    {"schemes_of_interest": ["hangzhou-quality-award"]},
    {"major_quality_complaints": ["2020-01-01"] * 10_001},
    {"profile_version": 0},
])
def test_what_the_engine_refuses_the_schema_refuses(validator, profile):
    assert list(validator.iter_errors(profile)), profile
    if "schemes_of_interest" not in profile:  # checked against the portal's data when assessing
        with pytest.raises(ProfileError):
            parse_profile(profile)


def test_the_site_publishes_the_schema(site):
    published = json.loads((site / "data" / "profile.schema.json").read_text(encoding="utf-8"))
    assert published["properties"]["export_failures"]["items"]["anyOf"][0]["pattern"]
    page = (site / "profile" / "index.html").read_text(encoding="utf-8")
    assert "profile.schema.json" in page and "profile_version" in page
