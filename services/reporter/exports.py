"""The released tables as CSV and XLSX: every cell of every table, one row each, with the
release's metadata on every row and in its own sheet. Built from the release document alone.

Suppressed cells have no value, the status `suppressed` and `shown_as` "not shown, to protect
anonymity"; they are never written as 0, nor as a bound. Every text cell that a spreadsheet could take for a formula (one that
starts with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, in both
formats (OWASP's advice for CSV injection); numbers are written as numbers."""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from . import labels
from .report import NOT_SHOWN, build

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
META = ("release_id", "method_version", "released_on", "threshold")


def neutralise(value):
    """A text a spreadsheet would evaluate, made inert; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _width(doc: dict) -> int:
    return max((len(t["dimensions"]) for t in doc["tables"].values()), default=0)


def header(doc: dict) -> list[str]:
    dims = [f"{name}_{i}" for i in range(1, _width(doc) + 1) for name in ("dimension", "code", "label")]
    return [*META, "table", "table_title", "any_mention", "period", *dims, "value", "percent", "status", "shown_as"]


def rows(doc: dict) -> list[list]:
    """One row per released cell, in the release's order; text already neutralised."""
    n = _width(doc)
    out = []
    for table_id, table in doc["tables"].items():
        for cell in table["cells"]:
            dims = []
            for name in table["dimensions"]:
                dims += [name, cell["dims"][name], labels.value(name, cell["dims"][name])]
            dims += [""] * (3 * n - len(dims))
            hidden = cell["status"] != "published"
            row = [*(doc[m] for m in META), table_id, table["title"], "yes" if table["any_mention"] else "no",
                   cell["period"], *dims, None if hidden else cell["value"], cell.get("percent"), cell["status"],
                   NOT_SHOWN if hidden else str(cell["value"])]
            out.append([neutralise(v) for v in row])
    return out


def to_csv(doc: dict) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheets read the dashes and quotes right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(doc))
    writer.writerows(["" if v is None else v for v in row] for row in rows(doc))
    return buffer.getvalue().encode("utf-8-sig")


def about(doc: dict) -> list[tuple[str, object]]:
    """The release's metadata and the methods, for the first sheet."""
    report = build(doc)
    lines = [("Release", doc["release_id"]), ("Method version", doc["method_version"]),
             ("Released on", doc["released_on"]), ("Threshold (fewest reports behind a figure)", doc["threshold"]),
             ("Figures in this release", report.counts["cells"]), ("Figures shown", report.counts["published"]),
             ("Figures not shown, to protect anonymity", report.counts["suppressed"])]
    lines += [("How these figures were made", line) for line in report.methods]
    lines += [("About the data", line) for line in report.quality]
    return [(neutralise(k), neutralise(v)) for k, v in lines]


def to_xlsx(doc: dict) -> bytes:
    book = Workbook()
    info = book.active
    info.title = "About this release"
    for row in about(doc):
        info.append(row)
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 48, 120
    for cell in info["A"]:
        cell.font = Font(bold=True)

    sheet = book.create_sheet("Figures")
    sheet.append(header(doc))
    for row in rows(doc):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    last, status = get_column_letter(sheet.max_column), get_column_letter(header(doc).index("status") + 1)
    # Suppressed rows greyed and in italics by one rule, not cell by cell (thousands of cells).
    sheet.conditional_formatting.add(f"A2:{last}{sheet.max_row}", FormulaRule(
        formula=[f'${status}2<>"published"'], fill=PatternFill("solid", bgColor="F0F4F5"),
        font=Font(italic=True, color="4C6272")))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{sheet.max_row}"
    for i, name in enumerate(header(doc), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = 40 if name.startswith(("label", "table_title")) else 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
