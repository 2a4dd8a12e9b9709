"""Load benchmark of the whole pipeline on a real broker (`make bench`; a few minutes).

    python -m deploy.bench [--seconds 8] [--in-flight 32] [--redactor-reports 2000]
                           [--aggregator-reports 20000] [--texts tests/data/redaction/dev.jsonl]

* intake: accepted reports/s and latency percentiles (p50/p95/p99) of `POST /api/v1/reports`
  with `--in-flight` requests outstanding, beside a trivial Flask app (parse the JSON, answer
  202) under the same gunicorn settings, measured in the same run; the intake alone, then with
  the redactor and aggregator consuming what it sends;
* redactor: reports/s through the service (sealed raw records in, redacted events committed);
* aggregator: reports/s through the service (redacted records in, counted and committed), and
  the theme coder's second pass: reports/s coded (`--aggregator-only`: the aggregator alone);
* peak memory (VmHWM, resident set) of each service process;
* `--redactor-only`: the redactor alone, reports/s through one, two and three replicas (more
  processes in the same consumer group: the raw topic's 3 partitions are shared), with the
  CPU per report of all replicas, each measured on fresh reports after a warm-up batch;
* for each intake row, the CPU time spent per accepted report by the app's processes, the
  broker and the load generator (all on the same machine): where a report's time goes, and a
  figure that a busy machine disturbs much less than the rates.

It starts its own broker from the cache (or uses KAFKA_BOOTSTRAP_SERVERS) with fresh topics,
and stops every process it started. Figures only: no text is ever printed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from services.common import sealing
from services.common.kafka import ensure_topics, group_lag
from services.contracts import events
from services.contracts.topics import AGGREGATOR_CODER_GROUP, AGGREGATOR_GROUP, REDACTOR_GROUP, Topics

from .kafka.broker import ROOT, LocalBroker, free_port
from .services import INTAKE_GUNICORN, Service, healthy, services, start

REPORT = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
          "what_happened": "At handover a colleague mimicked my accent again and the others laughed."}
TRIVIAL = Service("trivial", (str(Path(sys.executable).parent / "gunicorn"), "--config", str(INTAKE_GUNICORN),
                              "--bind", "127.0.0.1:{port}", "deploy.bench_trivial:app"), "")


# --- load generator: several processes of threads, each with a persistent connection ---------

def _client(port: int, threads: int, seconds: float, queue) -> None:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, codes = [], {}
        while time.monotonic() < stop_at:
            body = json.dumps({**REPORT, "event_id": str(uuid.uuid4())})
            started = time.perf_counter()
            try:
                conn.request("POST", "/api/v1/reports", body, {"Content-Type": "application/json"})
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            mine.append(time.perf_counter() - started)
            codes[status] = codes.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for k, v in codes.items():
                statuses[k] = statuses.get(k, 0) + v

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    queue.put((latencies, statuses))


def _tree(pid: int) -> list[int]:
    """The process and its descendants (gunicorn's workers; the broker's JVM)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def cpu_seconds(pid: int | None) -> float:
    """User and system CPU seconds used so far by a process and its running descendants."""
    if pid is None:
        return 0.0
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])   # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def _reaped_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load(port: int, in_flight: int, seconds: float, app_pid: int | None = None, broker_pid: int | None = None) -> dict:
    """`in_flight` requests outstanding for `seconds`: accepted/s and latency percentiles (ms),
    and the CPU milliseconds per accepted report of the app (`app_pid` and its workers), the
    broker and the load generator's processes."""
    before = (cpu_seconds(app_pid), cpu_seconds(broker_pid), _reaped_cpu())
    procs = min(4, in_flight)
    queue = multiprocessing.Queue()
    clients = [multiprocessing.Process(target=_client, args=(port, in_flight // procs, seconds, queue))
               for _ in range(procs)]
    for c in clients:
        c.start()
    latencies, statuses = [], {}
    for _ in clients:
        lat, st = queue.get()
        latencies += lat
        for k, v in st.items():
            statuses[k] = statuses.get(k, 0) + v
    for c in clients:
        c.join()
    after = (cpu_seconds(app_pid), cpu_seconds(broker_pid), _reaped_cpu())
    accepted = max(1, statuses.get(202, 0))
    cpu = {name: (a - b) * 1000 / accepted for name, a, b in zip(("app", "broker", "load"), after, before)}
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"accepted_per_s": statuses.get(202, 0) / seconds, "statuses": statuses,
            "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "p99_ms": q[98] * 1000, "cpu_ms": cpu}


# --- processes ---------------------------------------------------------------------------------

def _started(service: Service, env: dict, log: Path):
    proc = start(service, env, stdout=open(log, "ab"))
    deadline = time.monotonic() + 120
    while not healthy(service.health_url):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{service.name} did not start: see {log}")
        time.sleep(0.3)
    return proc


def _stop(proc) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def peak_mib(proc) -> float:
    """The largest peak resident set among the process and its children (gunicorn's worker)."""
    pids = [proc.pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    except OSError:
        pass
    best = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]))
        except OSError:
            continue
    return best / 1024


def _drain(bootstrap: str, group: str, topic: str, timeout: float = 600) -> None:
    import asyncio

    deadline = time.monotonic() + timeout
    while asyncio.run(group_lag(bootstrap, group, topic)) > 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{group} did not catch up on {topic}")
        time.sleep(0.2)


def _produce(bootstrap: str, topic: str, values: list[bytes]) -> None:
    import asyncio

    from aiokafka import AIOKafkaProducer

    async def go():
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20,
                                    max_batch_size=1 << 20, max_request_size=8 << 20)
        await producer.start()
        try:
            for done in [await producer.send(topic, v, key=v[:48]) for v in values]:
                await done
        finally:
            await producer.stop()
    asyncio.run(go())


def warm_broker(bootstrap: str, seconds: float, threads: int = 16) -> int:
    """A fresh broker's JVM compiles its produce path as it runs: for its first tens of thousands
    of records it costs several times what it costs warm (0.15 against 0.03 ms per record here),
    and the intake would be measured against a broker no deployment runs. So before anything is
    measured, `threads` threads send records of a report's size through the intake's own
    producer (acks=all, idempotent) to a topic of their own for `seconds`. Returns how many."""
    from services.common.kafka import SyncProducer

    topic = Topics(f"bench-warm-{uuid.uuid4().hex[:8]}")
    ensure_topics(bootstrap, topic)
    producer = SyncProducer(bootstrap, any_partition=True)
    value, sent, stop = os.urandom(1500), [0] * threads, time.monotonic() + seconds

    def run(i: int) -> None:
        while time.monotonic() < stop:
            producer.send(topic.raw, value)
            sent[i] += 1
    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    producer.close()
    return sum(sent)


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def sealed_reports(texts: list[str], n: int, keys_dir) -> list[bytes]:
    """n sealed raw records of the corpus's narratives, as the intake makes them."""
    from services.intake import submission

    kid, public = sealing.newest_public(keys_dir)
    out = []
    for i in range(n):
        eid = str(uuid.uuid4())
        raw = submission.raw_event({**REPORT, "what_happened": texts[i % len(texts)]}, eid, "2026-11")
        out.append(submission.sealed_event(raw, eid, kid, public))
    return out


def redacted_reports(texts: list[str], n: int, abouts: list[list[str]] | None = None) -> list[bytes]:
    """n redacted events of the corpus's narratives (their first 200 characters after a redacted
    name), as the redactor makes them; `about` taken in turn from `abouts` (REPORT's if none)."""
    abouts = abouts or [REPORT["about"]]
    return [events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": str(uuid.uuid4()), "month": "2026-11",
        "answers": {**REPORT, "about": abouts[i % len(abouts)],
                    "what_happened": "[PERSON] " + texts[i % len(texts)][:200]}})
        for i in range(n)]


def options(doc: str, redactor_reports: int, aggregator_reports: int) -> argparse.ArgumentParser:
    """The options this benchmark and the scale measurement (tests/cluster/scale.py) share, with
    each one's default number of reports."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--in-flight", type=int, default=32)
    parser.add_argument("--warm-up", type=float, default=3.0,
                        help="seconds of the same load, not measured, before each app's measured load")
    parser.add_argument("--broker-warm-up", type=float, default=10.0,
                        help="seconds of records sent straight to a fresh broker before anything is measured "
                             "(0: measure against a cold broker)")
    parser.add_argument("--redactor-reports", type=int, default=redactor_reports)
    parser.add_argument("--aggregator-reports", type=int, default=aggregator_reports)
    parser.add_argument("--texts", type=Path, default=ROOT / "tests/data/redaction/dev.jsonl")
    return parser


def _rate(bootstrap: str, group: str, topic: str, values: list[bytes]) -> float:
    """Records/s through a running service: from the first record produced to the group's lag 0."""
    started = time.monotonic()
    _produce(bootstrap, topic, values)
    _drain(bootstrap, group, topic)
    return len(values) / (time.monotonic() - started)


def _rate_and_cpu(bootstrap: str, group: str, topic: str, values: list[bytes], pid: int) -> tuple[float, float]:
    """`_rate`, and the service's CPU milliseconds per record meanwhile."""
    cpu = cpu_seconds(pid)
    rate = _rate(bootstrap, group, topic, values)
    return rate, (cpu_seconds(pid) - cpu) * 1000 / len(values)


def _print_intake(args, rows: list[str], peak: float) -> None:
    workers = os.environ.get("INTAKE_WORKERS", "2")
    print(f"intake, {args.in_flight} requests in flight for {args.seconds:.0f} s each, {workers} gunicorn workers "
          "for both apps (ratio to the baseline):")
    for row in rows:
        print("  " + row)
    print(f"intake peak memory (largest process): {peak:.0f} MiB")


def _lag_fall(bootstrap: str, group: str, topic: str, seconds: float) -> float:
    """Records/s a running group reads: how far its lag falls over `seconds` (or until it is 0)."""
    import asyncio

    started, first = time.monotonic(), asyncio.run(group_lag(bootstrap, group, topic))
    now = first
    while time.monotonic() - started < seconds and now > 0:
        time.sleep(1.0)
        now = asyncio.run(group_lag(bootstrap, group, topic))
    return (first - now) / (time.monotonic() - started)


def _print_aggregator(args, bootstrap: str, topics: Topics, texts: list[str], proc) -> None:
    """Redacted reports (a narrative each) through the running aggregator: reports/s counted (its
    group's lag 0, from the first record produced), then the theme coder's second pass: reports/s
    coded over `--coder-seconds` (how far its group's lag fell)."""
    redacted = redacted_reports(texts, args.aggregator_reports, abouts=[["age", "sex"], ["race"]])
    rate = _rate(bootstrap, AGGREGATOR_GROUP, topics.redacted, redacted)
    print(f"aggregator: {rate:8.0f} reports/s through the service ({args.aggregator_reports} reports)")
    coded = _lag_fall(bootstrap, AGGREGATOR_CODER_GROUP, topics.redacted, args.coder_seconds)
    print(f"aggregator theme coder (second pass): {coded:8.1f} reports/s over {args.coder_seconds:.0f} s")
    print(f"aggregator peak memory: {peak_mib(proc):.0f} MiB")


def _print_redactor_replicas(args, bootstrap: str, topics: Topics, keys: Path, env: dict, work: Path,
                             procs: dict) -> None:
    """The redactor alone, one replica, then two, then three in the same group (each with its own health
    port): reports/s from the first record produced to the group's lag 0, and the CPU per report
    of all replicas together. Before each measurement a warm-up batch is drained, so that the
    group has settled (a joining replica makes the group rebalance) and the models are warm."""
    texts = _texts(args.texts)
    warm_up = sealed_reports(texts, 200, keys)
    for replicas in (1, 2, 3):
        name = f"redactor{replicas}"
        replica_env = {**env, "REDACTOR_HEALTH_PORT": str(free_port())}
        table = {s.name: s for s in services(replica_env)}
        procs[name] = _started(table["redactor"], replica_env, work / f"{name}.log")
        _rate(bootstrap, REDACTOR_GROUP, topics.raw, warm_up)
        pids = [procs[f"redactor{k}"].pid for k in range(1, replicas + 1)]
        raws = sealed_reports(texts, args.redactor_reports, keys)
        cpu = sum(cpu_seconds(pid) for pid in pids)
        rate = _rate(bootstrap, REDACTOR_GROUP, topics.raw, raws)
        cpu_ms = (sum(cpu_seconds(pid) for pid in pids) - cpu) * 1000 / len(raws)
        peaks = ", ".join(f"{peak_mib(procs[f'redactor{k}']):.0f}" for k in range(1, replicas + 1))
        print(f"redactor, {replicas} replica{'s' if replicas > 1 else ''}: {rate:8.0f} reports/s through the "
              f"service ({len(raws)} reports), CPU {cpu_ms:.2f} ms per report, peak memory {peaks} MiB",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = options(__doc__, redactor_reports=2000, aggregator_reports=20000)
    parser.add_argument("--intake-only", action="store_true",
                        help="only the intake beside the trivial app (no redactor, aggregator or model)")
    parser.add_argument("--coder-seconds", type=float, default=30.0)
    parser.add_argument("--aggregator-only", action="store_true",
                        help="only the aggregator: reports/s through the service (no intake or redactor)")
    parser.add_argument("--redactor-only", action="store_true",
                        help="only the redactor: reports/s through one, two and three replicas (no intake or aggregator)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    broker = None
    procs: dict = {}
    try:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if not bootstrap:
            broker = LocalBroker(work / "kafka", port=free_port()).start()
            bootstrap = broker.bootstrap
        if args.broker_warm_up > 0:
            print(f"broker warmed up with {warm_broker(bootstrap, args.broker_warm_up)} records "
                  f"in {args.broker_warm_up:.0f} s", flush=True)
        topics = Topics(f"bench-{uuid.uuid4().hex[:8]}")
        ensure_topics(bootstrap, topics)
        keys = work / "keys"
        sealing.generate(keys)
        env = {"KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PORTAL_TOPIC_PREFIX": topics.prefix,
               "INTAKE_PORT": str(free_port()), "REPORTER_PORT": str(free_port()),
               "REDACTOR_HEALTH_PORT": str(free_port()), "AGGREGATOR_HEALTH_PORT": str(free_port()),
               "AGGREGATOR_STATE_DIR": str(work / "aggregator"), "REPORTER_STATE_DIR": str(work / "reporter"),
               "RAW_KEYS_DIR": str(keys),
               "INTAKE_RATE_LIMIT": "100000000/600", "AGGREGATOR_RELEASE_SCHEDULE": "off"}
        table = {s.name: s for s in services(env)}
        if args.redactor_only:
            _print_redactor_replicas(args, bootstrap, topics, keys, env, work, procs)
            return 0
        if args.aggregator_only:
            procs["aggregator"] = _started(table["aggregator"], env, work / "aggregator.log")
            _print_aggregator(args, bootstrap, topics, _texts(args.texts), procs["aggregator"])
            return 0
        rows = []

        trivial_port = free_port()
        trivial = Service("trivial", tuple(a.format(port=trivial_port) for a in TRIVIAL.argv),
                          f"http://127.0.0.1:{trivial_port}/healthz")
        procs["trivial"] = _started(trivial, env, work / "trivial.log")
        broker_pid = broker.process.pid if broker else None
        if args.warm_up > 0:
            load(trivial_port, args.in_flight, args.warm_up)
        base = load(trivial_port, args.in_flight, args.seconds, procs["trivial"].pid, broker_pid)
        _stop(procs.pop("trivial"))

        procs["intake"] = _started(table["intake"], env, work / "intake.log")
        port = int(env["INTAKE_PORT"])
        if args.warm_up > 0:
            load(port, args.in_flight, args.warm_up)
        alone = load(port, args.in_flight, args.seconds, procs["intake"].pid, broker_pid)
        measured = [("trivial Flask app (baseline)", base), ("intake alone", alone)]
        if not args.intake_only:
            procs["redactor"] = _started(table["redactor"], env, work / "redactor.log")
            procs["aggregator"] = _started(table["aggregator"], env, work / "aggregator.log")
            measured.append(("intake, pipeline running",
                             load(port, args.in_flight, args.seconds, procs["intake"].pid, broker_pid)))
        for name, r in measured:
            ratio = r["accepted_per_s"] / base["accepted_per_s"] if base["accepted_per_s"] else float("nan")
            rows.append(f"{name:32s} {r['accepted_per_s']:8.0f}/s  {ratio:5.2f}x  p50 {r['p50_ms']:6.1f} ms  "
                        f"p95 {r['p95_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  answers {r['statuses']}")
            cpu = r["cpu_ms"]
            rows.append(f"{'':32s} CPU per accepted report: app {cpu['app']:.3f} ms, broker {cpu['broker']:.3f} ms, "
                        f"load generator {cpu['load']:.3f} ms")
        intake_peak = peak_mib(procs["intake"])
        _stop(procs.pop("intake"))
        if args.intake_only:
            _print_intake(args, rows, intake_peak)
            return 0
        _drain(bootstrap, REDACTOR_GROUP, topics.raw)
        _drain(bootstrap, AGGREGATOR_GROUP, topics.redacted)

        # the redactor: sealed raw records of the corpus's narratives, as the intake makes them
        texts = _texts(args.texts)
        raws = sealed_reports(texts, args.redactor_reports, keys)
        redactor_rate, redactor_cpu = _rate_and_cpu(bootstrap, REDACTOR_GROUP, topics.raw, raws, procs["redactor"].pid)
        _drain(bootstrap, AGGREGATOR_GROUP, topics.redacted)

        _print_intake(args, rows, intake_peak)
        print(f"redactor:   {redactor_rate:8.0f} reports/s through the service ({args.redactor_reports} reports), "
              f"CPU {redactor_cpu:.2f} ms per report")
        _print_aggregator(args, bootstrap, topics, texts, procs["aggregator"])
        print(f"peak memory: intake {intake_peak:.0f} MiB, redactor {peak_mib(procs['redactor']):.0f} MiB, "
              f"aggregator {peak_mib(procs['aggregator']):.0f} MiB")
        return 0
    finally:
        for proc in procs.values():
            _stop(proc)
        if broker:
            broker.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
