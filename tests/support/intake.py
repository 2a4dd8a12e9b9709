"""Helpers for the intake's tests (their publisher fake is tests/fakes.py's): a form-filler that
reads a page the way a browser without JavaScript would (hidden fields, ticked boxes, typed text)
and submits it."""
from __future__ import annotations

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.action = None
        self._in_form = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_form, self.action = True, a.get("action")
        elif tag == "input" and self._in_form and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("hidden", "text") or (kind in ("radio", "checkbox") and "checked" in a):
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea" and self._in_form:
            self._textarea = a["name"]
            self.fields.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
            name, value = self.fields[-1]
            self.fields[-1] = (name, value[1:] if value.startswith("\n") else value)
        elif tag == "form":
            self._in_form = False


def form_fields(html: str) -> list[tuple[str, str]]:
    """What the page's report form would submit as it stands (before any button is added)."""
    parser = _Form()
    parser.feed(html)
    return parser.fields


def fill(html: str, answer: dict | None = None, **buttons) -> list[tuple[str, str]]:
    """The page's form with `answer` replacing its fields (a list ticks several boxes), plus the
    pressed button's name and value."""
    answer = answer or {}
    fields = [(k, v) for k, v in form_fields(html) if k not in answer]
    for name, value in answer.items():
        fields += [(name, v) for v in (value if isinstance(value, list) else [value])]
    return fields + list(buttons.items())
