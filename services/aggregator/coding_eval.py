"""How well a theme coder reads the labelled narratives (`themes/`): precision, recall and F1 per
theme and pooled (micro), the share of texts whose exact set of themes is right, recall on implied
themes, and false themes per text with negated theme words. Prints figures only, never a text.

    python -m services.aggregator.coding_eval                 # the frozen test split, both coders
    python -m services.aggregator.coding_eval --split dev     # or train, dev, test, all
    python -m services.aggregator.coding_eval --agreement     # the blind second coding pass
    python -m services.aggregator.coding_eval --card          # rewrite services/contracts/coder.json
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

from services.contracts.coder import CARD
from services.contracts.questionnaire import load
from services.contracts.tables import INTERVENTIONS

from . import labelled
from .coding import Coder, default_coder, help_coder, lexicon_coder
from .labelled import Item, LabelledSetError


def kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two raters' yes/no decisions; None when chance agreement is total."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return None if chance == 1 else (observed - chance) / (1 - chance)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    return None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    support: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class Evaluation:
    items: int
    themes: list[ThemeScore]
    exact: float                      # share of texts whose whole set of themes is right
    implied_recall: float | None      # recall on themes present without their obvious words
    negated_false: float | None       # false themes per text with negated theme words
    none_false: float | None          # false themes per text with no theme

    @property
    def micro(self) -> tuple[float | None, float | None, float | None]:
        tp = sum(t.tp for t in self.themes)
        p = _ratio(tp, tp + sum(t.fp for t in self.themes))
        r = _ratio(tp, tp + sum(t.fn for t in self.themes))
        return p, r, _f1(p, r)


def evaluate(coder: Coder, items: list[Item]) -> Evaluation:
    coded = [coder.code(i.texts) for i in items]
    scores = []
    for t in load()["themes"].codes:
        gold = [t in i.gold for i in items]
        got = [t in c for c in coded]
        scores.append(ThemeScore(t, sum(gold), sum(g and c for g, c in zip(gold, got)),
                                 sum(c and not g for g, c in zip(gold, got)), sum(g and not c for g, c in zip(gold, got))))
    implied = [(t in c) for i, c in zip(items, coded) for t in i.implied]
    negated = [len(c - i.gold) for i, c in zip(items, coded) if i.negated]
    empty = [len(c) for i, c in zip(items, coded) if not i.gold]
    return Evaluation(len(items), scores, sum(c == i.gold for i, c in zip(items, coded)) / len(items),
                      _ratio(sum(implied), len(implied)), _ratio(sum(negated), len(negated)),
                      _ratio(sum(empty), len(empty)))


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def report(e: Evaluation, title: str) -> str:
    lines = [f"{title}: {e.items} texts", "theme  support  tp  fp  fn  precision  recall     F1"]
    for t in e.themes:
        lines.append(f"{t.theme}   {t.support:7d} {t.tp:3d} {t.fp:3d} {t.fn:3d}      {_f(t.precision)}   "
                     f"{_f(t.recall)}  {_f(t.f1)}")
    p, r, f = e.micro
    worst = min((t for t in e.themes if t.f1 is not None), key=lambda t: t.f1, default=None)
    lines += [f"micro precision {_f(p)}, recall {_f(r)}, F1 {_f(f)}",
              f"lowest theme F1 {_f(worst.f1 if worst else None)} ({worst.theme if worst else '-'})",
              f"exact set of themes right {e.exact:.0%}",
              f"recall on implied themes {_f(e.implied_recall)}",
              f"false themes per negated text {_f(e.negated_false)}, per text with no theme {_f(e.none_false)}"]
    return "\n".join(lines)


def agreement(first: list[Item], second: list[Item]) -> str:
    """Cohen's kappa per theme and pooled between two codings of the same texts."""
    codes = load()["themes"].codes
    lines = [f"blind second pass: {len(second)} texts", "theme  kappa"]
    for t in codes:
        lines.append(f"{t}   {_f(kappa([t in i.gold for i in first], [t in i.gold for i in second]))}")
    pooled = kappa([t in i.gold for i in first for t in codes], [t in i.gold for i in second for t in codes])
    exact = sum(a.gold == b.gold for a, b in zip(first, second)) / len(second)
    lines += [f"pooled kappa {_f(pooled)}, same set of themes {exact:.0%}"]
    return "\n".join(lines)


def help_report(helper, items: list) -> str:
    """Micro precision and recall of the intervention coder, and its exact-set rate."""
    coded = [helper.code([i.text]) for i in items]
    tp = sum(len(c & i.gold) for c, i in zip(coded, items))
    p = _ratio(tp, sum(len(c) for c in coded))
    r = _ratio(tp, sum(len(i.gold) for i in items))
    exact = sum(c == i.gold for c, i in zip(coded, items)) / len(items)
    return (f"intervention coder {helper.version}, test: {len(items)} answers\n"
            f"micro precision {_f(p)}, recall {_f(r)}, F1 {_f(_f1(p, r))}; exact set right {exact:.0%}")


def card(coder, e: Evaluation) -> dict:
    """What the release's method box says about the coder (services/contracts/coder.json)."""
    p, r, f = e.micro
    return {"coder": coder.version, "model": coder.describe(), "measured_on": f"frozen test split, {e.items} texts",
            "precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=labelled.SPLITS + ("all",), default="test")
    parser.add_argument("--agreement", action="store_true", help="kappa of the blind second coding pass")
    parser.add_argument("--card", action="store_true", help="write the test figures to the method box's card")
    args = parser.parse_args(argv)
    try:
        if args.agreement:
            second = labelled.load_second_pass()
            first = {i.text: i for i in labelled.load_split("dev")}
            print(agreement([first[i.text] for i in second], second))
            return 0
        splits = labelled.SPLITS if args.split == "all" else (args.split,)
        items = {s: labelled.load_split(s) for s in splits}
    except (OSError, KeyError, LabelledSetError) as exc:
        print(f"cannot read the labelled set: {exc}", file=sys.stderr)
        return 2
    classifier, lexicon = default_coder(), lexicon_coder()
    for split, chosen in items.items():
        for name, coder in ((f"classifier {classifier.version}", classifier), (f"lexicon v{lexicon.version}", lexicon)):
            print(report(evaluate(coder, chosen), f"{name}, {split}"))
            print()
    if "test" in items:
        print(help_report(help_coder(), labelled.load_help("test", tuple(INTERVENTIONS))))
        print()
    if args.card:
        e = evaluate(classifier, labelled.load_split("test"))
        CARD.write_text(json.dumps(card(classifier, e), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CARD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
