"""Error messages in the NHS design system's words ("Select…", "Enter…", "… must be N
characters or fewer"). Whether answers are valid is decided once, by the questionnaire's schema
(`submission.problems`); this module only says so to a person, for the fields it flagged."""
from __future__ import annotations

from services.contracts.questionnaire import Question, Questionnaire

# What each question asks for, as it reads after "Select" or "Enter".
ASKS_FOR = {
    "happened_to": "whether it happened to you, to someone else, or both",
    "setting": "where you work, volunteer or study",
    "organisation": "which organisation",
    "role": "your role",
    "came_from": "who it came from",
    "about": "what you think it was about",
    "about_other": "what else you think it was about",
    "what_happened": "what happened",
    "themes": "which of these describe what happened",
    "how": "how it happened",
    "where": "where it happened",
    "when": "when it happened",
    "pattern": "whether this has happened before",
    "impact": "how it affected you or them",
    "afterwards": "what happened afterwards",
    "what_would_help": "what would help stop this happening again",
}
PAGE_PROBLEM = "Something on this page could not be read. Check your answers and try again"


def unreadable(q: Question) -> str:
    """For an answer that held characters no report may hold (`characters.py`); the page shows
    what is left once they are taken out."""
    return (f"{_sentence(asks_for(q))} had hidden characters that cannot be sent, such as control "
            "or formatting characters. They have been taken out: check your answer, then continue")


def asks_for(q: Question) -> str:
    return ASKS_FOR.get(q.code, q.question.rstrip("?").lower())


def message(q: Question, answers: dict) -> str:
    """The one message shown for question `q`, which the schema has rejected."""
    value = answers.get(q.code)
    if q.is_text:
        if value is None or not str(value).strip():
            return f"Enter {asks_for(q)}"
        if len(value) > q.max_length:
            return f"{_sentence(asks_for(q))} must be {q.max_length:,} characters or fewer"
        return PAGE_PROBLEM
    if value is None:
        return f"Select {asks_for(q)}"
    chosen = set(value) if isinstance(value, list) else {value}
    exclusive = chosen & set(q.exclusive)
    if exclusive and len(chosen) > 1:
        label = q.options[sorted(exclusive)[0]]
        return f"Select {asks_for(q)}, or select '{label}'"
    return f"Select {asks_for(q)} from the list"


def messages(questionnaire: Questionnaire, answers: dict, problems: dict, fields) -> dict[str, str]:
    """{field: message} for the `fields` shown on a page, in page order; a problem with a
    field the page does not show (a tampered or stale form) becomes a page-level message."""
    out = {code: message(questionnaire[code], answers) for code in fields if code in problems}
    if set(problems) - set(fields):
        out.setdefault("_page", PAGE_PROBLEM)
    return out


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
