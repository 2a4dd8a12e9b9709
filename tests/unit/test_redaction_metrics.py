"""The redaction metrics of `portal-redact-eval`, on hand-made synthetic items and spans."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from services.redactor.evaluate import CorpusError, Item, Labelled, parse_corpus, score, table
from services.redactor.redaction import Span


def span(text: str, word: str, kind: str | None = None):
    start = text.index(word)
    return Labelled(start, start + len(word), kind) if kind else (start, start + len(word))


ONE = "Tom Reed rang 01632 960001."
TWO = "Ann was kind."
THREE = "Nothing here."
ITEMS = [
    Item("s1", ONE, (span(ONE, "Tom Reed", "PERSON"), span(ONE, "01632 960001", "PHONE")),
         (span(ONE, "rang"),)),
    Item("s2", TWO, (span(TWO, "Ann", "PERSON"),)),
    Item("s3", THREE, (), (span(THREE, "Nothing"),)),
]
# Half the name and all of the phone; "rang" (a keep span) and "was" redacted by mistake.
PREDICTED = [
    [span(ONE, "Tom"), span(ONE, "rang"), span(ONE, "01632 960001")],
    [span(TWO, "Ann"), span(TWO, "was")],
    [],
]


def test_every_metric_has_the_expected_exact_value_and_counts():
    m = score(ITEMS, PREDICTED)
    assert m["texts"] == 3
    # PII characters without whitespace: "TomReed" 7 + "01632960001" 11 + "Ann" 3.
    assert (m["pii_chars_redacted"], m["pii_chars"], m["char_recall"]) == (17, 21, 17 / 21)
    assert (m["pii_spans_fully_removed"], m["pii_spans"], m["span_removal"]) == (2, 3, 2 / 3)
    assert (m["texts_leaking"], m["texts_with_pii"], m["text_leak_rate"]) == (1, 2, 0.5)
    # Redacted: 3 + 4 + 11 in the first text, 3 + 3 in the second.
    assert (m["redacted_chars_pii"], m["redacted_chars"], m["char_precision"]) == (17, 24, 17 / 24)
    assert (m["keep_spans_preserved"], m["keep_spans"], m["keep_preserved"]) == (1, 2, 0.5)


def test_recall_is_also_given_per_labelled_type():
    by_type = score(ITEMS, PREDICTED)["by_type"]
    assert by_type == {
        "PERSON": {"spans": 2, "spans_removed": 1, "chars": 10, "chars_redacted": 6,
                   "char_recall": 0.6, "span_removal": 0.5},
        "PHONE": {"spans": 1, "spans_removed": 1, "chars": 11, "chars_redacted": 11,
                  "char_recall": 1.0, "span_removal": 1.0},
    }


def test_a_span_redacted_in_two_pieces_around_a_space_counts_as_fully_removed():
    text = "Ring 01632 960001."
    item = Item("w", text, (span(text, "01632 960001", "PHONE"),))
    m = score([item], [[span(text, "01632"), span(text, "960001")]])
    assert (m["span_removal"], m["text_leak_rate"], m["char_recall"]) == (1.0, 0.0, 1.0)


def test_overlapping_and_out_of_range_predictions_count_each_character_once():
    text = "Ann was kind."
    item = Item("o", text, (span(text, "Ann", "PERSON"),))
    m = score([item], [[(0, 2), (1, 3), (0, 3), (10, 99)]])
    # "Ann" once, plus "nd." from the clipped span past the end.
    assert (m["redacted_chars"], m["redacted_chars_pii"], m["char_precision"]) == (6, 3, 0.5)


def test_predicted_spans_may_be_redactor_spans_dicts_or_pairs():
    text = "Ann was kind."
    item = Item("f", text, (span(text, "Ann", "PERSON"),))
    for pred in ([Span(0, 3, "PERSON")], [{"start": 0, "end": 3, "type": "X"}], [(0, 3)]):
        assert score([item], [pred])["char_recall"] == 1.0


def test_ratios_without_a_denominator_are_none_rather_than_zero():
    m = score([Item("e", "Nothing here.")], [[]])
    assert (m["char_recall"], m["char_precision"], m["keep_preserved"], m["text_leak_rate"]) == (None,) * 4


def test_a_predicted_list_is_needed_for_every_item():
    with pytest.raises(ValueError):
        score(ITEMS, PREDICTED[:2])


def test_the_corpus_format_is_parsed_with_offsets_and_types():
    line = json.dumps({"id": "x-1", "text": ONE, "pii": [{"start": 0, "end": 8, "type": "PERSON"}],
                       "keep": [{"start": 9, "end": 13, "text": "rang"}]})
    assert parse_corpus([line, "\n"]) == [Item("x-1", ONE, (Labelled(0, 8, "PERSON"),), ((9, 13),))]


def test_a_malformed_corpus_line_is_named_by_number_without_its_text():
    good = json.dumps({"id": "x-1", "text": TWO, "pii": []})
    outside = json.dumps({"id": "x-2", "text": TWO, "pii": [{"start": 0, "end": 40, "type": "PERSON"}]})
    with pytest.raises(CorpusError, match="line 2") as bad_json:
        parse_corpus([good, "{Ann was kind"])
    assert "Ann" not in str(bad_json.value)
    with pytest.raises(CorpusError, match="line 2: span 0-40 is outside the text"):
        parse_corpus([good, outside])


def test_the_table_shows_both_systems_side_by_side_and_no_corpus_text():
    m = score(ITEMS, PREDICTED)
    out = table({"ours": m, "theirs": score(ITEMS, [[], [], []])}, {"ours": 1.0, "theirs": 2.0})
    assert "81.0% (17/21)" in out and "0.0% (0/21)" in out
    assert "PERSON (2 spans)" in out and "60.0% (6/10)" in out
    for word in ("Tom", "Reed", "01632", "Ann", "Nothing", "rang"):
        assert word not in out


def test_the_metric_module_can_be_imported_without_loading_presidio():
    code = ("import sys, services.redactor.evaluate; "
            "sys.exit('presidio_analyzer' in sys.modules or 'spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("content,err", [
    (None, "portal-redact-eval: cannot read the corpus (FileNotFoundError)\n"),
    (b'{"id": "a", "text": "Ann was kind.", "pii": [], "keep": []}\n{"id": "b"}\n',
     "portal-redact-eval: corpus line 2: needs an object with a string 'text'\n"),
    (b"\xff\xfe not utf-8\n", "portal-redact-eval: cannot read the corpus (UnicodeDecodeError)\n"),
])
def test_the_evaluation_refuses_a_corpus_it_cannot_read_with_a_specific_message_and_no_text(
        tmp_path, capsys, content, err):
    from services.redactor import evaluate

    corpus = tmp_path / "c.jsonl"
    if content is not None:
        corpus.write_bytes(content)
    assert evaluate.main([str(corpus)]) == 2
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", err)
