"""The machinery the corpus generators share (make_round2.py, make_fresh.py, make_round3.py):
templates rendered into text with labelled spans, templates joined into a narrative, and the
corpus built, checked and written. What each corpus draws (people, places, wordings, how many
templates a narrative joins) stays in its generator.

Markup in a template: `{TYPE:slot}` is personal information of TYPE filled by `slots[slot]()`;
`{=name}` is plain text filled by `fill[name]()`; `[[word]]` is a word that must be kept, and
`[[=name]]` one filled by `fill[name]()`."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

MARKUP = re.compile(r"\{([A-Z_]+):(\w+)\}|\{=(\w+)\}|\[\[(.+?)\]\]")
Fill = dict[str, Callable[[], str]]


def render(template: str, slots: Fill, fill: Fill) -> tuple[str, list[dict], list[dict]]:
    """The template's text, its personal-information spans and its must-keep spans."""
    text, pii, keep, cursor = "", [], [], 0
    for m in MARKUP.finditer(template):
        text += template[cursor:m.start()]
        if m.group(1):
            value = slots[m.group(2)]()
            # "staff" after a ward's name is not part of it (labelling rules, README.md here)
            named = value[:-len(" staff")] if value.endswith(" staff") else value
            pii.append({"start": len(text), "end": len(text) + len(named), "type": m.group(1)})
        elif m.group(3):
            value = fill[m.group(3)]()
        else:
            word = m.group(4)
            value = fill[word[1:]]() if word.startswith("=") else word
            keep.append({"start": len(text), "end": len(text) + len(value), "text": value})
        text += value
        cursor = m.end()
    return text + template[cursor:], pii, keep


def join(parts: list[str], slots: Fill, fill: Fill) -> tuple[str, list[dict], list[dict]]:
    """Templates rendered and joined by spaces into one narrative, spans moved to match."""
    text, pii, keep = "", [], []
    for part in parts:
        t, p, k = render(part, slots, fill)
        offset = len(text) + (1 if text else 0)
        text = f"{text} {t}" if text else t
        pii += [{**s, "start": s["start"] + offset, "end": s["end"] + offset} for s in p]
        keep += [{**s, "start": s["start"] + offset, "end": s["end"] + offset} for s in k]
    return text, pii, keep


def build(out: Path, prefix: str, count: int, parts_of: Callable[[int], list[str]], slots: Fill,
          fill: Fill) -> None:
    """Narratives 1 to `count`, each the templates `parts_of(n)` joined, written to `out`."""
    items = []
    for n in range(1, count + 1):
        text, pii, keep = join(parts_of(n), slots, fill)
        items.append({"id": f"{prefix}-{n:04d}", "text": text, "pii": pii, "keep": keep})
    write(out, items)


def write(out: Path, items: list[dict]) -> None:
    """Every span checked to lie within its text, then one narrative a line."""
    for item in items:
        for s in item["pii"] + item["keep"]:
            assert 0 <= s["start"] < s["end"] <= len(item["text"])
    out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
