"""The four services run from the container image's own filesystem, as the image says to run
them (its user, environment and entry point), with its root mounted read-only.

No container engine can run here (the sandbox refuses setrlimit), so each service is started
in a private mount namespace (`unshare --mount`) that mounts the image's root read-only, a tmpfs
at /tmp, the sealing keys and the aggregator's state folder where the image expects them, and
then `chroot`s into it as the image's user. The network is the host's, so the services reach the
test broker on loopback and the test reaches their ports."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from deploy import image
from deploy.services import Service
from tests.support.portal import Portal


def inspect(tag: str) -> dict:
    out = subprocess.run(["podman", "image", "inspect", tag], check=True, capture_output=True, text=True).stdout
    return json.loads(out)[0]["Config"]


def mount(tag: str) -> Path:
    return Path(subprocess.run(["podman", "image", "mount", tag], check=True, capture_output=True,
                               text=True).stdout.strip())


def unmount(tag: str) -> None:
    subprocess.run(["podman", "image", "unmount", tag], capture_output=True)


@dataclass
class ImagePortal(Portal):
    root: Path = Path("/")
    config: dict = field(default_factory=dict)

    def __post_init__(self):
        super().__post_init__()
        uid, _, gid = self.config["User"].partition(":")
        state = self.workdir / "aggregator"
        state.mkdir(exist_ok=True)
        for path in (self.keys_dir, state, *self.keys_dir.iterdir()):
            os.chown(path, int(uid), int(gid or uid))
        image_env = dict(e.split("=", 1) for e in self.config["Env"])
        ours = {k: v for k, v in self.env.items() if k not in ("RAW_KEYS_DIR", "AGGREGATOR_STATE_DIR")}
        env = " ".join(shlex.quote(f"{k}={v}") for k, v in {**image_env, **ours}.items())
        r = shlex.quote(str(self.root))
        for name, service in list(self.table.items()):
            script = " && ".join([
                "mount --make-rprivate /",
                f"mount --bind {r} {r}", f"mount -o remount,bind,ro {r}",
                f"mount -t tmpfs -o mode=1777 tmpfs {r}/tmp",
                f"mount --rbind /dev {r}/dev", f"mount -t proc proc {r}/proc",
                f"mount --bind {shlex.quote(str(self.keys_dir))} {r}/var/lib/portal/keys",
                f"mount --bind {shlex.quote(str(state))} {r}/var/lib/portal/aggregator",
                f"cd {r}",
                f"exec chroot --userspec={uid}:{gid or uid} {r} /usr/bin/env -i {env} "
                + " ".join(map(shlex.quote, [*self.config["Entrypoint"], name])),
            ])
            self.table[name] = Service(name, ("unshare", "--mount", "--fork", "sh", "-c", script),
                                       service.health_url)


def build_once() -> str:
    """The image of this checkout: built unless podman has one labelled with this commit (and
    the working tree is clean), so the test never runs an image of other code."""
    tag = image.tag()
    known = subprocess.run(["podman", "image", "exists", tag]).returncode == 0
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=image.ROOT,
                           capture_output=True, text=True).stdout.strip()
    if known and not dirty and inspect(tag)["Labels"]["org.opencontainers.image.revision"] == image.revision():
        return tag
    return image.build()
