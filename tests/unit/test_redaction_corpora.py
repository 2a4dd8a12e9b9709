"""The labelled corpora are what their generators write: rerunning a generator (in a copy of
the folder, so the checked-in files are never touched) gives the checked-in file to the byte."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FOLDER = Path(__file__).parents[1] / "data" / "redaction"


@pytest.mark.parametrize("corpus", ["round2", "fresh", "round3", "round4", "round5", "round6", "round7", "round8", "round9",
                                    "round11", "round12", "round13", "round14", "round15", "round16", "train_names1", "train_names2",
                                    "train_kinds1", "train_kinds4"])
def test_a_generator_rewrites_its_corpus_byte_for_byte(corpus, tmp_path):
    copy = tmp_path / "redaction"
    shutil.copytree(FOLDER, copy, ignore=shutil.ignore_patterns("*.jsonl", "__pycache__"))
    subprocess.run([sys.executable, f"make_{corpus}.py"], cwd=copy, check=True, timeout=120)
    assert (copy / f"{corpus}.jsonl").read_bytes() == (FOLDER / f"{corpus}.jsonl").read_bytes()
