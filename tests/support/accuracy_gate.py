"""Gate for speed work that may change spans: the redactor's figures on every corpus, before
and after.

    python -m tests.support.accuracy_gate write OUT.json [CORPUS.jsonl ...]
    python -m tests.support.accuracy_gate compare BEFORE.json AFTER.json

`write` runs the redactor as `portal-redact-eval` does (`evaluate.ours`, scored by
`evaluate.score`, the same figures as its "our redactor" column in `--json`) on each corpus: by
default every corpus `span_snapshot` reads (tests/data/redaction/*.jsonl and the peer tests in
../shared/data/redaction/peer/). It writes the figures only, never a text. `compare` prints a table
per corpus and exits 1 when the rule of docs/redactor.md "Speed and memory", round 10, is broken
on any corpus: more texts leaking, or must-keep words kept or character precision lower by more
than one text's worth (one keep span; the redacted characters of the text that changed most)."""
from __future__ import annotations

import json
import pathlib
import sys
import time

from tests.support.span_snapshot import command_line


def write(out: pathlib.Path, paths: list[pathlib.Path]) -> None:
    from services.redactor.evaluate import _chars, load_corpus, ours, score

    predict = ours()
    result = {}
    cpu = time.process_time()
    for path in paths:
        if path.name.startswith("round15"):
            raise SystemExit(f"{path.name}: held out, never read")
        items = load_corpus(str(path))
        predicted = predict([i.text for i in items])
        figures = score(items, predicted)
        # per text, the characters redacted that are no identifier's (precision's losses)
        figures["extra_per_text"] = [len(_chars(item.text, spans) - _chars(item.text, item.pii))
                                     for item, spans in zip(items, predicted)]
        result[path.stem] = figures
        print(f"{path.stem}: {len(items)} texts", file=sys.stderr)
    print(f"CPU {time.process_time() - cpu:.2f} s", file=sys.stderr)
    out.write_text(json.dumps(result, indent=1))


def _pct(x) -> str:
    return "n/a" if x is None else f"{x * 100:.1f}"


def compare(before: pathlib.Path, after: pathlib.Path) -> int:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    broken = []
    print("| corpus | texts leaking | keep % | precision % | recall % |")
    print("|---|---|---|---|---|")
    for name in sorted(a.keys() & b.keys()):
        x, y = a[name], b[name]
        slack = max([abs(i - j) for i, j in zip(x["extra_per_text"], y["extra_per_text"])] + [0])
        leak = y["texts_leaking"] > x["texts_leaking"]
        keep = y["keep_spans_preserved"] < x["keep_spans_preserved"] - 1
        # precision lower than one text's worth: recompute `before` with the worst text's extra
        worst = (x["redacted_chars_pii"] / (x["redacted_chars"] + slack)
                 if x["redacted_chars"] + slack else None)
        prec = (y["char_precision"] is not None and worst is not None
                and y["char_precision"] < worst - 1e-12
                and y["char_precision"] < x["char_precision"])
        if leak or keep or prec:
            broken.append(name)
        print(f"| {name} | {x['texts_leaking']} → {y['texts_leaking']} | "
              f"{_pct(x['keep_preserved'])} → {_pct(y['keep_preserved'])} | "
              f"{_pct(x['char_precision'])} → {_pct(y['char_precision'])} | "
              f"{_pct(x['char_recall'])} → {_pct(y['char_recall'])} |"
              + (" **broken**" if name in broken else ""))
    print(f"broken on: {', '.join(broken) or 'none'}")
    return 1 if broken else 0


def main(argv: list[str] | None = None) -> int:
    return command_line(argv, __doc__.split("\n\n", 1)[0], write, compare)


if __name__ == "__main__":
    sys.exit(main())
