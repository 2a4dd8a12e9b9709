"""Every string a person reads on the form comes from the gettext catalogue: with a made-up
translation that brackets every message, nothing readable is left outside a bracket on any page.
The catalogue's template is current, and English is shipped."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from io import BytesIO

import pytest
from babel.messages.pofile import read_po, write_po
from werkzeug.datastructures import MultiDict

from services.intake import i18n
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher
from tests.support.intake import fill

OPEN, CLOSE = "\u27e6", "\u27e7"
# What may be read outside a message: numbers (phone numbers, counts), punctuation, the NHS
# logo's name and the design system's separators.
LEFTOVER = re.compile(r"^[\s\d.,:;()\-–—©•|\"'?!/+%]*$")


class Readable(HTMLParser):
    """The text a person reads (or hears) on a page: text outside scripts and the answers they
    typed, and the attributes read aloud or shown by script."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.attributes: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "textarea") or "app-answer-text" in (a.get("class") or ""):
            self._skipping.append(tag)
        for name, value in attrs:
            if value and (name in ("alt", "aria-label", "title") or name.startswith("data-i18n")):
                self.attributes.append(value)

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping:
            self.text.append(data)


def outside_messages(text: str) -> str:
    while True:
        shorter = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", "", text)
        if shorter == text:
            return text
        text = shorter


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """The intake with a bracketing 'Welsh' beside English: a translation is a file."""
    from services.common import sealing

    folder = tmp_path_factory.mktemp("translations")
    shutil.copytree(i18n.FOLDER, folder, dirs_exist_ok=True)
    catalogue = read_po(BytesIO(i18n.TEMPLATE.read_bytes()), locale="cy")
    for message in catalogue:
        if message.id:
            message.string = (tuple(OPEN + m + CLOSE for m in message.id) if message.pluralizable
                              else OPEN + message.id + CLOSE)
    (folder / "cy" / "LC_MESSAGES").mkdir(parents=True)
    with open(folder / "cy" / "LC_MESSAGES" / "messages.po", "wb") as fh:
        write_po(fh, catalogue)
    saved = i18n.FOLDER
    i18n.FOLDER = folder
    i18n.translations.cache_clear()
    keys = tmp_path_factory.mktemp("keys")
    sealing.generate(keys)
    yield create_app(Settings(keys_dir=keys, min_seconds=0), FakePublisher()).test_client()
    i18n.FOLDER = saved
    i18n.translations.cache_clear()


WELSH = {"Accept-Language": "cy, en;q=0.5"}
ANSWERS = {"happened_to": "witnessed", "came_from": ["peer", "patient"], "about": ["race", "something_else"],
           "about_other": "hair", "what_happened": "Ring 07700 900123 about it."}


def pages(client):
    """Every page a person can meet, in the pseudo-language."""
    yield "start", client.get("/", headers=WELSH)
    resp = client.post("/report", data={"page": "start", "action": "continue"}, headers=WELSH)
    yield "first question, error", client.post("/report", data={"page": "happened_to", "action": "continue"},
                                               headers=WELSH)
    while 'name="page" value="check"' not in resp.get_data(as_text=True):
        page = re.search(r'name="page" value="([^"]+)"', resp.get_data(as_text=True))[1]
        yield page, resp
        resp = client.post("/report", headers=WELSH, data=MultiDict(fill(
            resp.get_data(as_text=True), {page: ANSWERS[page]} if page in ANSWERS else None, action="continue")))
    yield "check", resp
    refused = client.post("/report/send", headers=WELSH, data=MultiDict(
        fill(resp.get_data(as_text=True), {"what_happened": "x" * 3001})))
    yield "check, error", refused
    yield "sent", client.get("/report/sent", headers=WELSH)
    yield "cleared", client.get("/report/cleared", headers=WELSH)
    yield "not found", client.get("/nowhere", headers=WELSH)


def test_every_string_a_person_reads_comes_from_the_catalogue(client):
    seen = []
    for name, resp in pages(client):
        page = resp.get_data(as_text=True)
        assert '<html lang="cy">' in page, name
        readable = Readable()
        readable.feed(page)
        text = "".join(readable.text)
        assert OPEN in text, name
        left = outside_messages(text).replace("NHS", "")
        assert LEFTOVER.match(left), (name, re.sub(r"\s+", " ", left)[:300])
        for value in readable.attributes:
            assert LEFTOVER.match(outside_messages(value).replace("NHS", "")), (name, value)
        seen.append(name)
    route = ["happened_to", "setting", "organisation", "role", "came_from", "about", "about_other",
             "what_happened", "themes", "how", "where", "when", "pattern", "impact", "afterwards", "what_would_help"]
    assert seen == ["start", "first question, error", *route, "check", "check, error", "sent", "cleared", "not found"]


def test_english_is_shipped_and_chosen_when_no_other_language_fits(client):
    assert i18n.languages() == ["cy", "en"]   # in this test; the shipped folder has English only
    page = client.get("/", headers={"Accept-Language": "pl, de;q=0.8"}).get_data(as_text=True)
    assert '<html lang="en-GB">' in page and "Tell us about a micro-aggression" in page and OPEN not in page


def test_the_shipped_catalogue_is_english_and_the_template_is_current():
    shipped = i18n.TEMPLATE.parent
    assert sorted(p.parent.parent.name for p in shipped.glob("*/LC_MESSAGES/messages.po")) == ["en"]
    committed = [line for line in i18n.TEMPLATE.read_text(encoding="utf-8").splitlines()
                 if not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date', '"Generated-By'))]
    assert "\n".join(committed).strip() == i18n.pot_text().strip(), \
        "run: .venv/bin/python -m services.intake.i18n extract"
    english = read_po(BytesIO((shipped / "en" / "LC_MESSAGES" / "messages.po").read_bytes()), locale="en")
    template = read_po(BytesIO(i18n.TEMPLATE.read_bytes()))
    assert {m.id for m in english if m.id} == {m.id for m in template if m.id}
