"""The PDF and the stand-alone HTML carry the same report: the PDF's pages are rendered to
images and read back, and the pack holds all four files of one release."""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile

import pypdfium2 as pdfium
import pytest

from services.reporter.documents import Documents
from services.reporter.report import build, display
from tests.support import releases

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


@pytest.fixture(scope="module")
def doc():
    return releases.document()


@pytest.fixture(scope="module")
def documents():
    return Documents()


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def table_lines(doc, pdf: bool = False) -> list[str]:
    """Each row of each figure's table as it reads: label, then each cell, hidden ones in words,
    then the change from the quarter before where the figure has one. In the PDF, rows with
    nothing shown are named in one sentence after the table instead."""
    report = build(doc)
    lines = []
    for f in report.figures():
        if f.empty:
            continue
        lines += [words(" ".join([label, *(display(e) for e in entries), *f.changes[i:i + 1]]))
                  for i, (label, entries) in enumerate(f.rows) if not (pdf and label in f.hidden_rows)]
        if pdf and f.hidden_rows:
            lines.append(words("Not shown, to protect anonymity: " + "; ".join(f.hidden_rows) + "."))
    return lines


def test_the_pdf_pages_render_and_read_back_with_the_releases_numbers(doc, documents):
    pdf = pdfium.PdfDocument(documents.pdf(doc))
    assert len(pdf) >= 8
    text = ""
    for i in range(len(pdf)):
        page = pdf[i]
        image = page.render(scale=1).to_pil().convert("L")
        body = image.crop((0, 0, image.width, int(image.height * 0.9)))   # above the running footer
        ink = sum(body.histogram()[:128])
        assert image.getextrema()[1] == 255 and ink > 500, f"page {i + 1} looks blank ({ink} dark pixels)"
        page_text = page.get_textpage().get_text_range()
        assert f"Page {i + 1} of {len(pdf)}" in page_text
        text += page_text + "\n"
    text = words(text)
    assert "Reports received, November 2026 60 rounded to the nearest 5" in text
    for line in table_lines(doc, pdf=True):
        assert line in text, line
    assert len(pdf) <= 20   # rows with nothing shown take one sentence, not a page of rows
    assert text.count("not shown") > 10 and "fewer than" not in text
    assert "No figure in this table can be shown, to protect anonymity." in text   # impact
    assert "How these figures were made" in text and "About the data" in text


def test_the_html_file_stands_alone_and_every_chart_has_its_words(doc, documents):
    html = documents.html(doc)
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(r.startswith("data:image/svg+xml;base64,") for r in refs)
    alts = re.findall(r'<img class="app-figure__chart[^"]*" src="[^"]+" alt="([^"]+)"', html)
    figures = [f for f in build(doc).figures() if not f.empty]
    assert len(alts) == len(figures) == 13
    assert html.count('data-status="suppressed">not shown</td>') == sum(
        e.suppressed for f in figures for _, es in f.rows for e in es)
    for line in table_lines(doc):
        assert line in words(re.sub(r"<[^>]+>", " ", html).replace("&#34;", '"').replace("&#39;", "'")), line


def test_the_pack_holds_the_pdf_html_csv_and_xlsx_of_the_release_and_their_digests(doc, documents):
    body = documents.pack(doc)
    archive = zipfile.ZipFile(io.BytesIO(body))
    stem = "microaggressions-20261201-5eed0001-"
    assert sorted(archive.namelist()) == sorted([stem + "report.pdf", stem + "report.html", stem + "figures.csv",
                                                 stem + "figures.xlsx", "manifest.json"])
    assert archive.read(stem + "report.pdf") == documents.pdf(doc)
    assert archive.read(stem + "figures.csv") == documents.csv(doc)
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["release_id"] == "20261201-5eed0001"
    assert manifest["files"] == {n: hashlib.sha256(archive.read(n)).hexdigest()
                                 for n in archive.namelist() if n != "manifest.json"}
    assert {i.date_time for i in archive.infolist()} == {(2026, 12, 1, 0, 0, 0)}


def test_the_pdf_is_tagged_with_its_title_and_starts_with_the_summary_alone(doc, documents):
    import pypdfium2.raw as pdfium_raw
    pdf = pdfium.PdfDocument(documents.pdf(doc))
    assert pdfium_raw.FPDFCatalog_IsTagged(pdf.raw) == 1                  # PDF/UA-1 as far as WeasyPrint goes
    assert pdf.get_metadata_dict()["Title"] == "Micro-aggressions reported: release 20261201-5eed0001"
    first = words(pdf[0].get_textpage().get_text_range())
    assert "Summary This release counts reports made from August 2026 to November 2026" in first
    assert "Headlines" not in first                                      # the summary is the first page
    for i in range(len(pdf)):   # no page ends with a heading: every heading has something after it
        lines = [l for l in pdf[i].get_textpage().get_text_range().splitlines() if l.strip()]
        last = lines[-2] if lines[-1].startswith("Micro-aggression portal") else lines[-1]
        assert last.strip() not in {s.title for s in build(doc).sections}, (i + 1, last)
