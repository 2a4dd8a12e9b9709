"""Everything the reporter hands out for a release, rendered on the server from its release
document: chart SVGs, the stand-alone HTML report, the PDF (WeasyPrint, from that same HTML),
the CSV and XLSX exports, and the pack of all four in one ZIP archive.

A release never changes once complete, so each rendering is kept for the few latest releases."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

from . import charts, exports
from .report import Report, build

HERE = Path(__file__).parent
STYLES = (HERE / "assets/document.css", HERE / "assets/report.css")


@dataclass(frozen=True)
class Download:
    filename: str
    mimetype: str


DOWNLOADS = {
    "pdf": Download("report.pdf", "application/pdf"),
    "html": Download("report.html", "text/html"),
    "csv": Download("figures.csv", "text/csv"),
    "xlsx": Download("figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pack": Download("report-pack.zip", "application/zip"),
}
PACKED = ("pdf", "html", "csv", "xlsx")
PDF_VARIANT = "pdf/ua-1"


def filename(release_id: str, kind: str) -> str:
    return f"microaggressions-{release_id}-{DOWNLOADS[kind].filename}"


def environment() -> Environment:
    """The templates the web pages use too; the design system's macros are autoescaped as well."""
    return Environment(loader=ChoiceLoader([FileSystemLoader(HERE / "templates"),
                                            PackageLoader("nhsuk_frontend_jinja")]),
                       autoescape=select_autoescape(default=True), undefined=ChainableUndefined)


@runtime_checkable
class Renderer(Protocol):
    """What the reporter's pages and downloads read a release through: `Documents` here,
    `tests/fakes.FakeDocuments` in the fast unit tests (no charts, no PDF)."""

    def report(self, doc: dict) -> Report: ...

    def chart(self, doc: dict, figure_id: str) -> str | None: ...

    def render(self, doc: dict, kind: str) -> bytes: ...


class Documents:
    """Renders and keeps the outputs of the latest `keep` releases. Thread-safe."""

    def __init__(self, keep: int = 4):
        self._env = environment()
        self._css = "\n".join(p.read_text() for p in STYLES)
        self._keep = keep
        self._cache: OrderedDict[tuple[str, str], object] = OrderedDict()
        self._lock = threading.Lock()

    def _kept(self, doc: dict, what: str, make):
        key = (doc["release_id"], what)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = make()
        with self._lock:
            self._cache[key] = value
            while len({rid for rid, _ in self._cache}) > self._keep:
                self._cache.popitem(last=False)
        return value

    def report(self, doc: dict) -> Report:
        return self._kept(doc, "report", lambda: build(doc))

    def chart(self, doc: dict, figure_id: str) -> str | None:
        """A figure's chart as SVG; None for an unknown figure or one with nothing to draw."""
        figure = self.report(doc).figure(figure_id)
        if figure is None or figure.empty:
            return None
        return self._kept(doc, f"chart:{figure_id}", lambda: charts.svg(figure))

    def html(self, doc: dict) -> str:
        def make():
            def inline(figure) -> str:
                svg = self.chart(doc, figure.id).encode()
                return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
            return self._env.get_template("report/document.html").render(
                report=self.report(doc), chart_src=inline, css=self._css)
        return self._kept(doc, "html", make)

    def pdf(self, doc: dict) -> bytes:
        def make() -> bytes:
            from weasyprint import HTML   # loads Pango; only when a PDF is asked for
            from weasyprint.urls import URLFetcher

            # data: URIs only, and a chart that cannot be read stops the PDF rather than leave a gap.
            fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
            # Tagged, as PDF/UA-1 as far as WeasyPrint goes: screen readers get the headings, tables and
            # the charts' text alternatives, in reading order, with the document's language and title.
            return HTML(string=self.html(doc), url_fetcher=fetcher).write_pdf(pdf_variant=PDF_VARIANT)
        return self._kept(doc, "pdf", make)

    def csv(self, doc: dict) -> bytes:
        return self._kept(doc, "csv", lambda: exports.to_csv(doc))

    def xlsx(self, doc: dict) -> bytes:
        return self._kept(doc, "xlsx", lambda: exports.to_xlsx(doc))

    def pack(self, doc: dict) -> bytes:
        return self._kept(doc, "pack", lambda: pack(doc["release_id"], doc["released_on"], {
            kind: self.render(doc, kind) for kind in PACKED}))

    def render(self, doc: dict, kind: str) -> bytes:
        body = {"pdf": self.pdf, "html": self.html, "csv": self.csv, "xlsx": self.xlsx, "pack": self.pack}[kind](doc)
        return body.encode() if isinstance(body, str) else body



def pack(release_id: str, released_on: str, files: dict[str, bytes]) -> bytes:
    """One ZIP archive: the PDF, HTML, CSV and XLSX, and a manifest of their SHA-256 digests.
    Entries are dated with the release day, so the same release packs to the same bytes."""
    year, month, day = (int(p) for p in released_on.split("-"))
    names = {kind: filename(release_id, kind) for kind in files}
    manifest = {"release_id": release_id, "released_on": released_on,
                "files": {names[k]: hashlib.sha256(v).hexdigest() for k, v in files.items()}}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind, body in [*files.items(), ("manifest", json.dumps(manifest, indent=2).encode())]:
            name = names.get(kind, "manifest.json")
            info = zipfile.ZipInfo(name, date_time=(year, month, day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, body)
    return out.getvalue()
