"""Every string a person reads on the form comes from a gettext catalogue, so that a language is
a file, not a code change: `translations/<language>/LC_MESSAGES/messages.po`, one per language
(English is shipped: its messages are their own translation). The catalogue's template,
`translations/messages.pot`, is extracted from the templates, the Python modules and the words
of the questionnaire and the deployment file; a test keeps it current.

    .venv/bin/python -m services.intake.i18n extract        # refresh messages.pot and every .po
    .venv/bin/python -m services.intake.i18n init cy        # start a catalogue for Welsh

Catalogues are read with Babel and compiled in memory when the intake starts (no binary file is
committed). The language is the best match among the shipped catalogues for the browser's
Accept-Language (nothing about it is kept or logged), else English."""
from __future__ import annotations

import sys
from dataclasses import replace
from functools import cache
from io import BytesIO
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations
from flask import g, has_request_context, request

from services.contracts import deployment
from services.contracts.questionnaire import DEFINITION, Question

FOLDER = Path(__file__).with_name("translations")
TEMPLATE = FOLDER / "messages.pot"
DEFAULT = "en"
# Where the strings are: our templates and modules (the design system's templates get every
# string a person reads from ours, as parameters).
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}
# Keys of the questionnaire and the deployment file whose values a person reads: texts, and
# mappings of codes to labels.
TEXTS = ("question", "hint", "asks_for", "area", "system", "name", "text", "link_text")
LABELS = ("options", "option_hints", "organisations")


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; it is translated where it is used."""
    return message


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in FOLDER.glob("*/LC_MESSAGES/messages.po"))


@cache
def translations(language: str) -> Translations:
    with open(FOLDER / language / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalogue = read_po(fh, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled)


def current() -> Translations:
    if not has_request_context():
        return translations(DEFAULT)
    if "translations" not in g:
        language = request.accept_languages.best_match(languages(), default=DEFAULT)
        g.language, g.translations = language, translations(language)
    return g.translations


def language() -> str:
    current()
    return g.get("language", DEFAULT) if has_request_context() else DEFAULT


def _(message: str, **values) -> str:
    """`message` in the person's language, with %(name)s values filled in."""
    text = current().gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    return current().ngettext(singular, plural, n) % {"num": n, **values}


def question(q: Question) -> Question:
    """A question with every word a person reads in their language (the codes unchanged)."""
    return replace(q, question=_(q.question), hint=_(q.hint) if q.hint else "",
                   options={c: _(t) for c, t in q.options.items()},
                   option_hints={c: _(t) for c, t in q.option_hints.items()})


# The catalogue's template ------------------------------------------------------------------------

def _strings_of(node):
    """The strings a person reads in a YAML document (the questionnaire, a deployment), in order."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in LABELS and isinstance(v, dict):
                yield from (text for text in v.values() if isinstance(text, str))
            elif k in TEXTS and isinstance(v, str):
                yield v
            elif isinstance(v, (dict, list)):
                yield from _strings_of(v)
    elif isinstance(node, list):
        for item in node:
            yield from _strings_of(item)


def extract() -> Catalog:
    root = Path(__file__).parent
    catalogue = Catalog(project="microaggression-portal intake", msgid_bugs_address="",
                        copyright_holder="", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            root, METHODS, OPTIONS, keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)},
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalogue.add(message, None, [(f"services/intake/{filename}", lineno)], auto_comments=comments,
                      context=context)
    for source in (DEFINITION, deployment.DEFAULT):
        with open(source, encoding="utf-8") as fh:
            for text in _strings_of(yaml.safe_load(fh)):
                catalogue.add(text, None, [(f"services/contracts/{source.name}", 0)])
    return catalogue


def _po_bytes(catalogue: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalogue, width=100, omit_header=False, sort_output=False, no_location=True)
    return out.getvalue()


def pot_text() -> str:
    """The template as it would be written now (without the creation date, which changes)."""
    catalogue = extract()
    catalogue.creation_date = catalogue.revision_date = None
    return "\n".join(line for line in _po_bytes(catalogue).decode().splitlines()
                     if not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date', '"Generated-By')))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["extract"]:
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        TEMPLATE.write_text(pot_text() + "\n", encoding="utf-8")
        template = read_po(BytesIO(TEMPLATE.read_bytes()))
        for lang in languages():
            po = FOLDER / lang / "LC_MESSAGES" / "messages.po"
            with open(po, "rb") as fh:
                catalogue = read_po(fh, locale=lang)
            catalogue.update(template, no_fuzzy_matching=True)
            po.write_bytes(_po_bytes(catalogue))
        print(f"{TEMPLATE}: {len(template)} messages; updated {', '.join(languages())}")
        return 0
    if argv[:1] == ["init"] and len(argv) == 2:
        po = FOLDER / argv[1] / "LC_MESSAGES" / "messages.po"
        if po.exists():
            print(f"{po} exists already", file=sys.stderr)
            return 1
        template = read_po(BytesIO(TEMPLATE.read_bytes()))
        template.locale = argv[1]
        template.fuzzy = False
        po.parent.mkdir(parents=True)
        po.write_bytes(_po_bytes(template))
        print(f"{po}: translate each msgstr, then restart the intake")
        return 0
    print("usage: python -m services.intake.i18n extract | init <language>", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
