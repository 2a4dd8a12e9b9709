"""The labelled narratives (`themes/`): reading the one-item-a-line format its README describes.
Pure; no text is ever printed or logged from here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).with_name("themes")
SPLITS = ("train", "dev", "test")
_THEME = re.compile(r"T(0[1-9]|1[0-8])")


class LabelledSetError(ValueError):
    pass


@dataclass(frozen=True)
class Item:
    split: str
    text: str
    gold: frozenset[str]
    implied: frozenset[str] = frozenset()   # gold themes present without their obvious words
    negated: bool = False                   # holds negated or "not meant" theme words
    help: str = ""

    @property
    def texts(self) -> tuple[str, str]:
        return self.text, self.help


def parse(line: str, split: str, where: str = "") -> Item:
    """One line, `T02 ~T05 ! | text`, as an Item; a clear error naming the line otherwise."""
    labels, sep, text = line.partition(" | ")
    if not sep or not text.strip():
        raise LabelledSetError(f"{where}: needs 'LABELS | text'")
    gold, implied, negated = set(), set(), False
    for tag in labels.split():
        code = tag.lstrip("~")
        if tag == "!":
            negated = True
        elif tag == "-":
            continue
        elif _THEME.fullmatch(code):
            gold.add(code)
            if tag.startswith("~"):
                implied.add(code)
        else:
            raise LabelledSetError(f"{where}: {tag!r} is not a theme code, '~code', '!' or '-'")
    return Item(split, text.strip(), frozenset(gold), frozenset(implied), negated)


def load_split(split: str, folder: Path = HERE) -> list[Item]:
    if split not in SPLITS:
        raise LabelledSetError(f"no split {split!r}: one of {', '.join(SPLITS)}")
    path = folder / f"{split}.txt"
    with open(path, encoding="utf-8") as fh:
        return [parse(line.rstrip("\n"), split, f"{path.name} line {n}")
                for n, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]


def load_second_pass(folder: Path = HERE) -> list[Item]:
    """The blind second coding of dev texts (same format; its texts are found in dev.txt)."""
    path = folder / "second_pass.txt"
    with open(path, encoding="utf-8") as fh:
        return [parse(line.rstrip("\n"), "dev", f"{path.name} line {n}")
                for n, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class HelpItem:
    split: str
    text: str
    gold: frozenset[str]


def load_help(split: str, codes: tuple[str, ...], folder: Path = HERE) -> list[HelpItem]:
    """Answers to "what would help", `split code code | text` a line (split: train or test)."""
    path = folder / "help.txt"
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            labels, sep, text = line.rstrip("\n").partition(" | ")
            where, tags = f"{path.name} line {n}", labels.split()
            if not sep or not text.strip() or not tags or tags[0] not in ("train", "test"):
                raise LabelledSetError(f"{where}: needs 'train|test CODES | text'")
            unknown = set(tags[1:]) - set(codes)
            if unknown or len(tags) < 2:
                raise LabelledSetError(f"{where}: codes must be some of {', '.join(codes)}, not {sorted(unknown)}")
            if tags[0] == split:
                items.append(HelpItem(split, text.strip(), frozenset(tags[1:])))
    return items
