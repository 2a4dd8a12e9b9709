"""A deployment is configuration: its organisations become the organisation question's options
everywhere, its support contacts are checked links, and a questionnaire's words change with the
answer to "Did this happen to you, or did you see it?" while its codes do not."""
from __future__ import annotations

import pytest
import yaml

from services.contracts import deployment
from services.contracts.questionnaire import DEFINITION, load, parse

Q = load()


def test_the_default_deployment_is_norfolk_and_waveney_with_waveneys_suffolk_organisations():
    d = deployment.load()
    assert d.area == "Norfolk and Waveney"
    assert d.organisations["ecch"] == "East Coast Community Healthcare (Waveney)"
    assert d.organisations["suffolk_cc"] == "Suffolk County Council (Waveney social care)"
    assert list(Q["organisation"].options) == [*d.organisations, "another_organisation", "prefer_not_to_say"]
    assert [c.name for c in d.support] == [
        "Your organisation's Employee Assistance Programme", "Your Freedom to Speak Up Guardian",
        "Norfolk and Waveney staff wellbeing", "NHS Practitioner Health", "Samaritans", "Shout"]


def test_another_deployment_file_brings_its_own_organisations(tmp_path):
    other = tmp_path / "elsewhere.yaml"
    other.write_text(yaml.safe_dump({
        "area": "Elsewhere", "system": "Elsewhere ICS", "organisations": {"elsewhere_trust": "Elsewhere Trust"},
        "support": [{"name": "Samaritans", "text": "Any time.", "phone": "116 123"}]}))
    q = load(DEFINITION, other)
    assert list(q["organisation"].options) == ["elsewhere_trust", "another_organisation", "prefer_not_to_say"]
    assert deployment.path_from_env({"PORTAL_DEPLOYMENT": str(other)}) == other
    assert deployment.path_from_env({}) == deployment.DEFAULT


@pytest.mark.parametrize("change, message", [
    ({"organisations": {"Bad Code": "x"}}, "organisation code 'Bad Code' must be lower case"),
    ({"support": [{"name": "Samaritans"}]}, "support entry 1 needs a name and a text"),
    ({"support": [{"name": "X", "text": "Y", "href": "http://insecure.example/"}]},
     "support entry 1 (X): 'http://insecure.example/' is not an https, phone or text link"),
    ({"support": [{"name": "X", "text": "Y", "colour": "red"}]}, "has unknown keys ['colour']"),
    ({"area": ""}, "'area' is missing or empty"),
])
def test_a_deployment_file_that_cannot_be_used_is_refused_naming_the_entry(change, message):
    raw = {"area": "A", "system": "S", "organisations": {"a": "A"},
           "support": [{"name": "N", "text": "T"}], **change}
    with pytest.raises(deployment.BadDeployment, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]")):
        deployment.parse(raw, "test.yaml")


def test_a_missing_deployment_file_is_named(tmp_path):
    with pytest.raises(deployment.BadDeployment, match="PORTAL_DEPLOYMENT: cannot read .*nowhere.yaml"):
        deployment.load(tmp_path / "nowhere.yaml")


def test_a_deployment_may_not_repeat_a_code_the_questionnaire_has():
    raw = yaml.safe_load(DEFINITION.read_text())
    with pytest.raises(ValueError, match=r"the deployment repeats codes \['prefer_not_to_say'\]"):
        parse(raw, {"prefer_not_to_say": "Nope"})


@pytest.mark.parametrize("answer, themes_t02, about_name, impact_question", [
    ("self", "My ability, qualifications or English were doubted", "My name", "How did it affect you?"),
    ("witnessed", "Their ability, qualifications or English were doubted", "Their name", "How did it affect them, or you?"),
    ("both", "Our ability, qualifications or English were doubted", "Our names", "How did it affect you and them?"),
    (None, "My ability, qualifications or English were doubted", "My name", "How did it affect you (or them)?"),
])
def test_words_follow_whether_it_happened_to_the_person_or_was_seen_and_codes_never_change(
        answer, themes_t02, about_name, impact_question):
    answers = {"happened_to": answer} if answer else {}
    assert Q.worded("themes", answers).options["T02"] == themes_t02
    assert Q.worded("about", answers).options["name"] == about_name
    assert Q.worded("impact", answers).question == impact_question
    for q in Q.questions:
        assert Q.worded(q.code, answers).codes == q.codes


def test_no_witness_reads_my_and_no_one_it_happened_to_reads_their():
    for q in Q.questions[1:]:   # after "Did this happen to you, or did you see it?"
        seen = Q.worded(q.code, {"happened_to": "witnessed"})
        for text in (seen.question, seen.hint, *seen.options.values()):
            assert not {"my", "i'm", "me"} & set(text.lower().replace(",", " ").split()), (q.code, text)
        mine = Q.worded(q.code, {"happened_to": "self"})
        for text in (mine.question, mine.hint, *mine.options.values()):
            assert not {"their", "they", "them"} & set(text.lower().replace(",", " ").split()), (q.code, text)


@pytest.mark.parametrize("code", ["themes", "impact", "about"])
def test_a_witness_reads_no_label_about_themselves_where_the_labels_describe_the_person_it_happened_to(code):
    for answer, others in (("witnessed", {"i", "i'm", "my", "me", "we", "our"}), ("both", {"i", "i'm", "my", "me"})):
        worded = Q.worded(code, {"happened_to": answer})
        for option, label in worded.options.items():
            if option in worded.exclusive:
                continue   # "I am not sure": the person's own answer, not about whom it happened to
            assert not others & set(label.lower().replace(",", " ").split()), (answer, label)


def test_each_job_group_has_plain_words_and_the_nhs_staff_group_as_its_hint():
    role = Q["role"]
    assert role.options["add_prof_sci_tech"] == "Pharmacist, psychologist or other professional"
    assert role.option_hints["add_prof_sci_tech"].startswith("Additional professional, scientific and technical")
    assert "Additional professional" not in " ".join(role.options.values())
