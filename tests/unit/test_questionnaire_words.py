"""Every word about a question lives in questionnaire.yaml: what it asks for in an error message
(the intake), how the report heads its answers and names its groups (the reporter), which free
text the theme coder reads (the aggregator). Nothing else restates them."""
from __future__ import annotations

import pytest

from services.aggregator import coding
from services.contracts.questionnaire import load, parse
from services.contracts.tables import TABLES
from services.intake import wording
from services.reporter import labels

Q = load()


def test_every_question_says_what_it_asks_for_and_every_answer_it_gives_has_a_heading():
    assert [q.code for q in Q.questions if not q.asks_for] == []
    assert [q.code for q in Q.questions if not q.heading and not q.is_text] == []
    assert wording.asks_for(Q["how"]) == "how it happened"


def test_every_released_dimension_has_a_heading_of_its_own_or_its_questions():
    for dim in {d for t in TABLES for d in t.dims}:
        assert labels.heading(dim.name) == (Q.headings.get(dim.name) or Q[dim.question].heading), dim.name
        assert labels.heading(dim.name), dim.name
    assert labels.heading("theme_group") == Q.headings["theme_group"] == "Group of themes"
    assert labels.heading("came_from_group") == labels.heading("came_from") == Q["came_from"].heading == "Who it came from"
    assert labels.heading("intervention") == Q["what_would_help"].heading == "What would help"


def test_the_reports_group_labels_come_from_the_questionnaire():
    assert labels.value("came_from_group", "managers") == Q.groups["managers"] == "Managers"
    assert labels.value("about_pair", "two_or_more_other") == "Two or more other characteristics"


def test_the_coder_reads_the_questions_marked_coded_in_their_order():
    assert Q.coded_fields == ("what_happened", "what_would_help")
    answers = {"what_happened": "a", "what_would_help": "b", "about_other": "c", "how": ["said"]}
    assert coding.texts_of(answers) == ["a", "b"]
    assert coding.texts_of({}) == [None, None]


def test_a_question_marked_coded_must_be_free_text():
    raw = {"version": 1, "questions": [{"code": "how", "kind": "one", "required": False, "question": "How?",
                                        "options": {"said": "Said"}, "coded": True}]}
    with pytest.raises(ValueError, match="question how: only a text question can be coded"):
        parse(raw)
