"""The UK patterns' look-aheads for their first character (patterns._first) are for speed only:
every pattern finds exactly what it finds without one, on the labelled corpora and on arbitrary
text made of the characters and words the patterns turn on (Unicode digits and the letters that
Python's case-insensitive matching folds specially, "ſ", "K", "İ", "ı", included). The same for
the other speed-ups of round 9 that skip work: the leetspeak rule's pattern (names._LEET) and the
final check's pre-tests (redaction._RESIDUE)."""
from __future__ import annotations

import json
import pathlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from services.redactor import patterns

ROOT = pathlib.Path(__file__).resolve().parents[2]
_LOOKAHEAD = re.compile(r"^\(\?=\[(?:[^\]\\]|\\.)+\]\)")

# module-level patterns given a look-ahead directly (not through patterns._regex)
_DIRECT = {"_ADDRESS": patterns._ADDRESS, "_SPOKEN": patterns._SPOKEN,
           "_AFTER_PLATFORM": patterns._AFTER_PLATFORM, "_ANY_PLATFORM": patterns._ANY_PLATFORM}


def _pairs() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Each pattern with a look-ahead, and the same pattern without it."""
    out = {}
    for name, find in patterns.RECOGNISERS.items():
        plain = getattr(find, "plain", None)
        if plain is None:
            continue
        pattern, flags = plain
        fast = re.compile(patterns._first(None, pattern), flags)   # the pattern as it was
        for cell in find.__closure__ or ():
            if isinstance(cell.cell_contents, re.Pattern):
                fast = cell.cell_contents
        out[name] = (fast, re.compile(pattern, flags))
    for name, fast in _DIRECT.items():
        head = _LOOKAHEAD.match(fast.pattern)
        assert head, name
        out[name] = (fast, re.compile(fast.pattern[head.end():], fast.flags))
    return out


PAIRS = _pairs()


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


def test_the_look_aheads_are_where_the_speed_work_put_them():
    with_look_ahead = {name for name, (fast, _) in PAIRS.items() if _LOOKAHEAD.match(fast.pattern)}
    assert {"written_date", "staff_id", "short_staff_id", "nhs_number", "year_in_context",
            "_ADDRESS", "_SPOKEN"} <= with_look_ahead
    assert len(with_look_ahead) >= 30


def test_the_same_matches_on_every_labelled_corpus():
    paths = sorted((ROOT / "tests/data/redaction").glob("*.jsonl"))
    texts = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")
             if line.strip()]
    assert len(texts) > 3000
    found = 0
    for name, (fast, plain) in PAIRS.items():
        for text in texts:
            got = _spans(fast, text)
            assert got == _spans(plain, text), name
            found += len(got)
    assert found > 1000   # the corpora exercise the patterns


_PIECES = ["staff no ", "badge number ", "born in ", "since ", "ext ", "DOB: ", "Flat 3, ",
           "12 Mill Lane", "St Ann Street", "07700 900 123", "+44 20 7946 0000", "943 476 5919",
           "Sat 22/6", "3rd of May 2024", "May 4th", "4-May-21", "05/2021", "2024-06-01 10:30",
           "GMC 1234567", "HCPC PA12345", "NI AB123456C", "ab12 cde", "snap jo_b", "insta: x.y",
           "user name is jo.b1", "double oh seven", "nine four three", "www.x.uk", "https://a.b",
           "@jo", "MRN-48213", "11A 12345", "NR4 7AB", "car reg AB12 CDE", "a.b@nhs.net",
           "ſtaff no 123", "Kxt 12", "İD card 4417", "ıd card 4417", "٣٤٥٦٧٨٩٠١٢", "0", "1", "O"]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES),
                           st.text(alphabet=st.sampled_from(list("aAsSfFtTkK09 ,.-/:\n'@+(ſKİı٣"))
                                   , max_size=6)), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_same_matches_on_arbitrary_text(text):
    for name, (fast, plain) in PAIRS.items():
        assert _spans(fast, text) == _spans(plain, text), name


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_the_same_matches_on_arbitrary_unicode(text):
    for name, (fast, plain) in PAIRS.items():
        assert _spans(fast, text) == _spans(plain, text), name


# -- the name rules' leetspeak pattern and the final check's pre-tests (names._LEET,
#    redaction._RESIDUE): the same results as without them

_LEET_PLAIN = re.compile(r"(?<![\w@$])[A-Za-z0-9@$]*[A-Za-z][A-Za-z0-9@$]*(?![\w@$])")
_LEET_MARK = re.compile(r"[0-9@$]")


def _leet_same(text: str) -> None:
    from services.redactor import names

    # the words `leetspeak` can take hold a digit, "@" or "$"; the others it passes over
    expected = [m.span() for m in _LEET_PLAIN.finditer(text) if _LEET_MARK.search(m.group())]
    assert [m.span() for m in names._LEET.finditer(text)] == expected


def _residue_same(text: str) -> None:
    from services.redactor import lexicon, redaction
    from services.redactor.redaction import Span

    lex = lexicon.load()
    expected = [Span(m.start(), m.end(), kind) for kind, pattern, _ in redaction._RESIDUE
                for m in pattern.finditer(text)]
    expected += [Span(m.start(), m.end(), "PERSON") for m in redaction.WORD.finditer(text)
                 if redaction._foreign_script(m.group())]
    assert redaction.residue(text, [], [], lex) == expected


def test_leetspeak_and_the_final_check_the_same_on_every_labelled_corpus():
    paths = sorted((ROOT / "tests/data/redaction").glob("*.jsonl"))
    texts = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")
             if line.strip()]
    for text in texts:
        _leet_same(text)
        _residue_same(text)


_RESIDUE_PIECES = ["J0rdan ", "Pr1ya", "4nita", "Xanth3", "COVID19", "$am", "@jo", "a.b@nhs.net",
                   "www.x.uk", "WWW.X.UK", "https://a.b/c", "jo_b", "07700 900 123", "E482913",
                   "Привет", "李", "Ωmega", "café", "١٢٣٤٥٦", " ", "\n", ".", "_", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_RESIDUE_PIECES), st.text(max_size=5)),
                max_size=12).map("".join))
def test_leetspeak_and_the_final_check_the_same_on_arbitrary_text(text):
    _leet_same(text)
    _residue_same(text)
