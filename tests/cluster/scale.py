"""What scales, measured: reports/s through each tier with one and with two replicas of each
service, on a three-broker cluster on this machine (`python -m tests.cluster.scale`; a few
minutes). Two replicas are measured against one in the same run; figures only, no text.

* intake: accepted reports/s of `POST /api/v1/reports` with `--in-flight` requests outstanding,
  shared between the replicas, the redactors and aggregator consuming what they send;
* redactor: reports/s through the group (sealed raw records in, redacted events committed);
* aggregator: reports/s through the group, the replicas sharing one PostgreSQL store (a
  throwaway cluster from Debian's PostgreSQL 15: `make pg`)."""
from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import uuid
from pathlib import Path

from deploy.bench import _drain, _rate, _texts, load, options, redacted_reports, sealed_reports
from services.common import sealing
from services.common.kafka import ensure_topics
from services.contracts.topics import AGGREGATOR_GROUP, REDACTOR_GROUP, Topics
from tests.support.cluster import LocalCluster
from tests.support.portal import Portal
from tests.support.postgres import LocalPostgres


def _intakes_load(portal: Portal, intakes: list[str], in_flight: int, seconds: float) -> float:
    """Accepted reports/s of all the intakes together, each given its share of the requests."""
    results: list[dict] = []
    ports = [int(portal.url(name).rsplit(":", 1)[1]) for name in intakes]
    threads = [threading.Thread(target=lambda p=p: results.append(load(p, in_flight // len(ports), seconds)))
               for p in ports]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(r["accepted_per_s"] for r in results)


def measure(bootstrap: str, store_url: str, work: Path, replicas: int, args) -> dict[str, float]:
    topics = Topics(f"scale-{uuid.uuid4().hex[:8]}")
    ensure_topics(bootstrap, topics)
    portal = Portal(bootstrap, topics, work / f"replicas-{replicas}")
    portal.env.update({"INTAKE_RATE_LIMIT": "100000000/600", "AGGREGATOR_RELEASE_SCHEDULE": "off",
                       "SEALING_VERIFY_KEY": sealing.verify_key_hex(portal.keys_dir),
                       "AGGREGATOR_STORE_URL": store_url})
    redactors = ["redactor", *(portal.replica("redactor") for _ in range(replicas - 1))]
    intakes = ["intake", *(portal.replica("intake") for _ in range(replicas - 1))]
    aggregators = ["aggregator", *(portal.replica("aggregator") for _ in range(replicas - 1))]
    try:
        portal.start(*redactors, timeout=300)
        portal.start(*aggregators, *intakes, timeout=300)
        intake_rate = _intakes_load(portal, intakes, args.in_flight, args.seconds)
        _drain(bootstrap, REDACTOR_GROUP, topics.raw)
        _drain(bootstrap, AGGREGATOR_GROUP, topics.redacted)

        texts = _texts(args.texts)
        raws = sealed_reports(texts, args.redactor_reports, portal.keys_dir)
        redactor_rate = _rate(bootstrap, REDACTOR_GROUP, topics.raw, raws)
        _drain(bootstrap, AGGREGATOR_GROUP, topics.redacted)
        redacted = redacted_reports(texts, args.aggregator_reports)
        aggregator_rate = _rate(bootstrap, AGGREGATOR_GROUP, topics.redacted, redacted)
        return {"intake": intake_rate, "redactor": redactor_rate, "aggregator": aggregator_rate}
    finally:
        portal.stop()


def main(argv: list[str] | None = None) -> int:
    args = options(__doc__, redactor_reports=300, aggregator_reports=600).parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="portal-scale-"))
    cluster = LocalCluster(work / "kafka").start()
    postgres = LocalPostgres().start()
    try:
        one = measure(cluster.bootstrap, postgres.create_database(), work, 1, args)
        print(f"one replica: {one}", flush=True)
        two = measure(cluster.bootstrap, postgres.create_database(), work, 2, args)
    finally:
        postgres.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("reports/s on a three-broker cluster   one replica   two replicas   two / one")
    for tier in ("intake", "redactor", "aggregator"):
        print(f"  {tier:34s} {one[tier]:11.1f} {two[tier]:14.1f} {two[tier] / one[tier]:10.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
