"""clinical.ranges looks for clinical words only inside the name spans it is given; which words
are inside is answered by a binary search (`_overlap_test`) instead of testing every span for
every word. The answers must be those of the test it replaced, on arbitrary ranges (empty and
nested ones included) and on invented text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.redactor import clinical

ranges_ = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(
    lambda p: (min(p), max(p))), max_size=12)


def naive(within, start, end):
    return any(a < end and start < b for a, b in within)


@settings(max_examples=500, deadline=None)
@given(ranges_, st.integers(0, 70), st.integers(0, 70))
def test_the_overlap_test_answers_as_testing_every_range(within, start, end):
    assert clinical._overlap_test(within)(start, end) == naive(within, start, end)


def test_no_range_overlaps_nothing():
    overlaps = clinical._overlap_test([])
    assert not overlaps(0, 10)
    overlaps = clinical._overlap_test([(5, 9), (0, 2)])
    assert overlaps(1, 3) and overlaps(8, 20) and not overlaps(2, 5) and not overlaps(9, 12)


TEXT = ("Dr Imogen Sallow said her Crohn's was 'attention seeking'. Later the LD nurse gave "
        "buccal midazolam and Jo Parkinson's review was moved; C. diff on Ward 4, Makaton used.")


@settings(max_examples=200, deadline=None)
@given(ranges_.map(lambda rs: [(a * 3, b * 3) for a, b in rs]))
def test_ranges_within_spans_are_those_of_the_whole_text_inside_them(within):
    whole = clinical.ranges(TEXT)
    assert len(whole) >= 5   # Crohn's, LD, midazolam, C. diff, Makaton
    got = clinical.ranges(TEXT, within)
    organisms = [r for r in whole if TEXT[r[0]:r[1]].startswith("C.")]
    words = [r for r in whole if r not in organisms]
    assert got == organisms + [r for r in words if naive(within, *r)]
    assert clinical.ranges(TEXT, [(0, len(TEXT))]) == whole
