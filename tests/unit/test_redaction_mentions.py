"""Every other mention of a name's words (redaction.expand_names) is found without compiling a
pattern per text on ASCII texts (`redaction._mentions`): the same answers as the pattern."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from services.redactor import redaction

# the characters that decide a mention's edges: letters in both cases, an apostrophe, a hyphen,
# an underscore, a digit, a space, a dot
TEXT = st.text(alphabet="abAB'-_9 .", max_size=40)
WORD = st.text(alphabet="abAB'-", min_size=2, max_size=5)


def _by_pattern(text: str, ordered: list[str], folded: bool) -> list[tuple[int, int, str]]:
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) +
                         r")(?![\w-])", re.I if folded else 0)
    return [(m.start(), m.end(), m.group().lower() if folded else m.group())
            for m in pattern.finditer(text)]


@given(text=TEXT, words=st.lists(WORD, min_size=1, max_size=5, unique=True), folded=st.booleans())
@settings(max_examples=400, deadline=None, database=None)
def test_mentions_are_what_the_pattern_finds(text, words, folded):
    if folded:
        words = list(dict.fromkeys(w.lower() for w in words))
    ordered = sorted(words, key=len, reverse=True)
    assert redaction._mentions(text, ordered, folded) == _by_pattern(text, ordered, folded)


def test_the_longer_name_wins_and_edges_are_words():
    text = "Anna and Ann met Ann-Marie; ann said Annabel's Ann_2 and Ann."
    last, lower = text.rindex("Ann"), text.index("ann said")
    assert (text[9:12], text[last:last + 4]) == ("Ann", "Ann.")
    # not inside "Ann-Marie" (a hyphen), "Annabel's" (a longer word) or "Ann_2" (an underscore)
    assert redaction._mentions(text, ["Anna", "Ann"], folded=False) == [
        (0, 4, "Anna"), (9, 12, "Ann"), (last, last + 3, "Ann")]
    assert redaction._mentions(text, ["anna", "ann"], folded=True) == [
        (0, 4, "anna"), (9, 12, "ann"), (lower, lower + 3, "ann"), (last, last + 3, "ann")]


def test_every_mention_of_a_name_is_redacted_as_before():
    text = "Sorrel Okafor said no. Later okafor and Sorrel laughed; Sorrel-Ann did not."
    spans = redaction.expand_names(text, [redaction.Span(0, 13, "PERSON")],
                                   redaction.lexicon.load())
    found = sorted({(s.start, s.end, s.type) for s in spans})
    # the name, each of its words, "okafor" in lower case; never "Sorrel" inside "Sorrel-Ann"
    assert [(text[a:b], kind) for a, b, kind in found] == [
        ("Sorrel", "PERSON"), ("Sorrel Okafor", "PERSON"), ("Okafor", "PERSON"),
        ("okafor", "PERSON"), ("Sorrel", "PERSON")]
    assert found[-1][0] == text.index("Sorrel laughed")
