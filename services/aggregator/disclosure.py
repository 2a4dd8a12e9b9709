"""Disclosure control beyond the threshold: the attacker's linear system, the audit across
releases, and secondary suppression (disclosure.md rule 4). Pure: numpy and scipy only.

The attacker is assumed to hold every release ever published and to know how the tables are
built. Everything they know goes into one system over non-negative integers, one quarter at a
time (no cell links two quarters):

* each cell of each release is a variable bounded by what was published: a rounded value `v`
  by `[max(k, v-2), v+2]`; a cell suppressed because it holds fewer than `k` reports by
  `[0, k-1]`; a cell hidden to protect another (it holds `k` or more) by `[k, inf)`. Assuming
  the attacker can tell these two kinds of hidden cell apart makes the audit stricter, never
  looser;
* the structure of the questionnaire: a one-answer question's cells sum to the reports (or to
  at most them, when optional); a several-answers question's cells each count at most the
  reports and, where an answer is required or exclusive, together cover them; the same holds
  for every row and column of a two-dimension table against its margins; a roll-up group
  counts at least its largest member and at most their sum; a pair counts at most each of its
  characteristics and at least their overlap; monthly totals sum to the quarter;
* across releases, a cell never shrinks: reports are only ever added.

The audit then asks, for every suppressed cell of fewer than `k` reports in any release, whether
it can still be 0 (no one's presence proven) and at least 4 (no small value pinned down), and,
for every cell present in two consecutive releases, whether its growth between them is proven
to be between 1 and k-1 reports (one report added between two releases read off their
difference). Each question is a MILP solved by HiGHS; most are answered together by one
solution that witnesses many cells at once.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_array, csr_array, hstack, identity, vstack

from services.contracts import privacy
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import QUARTER, TABLES, Dimension, PairDimension, Table, period_of

from .counting import CellKey

INF = math.inf


@dataclass(frozen=True)
class AuditCell:
    """One cell of one release as an attacker can bound it. `protect`: it holds fewer than k
    reports, so the audit must keep it able to be 0 and to be at least 4."""
    table: str
    period: str
    dims: tuple[str, ...]
    lo: int
    hi: float
    protect: bool

    @property
    def key(self) -> CellKey:
        return (self.table, self.period, self.dims)

    def as_record(self) -> list:
        return [self.table, self.period, list(self.dims), self.lo, None if self.hi == INF else self.hi,
                self.protect]

    @classmethod
    def from_record(cls, r: list) -> "AuditCell":
        return cls(r[0], r[1], tuple(r[2]), r[3], INF if r[4] is None else r[4], r[5])


def published(key: CellKey, value: int, threshold: int, widen: int = 0) -> AuditCell:
    """A published cell: `value` stands for the interval it was rounded from, and for at least k."""
    half = privacy.ROUND_TO // 2 + widen
    return AuditCell(*key, max(threshold, value - half), value + half, False)


def suppressed(key: CellKey, n: int, threshold: int) -> AuditCell:
    if n < threshold:
        return AuditCell(*key, 0, threshold - 1, True)
    return AuditCell(*key, threshold, INF, False)


@dataclass(frozen=True)
class Failure:
    """A cell the attacker can narrow too far. `version` indexes the releases of one quarter,
    oldest first; the last is the release being cut. For a difference, `earlier` is the other
    release it is taken against (any earlier one, not only the one before)."""
    version: int
    key: CellKey
    vars: tuple[int, ...]
    reason: str          # "present": cannot be 0; "small": cannot reach 4; "difference"
    earlier: int | None = None


class ReleaseRefused(Exception):
    """The audit still fails after secondary suppression: the release must not be published.
    The message names tables and counts of failing cells, never a value."""

    def __init__(self, failures: list[Failure]):
        self.failures = Counter(f.key[0] for f in failures)
        detail = ", ".join(f"{t} {n}" for t, n in sorted(self.failures.items()))
        super().__init__(f"release refused: the audit fails for {sum(self.failures.values())} cells ({detail})")


class AuditInconsistent(ReleaseRefused):
    """The published history admits no counts at all: the model no longer matches the tables.
    Nothing can be audited, so nothing is released."""

    def __init__(self, reason: str):
        self.failures = Counter()
        Exception.__init__(self, f"release refused: {reason}")


def quarter_of(period: str) -> str:
    return period if "-Q" in period else period_of(period, QUARTER)


# --- the linear system -------------------------------------------------------------------

class _System:
    def __init__(self):
        self.index: dict[tuple, int] = {}
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def var(self, name: tuple, lo: float = 0, hi: float = INF) -> int:
        i = self.index.get(name)
        if i is None:
            i = self.index[name] = len(self.lo)
            self.lo.append(lo)
            self.hi.append(hi)
        return i

    def add(self, terms: list[tuple[int, float]], lo: float = -INF, hi: float = 0) -> None:
        coefs: dict[int, float] = defaultdict(float)
        for i, c in terms:
            coefs[i] += c
        self.rows.append((dict(coefs), lo, hi))

    def matrix(self) -> tuple[csr_array, np.ndarray, np.ndarray]:
        r, c, v = [], [], []
        for row, (coefs, _, _) in enumerate(self.rows):
            for i, x in coefs.items():
                r.append(row)
                c.append(i)
                v.append(x)
        a = coo_array((v, (r, c)), shape=(len(self.rows), len(self.lo))).tocsr()
        return a, np.array([x[1] for x in self.rows]), np.array([x[2] for x in self.rows])


class _Solver:
    """Minimise or maximise linear expressions over the system's integer points."""

    def __init__(self, system: _System):
        self.n = len(system.lo)
        self.a, self.a_lo, self.a_hi = system.matrix()
        self.lo, self.hi = np.array(system.lo), np.array(system.hi)

    def _run(self, c, a, a_lo, a_hi, lo, hi, integrality, exact: bool = True):
        """The linear relaxation first: on these tables its optimum is nearly always already an
        integer point, which is then the integer optimum too; otherwise solve the MILP, to
        optimality when `exact`, else only to a good integer point (enough for a witness)."""
        constraints, bounds = LinearConstraint(a, a_lo, a_hi), Bounds(lo, hi)
        res = milp(c, constraints=constraints, bounds=bounds, options={"disp": False})
        if res.status == 0:
            whole = integrality > 0
            if np.allclose(res.x[whole], np.round(res.x[whole]), atol=1e-7):
                return np.where(whole, np.round(res.x), res.x)
            options = {"disp": False} if exact else {"disp": False, "mip_rel_gap": 0.5}
            res = milp(c, constraints=constraints, integrality=integrality, bounds=bounds, options=options)
        if res.status == 2:
            raise AuditInconsistent("the published releases admit no counts")
        if res.status == 3:
            return None   # unbounded
        if res.x is None:
            raise AuditInconsistent(f"the solver stopped: {res.message}")
        return res.x

    def optimum(self, expr: dict[int, float], maximise: bool = False) -> float:
        c = np.zeros(self.n)
        for i, x in expr.items():
            c[i] = -x if maximise else x
        x = self._run(c, self.a, self.a_lo, self.a_hi, self.lo, self.hi, np.ones(self.n))
        return INF if x is None else float(sum(x[i] * w for i, w in expr.items()))

    def minimise_sum(self, exprs: list[dict[int, float]]) -> np.ndarray:
        c = np.zeros(self.n)
        for e in exprs:
            for i, x in e.items():
                c[i] += x
        return self._run(c, self.a, self.a_lo, self.a_hi, self.lo, self.hi, np.ones(self.n), exact=False)

    def maximise_capped(self, exprs: list[dict[int, float]], caps: list[float]) -> np.ndarray:
        """One point maximising a weighted sum of min(expr, cap): y_t <= expr_t, 0 <= y_t <= cap_t."""
        t = len(exprs)
        r, c, v = [], [], []
        for row, e in enumerate(exprs):
            for i, x in e.items():
                r.append(row)
                c.append(i)
                v.append(-x)
        link = hstack([coo_array((v, (r, c)), shape=(t, self.n)), identity(t, format="coo")])
        a = vstack([hstack([self.a, coo_array((self.a.shape[0], t))]), link]).tocsr()
        # distinct weights: the optimum fills some targets to their cap rather than sharing a
        # scarce total evenly between many, none of which would then reach it
        cost = np.concatenate([np.zeros(self.n), -(1 + np.arange(t)[::-1] / t)])
        x = self._run(cost, a, np.concatenate([self.a_lo, np.full(t, -INF)]),
                      np.concatenate([self.a_hi, np.zeros(t)]),
                      np.concatenate([self.lo, np.zeros(t)]), np.concatenate([self.hi, caps]),
                      np.concatenate([np.ones(self.n), np.zeros(t)]), exact=False)
        return x[: self.n]


    def binding(self, expr: dict[int, float], maximise: bool) -> tuple[set[int], set[int]]:
        """The variables whose upper, and whose lower, bound holds the relaxation's optimum of
        `expr` where it is (non-zero dual values): loosening one of them may move it."""
        c = np.zeros(self.n)
        for i, x in expr.items():
            c[i] = -x if maximise else x
        eq = self.a_lo == self.a_hi
        up, down = ~eq & np.isfinite(self.a_hi), ~eq & np.isfinite(self.a_lo)
        res = linprog(c, A_ub=vstack([self.a[up], -self.a[down]]).tocsr(),
                      b_ub=np.concatenate([self.a_hi[up], -self.a_lo[down]]),
                      A_eq=self.a[eq], b_eq=self.a_hi[eq], bounds=np.column_stack([self.lo, self.hi]),
                      method="highs")
        if res.status != 0:
            return set(), set()
        return (set(np.flatnonzero(np.abs(res.upper.marginals) > 1e-9)),
                set(np.flatnonzero(np.abs(res.lower.marginals) > 1e-9)))


def _value(expr: dict[int, float], x: np.ndarray) -> float:
    return float(sum(x[i] * w for i, w in expr.items()))


def _unwitnessed(solver: _Solver, exprs: list[dict[int, float]], goal: list[float], at_least: bool) -> list[int]:
    """Indices of the expressions that no shared witness shows reaching their goal (<= goal, or
    >= goal when `at_least`): one solution settles many expressions at once, and each round
    looks for another among those left."""
    remaining = list(range(len(exprs)))
    while remaining:
        if at_least:
            x = solver.maximise_capped([exprs[i] for i in remaining], [goal[i] for i in remaining])
            reached = {i for i in remaining if _value(exprs[i], x) >= goal[i] - 0.5}
        else:
            x = solver.minimise_sum([exprs[i] for i in remaining])
            reached = {i for i in remaining if _value(exprs[i], x) <= goal[i] + 0.5}
        if not reached:
            break
        remaining = [i for i in remaining if i not in reached]
    return remaining


def _reaches(solver: _Solver, expr: dict[int, float], goal: float, at_least: bool) -> bool:
    best = solver.optimum(expr, maximise=at_least)
    return best >= goal - 0.5 if at_least else best <= goal + 0.5


def _certify(solver: _Solver, exprs: list[dict[int, float]], goal: list[float], at_least: bool) -> list[int]:
    """Indices of the expressions that cannot reach their goal."""
    return [i for i in _unwitnessed(solver, exprs, goal, at_least)
            if not _reaches(solver, exprs[i], goal[i], at_least)]


# --- the structure an attacker knows -----------------------------------------------------

def _shape(dim: Dimension, q: Questionnaire) -> tuple[str, bool, tuple[str, ...]]:
    """(kind, required, exclusive options) of what a report contributes to `dim`."""
    if dim.source:               # coded from text: any number of themes, possibly none
        return "many", False, ()
    question = q[dim.question]
    if dim.grouped:   # a one-answer question's groups partition it; a several-answers one's overlap
        return ("one" if question.kind == "one" else "many"), question.required, ()
    return question.kind, question.required, tuple(question.exclusive)


def _relation(s: _System, tag: tuple, dim: Dimension, q: Questionnaire, total: int,
              cells: dict[str, int]) -> None:
    """What is known of the cells of `dim` among a population of `total` reports."""
    kind, required, exclusive = _shape(dim, q)
    if kind == "one":
        s.add([(c, 1) for c in cells.values()] + [(total, -1)], lo=0 if required else -INF, hi=0)
        return
    for c in cells.values():
        s.add([(c, 1), (total, -1)])
    exclusive = tuple(e for e in exclusive if e in cells)
    if not (required or exclusive):
        return
    some = s.var(tag + ("some",))   # reports with at least one non-exclusive answer
    answered = total
    if not required:
        answered = s.var(tag + ("answered",))
        s.add([(answered, 1), (total, -1)])
    s.add([(cells[e], 1) for e in exclusive] + [(some, 1), (answered, -1)], lo=0, hi=0)
    plain = [c for v, c in cells.items() if v not in exclusive]
    for c in plain:
        s.add([(c, 1), (some, -1)])
    s.add([(some, 1)] + [(c, -1) for c in plain])


def _pairs(s: _System, dim: PairDimension, total: int, cells: dict[str, int], margin) -> None:
    base = Dimension(dim.question, dim.question)
    for value, c in cells.items():
        s.add([(c, 1), (total, -1)])
        if "+" in value:
            a, b = (margin(base, x) for x in value.split("+"))
            s.add([(c, 1), (a, -1)])
            s.add([(c, 1), (b, -1)])
            s.add([(a, 1), (b, 1), (c, -1), (total, -1)])   # overlap: a + b - total <= pair


def _triples(s: _System, tag: tuple, t: Table, pairs_table: Table, quarter: str, total: int, cell, margin,
             q: Questionnaire) -> None:
    """Relations across three questions: a two-dimension table whose second dimension is the
    question of a pairs table (theme x about against about_pairs), grouped or not. `tr` counts
    the reports with x and both characteristics of a pair; every inclusion-exclusion bound an
    attacker can draw from the cells of x with each characteristic (or its group), the pair,
    the margins and the total."""
    pair_dim, (a, b) = pairs_table.dims[0], t.dims
    if not isinstance(pair_dim, PairDimension) or b.question != pair_dim.question or b.source:
        return
    group_of = {c: g for g, codes in b.grouping(q).items() for c in codes} if b.grouped else {}
    for x in a.values(q):
        mx = margin(a, x)
        for p1, p2 in pair_dim.pairs:
            g1, g2 = group_of.get(p1, p1), group_of.get(p2, p2)
            both, c1, c2 = cell(pairs_table.id, quarter, (f"{p1}+{p2}",)), cell(t.id, quarter, (x, g1)), \
                cell(t.id, quarter, (x, g2))
            m1, m2 = margin(b, g1), margin(b, g2)
            tr = s.var(tag + (x, p1, p2))
            for upper in (c1, c2, both):
                s.add([(tr, 1), (upper, -1)])
            s.add([(both, 1), (mx, 1), (total, -1), (tr, -1)])     # the pair, and x, among all reports
            s.add([(c1, 1), (both, 1), (m1, -1), (tr, -1)])        # x with p1, the pair (within p1), at most p1
            s.add([(c2, 1), (both, 1), (m2, -1), (tr, -1)])
            if not b.grouped:
                s.add([(c1, 1), (c2, 1), (mx, -1), (tr, -1)])      # x with p1, x with p2, at most x


def _structure(s: _System, v: int, cells: list[AuditCell], quarter: str, tables: tuple[Table, ...],
               q: Questionnaire) -> None:
    present = {c.table for c in cells}
    for c in cells:
        s.var((v, "c", c.key), c.lo, c.hi)

    def cell(table_id: str, period: str, dims: tuple[str, ...]) -> int:
        return s.var((v, "c", (table_id, period, dims)))

    total = s.var((v, "n"))
    months = [s.index[(v, "c", c.key)] for c in cells if not c.dims and c.period != quarter]
    if months:
        s.add([(m, 1) for m in months] + [(total, -1)], lo=0, hi=0)
    defs = [t for t in tables if t.id in present]
    for t in defs:
        if not t.dims and t.period == QUARTER:
            s.add([(cell(t.id, quarter, ()), 1), (total, -1)], lo=0, hi=0)
    one_d = {t.dims[0].name: t for t in defs if len(t.dims) == 1 and t.period == QUARTER}
    related: set[str] = set()
    linked: set[str] = set()

    def margin(dim: Dimension, value: str) -> int:
        if dim.grouped and dim.name not in linked:
            linked.add(dim.name)
            _rollup(dim)
        t = one_d.get(dim.name)
        if t is not None:
            return cell(t.id, quarter, (value,))
        if dim.name not in related:
            related.add(dim.name)
            _relation(s, (v, "margin", dim.name), dim, q, total,
                      {x: s.var((v, "m", dim.name, x)) for x in dim.values(q)})
        return s.var((v, "m", dim.name, value))

    def _rollup(dim: Dimension) -> None:
        """A group counts at least its largest member and at most their sum (exactly the sum
        for a one-answer question), against the ungrouped question's own table or margin."""
        base = next((t.dims[0] for t in one_d.values() if t.dims[0].question == dim.question
                     and t.dims[0].source == dim.source and not t.dims[0].grouped
                     and not isinstance(t.dims[0], PairDimension)),
                    Dimension(dim.question + (":" + dim.source if dim.source else ""), dim.question,
                              source=dim.source))
        one = q[dim.question].kind == "one" and not dim.source
        for g, codes in dim.grouping(q).items():
            members = [margin(base, c) for c in codes]
            if one:
                s.add([(margin(dim, g), 1)] + [(m, -1) for m in members], lo=0, hi=0)
                continue
            for m in members:
                s.add([(m, 1), (margin(dim, g), -1)])
            s.add([(margin(dim, g), 1)] + [(m, -1) for m in members])

    for t in defs:
        if t.period != QUARTER or not t.dims:
            continue
        if len(t.dims) == 1:
            d = t.dims[0]
            row = {x: cell(t.id, quarter, (x,)) for x in d.values(q)}
            if isinstance(d, PairDimension):
                _pairs(s, d, total, row, margin)
            else:
                _relation(s, (v, t.id), d, q, total, row)
            continue
        a, b = t.dims
        for x in a.values(q):
            _relation(s, (v, t.id, "row", x), b, q, margin(a, x),
                      {y: cell(t.id, quarter, (x, y)) for y in b.values(q)})
        for y in b.values(q):
            _relation(s, (v, t.id, "col", y), a, q, margin(b, y),
                      {x: cell(t.id, quarter, (x, y)) for x in a.values(q)})
        for x in a.values(q):      # Frechet: reports with x and y are at least those with x, plus
            for y in b.values(q):  # those with y, less all of them
                s.add([(margin(a, x), 1), (margin(b, y), 1), (total, -1), (cell(t.id, quarter, (x, y)), -1)])
        for pairs_table in defs:
            if pairs_table.period == QUARTER and len(pairs_table.dims) == 1:
                _triples(s, (v, t.id, pairs_table.id), t, pairs_table, quarter, total, cell, margin, q)


# --- the audit ---------------------------------------------------------------------------

@dataclass
class _Audit:
    failures: list[Failure]
    system: _System
    solver: _Solver

    @property
    def rows_of(self) -> dict[int, list[int]]:
        if not hasattr(self, "_rows_of"):
            self._rows_of: dict[int, list[int]] = defaultdict(list)
            for r, (coefs, _, _) in enumerate(self.system.rows):
                for i in coefs:
                    self._rows_of[i].append(r)
        return self._rows_of


def audit_quarter(versions: list[list[AuditCell]], threshold: int, tables: tuple[Table, ...] = TABLES,
                  questionnaire: Questionnaire | None = None) -> list[Failure]:
    """Every failure of one quarter's cells across its releases, oldest first."""
    return _audit(versions, threshold, tables, questionnaire or load()).failures


def bounds(versions: list[list[AuditCell]], version: int, key: CellKey, tables: tuple[Table, ...] = TABLES,
           questionnaire: Questionnaire | None = None) -> tuple[float, float]:
    """The smallest and largest value the attacker can prove for one cell of one release."""
    s = _system(versions, tables, questionnaire or load())
    solver, target = _Solver(s), {s.index[(version, "c", key)]: 1.0}
    return solver.optimum(target), solver.optimum(target, maximise=True)


def growth_bounds(versions: list[list[AuditCell]], earlier: int, later: int, key: CellKey,
                  tables: tuple[Table, ...] = TABLES, questionnaire: Questionnaire | None = None) -> tuple[float, float]:
    """The smallest and largest growth of one cell between two releases the attacker can prove."""
    s = _system(versions, tables, questionnaire or load())
    solver = _Solver(s)
    target = {s.index[(later, "c", key)]: 1.0, s.index[(earlier, "c", key)]: -1.0}
    return solver.optimum(target), solver.optimum(target, maximise=True)


def _system(versions: list[list[AuditCell]], tables: tuple[Table, ...], q: Questionnaire) -> _System:
    """The attacker's unknowns are the reports added between one release and the next (an
    increment, never negative): each increment has the questionnaire's whole structure, and a
    release's cell is the sum of the increments so far. So a cell's growth between any two
    releases, not only consecutive ones, is bounded by its margins' growth."""
    s = _System()
    quarter = quarter_of(versions[-1][0].period)
    for v, cells in enumerate(versions):
        layer = ("d", v)
        _structure(s, layer, [replace(c, lo=0, hi=INF) for c in cells], quarter, tables, q)
        for c in cells:
            i = s.var((v, "c", c.key), c.lo, c.hi)
            added = s.index[(layer, "c", c.key)]
            prev = s.index.get((v - 1, "c", c.key))
            s.add([(i, 1), (added, -1)] + ([(prev, -1)] if prev is not None else []), lo=0, hi=0)
    # The same reports always give the same published value (rounding, and cell-key noise, are
    # fixed functions of them): a value that changed between two releases proves a report added.
    published = {}
    for v, cells in enumerate(versions):
        for c in cells:
            if c.hi != INF and not c.protect:
                for u, hi in published.get(c.key, ()):
                    if hi != c.hi:
                        s.add([(s.index[(v, "c", c.key)], 1), (s.index[(u, "c", c.key)], -1)], lo=1, hi=INF)
                published.setdefault(c.key, []).append((v, c.hi))
    return s


def _audit(versions: list[list[AuditCell]], threshold: int, tables: tuple[Table, ...],
           q: Questionnaire) -> _Audit:
    s = _system(versions, tables, q)
    solver = _Solver(s)
    protected = [(v, c.key, (s.index[(v, "c", c.key)],)) for v, cells in enumerate(versions)
                 for c in cells if c.protect]
    growth = [(v, key, (s.index[(v, "c", key)], s.index[(u, "c", key)]), u)
              for v in range(1, len(versions)) for u in range(v) for key in (c.key for c in versions[v])
              if (u, "c", key) in s.index]
    failures = []
    cells_expr = [{vs[0]: 1.0} for _, _, vs in protected]
    for i in _certify(solver, cells_expr, [0.0] * len(protected), at_least=False):
        failures.append(Failure(*protected[i], "present"))
    for i in _certify(solver, cells_expr, [float(privacy.SUPPRESSED_MUST_REACH)] * len(protected), at_least=True):
        failures.append(Failure(*protected[i], "small"))
    # growth must be able to be 0, or else to be k or more: never proven between 1 and k-1
    growth_expr = [{g[2][0]: 1.0, g[2][1]: -1.0} for g in growth]
    grew = _unwitnessed(solver, growth_expr, [0.0] * len(growth), at_least=False)
    small = [grew[j] for j in _unwitnessed(solver, [growth_expr[i] for i in grew], [float(threshold)] * len(grew),
                                           at_least=True)]
    failures += [f for f in (Failure(*growth[i][:3], "difference", growth[i][3]) for i in small)
                 if _fails(solver, f, threshold)]
    return _Audit(failures, s, solver)


def _fails(solver: _Solver, f: Failure, threshold: int) -> bool:
    expr = {f.vars[0]: 1.0} if len(f.vars) == 1 else {f.vars[0]: 1.0, f.vars[1]: -1.0}
    if f.reason == "small":
        return not _reaches(solver, expr, float(privacy.SUPPRESSED_MUST_REACH), at_least=True)
    if _reaches(solver, expr, 0.0, at_least=False):
        return False
    return f.reason == "present" or not _reaches(solver, expr, float(threshold), at_least=True)


def _still_fails(versions: list[list[AuditCell]], failures: list[Failure], threshold: int,
                 tables: tuple[Table, ...], q: Questionnaire) -> bool:
    """Whether any of these earlier failures comes back: a few solves, not a whole audit."""
    s = _system(versions, tables, q)
    solver = _Solver(s)
    for f in failures:
        names = [(f.version, "c", f.key)] + ([(f.earlier, "c", f.key)] if f.reason == "difference" else [])
        if _fails(solver, replace(f, vars=tuple(s.index[n] for n in names)), threshold):
            return True
    return False


# --- secondary suppression ---------------------------------------------------------------

def _blocks(cells: list[AuditCell]) -> dict[str, list[AuditCell]]:
    out: dict[str, list[AuditCell]] = defaultdict(list)
    for c in cells:
        out[quarter_of(c.period)].append(c)
    return out


def _history_of(history: list[list[AuditCell]], quarter: str) -> list[list[AuditCell]]:
    """The earlier releases' cells of one quarter, dropping a release identical to the one
    before it: it tells the attacker nothing the earlier one did not."""
    out: list[list[AuditCell]] = []
    for release in history:
        cells = [c for c in release if quarter_of(c.period) == quarter]
        if cells and (not out or out[-1] != cells):
            out.append(cells)
    return out


def _hide(cells: list[AuditCell], hidden: set[CellKey], threshold: int) -> list[AuditCell]:
    return [replace(c, lo=threshold, hi=INF) if c.key in hidden else c for c in cells]


def _candidates(f: Failure, a: _Audit, last: int, cells: dict[CellKey, AuditCell],
                hidden: set[CellKey], threshold: int) -> tuple[list[CellKey], bool]:
    """The published cells of the release being cut whose hiding could protect `f`, and whether
    the one candidate is the failing cell itself (its own growth gives it away). Else the cells
    whose published bounds hold the failing cell where it is: hiding a cell lifts its upper
    bound and lowers its lower bound to k. Else, the cells sharing a relation with it."""
    def candidate(name: tuple) -> CellKey | None:
        if name[0] == last and name[1] == "c":
            c = cells.get(name[2])
            if c is not None and c.key not in hidden and c.hi != INF and not c.protect:
                return c.key
        return None

    names = {i: n for n, i in a.system.index.items()}
    if f.reason == "difference" and (own := candidate(names[f.vars[0]])):
        return [own], True
    expr = {f.vars[0]: 1.0} if len(f.vars) == 1 else {f.vars[0]: 1.0, f.vars[1]: -1.0}
    upper, lower = a.solver.binding(expr, maximise=f.reason != "present")
    held = sorted({k for i in upper for k in [candidate(names[i])] if k}
                  | {k for i in lower for k in [candidate(names[i])] if k and cells[k].lo > threshold})
    if held:
        return held, False
    seen, frontier = set(f.vars), set(f.vars)
    for _ in range(3):
        reach = {i for v in frontier for r in a.rows_of[v] for i in a.system.rows[r][0]} - seen
        found = sorted({k for i in reach if (k := candidate(names[i]))})
        if found:
            return found, False
        seen |= reach
        frontier = reach
    return [], False


def _cover(options: list[list[CellKey]], counts: dict[CellKey, int]) -> set[CellKey]:
    """Greedy set cover: the cell that protects the most failures first, the smaller first
    among equals (a smaller count hidden is less lost to the steering group)."""
    chosen: set[CellKey] = set()
    open_ = [set(o) for o in options if o]
    while open_:
        tally = Counter(k for o in open_ for k in o)
        best = min(tally, key=lambda k: (-tally[k], counts.get(k, 0), k))
        chosen.add(best)
        open_ = [o for o in open_ if best not in o]
    return chosen


def protect(cells: list[AuditCell], counts: dict[CellKey, int], history: list[list[AuditCell]],
            threshold: int, tables: tuple[Table, ...] = TABLES, questionnaire: Questionnaire | None = None,
            max_rounds: int = 60) -> set[CellKey]:
    """The cells to hide in addition to those under the threshold, so that the audit of this
    release with every earlier one passes; as few as the audit needs. Raises ReleaseRefused."""
    q = questionnaire or load()
    hidden: set[CellKey] = set()
    for quarter, block in sorted(_blocks(cells).items()):
        earlier = _history_of(history, quarter)
        if earlier and earlier[-1] == block:
            continue
        if all(c.protect for cells_ in earlier + [block] for c in cells_):
            continue   # nothing of the quarter published, ever: all zero, or 4 alike in any cell, fits
        hidden |= _protect_quarter(earlier, block, counts, threshold, tables, q, max_rounds)
    return hidden


def _protect_quarter(earlier, block, counts, threshold, tables, q, max_rounds) -> set[CellKey]:
    by_key = {c.key: c for c in block}
    hidden: set[CellKey] = set()
    reasons: dict[CellKey, list[Failure]] = defaultdict(list)   # what each hidden cell protects
    needed: set[CellKey] = set()                                 # hidden for their own growth
    history_leaks = None
    for _ in range(max_rounds):
        a = _audit(earlier + [_hide(block, hidden, threshold)], threshold, tables, q)
        if not a.failures:
            break
        if history_leaks is None and any(f.version < len(earlier) for f in a.failures):
            history_leaks = bool(_audit(earlier, threshold, tables, q).failures)
        options = []
        for f in a.failures:
            keys, own = _candidates(f, a, len(earlier), by_key, hidden, threshold)
            needed |= set(keys) if own else set()
            options.append(keys)
        added = _cover(options, counts)
        for f, keys in zip(a.failures, options):
            for k in added & set(keys):
                reasons[k].append(f)
        if not added or history_leaks:
            raise ReleaseRefused(a.failures)   # nothing left to hide, or what is out already tells
        hidden |= added
    else:
        raise ReleaseRefused(a.failures)
    for key in sorted(hidden - needed, key=lambda k: (-counts.get(k, 0), k)):   # hide no more than needed
        trial = earlier + [_hide(block, hidden - {key}, threshold)]
        if _still_fails(trial, reasons[key], threshold, tables, q):
            continue
        if not _audit(trial, threshold, tables, q).failures:
            hidden = hidden - {key}
    return hidden


__all__ = ["AuditCell", "AuditInconsistent", "Failure", "ReleaseRefused", "audit_quarter", "bounds", "growth_bounds",
           "protect",
           "published", "suppressed", "quarter_of"]
