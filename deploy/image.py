"""`make image`: one container image for all four services, built without a container engine.

    python -m deploy.image build    # → the podman image microaggression-portal:<version>

These machines cannot pull base images or run containers, so the image is made from a root
filesystem: `debootstrap` lays down Debian bookworm (minbase: no compiler, no package sources
kept), its own Python 3.11 makes a venv holding exactly `requirements.lock` (hash-checked, no
resolution, wheels only: the spaCy model is one of those wheels), the project is installed into
it with the front-end assets already built, the theme coder's model and weights (`make model`)
are copied in, bytecode is compiled (the root filesystem is meant to
be mounted read-only), and `podman import` turns the folder into an image whose entry point is
`portal-service <intake|redactor|aggregator|reporter>` running as an unprivileged user.

What the image expects at run time (docs/operations.md): the settings as environment variables,
sealing keys in $RAW_KEYS_DIR (a secret), a writable $AGGREGATOR_STATE_DIR for the aggregator
only, a tmpfs at /tmp. No report text is ever written to the image's filesystem.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "image"
NAME = "microaggression-portal"
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
# Run-time packages only: Python and the Pango/fonts WeasyPrint needs for the report's PDF.
PACKAGES = ["python3", "python3-venv", "libpango-1.0-0", "libpangoft2-1.0-0", "fonts-liberation"]
UID = 10001
APP = "/opt/portal"
ENV = {
    "PATH": f"{APP}/venv/bin:/usr/bin:/bin",
    "PORTAL_BIND_HOST": "0.0.0.0",
    "RAW_KEYS_DIR": "/var/lib/portal/keys",
    "AGGREGATOR_STATE_DIR": "/var/lib/portal/aggregator",
    "HOME": "/tmp",
    "PYTHONDONTWRITEBYTECODE": "1",
    "HF_HUB_OFFLINE": "1",
    "THEME_MODEL_DIR": f"{APP}/models/all-MiniLM-L6-v2",   # the theme coder's model and fitted weights
    "NAME_MODEL_PATH": f"{APP}/models/name-model/name_model.json",   # the redactor's learned name pass
    "REDACTOR_NER_PATH": f"{APP}/models/redactor-ner",   # the redactor's fine-tuned entity recogniser
}
MODELS = ROOT / ".cache" / "models"   # made by `make model`


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def tag() -> str:
    return f"{NAME}:{version()}"


def _run(*argv: str, **kwargs) -> None:
    subprocess.run(argv, check=True, **kwargs)


def _chroot(rootfs: Path, *argv: str) -> None:
    _run("chroot", str(rootfs), *argv, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root",
                                            "PIP_DISABLE_PIP_VERSION_CHECK": "1"})


def base(rootfs: Path) -> None:
    """Debian minbase with the run-time packages, kept between builds (it changes only with them)."""
    stamp = rootfs / ".portal-base"
    if stamp.exists() and stamp.read_text() == " ".join(PACKAGES):
        return
    shutil.rmtree(rootfs, ignore_errors=True)
    _run("debootstrap", "--variant=minbase", f"--include={','.join(PACKAGES)}", SUITE, str(rootfs), MIRROR)
    stamp.write_text(" ".join(PACKAGES))


def install_app(rootfs: Path) -> None:
    app = rootfs / APP.lstrip("/")
    shutil.rmtree(app, ignore_errors=True)
    (app / "src").mkdir(parents=True)
    # Only what git tracks, plus the built front-end assets (never committed).
    files = subprocess.run(["git", "ls-files", "services", "deploy", "pyproject.toml", "requirements.lock"],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    built = [p.relative_to(ROOT) for d in ("services/intake/static/nhsuk", "services/reporter/static/nhsuk")
             for p in (ROOT / d).rglob("*") if p.is_file()]
    if not built:
        raise SystemExit("front-end assets are not built: run `make assets` first")
    for rel in [*files, *map(str, built)]:
        target = app / "src" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    # The wheels are fetched here, by this machine's pip (its registry settings and certificates),
    # hash-checked against the lock, and installed inside the image with no index at all. Both
    # Pythons are CPython 3.11 on glibc Linux, so the same wheels fit.
    wheels = WORK / "wheels"
    _run(sys.executable, "-m", "pip", "download", "--quiet", "--require-hashes", "--no-deps",
         "--only-binary=:all:", "-d", str(wheels), "-r", str(ROOT / "requirements.lock"))
    shutil.copytree(wheels, app / "wheels")
    _chroot(rootfs, "/usr/bin/python3", "-m", "venv", f"{APP}/venv")
    pip = (f"{APP}/venv/bin/python", "-m", "pip", "install", "--quiet", "--no-cache-dir", "--no-index")
    _chroot(rootfs, *pip, "--require-hashes", "--no-deps", "--only-binary=:all:", "--find-links",
            f"{APP}/wheels", "-r", f"{APP}/src/requirements.lock")
    _chroot(rootfs, *pip, "--no-deps", "--no-build-isolation", f"{APP}/src")
    _chroot(rootfs, f"{APP}/venv/bin/python", "-m", "pip", "check")
    shutil.rmtree(app / "src")
    for built in (MODELS / "theme-coder" / "classifier.npz", MODELS / "name-model" / "name_model.json",
                  MODELS / "redactor-ner" / "config.cfg"):
        if not built.exists():
            raise SystemExit(f"{built.relative_to(ROOT)} is not built: run `make model` first")
    shutil.copytree(MODELS, app / "models")
    shutil.rmtree(app / "wheels")
    _chroot(rootfs, f"{APP}/venv/bin/python", "-m", "compileall", "-q", "-j", "0", f"{APP}/venv")


def harden(rootfs: Path) -> None:
    """An unprivileged user, the folders the services write (mounted at run time), nothing else."""
    for table, line in (("passwd", f"portal:x:{UID}:{UID}:portal:/nonexistent:/usr/sbin/nologin"),
                        ("group", f"portal:x:{UID}:")):
        path = rootfs / "etc" / table
        if line not in path.read_text().splitlines():   # the base is kept between builds
            path.write_text(path.read_text() + line + "\n")
    for folder in ("var/lib/portal/keys", "var/lib/portal/aggregator"):
        (rootfs / folder).mkdir(parents=True, exist_ok=True)
        os.chown(rootfs / folder, UID, UID)
    for junk in ("var/cache/apt", "var/lib/apt/lists", "usr/share/doc", "usr/share/man"):
        path = rootfs / junk
        if path.is_dir():
            shutil.rmtree(path)
            path.mkdir()
        elif path.exists():
            path.unlink()


def build() -> str:
    rootfs = WORK / "rootfs"
    WORK.mkdir(parents=True, exist_ok=True)
    base(rootfs)
    install_app(rootfs)
    harden(rootfs)
    tarball = WORK / "rootfs.tar"
    _run("tar", "--numeric-owner", "--exclude=./.portal-base", "-C", str(rootfs), "-cf", str(tarball), ".")
    changes = [f"USER {UID}:{UID}", f"WORKDIR /tmp",
               f'ENTRYPOINT ["{APP}/venv/bin/portal-service"]', 'CMD ["intake"]',
               *(f"EXPOSE {port}" for port in (8000, 8001, 8002, 8003)),
               f"LABEL org.opencontainers.image.title={NAME}",
               f"LABEL org.opencontainers.image.version={version()}",
               f"LABEL org.opencontainers.image.revision={revision()}",
               "LABEL org.opencontainers.image.licenses=MIT",
               *(f"ENV {k}={v}" for k, v in ENV.items())]
    _run("podman", "import", *(a for c in changes for a in ("--change", c)), str(tarball), tag(),
         stdout=subprocess.DEVNULL)
    tarball.unlink()
    return tag()


def revision() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["build"]:
        print(build())
    elif argv == ["tag"]:
        print(tag())
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
