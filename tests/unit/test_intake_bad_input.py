"""Characters no report may hold are refused at the intake, in every field, by the API (a 400
naming the field) and by the form (an error on the page, the rest of the answer kept); and the
honeypot catches a bot that fills every field while a person's post goes through."""
from __future__ import annotations

import html
import re

import pytest
from werkzeug.datastructures import MultiDict

from services.contracts.questionnaire import load
from services.intake import characters
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher
from tests.support.intake import fill, form_fields

Q = load()
VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race", "something_else"],
         "about_other": "my hair", "what_happened": "Someone mimicked my accent in handover."}
COMBINING = "\u0301" * 10_000
BAD = {   # kind of input: (what is inserted, the API's message for it)
    "lone-surrogate": ("\ud800", "Contains an unpaired UTF-16 surrogate (U+D800), which is not text"),
    "low-surrogate": ("\udfff", "Contains an unpaired UTF-16 surrogate (U+DFFF), which is not text"),
    "nul": ("\x00", "Contains a control character (U+0000); only tab and newline are allowed"),
    "c0-escape": ("\x1b", "Contains a control character (U+001B); only tab and newline are allowed"),
    "delete": ("\x7f", "Contains a control character (U+007F); only tab and newline are allowed"),
    "c1-control": ("\x85", "Contains a control character (U+0085); only tab and newline are allowed"),
    "bidi-override": ("\u202e", "Contains a bidirectional override or isolate (U+202E)"),
    "bidi-isolate": ("\u2066", "Contains a bidirectional override or isolate (U+2066)"),
    "replacement": ("\ufffd", "Contains a character that could not be read (U+FFFD)"),
    "noncharacter": ("\uffff", "Contains a Unicode noncharacter (U+FFFF)"),
    "10000-combining-marks": (COMBINING, "Contains more than 30 accents or other combining marks on one character"),
}
# A value for each field with `bad` inside it: in a text, or in a code (one or among several).
FIELDS = [q.code for q in Q.questions]


def spoiled(code: str, bad: str):
    q = Q[code]
    if q.is_text:
        return "It started well" + bad + " and then it did not."
    first = next(iter(q.options))
    return first + bad if q.kind == "one" else [first, next(iter(list(q.options)[1:])) + bad]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from services.common import sealing

    keys = tmp_path_factory.mktemp("keys")
    sealing.generate(keys)
    publisher = FakePublisher()
    return create_app(Settings(keys_dir=keys, min_seconds=0, rate_limit=100_000), publisher=publisher), publisher


@pytest.fixture
def publisher(app):
    app[1].sent.clear()
    return app[1]


@pytest.fixture
def client(app, publisher):
    return app[0].test_client()


# The pure check -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Plain English, with tabs\tand\nnew lines\r\n.",
    "Ngozi's name was said as 'Nuh-go-zee' — again.",      # punctuation, dashes, quotes
    "Tiếng Việt có dấu: người, được, những",                # stacked Vietnamese accents
    "हिन्दी में लिखा गया वाक्य", "مرحبا، كيف حالك؟ العربية من اليمين", "עברית", "中文也可以",
    "Zoë Ł. Ødegård, Ștefan", "emoji are text 👍🏾 👨‍👩‍👧",   # a skin tone and a ZWJ sequence
    "\u200f\u200e marks (not overrides) are allowed", "a" + "\u0301" * 30,
])
def test_every_script_people_write_in_is_accepted(text):
    assert characters.problem(text) is None
    assert characters.cleaned(text) == text


@pytest.mark.parametrize("kind", sorted(BAD))
def test_each_kind_of_bad_character_is_named_and_can_be_taken_out(kind):
    bad, message = BAD[kind]
    assert characters.problem("before " + bad + " after") == message
    assert characters.cleaned("before " + bad + " after") == (
        "before " + "\u0301" * 30 + " after" if kind == "10000-combining-marks" else "before  after")


# The API: a 400 naming the field, nothing sent ----------------------------------------------------

@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("code", FIELDS)
def test_the_api_refuses_a_bad_character_in_any_field_with_a_400_naming_it(client, publisher, code, kind):
    bad, message = BAD[kind]
    resp = client.post("/api/v1/reports", json={**VALID, code: spoiled(code, bad)})
    assert resp.status_code == 400
    assert resp.get_json() == {"errors": {code: [message]}}
    assert publisher.sent == []


def test_the_api_refuses_a_bad_character_in_a_fields_name_without_quoting_it(client, publisher):
    resp = client.post("/api/v1/reports", json={**VALID, "note\u202e\x00": "x"})
    assert resp.status_code == 400
    assert resp.get_json() == {"errors": {"note": ["Contains a bidirectional override or isolate (U+202E)"]}}
    assert publisher.sent == []


def test_the_api_still_accepts_the_same_report_without_the_bad_character(client, publisher):
    resp = client.post("/api/v1/reports", json={**VALID, "what_happened": "Tiếng Việt — người 👍🏾"})
    assert resp.status_code == 202 and len(publisher.sent) == 1


# The form: an error on the page, the rest of the answer kept --------------------------------------

def on_page(client, code: str, answers: dict):
    return client.post("/report", data=MultiDict([(k, v) for k, vs in answers.items()
                                                  for v in (vs if isinstance(vs, list) else [vs])]
                                                 + [("page", code), ("action", "continue")]))


# What a browser can send: it turns an unpaired surrogate into U+FFFD before encoding a form.
FORM_BAD = {k: v for k, v in BAD.items() if "surrogate" not in k}


@pytest.mark.parametrize("kind", sorted(FORM_BAD))
@pytest.mark.parametrize("code", [c for c in FIELDS if Q[c].is_text])
def test_the_form_refuses_a_bad_character_in_a_text_shows_why_and_keeps_the_rest(client, code, kind):
    bad, _ = FORM_BAD[kind]
    resp = on_page(client, code, {**VALID, code: spoiled(code, bad)})
    page = html.unescape(resp.get_data(as_text=True))
    assert resp.status_code == 400
    assert page.count("had hidden characters that cannot be sent") == 2   # summary and inline
    kept = dict(form_fields(resp.get_data(as_text=True)))[code]
    assert kept == characters.cleaned(spoiled(code, bad))
    assert kept.startswith("It started well") and kept.endswith(" and then it did not.")
    assert re.search(r'name="page" value="([^"]+)"', page)[1] == code    # the same question again


@pytest.mark.parametrize("kind", sorted(FORM_BAD))
@pytest.mark.parametrize("code", [c for c in FIELDS if not Q[c].is_text])
def test_the_form_refuses_a_bad_character_in_a_choice(client, code, kind):
    bad, _ = FORM_BAD[kind]
    resp = on_page(client, code, {**VALID, code: spoiled(code, bad)})
    assert resp.status_code == 400
    assert "Something on this page could not be read" in html.unescape(resp.get_data(as_text=True))


@pytest.mark.parametrize("kind", sorted(FORM_BAD))
def test_sending_a_form_with_a_bad_character_anywhere_is_refused_and_nothing_is_sent(client, publisher, kind):
    bad, _ = FORM_BAD[kind]
    fields = [(k, v) for k, vs in {**VALID, "what_happened": spoiled("what_happened", bad)}.items()
              for v in (vs if isinstance(vs, list) else [vs])]
    started = dict(form_fields(client.get("/report").get_data(as_text=True)))["started"]
    resp = client.post("/report/send", data=MultiDict(fields + [("started", started), ("page", "check")]))
    assert resp.status_code == 400 and publisher.sent == []
    assert "What happened had hidden characters" in html.unescape(resp.get_data(as_text=True))


def test_invalid_utf8_in_a_multipart_form_is_refused(client, publisher):
    body = (b"--b\r\nContent-Disposition: form-data; name=\"what_happened\"\r\n\r\nabc\xed\xa0\x80def\r\n"
            b"--b\r\nContent-Disposition: form-data; name=\"page\"\r\n\r\nwhat_happened\r\n"
            b"--b\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\ncontinue\r\n--b--\r\n")
    resp = client.post("/report", data=body, content_type="multipart/form-data; boundary=b")
    assert resp.status_code == 400
    assert dict(form_fields(resp.get_data(as_text=True)))["what_happened"] == "abcdef"


# The honeypot -------------------------------------------------------------------------------------

def walk(client):
    resp = client.post("/report", data={"page": "start", "action": "continue"})
    answers = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
               "what_happened": "Someone mimicked my accent in handover."}
    while 'name="page" value="check"' not in resp.get_data(as_text=True):
        page = re.search(r'name="page" value="([^"]+)"', resp.get_data(as_text=True))[1]
        resp = client.post("/report", data=MultiDict(fill(resp.get_data(as_text=True),
                           {page: answers[page]} if page in answers else None, action="continue")))
        assert resp.status_code == 200
    return resp


def test_the_honeypot_is_on_every_page_with_its_name_and_a_person_leaves_it_empty(client, publisher):
    pages = [client.get("/"), client.get("/report"), walk(client)]
    for resp in pages:
        page = resp.get_data(as_text=True)
        assert '<input type="text" id="reference_code" name="reference_code" value=""' in page
        assert '<label for="reference_code">' in page
    person = client.post("/report/send", data=MultiDict(fill(pages[-1].get_data(as_text=True))))
    assert person.status_code == 303 and len(publisher.sent) == 1


def test_a_bot_that_fills_every_field_it_finds_is_refused_and_nothing_is_sent(client, publisher):
    check = walk(client).get_data(as_text=True)
    filled = [(k, v or "https://spam.example/") for k, v in form_fields(check)]   # every empty field
    assert ("reference_code", "https://spam.example/") in filled
    resp = client.post("/report/send", data=MultiDict(filled))
    assert resp.status_code == 400 and publisher.sent == []
    assert "Something on this page could not be read" in html.unescape(resp.get_data(as_text=True))


def test_the_openapi_documents_the_same_characters_as_refused():
    refused = re.compile(characters.REFUSED_CLASS.encode().decode("unicode_escape"))
    for cp in (*range(0xD800), *range(0xE000, 0x10000)):   # all but the surrogates (see REFUSED_CLASS)
        ch = chr(cp)
        assert bool(refused.match(ch)) == (characters.problem(ch) is not None), hex(cp)
