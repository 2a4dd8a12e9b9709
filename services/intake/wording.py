"""Error messages in the NHS design system's words ("Select…", "Enter…", "… must be N
characters or fewer"), naming what each question asks for (its `asks_for` in questionnaire.yaml).
Whether answers are valid is decided once, by the questionnaire's schema (`submission.problems`);
this module only says so to a person, for the fields it flagged."""
from __future__ import annotations

from services.contracts.questionnaire import Question, Questionnaire

from .i18n import N_, _

PAGE_PROBLEM = N_("Something on this page could not be read. Check your answers and try again")


def unreadable(q: Question) -> str:
    """For an answer that held characters no report may hold (`characters.py`); the page shows
    what is left once they are taken out."""
    return _("%(what)s had hidden characters that cannot be sent, such as control or formatting "
             "characters. They have been taken out: check your answer, then continue",
             what=_sentence(asks_for(q)))


def asks_for(q: Question) -> str:
    """What `q` asks for (its `asks_for` in questionnaire.yaml), in the person's language."""
    return _(q.asks_for) if q.asks_for else q.question.rstrip("?").lower()


def message(q: Question, answers: dict) -> str:
    """The one message shown for question `q`, which the schema has rejected."""
    value = answers.get(q.code)
    if q.is_text:
        if value is None or not str(value).strip():
            return _("Enter %(what)s", what=asks_for(q))
        if len(value) > q.max_length:
            return _("%(what)s must be %(limit)s characters or fewer", what=_sentence(asks_for(q)),
                     limit=format(q.max_length, ","))
        return _(PAGE_PROBLEM)
    if value is None:
        return _("Select %(what)s", what=asks_for(q))
    chosen = set(value) if isinstance(value, list) else {value}
    exclusive = chosen & set(q.exclusive)
    if exclusive and len(chosen) > 1:
        label = _(q.options[sorted(exclusive)[0]])
        return _("Select %(what)s, or select '%(option)s'", what=asks_for(q), option=label)
    return _("Select %(what)s from the list", what=asks_for(q))


def messages(questionnaire: Questionnaire, answers: dict, problems: dict, fields) -> dict[str, str]:
    """{field: message} for the `fields` shown on a page, in page order; a problem with a
    field the page does not show (a tampered or stale form) becomes a page-level message."""
    out = {code: message(questionnaire[code], answers) for code in fields if code in problems}
    if set(problems) - set(fields):
        out.setdefault("_page", _(PAGE_PROBLEM))
    return out


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
