"""Debian packages the tests and the report need, installed at the versions in `debian.lock`.

    python3 -m deploy.debian install browser pdf   # what `make browser` / `make pdf-libs` run (`make pg`: pg)
    python3 -m deploy.debian lock                  # rewrite debian.lock (on a fresh machine)

The lock names, for each group, every package apt installs on a fresh machine of the project's
kind (the group's own packages and all they depend on or recommend), each at an exact version.
`install` asks apt for exactly those versions, so apt resolves nothing of its own.

Debian's archive is signed (apt checks every package against the archive key), but it serves
only the current version of a package: when a security update replaces a pinned version, the old
one can no longer be fetched from here (snapshot.debian.org is out of reach). Failing then would
break every fresh machine at each Debian security release, the very fault this lock exists to
prevent, so for such a package only, `install` takes the version the archive serves now and says
so loudly on stderr, naming the package and the command that refreshes the lock.
Packages already installed at the pinned version or a newer one are left as they are.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).with_name("debian.lock")
GROUPS = {
    "browser": ["chromium"],                              # the browser tests (Playwright drives it)
    "pdf": ["libpango-1.0-0", "libpangoft2-1.0-0"],       # WeasyPrint, for the report's PDF
    "image": ["debootstrap", "podman"],                   # `make image` (podman brings buildah)
    "pg": ["postgresql-15"],                              # the store tests' throwaway PostgreSQL (tests/support/postgres.py)
}
ENV = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}


def read_lock(text: str) -> dict[str, list[tuple[str, str]]]:
    """`group package=version` lines (comments and blanks ignored) → {group: [(package, version)]}."""
    pins: dict[str, list[tuple[str, str]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            group, pin = line.split()
            package, version = pin.split("=", 1)
        except ValueError:
            raise SystemExit(f"{LOCK.name} line {number}: expected 'group package=version', got {line!r}")
        pins.setdefault(group, []).append((package, version))
    return pins


def _apt(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["apt-get", *args], env=ENV, text=True, capture_output=True, check=check)


def installed_version(package: str) -> str | None:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}|${Version}", package], text=True, capture_output=True)
    status, _, version = done.stdout.partition("|")
    return version if done.returncode == 0 and status.endswith(" installed") else None


def installed(package: str) -> bool:
    return installed_version(package) is not None


def needed(package: str, version: str) -> bool:
    """Not installed, or installed older than the pin (the lock recorded an upgrade apt needs).
    Never a downgrade: a machine with a newer package keeps it."""
    have = installed_version(package)
    return have is None or subprocess.run(["dpkg", "--compare-versions", have, "lt", version]).returncode == 0


def served(package: str) -> set[str]:
    """Versions of `package` the configured archives serve now."""
    out = subprocess.run(["apt-cache", "madison", package], text=True, capture_output=True).stdout
    return {line.split("|")[1].strip() for line in out.splitlines() if line.count("|") >= 2}


def install(groups: list[str]) -> None:
    pins = read_lock(LOCK.read_text())
    unknown = [g for g in groups if g not in pins]
    if unknown:
        raise SystemExit(f"no such group in {LOCK.name}: {', '.join(unknown)} (have {', '.join(pins)})")
    wanted = [(p, v) for g in groups for p, v in pins[g] if needed(p, v)]
    if not wanted:
        return
    _apt("update", "-qq")
    args, moved = [], []
    for package, version in wanted:
        if version in served(package):
            args.append(f"{package}={version}")
        else:
            args.append(package)
            moved.append(f"{package} {version}")
    if moved:
        print(f"WARNING: Debian no longer serves these pinned versions (a newer one replaced them); "
              f"installing the archive's current, signed version instead: {'; '.join(moved)}. "
              f"Refresh the lock on a fresh machine with: python3 -m deploy.debian lock",
              file=sys.stderr)
    done = _apt("install", "-y", "-qq", *args, check=False)
    if done.returncode:
        raise SystemExit(f"apt-get install failed ({done.returncode}):\n{done.stderr[-2000:]}")


def lock() -> None:
    """Write what apt would install for each group on this machine, at exact versions (a group's
    own packages that the machine already has are pinned at the version it has)."""
    lines = [f"# Written by `python3 -m deploy.debian lock` on a fresh machine; read by `make browser` and `make pdf-libs`."]
    for group, packages in GROUPS.items():
        for package in filter(installed, packages):   # part of the machine: pin what it has
            lines.append(f"{group} {package}={installed_version(package)}")
        simulated = _apt("install", "-s", *packages).stdout
        for line in simulated.splitlines():
            if line.startswith("Inst "):   # "Inst name (version Release [arch])"
                name, version = line.split()[1], line.split("(", 1)[1].split()[0]
                lines.append(f"{group} {name}={version}")
    LOCK.write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["lock"]:
        lock()
    elif argv[:1] == ["install"] and argv[1:]:
        install(argv[1:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
