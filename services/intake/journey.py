"""The form's route through the questionnaire: one question per page, in the questionnaire's
order, then "Check your answers". Pure: the answers travel in the page, never on the server."""
from __future__ import annotations

from services.contracts.questionnaire import Question, Questionnaire

START = "start"
CHECK = "check"


def applies(question: Question, answers: dict) -> bool:
    """A question shown only with another answer (about_other with about=something_else)."""
    return all(code in (answers.get(other) or ()) for other, code in question.shown_with.items())


def pages(questionnaire: Questionnaire, answers: dict) -> list[str]:
    """The question pages this person sees, in order, given what they have answered so far."""
    return [q.code for q in questionnaire.questions if applies(q, answers)]


def prune(questionnaire: Questionnaire, answers: dict) -> dict:
    """The answers without those to questions that no longer apply (an answer changed)."""
    shown = set(pages(questionnaire, answers)) | {k for k in answers if k not in questionnaire.field_codes}
    return {k: v for k, v in answers.items() if k in shown}


def next_page(questionnaire: Questionnaire, answers: dict, current: str, changing: bool = False) -> str:
    """Where "Continue" leads. After a change it leads back to "Check your answers", unless
    the change opened a question that depends on it."""
    route = pages(questionnaire, answers)
    if current not in route:
        return route[0]
    following = route[route.index(current) + 1:]
    if changing:
        opened = [c for c in following if current in questionnaire[c].shown_with and c not in answers]
        return opened[0] if opened else CHECK
    return following[0] if following else CHECK


def previous_page(questionnaire: Questionnaire, answers: dict, current: str, changing: bool = False) -> str:
    """Where "Back" leads: the page before, or "Check your answers" when changing an answer."""
    route = pages(questionnaire, answers)
    if changing:
        return CHECK
    if current == CHECK:
        return route[-1]
    if current not in route or route.index(current) == 0:
        return START
    return route[route.index(current) - 1]
