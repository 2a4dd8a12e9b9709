"""`portal-redact-eval CORPUS`: measure our redactor against a labelled corpus, side by side with
plain Presidio (default recognisers, same spaCy model, every entity it returns redacted).

The corpus format is that of `/work/shared/data/redaction/dev.jsonl`: one JSON object per line
with `id`, `text`, `pii` (spans that must be removed, each with a `type`) and `keep` (spans that
must survive).

The metric computation (`load_corpus`, `score`) is pure: it imports neither Presidio nor spaCy and
is unit tested on hand-made spans. Presidio is imported only inside the functions that build the
two systems.

Character metrics ignore whitespace: a space inside "07700 900123" left between two redacted
halves reveals nothing, and a predicted span that swallows a neighbouring space removes nothing
that matters. Every other character (zero-width characters and look-alike letters included)
counts. Only metrics are printed, never corpus text.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

# ---------------------------------------------------------------------------------------------
# Pure part: corpus and metrics


@dataclass(frozen=True)
class Labelled:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    pii: tuple[Labelled, ...] = ()
    keep: tuple[tuple[int, int], ...] = field(default=())


class CorpusError(ValueError):
    """A corpus line is malformed. The message names the line, never its text."""


def parse_corpus(lines: Iterable[str]) -> list[Item]:
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            raise CorpusError(f"corpus line {number}: not valid JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise CorpusError(f"corpus line {number}: needs an object with a string 'text'")
        text = obj["text"]
        try:
            pii = tuple(Labelled(int(s["start"]), int(s["end"]), str(s["type"]))
                        for s in obj.get("pii", []))
            keep = tuple((int(s["start"]), int(s["end"])) for s in obj.get("keep", []))
        except (KeyError, TypeError, ValueError):
            raise CorpusError(f"corpus line {number}: a span lacks start, end or type") from None
        for start, end in [(s.start, s.end) for s in pii] + list(keep):
            if not 0 <= start < end <= len(text):
                raise CorpusError(f"corpus line {number}: span {start}-{end} is outside the text")
        items.append(Item(str(obj.get("id", number)), text, pii, keep))
    return items


def load_corpus(path: str) -> list[Item]:
    with open(path, encoding="utf-8") as f:
        return parse_corpus(f)


def _bounds(span) -> tuple[int, int]:
    """(start, end) of a Span, a Labelled, a dict or a pair."""
    if isinstance(span, dict):
        return int(span["start"]), int(span["end"])
    if isinstance(span, (tuple, list)):
        return int(span[0]), int(span[1])
    return int(span.start), int(span.end)


def _chars(text: str, spans: Iterable) -> set[int]:
    """Positions of the non-whitespace characters covered by the spans (clipped to the text)."""
    out: set[int] = set()
    for span in spans:
        start, end = _bounds(span)
        out.update(i for i in range(max(0, start), min(len(text), end)) if not text[i].isspace())
    return out


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score(items: Sequence[Item], predicted: Sequence[Iterable]) -> dict:
    """Metrics of one system: `predicted[i]` are the spans it redacts in `items[i].text` (objects
    with start/end, dicts, or (start, end) pairs; types are not needed). Ratios are None when
    their denominator is zero. Counts are returned alongside each ratio."""
    if len(items) != len(predicted):
        raise ValueError("one list of predicted spans is needed per corpus item")
    pii_chars = pii_hit = red_chars = red_pii = 0
    spans = spans_removed = 0
    texts_with_pii = texts_leaking = 0
    keep = keep_ok = 0
    by_type: dict[str, dict[str, int]] = {}
    for item, pred in zip(items, predicted):
        text = item.text
        red = _chars(text, pred)
        gold = _chars(text, item.pii)
        pii_chars += len(gold)
        pii_hit += len(gold & red)
        red_chars += len(red)
        red_pii += len(red & gold)
        leaked = False
        for s in item.pii:
            own = _chars(text, [s])
            removed = own <= red
            spans += 1
            spans_removed += removed
            leaked |= not removed
            t = by_type.setdefault(s.type, {"spans": 0, "spans_removed": 0})
            t["spans"] += 1
            t["spans_removed"] += removed
        for kind in {s.type for s in item.pii}:
            own = _chars(text, [s for s in item.pii if s.type == kind])
            t = by_type[kind]
            t["chars"] = t.get("chars", 0) + len(own)
            t["chars_redacted"] = t.get("chars_redacted", 0) + len(own & red)
        if item.pii:
            texts_with_pii += 1
            texts_leaking += leaked
        for k in item.keep:
            keep += 1
            keep_ok += not (_chars(text, [k]) & red)
    return {
        "texts": len(items),
        "pii_chars": pii_chars,
        "pii_chars_redacted": pii_hit,
        "char_recall": _ratio(pii_hit, pii_chars),
        "pii_spans": spans,
        "pii_spans_fully_removed": spans_removed,
        "span_removal": _ratio(spans_removed, spans),
        "texts_with_pii": texts_with_pii,
        "texts_leaking": texts_leaking,
        "text_leak_rate": _ratio(texts_leaking, texts_with_pii),
        "redacted_chars": red_chars,
        "redacted_chars_pii": red_pii,
        "char_precision": _ratio(red_pii, red_chars),
        "keep_spans": keep,
        "keep_spans_preserved": keep_ok,
        "keep_preserved": _ratio(keep_ok, keep),
        "by_type": {
            kind: {**t, "char_recall": _ratio(t["chars_redacted"], t["chars"]),
                   "span_removal": _ratio(t["spans_removed"], t["spans"])}
            for kind, t in sorted(by_type.items())
        },
    }


ROWS = [
    ("PII character recall", "char_recall", "pii_chars_redacted", "pii_chars"),
    ("PII spans fully removed", "span_removal", "pii_spans_fully_removed", "pii_spans"),
    ("texts leaking any PII (lower is better)", "text_leak_rate", "texts_leaking", "texts_with_pii"),
    ("character precision", "char_precision", "redacted_chars_pii", "redacted_chars"),
    ("keep spans preserved", "keep_preserved", "keep_spans_preserved", "keep_spans"),
]


def _cell(value: float | None, part: int, whole: int) -> str:
    return "n/a" if value is None else f"{value:.1%} ({part}/{whole})"


def table(results: dict[str, dict], seconds: dict[str, float] | None = None) -> str:
    """A readable side-by-side table of several systems' `score` results (metrics only)."""
    names = list(results)
    first = results[names[0]]
    width = 42
    col = 22
    lines = [f"{first['texts']} texts, {first['texts_with_pii']} with PII, "
             f"{first['pii_spans']} PII spans, {first['keep_spans']} keep spans "
             "(characters counted without whitespace)", ""]
    header = f"{'metric':<{width}}" + "".join(f"{n:>{col}}" for n in names)
    lines += [header, "-" * len(header)]
    for label, key, part, whole in ROWS:
        lines.append(f"{label:<{width}}" + "".join(
            f"{_cell(results[n][key], results[n][part], results[n][whole]):>{col}}" for n in names))
    lines += ["", f"{'character recall by type':<{width}}" + "".join(f"{n:>{col}}" for n in names),
              "-" * len(header)]
    kinds = sorted({k for n in names for k in results[n]["by_type"]},
                   key=lambda k: (-first["by_type"].get(k, {}).get("spans", 0), k))
    for kind in kinds:
        label = f"{kind} ({first['by_type'][kind]['spans']} spans)" if kind in first["by_type"] else kind
        cells = []
        for n in names:
            t = results[n]["by_type"].get(kind)
            cells.append(_cell(t["char_recall"], t["chars_redacted"], t["chars"]) if t else "n/a")
        lines.append(f"{label:<{width}}" + "".join(f"{c:>{col}}" for c in cells))
    if seconds:
        lines += ["", f"{'seconds (load + analyse)':<{width}}"
                  + "".join(f"{seconds.get(n, float('nan')):>{col}.1f}" for n in names)]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The two systems (Presidio imported here only)

Predict = Callable[[Sequence[str]], list]


def ours() -> Predict:
    from . import engine, redaction

    analyser = engine.Engine()
    return lambda texts: [spans for _, spans in redaction.redact_many(texts, analyser.analyse_many)]


def plain_presidio() -> Predict:
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    from .engine import SPACY_MODEL, one_blas_thread

    one_blas_thread()   # the same thread settings as ours (engine.Engine), for a fair comparison
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):
        """The default e-mail recogniser, validating domains against the suffix list that
        tldextract ships instead of downloading it."""
        def validate_result(self, pattern_text: str):
            return bool(offline(pattern_text).fqdn)

    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(OfflineEmailRecognizer())
    return lambda texts: [[(r.start, r.end) for r in analyzer.analyze(text, language="en")]
                          for text in texts]


SYSTEMS = {"our redactor": ours, "plain Presidio": plain_presidio}


def evaluate(items: Sequence[Item]) -> tuple[dict[str, dict], dict[str, float]]:
    results, seconds = {}, {}
    for name, build in SYSTEMS.items():
        began = time.perf_counter()
        predict = build()
        predicted = predict([item.text for item in items])
        seconds[name] = time.perf_counter() - began
        results[name] = score(items, predicted)
    return results, seconds


def read_corpus(path: str, prog: str) -> list[Item] | None:
    """The corpus at `path`; or None, once `prog` has said on stderr why it cannot be read (the
    kind of error or the line at fault, never a text)."""
    try:
        return load_corpus(path)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{prog}: cannot read the corpus ({type(exc).__name__})", file=sys.stderr)
    except CorpusError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="portal-redact-eval",
        description="Measure the redactor against a labelled corpus, side by side with plain "
                    "Presidio. Prints metrics only, never corpus text.")
    parser.add_argument("corpus", help="JSON lines with id, text, pii and keep spans")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)

    import logging
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # language notices at start

    items = read_corpus(args.corpus, parser.prog)
    if items is None:
        return 2
    results, seconds = evaluate(items)
    if args.json:
        print(json.dumps({"metrics": results, "seconds": seconds}, indent=2))
    else:
        print(table(results, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
