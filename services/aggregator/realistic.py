"""A realistic year of reports, and the share of cells each table hides under the default
release schedule (disclosure.md rule 14: at most 40% of the non-empty cells the report shows).

    python -m services.aggregator.realistic [--reports 2000] [--seed 1] [--monthly]

The year: about 2,000 reports over twelve months, growing a little through the year, skewed as
reporting to a staff network is (race, ethnicity and skin colour and sex most common; accent,
nationality and international recruitment next; many reports naming two or three things, two
sources or several themes). Themes coded from text are drawn as a reader finding most, not all,
of the reporter's own. Every figure is synthetic and only counts are printed.

The schedule: the quarterly releases (`scheduled-2026-Q1` … `Q4`) plus one request in the middle
of the second quarter (or, with `--monthly`, a release at the start of every month), each cut
with cell-key noise and the audit of every release before it. The printout is, per table, the
non-empty cells of the latest release's four quarters and how many of them are hidden.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import TABLES, Table

from . import cellkey, counting, release
from .cellkey import CellKeyPerturbation

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
# Relative weights: how often each answer is chosen, where it is not spread evenly.
WEIGHTS = {
    "about": {"race": 40, "sex": 22, "accent_language": 12, "nationality": 10, "international_recruit": 9,
              "age": 9, "religion_belief": 7, "role_grade": 8, "disability": 5, "name": 5, "appearance": 5,
              "neurodivergence": 4, "menopause": 3, "pregnancy_maternity": 3, "mental_health": 3,
              "sexual_orientation": 3, "gender_identity": 2, "caring": 2, "part_time_flexible": 2,
              "socio_economic": 2, "marriage_civil_partnership": 1, "armed_forces": 1, "something_else": 3},
    "came_from": {"peer": 30, "patient": 26, "senior_colleague": 18, "line_manager": 14, "relative_visitor": 10,
                  "public": 5, "junior_colleague": 5, "educator": 4, "other_org_colleague": 4, "group": 4,
                  "agency_contractor": 2, "student": 2},
    "themes": {"T05": 20, "T02": 18, "T01": 15, "T03": 14, "T08": 12, "T06": 12, "T04": 11, "T11": 10,
               "T13": 8, "T07": 8, "T09": 7, "T17": 7, "T14": 6, "T10": 5, "T15": 5, "T16": 4, "T12": 3, "T18": 3},
    "setting": {"acute_hospital": 45, "community_health": 12, "mental_health_ld": 11, "gp_primary_care": 9,
                "ambulance_111": 5, "care_provider": 5, "council_social_care": 4, "education_provider": 2,
                "community_pharmacy": 1, "dental_optometry": 1, "hospice": 1, "vcse": 1, "icb_commissioning": 1,
                "something_else": 1, "prefer_not_to_say": 1},
    "role": {"nursing_reg": 30, "additional_clinical": 14, "med_dental": 12, "ahp": 11, "admin_clerical": 10,
             "student": 5, "social_care": 4, "manager": 4, "add_prof_sci_tech": 3, "healthcare_scientist": 2,
             "estates_ancillary": 2, "volunteer_unpaid": 1, "something_else": 1, "prefer_not_to_say": 1},
    "impact": {"upset": 30, "not_belonging": 20, "less_confident": 16, "doubted_ability": 12,
               "health_wellbeing": 10, "thought_of_leaving": 9, "affected_work_or_care": 7, "no_lasting_effect": 5},
    "afterwards": {"nothing": 30, "talked_to_someone": 20, "told_manager": 12, "challenged_at_time": 8,
                   "reported_formally": 5},
    "organisation": {"nnuh": 30, "nsft": 14, "jpuh": 12, "qeh": 11, "nchc": 10, "eeast": 7, "norfolk_cc": 5,
                     "another_organisation": 6, "uea": 3, "nw_icb": 2, "prefer_not_to_say": 4},
    "how": {"verbal": 50, "exclusion": 18, "nonverbal": 14, "written": 9, "decision": 10, "environmental": 4},
    "where": {"clinical_area": 40, "meeting_handover": 16, "staff_area": 14, "online": 8, "training_placement": 7,
              "recruitment_appraisal": 6, "phone_video": 5, "home_visit": 4, "elsewhere": 4},
    "when": {"last_7_days": 30, "last_month": 30, "1_6_months": 25, "6_12_months": 9, "over_a_year": 6},
    "pattern": {"a_few_times": 40, "ongoing": 25, "first_time": 25, "not_sure": 10},
}


def _pick(rng: random.Random, question: str, k: int) -> list[str]:
    weights = WEIGHTS[question]
    chosen: list[str] = []
    while len(chosen) < k:
        code = rng.choices(list(weights), list(weights.values()))[0]
        if code not in chosen:
            chosen.append(code)
    return chosen


def year(n: int = 2000, seed: int = 1) -> list[tuple[dict, str, int, tuple[str, ...]]]:
    """n synthetic reports: (answers, month, day of the month, coded themes)."""
    rng = random.Random(seed)
    growth = [1 + 0.04 * i for i in range(12)]
    out = []
    for _ in range(n):
        month = rng.choices(MONTHS, growth)[0]
        answers = {"happened_to": rng.choices(("self", "witnessed", "both"), (7, 2, 1))[0],
                   "came_from": _pick(rng, "came_from", rng.choices((1, 2, 3), (6, 3, 1))[0]),
                   "about": ["not_sure"] if rng.random() < 0.04 else
                   _pick(rng, "about", rng.choices((1, 2, 3, 4), (4, 3, 2, 1))[0]),
                   "themes": _pick(rng, "themes", rng.choices((0, 1, 2, 3, 4), (1, 3, 3, 2, 1))[0]),
                   "impact": _pick(rng, "impact", rng.choices((0, 1, 2, 3), (2, 3, 3, 2))[0]),
                   "afterwards": _pick(rng, "afterwards", rng.choices((0, 1, 2), (2, 5, 2))[0]),
                   "what_happened": "synthetic"}
        if rng.random() < 0.85:
            answers["setting"] = _pick(rng, "setting", 1)[0]
        if rng.random() < 0.85:
            answers["role"] = _pick(rng, "role", 1)[0]
        if rng.random() < 0.8:
            answers["organisation"] = _pick(rng, "organisation", 1)[0]
        for question, most in (("how", 3), ("where", 2)):
            if rng.random() < 0.8:
                answers[question] = _pick(rng, question, rng.randint(1, most))
        for question in ("when", "pattern"):
            if rng.random() < 0.8:
                answers[question] = _pick(rng, question, 1)[0]
        coded = tuple(t for t in answers["themes"] if rng.random() < 0.6) + \
            tuple(_pick(rng, "themes", 1) if rng.random() < 0.1 else ())
        out.append((answers, month, rng.randint(1, 28), tuple(dict.fromkeys(coded))))
    return out


def counted(reports, until: str, day: int = 31, tables: tuple[Table, ...] = TABLES, seed: int = 1,
            q: Questionnaire | None = None) -> tuple[dict, dict]:
    """Counts and cell keys of the reports submitted up to day `day` of month `until`."""
    q = q or load()
    rng = random.Random(seed)
    counts: Counter = Counter()
    keys: dict = defaultdict(int)
    for answers, month, d, coded in reports:
        key = rng.randrange(cellkey.KEY_RANGE)     # drawn for every report, so keys do not depend on `until`
        if month < until or (month == until and d <= day):
            for cell in counting.cells_of(answers, month, coded, tables, q):
                counts[cell] += 1
                keys[cell] = cellkey.combine(keys[cell], key)
    return dict(counts), dict(keys)


def schedule(monthly: bool) -> list[tuple[str, str, int, date]]:
    """(release id, last month covered, last day counted, day cut)."""
    if monthly:
        return [(f"scheduled-{m}", m, 31, date(2026 + (i == 11), 1 if i == 11 else i + 2, 1))
                for i, m in enumerate(MONTHS)]
    out = []
    for qn, until in enumerate(("2026-03", "2026-06", "2026-09", "2026-12"), start=1):
        if qn == 2:
            out.append(("requested-2026-05-15", "2026-05", 15, date(2026, 5, 15)))
        out.append((f"scheduled-2026-Q{qn}", until, 31, date(2026 + (qn == 4), 1 if qn == 4 else qn * 3 + 1, 1)))
    return out


def run(reports, monthly: bool = False, tables: tuple[Table, ...] = TABLES, policy: release.Policy | None = None,
        seed: int = 1) -> tuple[release.Release, dict, list[float]]:
    policy = policy or release.Policy(perturbation=CellKeyPerturbation())
    history: list[list[list]] = []
    seconds = []
    for release_id, until, day, cut_on in schedule(monthly):
        counts, keys = counted(reports, until, day, tables, seed)
        start = time.perf_counter()
        r = release.cut(counts, [until], release_id, cut_on, policy, history, until, tables, cell_keys=keys)
        seconds.append(time.perf_counter() - start)
        history.append(r.record)
    return r, counts, seconds


def hidden_share(r: release.Release, counts: dict) -> dict[str, tuple[int, int]]:
    """Per table: (non-empty cells hidden, non-empty cells) in the release."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in r.cells:
        if counts.get((c["table"], c["period"], tuple(c["dims"].values())), 0) > 0:
            out[c["table"]][1] += 1
            out[c["table"]][0] += c["value"] is None
    return {t: (h, n) for t, (h, n) in out.items()}


def mean_error(r: release.Release, counts: dict) -> dict[str, float]:
    """Per table: mean |published - true| over its published cells."""
    out: dict[str, list[int]] = defaultdict(list)
    for c in r.cells:
        if c["value"] is not None:
            out[c["table"]].append(abs(c["value"] - counts.get((c["table"], c["period"], tuple(c["dims"].values())), 0)))
    return {t: sum(v) / len(v) for t, v in out.items()}


def differencing(widen: int, half: int = 2) -> tuple[float, float]:
    """One report added to a published cell (n from 10 to 59, every pair of cell keys for the
    noisy case): the share of cases where the two published values alone prove the growth to
    lie between 1 and 9 (intervals [v - half - widen, v + half + widen], and, as the same
    reports always give the same value, a changed value proves at least one report), and the
    share where the value changes at all."""
    proven = changed = total = 0
    keys = range(cellkey.KEY_RANGE) if widen else (0,)
    for n in range(10, 60):
        for k1 in keys:
            for k2 in (range(0, cellkey.KEY_RANGE, 7) if widen else (0,)):
                noise = (lambda m, k: m + cellkey.perturbation(k)) if widen else (lambda m, k: m)
                v1, v2 = release.round_to(noise(n, k1), 5), release.round_to(noise(n + 1, k2), 5)
                lo = max(1 if v1 != v2 else 0, (v2 - half - widen) - (v1 + half + widen))
                hi = (v2 + half + widen) - max(10, v1 - half - widen)
                proven += 1 <= lo and hi <= 9
                changed += v1 != v2
                total += 1
    return proven / total, changed / total


def fake_reports(widen: int, half: int = 2, fakes: int = 9) -> tuple[float, float]:
    """An attacker sends k-1 = 9 reports of their own into a cell that is otherwise empty or
    holds 1 to 3 real reports. Returns the share of cases with real reports in which the
    release proves at least one exists (the cell is published only at 10 or more true reports),
    and the share in which the published value pins their number to at most 3 possibilities."""
    revealed = pinned = total = 0
    for real in (1, 2, 3):
        for k in (range(cellkey.KEY_RANGE) if widen else (0,)):
            n = fakes + real
            v = release.round_to(n + (cellkey.perturbation(k) if widen else 0), 5)
            lo, hi = max(1, v - half - widen - fakes), v + half + widen - fakes
            revealed += 1
            pinned += hi - lo + 1 <= 3
            total += 1
    return revealed / total, pinned / total


def compare_noise(reports, monthly: bool, seed: int) -> None:
    """What the noise costs (mean absolute error, cells hidden) and what it changes for an
    attacker comparing two releases, on the same year and schedule."""
    runs = {}
    for name, policy in (("no noise", release.Policy()), ("cell-key noise", release.Policy(perturbation=CellKeyPerturbation()))):
        r, counts, _ = run(reports, monthly, policy=policy, seed=seed)
        runs[name] = (hidden_share(r, counts), mean_error(r, counts))
    print(f"{'table':<34} {'hidden, no noise':>17} {'hidden, noise':>14} {'MAE, no noise':>14} {'MAE, noise':>11}")
    for t in (t.id for t in TABLES):
        (h0, n0), (h1, n1) = runs["no noise"][0].get(t, (0, 0)), runs["cell-key noise"][0].get(t, (0, 0))
        e0, e1 = runs["no noise"][1].get(t, 0.0), runs["cell-key noise"][1].get(t, 0.0)
        print(f"{t:<34} {h0:>8}/{n0:<8} {h1:>7}/{n1:<6} {e0:>14.2f} {e1:>11.2f}")
    for widen in (0, cellkey.MAX_PERTURBATION):
        proven, changed = differencing(widen)
        print(f"one report added, {'no noise' if not widen else f'noise of at most {widen}'}: the two values alone "
              f"prove a growth of 1 to 9 in {proven:.1%} of cases; the value changes in {changed:.1%}")
        revealed, pinned = fake_reports(widen)
        print(f"9 fake reports into a cell with 1 to 3 real ones, {'no noise' if not widen else 'noise'}: "
              f"someone else's report proven in {revealed:.0%}; their number pinned to 3 values or fewer in {pinned:.0%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--monthly", action="store_true", help="a release every month instead of quarterly")
    parser.add_argument("--compare-noise", action="store_true",
                        help="also cut the same schedule without noise: cells hidden and mean absolute error per table")
    args = parser.parse_args(argv)
    if args.reports < 1:
        parser.error("--reports must be at least 1")
    reports = year(args.reports, args.seed)
    if args.compare_noise:
        compare_noise(reports, args.monthly, args.seed)
        return 0
    r, counts, seconds = run(reports, args.monthly, seed=args.seed)
    share = hidden_share(r, counts)
    print(f"{args.reports:,} synthetic reports, {'monthly' if args.monthly else 'quarterly + one mid-quarter'} "
          f"releases; cut times {', '.join(f'{s:.1f}' for s in seconds)} s; latest release {r.cells[0]['release_id']}:")
    print(f"{'table':<34} {'hidden':>7} {'non-empty':>10} {'share':>6}")
    for t in (t.id for t in TABLES):
        h, n = share.get(t, (0, 0))
        print(f"{t:<34} {h:>7} {n:>10} {h / n if n else 0:>6.0%}")
    h, n = (sum(x[i] for x in share.values()) for i in (0, 1))
    print(f"{'all tables':<34} {h:>7} {n:>10} {h / n if n else 0:>6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
