"""One deployment of the portal, as configuration: the area it serves, the organisations its
form lists and where its staff can find support. Read once from the YAML file named by
PORTAL_DEPLOYMENT (default: Norfolk and Waveney's, shipped beside this module), so that another
area, or Waveney's Suffolk organisations, are a file to edit, not code to change. Every service
reads the same file: the organisation codes it adds are valid answers everywhere."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ENV = "PORTAL_DEPLOYMENT"
DEFAULT = Path(__file__).with_name("norfolk-and-waveney.yaml")
CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
LINK = re.compile(r"^(https://[^\s\"'<>]+|tel:\+?[0-9]+|sms:[0-9]+(\?body=[A-Za-z0-9]+)?)$")


class BadDeployment(ValueError):
    """The deployment file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Contact:
    """One way to reach help: a service, what it offers, and how (any of a web link, a phone
    number, a text number), each a link a person can follow from the page."""
    name: str
    text: str
    href: str = ""
    link_text: str = ""
    phone: str = ""
    sms: str = ""
    sms_body: str = ""


@dataclass(frozen=True)
class Deployment:
    area: str
    system: str
    organisations: dict[str, str]
    support: tuple[Contact, ...]


def path_from_env(env=os.environ) -> Path:
    return Path(env.get(ENV) or DEFAULT)


@cache
def load(path: Path | None = None) -> Deployment:
    path = Path(path or path_from_env())
    try:
        with open(path, encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except OSError as exc:
        raise BadDeployment(f"{ENV}: cannot read {path} ({exc.strerror})") from None
    return parse(raw, str(path))


def parse(raw, source: str = "deployment") -> Deployment:
    if not isinstance(raw, dict):
        raise BadDeployment(f"{source}: expected a mapping with area, system, organisations and support")
    for key in ("area", "system", "organisations", "support"):
        if not raw.get(key):
            raise BadDeployment(f"{source}: '{key}' is missing or empty")
    organisations = {str(k): str(v) for k, v in raw["organisations"].items()}
    for code in organisations:
        if not CODE.match(code):
            raise BadDeployment(f"{source}: organisation code {code!r} must be lower case letters, digits and _")
    support = []
    for i, item in enumerate(raw["support"]):
        unknown = set(item) - set(Contact.__dataclass_fields__)
        if unknown or not item.get("name") or not item.get("text"):
            raise BadDeployment(f"{source}: support entry {i + 1} needs a name and a text"
                                + (f", and has unknown keys {sorted(unknown)}" if unknown else ""))
        contact = Contact(**{k: str(v) for k, v in item.items()})
        for link in filter(None, (contact.href, contact.phone and f"tel:{_digits(contact.phone)}",
                                  contact.sms and f"sms:{_digits(contact.sms)}")):
            if not LINK.match(link):
                raise BadDeployment(f"{source}: support entry {i + 1} ({contact.name}): {link!r} "
                                    "is not an https, phone or text link")
        support.append(contact)
    return Deployment(area=str(raw["area"]), system=str(raw["system"]), organisations=organisations,
                      support=tuple(support))


def _digits(number: str) -> str:
    """A phone number as a tel:/sms: link wants it: '116 123' -> '116123'."""
    return re.sub(r"[^0-9+]", "", number)


def tel(number: str) -> str:
    return "tel:" + _digits(number)


def sms(number: str, body: str = "") -> str:
    return "sms:" + _digits(number) + (f"?body={body}" if body else "")
