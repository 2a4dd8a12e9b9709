"""The machinery the corpus generators share (make_round2.py, make_fresh.py, make_round3.py):
templates rendered into text with labelled spans, templates joined into a narrative, and the
corpus built, checked and written. What each corpus draws (people, places, wordings, how many
templates a narrative joins) stays in its generator. Round 4's generators (make_round4.py,
make_round5.py, make_round6.py) write hand-written pieces instead: their markup and
`build_pieces` are at the end of this file.

Markup in a template: `{TYPE:slot}` is personal information of TYPE filled by `slots[slot]()`;
`{=name}` is plain text filled by `fill[name]()`; `[[word]]` is a word that must be kept, and
`[[=name]]` one filled by `fill[name]()`."""
from __future__ import annotations

import json
import random
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


# Round 4's pieces (make_round4.py, make_round5.py, make_round6.py). Markup in a piece: `<slot>` is
# filled from the pools, then `{TYPE:text}` is personal information and `[[word]]` must be kept.
SLOT = re.compile(r"<(\w+)>")
MARK = re.compile(r"\{([A-Z_]+):([^{}]+)\}|\[\[([^\]]+)\]\]")


def fill_piece(piece: str, r: random.Random, pools: dict[str, list[str]], titles: list[str],
               initials: list[str]) -> str:
    """The piece with each `<slot>` drawn once (a slot named twice in a piece is the same value).
    `WUP`, `GUP`, `FUP`, `KEEPUP` are `W`, `G`, `F`, `KEEP` in capitals; `w`, `g` in lower case;
    `W2`, `G2`, `INI2` differ from `W`, `G`, `INI`; `TITLE` and `INI` come from their lists."""
    used: dict[str, str] = {}

    def pick(key: str) -> str:
        if key in used:
            return used[key]
        if key in ("WUP", "GUP", "FUP"):
            value = r.choice(pools[key[0]]).upper()
        elif key == "KEEPUP":
            value = r.choice(pools["KEEP"]).upper()
        elif key in ("w", "g"):
            value = r.choice(pools[key.upper()]).lower()
        elif key in ("W2", "G2"):
            value = r.choice([v for v in pools[key[0]] if v != used.get(key[0])])
        elif key == "TITLE":
            value = r.choice(titles)
        elif key in ("INI", "INI2"):
            value = r.choice([v for v in initials if v != used.get("INI")])
        else:
            value = r.choice(pools[key])
        used[key] = value
        return value

    return SLOT.sub(lambda m: pick(m.group(1)), piece)


def parse_piece(text: str) -> dict:
    """A filled text's plain text, its personal-information spans and its must-keep spans."""
    out, pii, keep, pos = [], [], [], 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        start = sum(map(len, out))
        word = m.group(2) if m.group(1) else m.group(3)
        out.append(word)
        if m.group(1):
            pii.append({"start": start, "end": start + len(word), "type": m.group(1)})
        else:
            keep.append({"start": start, "end": start + len(word), "text": word})
        pos = m.end()
    out.append(text[pos:])
    return {"text": "".join(out), "pii": pii, "keep": keep}


def build_pieces(out: Path, prefix: str, count: int, r: random.Random, pieces: list[str],
                 pools: dict[str, list[str]], titles: list[str], initials: list[str]) -> None:
    """`count` narratives of one or two pieces (each piece thrice, shuffled, taken in turn),
    joined by a space, two spaces or a newline, filled, parsed and written to `out`."""
    items = []
    order = pieces * 3
    r.shuffle(order)
    i = 0
    while len(items) < count:
        parts = [order[i % len(order)]]
        i += 1
        if r.random() < 0.6:
            parts.append(order[i % len(order)])
            i += 1
        joiner = r.choice([" ", " ", "\n", "  "])
        text = joiner.join(fill_piece(p, r, pools, titles, initials) for p in parts)
        items.append({"id": f"{prefix}-{len(items) + 1:04d}", **parse_piece(text)})
    write(out, items)
