"""CSV and XLSX hold every cell of the release with its metadata, mark suppressed cells in words
(never 0), and neutralise anything a spreadsheet would evaluate."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from services.reporter import exports
from tests.support import releases


def read_csv(body: bytes) -> list[dict]:
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def rows_of(book, sheet: str = "Figures") -> list[dict]:
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.fixture(scope="module")
def exported():
    """The full release of tests/support/releases.py exported once: (doc, CSV rows, XLSX bytes, workbook).
    The tests only read them."""
    doc = releases.document()
    body = exports.to_xlsx(doc)
    return doc, read_csv(exports.to_csv(doc)), body, load_workbook(io.BytesIO(body))


def test_every_cell_of_the_release_is_one_row_with_the_releases_metadata(exported):
    doc, csv_rows, _, book = exported
    xlsx_rows = rows_of(book)
    cells = [(t, c) for t, v in doc["tables"].items() for c in v["cells"]]
    assert len(csv_rows) == len(xlsx_rows) == len(cells) == 636
    for row in csv_rows + xlsx_rows:
        assert (row["release_id"], row["method_version"], row["released_on"], str(row["threshold"])) == \
            ("20261201-5eed0001", "1.0", "2026-12-01", "10")
    race = [r for r in csv_rows if r["table"] == "about" and r["code_1"] == "race" and r["period"] == "2026-Q4"]
    assert race == [{**race[0], "table_title": "What it was about", "dimension_1": "about", "label_1":
                     "Race, ethnicity or skin colour", "dimension_2": "", "value": "40", "status": "published",
                     "shown_as": "40", "any_mention": "yes"}]


def test_a_suppressed_cell_is_marked_and_has_no_value_in_both_formats(exported):
    _, csv_rows, _, book = exported
    for rows in (csv_rows, rows_of(book)):
        [age] = [r for r in rows if r["table"] == "about" and r["code_1"] == "age" and r["period"] == "2026-Q4"]
        assert (age["value"] in ("", None), age["status"], age["shown_as"]) == (True, "suppressed", "not shown, to protect anonymity")
        assert not [r for r in rows if r["status"] == "suppressed" and r["value"] not in ("", None)]
        assert sum(r["status"] == "published" for r in rows) == 38
    [rule_range] = book["Figures"].conditional_formatting
    assert str(rule_range.sqref) == "A2:R637"
    assert rule_range.rules[0].formula == ['$Q2<>"published"'] and rule_range.rules[0].dxf.font.i


def test_the_xlsx_numbers_are_numbers_and_its_first_sheet_describes_the_release(exported):
    _, _, _, book = exported
    rows = rows_of(book)
    assert {type(r["value"]) for r in rows if r["status"] == "published"} == {int}
    about = dict(book["About this release"].iter_rows(values_only=True))
    assert about["Release"] == "20261201-5eed0001" and about["Threshold (fewest reports behind a figure)"] == 10
    assert about["Figures shown"] == 38 and about["Figures in this release"] == 636


ATTACKS = ["=HYPERLINK(\"http://example.invalid\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_text_a_spreadsheet_would_evaluate_is_neutralised_in_csv_and_xlsx(attack):
    full = releases.document()
    doc = {**full, "tables": {"about": full["tables"]["about"]}}   # the table the attack is in: a small workbook
    doc["release_id"] = attack
    doc["tables"]["about"]["title"] = attack
    doc["tables"]["about"]["cells"][0]["dims"]["about"] = attack
    book = load_workbook(io.BytesIO(exports.to_xlsx(doc)))
    for rows in (read_csv(exports.to_csv(doc)), rows_of(book)):
        first = next(r for r in rows if r["table"] == "about")
        for column in ("release_id", "table_title", "code_1"):   # XML reads a CR back as LF
            assert first[column].replace("\r", "\n") == "'" + attack.replace("\r", "\n"), column
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(exports.FORMULA_STARTS)]


def test_a_harmless_text_and_numbers_are_left_alone():
    assert exports.neutralise("Race, ethnicity or skin colour") == "Race, ethnicity or skin colour"
    assert exports.neutralise(-5) == -5 and exports.neutralise(None) is None
