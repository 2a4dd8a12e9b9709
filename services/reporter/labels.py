"""Plain-language names for the codes in a release: dimensions, their values and periods.

Headings and values are labelled from the questionnaire (`services/contracts/questionnaire.yaml`)
through the dimension's question in `services/contracts/tables.py`; a code nothing describes is shown as a
readable version of itself, so a table added later still reads sensibly."""
from __future__ import annotations

from functools import cache

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import INTERVENTIONS, TABLES, Dimension

# Dimensions of tables this version may not define yet, and the question each comes from.
QUESTIONS = {"about_pair": "about", "coded_theme": "themes", "theme": "themes", "came_from_group": "came_from"}
QUARTER_MONTHS = {"1": "January–March", "2": "April–June", "3": "July–September", "4": "October–December"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@cache
def _dimensions() -> dict[str, Dimension]:
    return {d.name: d for t in TABLES for d in t.dims}


def _readable(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else code


def heading(dimension: str, q: Questionnaire | None = None) -> str:
    """The report's name for a dimension: its own (`report.headings` in questionnaire.yaml), else its
    question's `heading`, else a readable version of its code."""
    q = q or load()
    if dimension in q.headings:
        return q.headings[dimension]
    dim = _dimensions().get(dimension)
    try:
        return q[dim.question if dim else QUESTIONS.get(dimension, dimension)].heading or _readable(dimension)
    except KeyError:
        return _readable(dimension)


def value(dimension: str, code: str, q: Questionnaire | None = None) -> str:
    """'race' -> 'Race, ethnicity or skin colour'; 'race+sex' -> '... and Sex'."""
    q = q or load()
    dim = _dimensions().get(dimension)
    question = dim.question if dim else QUESTIONS.get(dimension, dimension)
    try:
        options = q[question].options
    except KeyError:
        options = {}
    if code in options:
        return options[code]
    if dim is not None and (label := dim.group_label(code)):
        return label
    if dimension == "intervention" and code in INTERVENTIONS:
        return INTERVENTIONS[code]
    if code in q.groups:
        return q.groups[code]
    if "+" in code and all(part in options for part in code.split("+")):
        return " and ".join(options[part] for part in code.split("+"))
    return _readable(code)


def period(code: str) -> str:
    """'2026-Q4' -> 'October–December 2026'; '2026-11' -> 'November 2026'."""
    year, _, part = code.partition("-")
    if part.startswith("Q") and part[1:] in QUARTER_MONTHS:
        return f"{QUARTER_MONTHS[part[1:]]} {year}"
    if part.isdigit() and 1 <= int(part) <= 12:
        return f"{MONTHS[int(part) - 1]} {year}"
    return code


def day(iso: str) -> str:
    """'2026-12-05' -> '5 December 2026'."""
    year, month, dd = iso.split("-")
    return f"{int(dd)} {MONTHS[int(month) - 1]} {year}"
