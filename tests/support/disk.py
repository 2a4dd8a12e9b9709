"""Search files byte by byte for canaries, in every encoding the services could have used."""
from __future__ import annotations

import base64
import errno
import json
import os
import secrets
import string
from pathlib import Path


def forms(text: str) -> dict[str, bytes]:
    """The ways a string can be written to disk by this code base or the broker."""
    out = {
        "utf-8": text.encode(),
        "json": json.dumps(text)[1:-1].encode(),
        "utf-16-le": text.encode("utf-16-le"),
        "utf-16-be": text.encode("utf-16-be"),
    }
    # base64 of the text at each of the three alignments, less the first and last groups,
    # which depend on the neighbouring bytes
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + text.encode())
        out[f"base64+{shift}"] = encoded[4 if shift else 0:-4]
    return {k: v for k, v in out.items() if len(v) >= 8}


def hits(roots: list[Path], needles: dict[str, bytes]) -> list[tuple[str, str]]:
    """(file, needle label) for every needle found in any file under the roots."""
    found = []
    for root in roots:
        for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
            try:
                data = written(path)
            except (FileNotFoundError, PermissionError):   # deleted while we looked
                continue
            found += [(str(path), label) for label, needle in needles.items() if needle in data]
    return found


def written(path: Path) -> bytes:
    """A file's bytes, with its holes (never-written regions, which read as zeros) left out:
    Kafka preallocates each active segment's index files as 10 MB of holes, and a broker that has
    served a whole test session holds thousands of them. A hole cannot hold a needle, and a
    needle cannot span one (a joined edge is checked anyway, so the search only errs wider)."""
    with open(path, "rb") as f:
        fd = f.fileno()
        end = os.fstat(fd).st_size
        parts, at = [], 0
        try:
            while at < end:
                start = os.lseek(fd, at, os.SEEK_DATA)
                stop = os.lseek(fd, start, os.SEEK_HOLE)
                f.seek(start)
                parts.append(f.read(stop - start))
                at = stop
        except OSError as exc:   # ENXIO: no data after `at`; other filesystems: read it all
            if exc.errno != errno.ENXIO:
                f.seek(0)
                return f.read()
        return b"".join(parts)


def canary_needles(canaries: list[str]) -> dict[str, bytes]:
    return {f"{c} [{form}]": b for c in canaries for form, b in forms(c).items()}


def canary() -> str:
    """A unique string of letters only: an ordinary-looking word, so the redactor keeps it and it
    travels as far as report text can (an identifier-like one would be redacted at once)."""
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
