"""Reading settings from the environment, the same way in every service: one error class whose
message names the variable, one rule per kind of value. Read once, in each composition root."""
from __future__ import annotations

import re
from collections.abc import Mapping

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*$")
_TRUE, _FALSE = ("1", "true", "yes"), ("0", "false", "no", "")


class SettingError(ValueError):
    """An environment variable is missing or holds a value the service cannot use. The message
    starts with the variable's name and says what would do."""

    def __init__(self, name: str, problem: str):
        self.name = name
        super().__init__(f"{name} {problem}")


def number(env: Mapping[str, str], name: str, default: float, kind: type = float, *, above: float | None = None,
           at_least: float | None = 0, at_most: float | None = None):
    """`kind(env[name])`, or `default` when unset; by default never negative."""
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = kind(raw.strip())
    except ValueError:
        raise SettingError(name, f"must be a number, not {raw[:20]!r}") from None
    if above is not None and value <= above:
        raise SettingError(name, f"must be above {above:g}, not {raw[:20]!r}")
    if at_least is not None and value < at_least:
        raise SettingError(name, f"must be at least {at_least:g}, not {raw[:20]!r}")
    if at_most is not None and value > at_most:
        raise SettingError(name, f"must be at most {at_most:g}, not {raw[:20]!r}")
    return value


def flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value not in _TRUE + _FALSE:
        raise SettingError(name, f"must be 1 or 0, not {raw[:20]!r}")
    return value in _TRUE


def rate(env: Mapping[str, str], name: str, default: str, kind: type = int) -> tuple[int, float]:
    """`attempts/seconds`, such as 100/600: both above 0."""
    raw = env.get(name, default)
    m = _RATE.match(raw)
    if not m or int(m[1]) < 1 or float(m[2]) <= 0:
        raise SettingError(name, f"must be attempts/seconds, such as {default}, not {raw[:20]!r}")
    return int(m[1]), kind(float(m[2]))


def required(env: Mapping[str, str], name: str, how: str) -> str:
    """A value that has no default; `how` says where one comes from."""
    value = env.get(name, "").strip()
    if not value:
        raise SettingError(name, f"must be set ({how})")
    return value
