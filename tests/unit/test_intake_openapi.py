"""The intake's OpenAPI document: generated from the schema that validates reports, served,
committed and kept current; and the JSON API fuzzed against it never answers 5xx."""
from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from services.contracts.questionnaire import load
from services.intake import characters, openapi
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from services.common import sealing

    keys = tmp_path_factory.mktemp("keys")
    sealing.generate(keys)
    # A limit no fuzzing run reaches: 429 is tested on its own.
    return create_app(Settings(keys_dir=keys, rate_limit=1_000_000), publisher=FakePublisher())


def test_the_served_document_is_the_committed_one_so_it_is_current(app):
    served = app.test_client().get("/api/v1/openapi.json").get_json()
    assert served == openapi.document()
    assert openapi.COMMITTED.read_text() == openapi.dumps(served), \
        "regenerate: python -m services.intake.openapi > services/intake/openapi.json"


def test_the_document_describes_every_question_with_its_codes_and_limits():
    answers = openapi.document()["components"]["schemas"]["Answers"]
    q = load()
    assert set(answers["properties"]) == set(q.field_codes) | {"event_id"}   # the idempotency key
    assert sorted(answers["required"]) == sorted(x.code for x in q.questions if x.required)
    assert answers["additionalProperties"] is False
    assert answers["properties"]["came_from"]["items"]["enum"] == list(q["came_from"].codes)
    assert answers["properties"]["came_from"]["maxItems"] == len(q["came_from"].codes)
    assert answers["properties"]["what_happened"]["maxLength"] == 3000
    assert "'unknown' cannot be combined" in answers["properties"]["came_from"]["description"]


OPERATION = schemathesis.openapi.from_dict(openapi.document())[openapi.PATH]["POST"]
STATUSES: list[int] = []


@given(case=st.one_of(OPERATION.as_strategy(GenerationMode.POSITIVE),
                      OPERATION.as_strategy(GenerationMode.NEGATIVE)))
@settings(max_examples=300, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def fuzz(app, case):
    response = case.call(app=app)
    STATUSES.append(response.status_code)
    # schemathesis's checks: no 5xx, schema-valid bodies accepted, invalid ones refused, and
    # every status, content type and body as the document says.
    case.validate_response(response)


def test_fuzzing_the_json_api_finds_no_server_error_and_every_answer_matches_the_document(app):
    fuzz(app)
    assert max(STATUSES) < 500
    assert {202, 400} <= set(STATUSES) and len(STATUSES) >= 300


def test_the_documents_blank_text_rule_is_exactly_the_servers():
    answers = openapi.document()["components"]["schemas"]["Answers"]
    pattern = re.compile(answers["properties"]["what_happened"]["pattern"])
    for i in (*range(0xD800), *range(0xE000, 0x10000)):
        c = chr(i)   # a text of one character is valid when it is not blank and may be sent
        assert bool(pattern.search(c)) == bool(c.strip() and characters.problem(c) is None), hex(i)
