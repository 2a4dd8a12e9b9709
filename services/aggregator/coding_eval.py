"""How well the theme coder reads the labelled set: precision and recall per theme against the
careful reading (`gold`), and its agreement with the themes reporters chose themselves (Cohen's
kappa). Prints figures only, never a text.

    python -m services.aggregator.coding_eval [labelled.yaml] [--split dev|test|all]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from services.contracts.questionnaire import load

from .coding import Coder, lexicon_coder

LABELLED = Path(__file__).with_name("themes_labelled.yaml")
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Item:
    split: str
    texts: tuple[str, ...]
    gold: frozenset[str]
    reporter: frozenset[str]


class LabelledSetError(ValueError):
    pass


def load_items(path: Path = LABELLED) -> list[Item]:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    codes = set(load()["themes"].codes)
    items = []
    for n, entry in enumerate(raw.get("items") or [], start=1):
        if entry.get("split") not in SPLITS or not str(entry.get("text", "")).strip():
            raise LabelledSetError(f"item {n}: needs a split ({' or '.join(SPLITS)}) and a text")
        for key in ("gold", "reporter"):
            unknown = set(entry.get(key) or ()) - codes
            if unknown:
                raise LabelledSetError(f"item {n}: {key} has codes that are not themes: {sorted(unknown)}")
        items.append(Item(entry["split"], (entry["text"], entry.get("help") or ""),
                          frozenset(entry.get("gold") or ()), frozenset(entry.get("reporter") or ())))
    if not items:
        raise LabelledSetError(f"{path}: no items")
    return items


def kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two raters' yes/no decisions; None when chance agreement is total."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return None if chance == 1 else (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    support: int
    tp: int
    fp: int
    fn: int
    kappa_reporter: float | None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Evaluation:
    items: int
    themes: list[ThemeScore]
    kappa_coder_reporter: float | None
    kappa_gold_reporter: float | None

    @property
    def micro(self) -> tuple[float, float]:
        tp = sum(t.tp for t in self.themes)
        return tp / (tp + sum(t.fp for t in self.themes)), tp / (tp + sum(t.fn for t in self.themes))


def evaluate(coder: Coder, items: list[Item]) -> Evaluation:
    coded = [coder.code(i.texts) for i in items]
    codes = load()["themes"].codes
    scores = []
    for t in codes:
        gold = [t in i.gold for i in items]
        got = [t in c for c in coded]
        scores.append(ThemeScore(
            t, sum(gold), sum(g and c for g, c in zip(gold, got)), sum(c and not g for g, c in zip(gold, got)),
            sum(g and not c for g, c in zip(gold, got)), kappa(got, [t in i.reporter for i in items])))
    pooled = lambda labels: [t in s for s in labels for t in codes]   # noqa: E731
    return Evaluation(len(items), scores, kappa(pooled(coded), pooled([i.reporter for i in items])),
                      kappa(pooled([i.gold for i in items]), pooled([i.reporter for i in items])))


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def report(e: Evaluation, title: str) -> str:
    lines = [f"{title}: {e.items} texts",
             "theme  support  tp  fp  fn  precision  recall  kappa(coder, reporter)"]
    for t in e.themes:
        lines.append(f"{t.theme}   {t.support:7d} {t.tp:3d} {t.fp:3d} {t.fn:3d}      {_f(t.precision)}   "
                     f"{_f(t.recall)}   {_f(t.kappa_reporter)}")
    p, r = e.micro
    lines += [f"micro precision {p:.2f}, recall {r:.2f}",
              f"agreement with reporters' own choices (pooled Cohen's kappa): coder {_f(e.kappa_coder_reporter)}, "
              f"careful reading {_f(e.kappa_gold_reporter)}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labelled", nargs="?", type=Path, default=LABELLED)
    parser.add_argument("--split", choices=SPLITS + ("all",), default="all")
    args = parser.parse_args(argv)
    try:
        items = load_items(args.labelled)
    except (OSError, LabelledSetError, yaml.YAMLError) as exc:
        print(f"cannot read the labelled set: {exc}", file=sys.stderr)
        return 2
    coder = lexicon_coder()
    for split in (SPLITS if args.split == "all" else (args.split,)):
        chosen = [i for i in items if i.split == split]
        if chosen:
            print(report(evaluate(coder, chosen), f"lexicon v{coder.version}, {split}"))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
