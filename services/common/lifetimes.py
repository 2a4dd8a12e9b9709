"""The operator's view of the wipe promise: for each topic, whether its oldest record is within
the longest any record can stay on the broker's disk, and that record's age in whole clock
hours; and the sealing keys still held, with the latest each is destroyed. The rules are in
lifetimes_rules.py, the broker is asked in lifetimes_admin.py; here they are put together.

`portal-lifetimes` prints it; the reporter serves it to administrators."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from services.common.lifetimes_rules import (  # noqa: F401  (the names the reporter and tests use)
    KeyState, TopicState, as_dict, clock_hour, duration, hours, key_states, lifetime_of, raw_bound_ms, render)
from services.common.lifetimes_admin import CHECK_INTERVAL, _configs, raw_worst_case_ms, survey, survey_with  # noqa: F401
from services.contracts.topics import DEFAULT_PREFIX, Topics

from .keyring import KeyPolicy


def operator_view(bootstrap: str, topics: Topics, keys_dir: str | None, env=os.environ) -> dict:
    """Survey the topics and, where the key folder is reachable, the keys held."""
    return view_of(asyncio.run(survey(bootstrap, topics)), topics, keys_dir, env)


def view_of(states: list[TopicState], topics: Topics, keys_dir: str | None, env=os.environ) -> dict:
    keys = None
    if keys_dir and Path(keys_dir).is_dir():
        keys = key_states(Path(keys_dir), KeyPolicy.from_env(env, raw_bound_ms(states, topics) or 0))
    return {"states": states, "keys": keys}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="portal-lifetimes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--prefix", default=os.environ.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX))
    parser.add_argument("--keys", default=os.environ.get("RAW_KEYS_DIR"),
                        help="the redactor's key folder, to show the private keys it still holds")
    args = parser.parse_args(argv)
    view = operator_view(args.bootstrap, Topics(args.prefix), args.keys)
    print(render(view["states"], view["keys"]))
    states = view["states"]
    sys.exit(0 if all(s.within_bound for s in states) else 1)


if __name__ == "__main__":
    main()
