"""Every set-up step installs exactly what a lock pins, and the Python lock is complete.

`make install` installs requirements.lock with resolution switched off (--no-deps) and then runs
`pip check`; these tests fail the suite the same way if a lock is incomplete or loosened.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from deploy import debian
from deploy.kafka import broker

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _python_pins() -> dict[str, str]:
    pins, current = {}, None
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if not line or line.lstrip().startswith("#"):
            continue
        if line.startswith(" "):
            if line.strip().startswith("--hash=sha256:"):
                pins[current][1] += 1
            continue
        match = PIN.match(line)
        assert match, f"requirements.lock: not pinned with == : {line!r}"
        assert "[" not in line.split("==")[0], f"requirements.lock: extras must be stripped: {line!r}"
        current = _norm(match[1])
        pins[current] = [match[2], 0]
    unhashed = [name for name, (_, hashes) in pins.items() if hashes == 0]
    assert not unhashed, f"requirements.lock: packages without a hash: {unhashed}"
    return {name: version for name, (version, _) in pins.items()}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_python_requirement_is_pinned_by_hash_and_the_projects_own_pins_agree():
    pins = _python_pins()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in declared:
        name, version = re.match(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+)$", requirement).groups()
        assert pins.get(_norm(name)) == version, f"{requirement} is not what requirements.lock pins"
    assert len(pins) > 100   # the whole transitive closure, not just the direct dependencies


@pytest.mark.slow   # runs pip (a few seconds); `make install` runs the same `pip check` every time it installs
def test_the_installed_lock_is_complete_without_resolution():
    # The venv was installed with --no-deps: pip check finds any requirement of any pinned package
    # (extras included) that the lock does not satisfy.
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "No broken requirements found."


def test_makefile_installs_without_resolution_and_checks():
    makefile = (ROOT / "Makefile").read_text()
    install = next(line for line in makefile.splitlines() if "-r requirements.lock" in line)
    for flag in ("--require-hashes", "--no-deps", "--only-binary=:all:"):
        assert flag in install
    assert "pip check" in makefile


def test_npm_lock_pins_every_package_with_integrity():
    package = json.loads((ROOT / "package.json").read_text())
    for section in ("dependencies", "devDependencies"):
        for name, spec in package.get(section, {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec), f"package.json {name}: {spec!r} is a range"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["lockfileVersion"] == 3
    for path, entry in lock["packages"].items():
        if path:
            assert entry.get("version") and entry.get("integrity", "").startswith("sha512-"), path
    assert "npm ci" in (ROOT / "Makefile").read_text()


def test_broker_jars_are_pinned_by_sha256():
    jars = broker.locked_jars()
    assert len(jars) > 50
    for digest, path in jars:
        assert re.fullmatch(r"[0-9a-f]{64}", digest) and path.endswith(".jar"), path


def test_debian_lock_pins_each_group_and_its_own_packages():
    pins = debian.read_lock(debian.LOCK.read_text())
    assert set(pins) == set(debian.GROUPS)
    for group, packages in debian.GROUPS.items():
        pinned = dict(pins[group])
        for package in packages:
            assert pinned.get(package), f"{package} ({group}) has no pinned version"
        assert all(version for version in pinned.values())


def test_debian_lock_reader_names_a_bad_line():
    try:
        debian.read_lock("browser chromium\n")
    except SystemExit as refused:
        assert "line 1" in str(refused) and "group package=version" in str(refused)
    else:
        raise AssertionError("a line without a version was accepted")
