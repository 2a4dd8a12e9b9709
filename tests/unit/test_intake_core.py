"""The intake's pure parts: the route through the questionnaire, the identifier nudge, the
abuse protection that keeps no address, the error wording and the settings."""
from __future__ import annotations

import pytest

from services.contracts.questionnaire import load
from services.intake import journey, nudge, submission, wording
from services.intake.protection import FormClock, RateLimiter, Stale, TooFast
from services.intake.settings import BadSetting, Settings

Q = load()


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_follow_up_question_is_on_the_route_only_with_its_answer():
    assert "about_other" not in journey.pages(Q, {"about": ["race"]})
    route = journey.pages(Q, {"about": ["race", "something_else"]})
    assert route[route.index("about") + 1] == "about_other"


def test_an_answer_to_a_question_that_no_longer_applies_is_dropped():
    assert journey.prune(Q, {"about": ["race"], "about_other": "hair", "setting": "hospice"}) == \
        {"about": ["race"], "setting": "hospice"}


@pytest.mark.parametrize("answers, current, changing, expected", [
    ({}, "happened_to", False, "setting"),
    ({}, "what_would_help", False, journey.CHECK),
    ({}, journey.START, False, "happened_to"),
    ({"about": ["something_else"]}, "about", True, "about_other"),
    ({"about": ["something_else"], "about_other": "hair"}, "about", True, journey.CHECK),
    ({}, "setting", True, journey.CHECK),
])
def test_continue_leads_to_the_next_page_or_back_to_check_after_a_change(answers, current, changing, expected):
    assert journey.next_page(Q, answers, current, changing) == expected


@pytest.mark.parametrize("current, changing, expected", [
    ("happened_to", False, journey.START),
    ("setting", False, "happened_to"),
    (journey.CHECK, False, "what_would_help"),
    ("role", True, journey.CHECK),
])
def test_back_leads_to_the_page_before_or_to_check_when_changing(current, changing, expected):
    assert journey.previous_page(Q, {}, current, changing) == expected


@pytest.mark.parametrize("text, found", [
    ("Someone mimicked my accent in handover.", []),
    ("Ask Dr Priya Raman on 07700 900123", ["a name", "a phone number"]),
    ("Priya Raman said it", ["a name"]),
    ("The Ward Manager told me", ["a name"]),
    ("a man called Sam", ["a name"]),
    ("call 01603 286286 or +44 7700 900123", ["a phone number"]),
    ("email me at a.b@nhs.net", ["an email address"]),
    ("at NR4 7UY", ["a postcode"]),
    ("NHS number 943 476 5919", ["an NHS number"]),
    ("see www.example.org", ["a web address"]),
    ("follow @abc_def", ["a social media handle"]),
    ("In March I was told my Polish accent was funny. The NHS is my employer.", []),
])
def test_the_nudge_names_what_could_identify_someone(text, found):
    assert nudge.identifiers(text) == found


def test_the_nudge_lists_what_it_found_as_a_sentence():
    assert nudge.sentence(["a name"]) == "a name"
    assert nudge.sentence(["a name", "a phone number", "a postcode"]) == "a name, a phone number and a postcode"


def test_the_rate_limit_counts_per_address_and_forgets_everything_each_window():
    clock = Clock()
    limiter = RateLimiter(limit=2, window=600, clock=clock)
    assert [limiter.allow("198.51.100.1") for _ in range(3)] == [True, True, False]
    assert limiter.allow("198.51.100.2") is True
    first_key = limiter._key
    assert "198.51.100.1" not in repr(limiter._counts) and limiter.tracked() == 2
    clock.now += 600
    assert limiter.tracked() == 0 and limiter._key != first_key
    assert limiter.allow("198.51.100.1") is True


def test_ipv6_addresses_count_by_their_64_and_mapped_ipv4_as_ipv4():
    limiter = RateLimiter(limit=1, window=600, clock=Clock())
    assert limiter.allow("2001:db8:1:2::1") is True
    assert limiter.allow("2001:db8:1:2:ffff::9") is False
    assert limiter.allow("2001:db8:1:3::1") is True
    assert limiter.allow("192.0.2.1") is True
    assert limiter.allow("::ffff:192.0.2.1") is False


def test_the_rate_limit_keeps_its_memory_bounded_by_refusing_new_addresses_when_full():
    limiter = RateLimiter(limit=5, window=600, clock=Clock(), max_tracked=2)
    assert [limiter.allow(a) for a in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.1")] == \
        [True, True, False, True]


def test_the_form_clock_refuses_a_fast_send_a_forgery_and_an_old_form():
    clock = Clock()
    form = FormClock(min_seconds=10, max_age=3600, clock=clock)
    token = form.start()
    clock.now += 5
    with pytest.raises(TooFast):
        form.check(token)
    clock.now += 5
    assert form.check(token) is None
    with pytest.raises(Stale):
        form.check(token[:-2] + "xx")
    with pytest.raises(Stale):
        form.check(None)
    with pytest.raises(Stale):
        FormClock(min_seconds=10, max_age=3600, clock=clock).check(token)   # signed before a restart
    clock.now += 3600
    with pytest.raises(Stale):
        form.check(token)


def test_each_kind_of_problem_gets_the_design_systems_wording():
    def say(code, answers):
        return wording.messages(Q, answers, submission.problems(answers, required=[code]), [code])

    assert say("what_happened", {}) == {"what_happened": "Enter what happened"}
    assert say("what_would_help", {"what_would_help": "x" * 1001}) == \
        {"what_would_help": "What would help stop this happening again must be 1,000 characters or fewer"}
    assert say("afterwards", {"afterwards": ["nothing", "prefer_not_to_say"]}) == \
        {"afterwards": "Select what happened afterwards, or select 'Prefer not to say'"}
    assert say("when", {"when": "yesterday"}) == {"when": "Select when it happened from the list"}
    assert wording.messages(Q, {"x": 1}, {"x": ["Unknown field."]}, ["when"]) == {"_page": wording.PAGE_PROBLEM}


def test_settings_come_from_the_environment_and_a_bad_value_names_its_variable():
    s = Settings.from_env({"INTAKE_RATE_LIMIT": "5/60", "INTAKE_MIN_SECONDS": "2.5", "INTAKE_HSTS": "1",
                           "INTAKE_TRUSTED_PROXIES": "1"})
    assert (s.rate_limit, s.rate_window, s.min_seconds, s.hsts, s.trusted_proxies) == (5, 60, 2.5, True, 1)
    assert Settings.from_env({}).hsts is False
    with pytest.raises(BadSetting, match="INTAKE_RATE_LIMIT must look like 100/600"):
        Settings.from_env({"INTAKE_RATE_LIMIT": "lots"})
    with pytest.raises(BadSetting, match="INTAKE_MIN_SECONDS must be a number"):
        Settings.from_env({"INTAKE_MIN_SECONDS": "soon"})
    with pytest.raises(BadSetting, match="INTAKE_HSTS must be 1 or 0"):
        Settings.from_env({"INTAKE_HSTS": "maybe"})
