"""Writes estimates.csv, the report tests' fixture: illustrative estimates for a
small region tree (2 provinces, 3 cities, 6 counties) and 7 indicators.

The counts are invented; every number derived from them follows STATISTICS.md:
no-design SE (3a), df = n - 1 (4), t/logit/Clopper-Pearson intervals (5), the
one-sided test and BH q-values per (indicator, level) family (6), statuses (7)
with k = 5. One row is made indeterminate by hand (a Taylor domain inside one
PSU: df 0, no CI), as the pipeline would report it. Run: python3 make_estimates.py
"""
import csv, math
from scipy import stats

K, L = 5, 0.95
A = (1 - L) / 2
TREE = {  # code: (name, level, parent)
    "510000": ("四川省", "province", None), "510100": ("成都市", "city", "510000"),
    "510104": ("锦江区", "county", "510100"), "510112": ("龙泉驿区", "county", "510100"),
    "513200": ("阿坝藏族羌族自治州", "city", "510000"), "513221": ("汶川县", "county", "513200"),
    "513228": ("黑水县", "county", "513200"), "500000": ("重庆市", "province", None),
    "500100": ("重庆市辖区", "city", "500000"), "500155": ("梁平区", "county", "500100"),
    "500118": ("永川区", "county", "500100"),
}
COUNTIES = ["510104", "510112", "513221", "513228", "500155", "500118"]
# indicator: (kind, direction, target, {county: (n, successes) or (n, mean, sd)})
IND = {
    "paired": ("proportion", "higher", 1.0, {"510104": (60, 60), "510112": (48, 46), "513221": (22, 22), "513228": (3, 3), "500155": (55, 55), "500118": (40, 39)}),
    "weekly_contact": ("proportion", "higher", 0.8, {"510104": (52, 45), "510112": (40, 26), "513221": (20, 14), "513228": (3, 1), "500155": (50, 43), "500118": (36, 18)}),
    "needs_met": ("proportion", "higher", 0.7, {"510104": (50, 37), "510112": (38, 25), "513221": (18, 12), "513228": (4, 2), "500155": (47, 40), "500118": (35, 20)}),
    "wellbeing": ("mean", "higher", 3.5, {"510104": (52, 3.82, 0.61), "510112": (40, 3.41, 0.72), "513221": (6, 3.10, 0.80), "513228": (3, 2.90, 0.50), "500155": (50, 3.66, 0.58), "500118": (36, 3.05, 0.75)}),
    "lonely": ("proportion", "lower", 0.2, {"510104": (52, 6), "510112": (40, 11), "513221": (20, 7), "513228": (3, 2), "500155": (50, 8), "500118": (36, 13)}),
    "agree_contact": ("proportion", "higher", None, {"510104": (45, 36), "510112": (35, 24), "513221": (15, 9), "513228": (2, 1), "500155": (44, 35), "500118": (30, 17)}),
    "trained": ("proportion", "higher", 0.9, {"510104": (20, 19), "510112": (15, 12), "513221": (8, 7), "513228": (2, 2), "500155": (18, 18), "500118": (14, 9)}),
}
GROUPS = {  # (indicator, region): [(group, n, successes)]
    ("paired", "all"): [("category=orphan", 9, 9), ("category=de_facto_unsupported", 21, 20), ("category=left_behind", 198, 196)],
    ("weekly_contact", "all"): [("category=orphan", 8, 5), ("category=de_facto_unsupported", 19, 12), ("category=left_behind", 174, 130)],
    ("paired", "510000"): [("category=orphan", 4, 4), ("category=de_facto_unsupported", 12, 11), ("category=left_behind", 117, 116)],
    ("weekly_contact", "510000"): [("category=orphan", 4, 2), ("category=de_facto_unsupported", 11, 7), ("category=left_behind", 100, 77)],
}
INDETERMINATE = ("wellbeing", "513221")

def members(code):
    if code == "all": return COUNTIES
    if TREE[code][1] == "county": return [code]
    return [c for c in COUNTIES if TREE[c][2] == code or TREE[TREE[c][2]][2] == code]

def logit(x): return math.log(x / (1 - x))
def expit(u): return 1 / (1 + math.exp(-u))

def proportion(n, x, target, direction):
    if n == 0: return dict(n=0)
    p = x / n
    row = dict(n=n, est=p, df=n - 1 if n > 1 else None)
    if n == 1: return row
    q = stats.t.ppf(1 - A, n - 1)
    if x == 0: row.update(se=0.0, lo=0.0, hi=1 - A ** (1 / n))
    elif x == n: row.update(se=0.0, lo=A ** (1 / n), hi=1.0)
    else:
        se = math.sqrt(p * (1 - p) / (n - 1)); w = q * se / (p * (1 - p))
        row.update(se=se, lo=expit(logit(p) - w), hi=expit(logit(p) + w))
    if target is None: return row
    # one-sided test of "worse than target" (mirror for lower is better: 1 - y vs 1 - T)
    xs, ts = (x, target) if direction == "higher" else (n - x, 1 - target)
    ps = xs / n
    if ts == 1: row["p"] = 0.0 if xs < n else 1.0
    elif xs == 0: row["p"] = (1 - ts) ** n
    elif xs == n: row["p"] = 1.0
    else:
        t = (logit(ps) - logit(ts)) / (math.sqrt(ps * (1 - ps) / (n - 1)) / (ps * (1 - ps)))
        row["p"] = stats.t.cdf(t, n - 1)
    return row

def mean(parts, target, direction):
    n = sum(p[0] for p in parts)
    m = sum(p[0] * p[1] for p in parts) / n
    ss = sum((p[0] - 1) * p[2] ** 2 + p[0] * (p[1] - m) ** 2 for p in parts)
    se = math.sqrt(ss / (n - 1)) / math.sqrt(n); q = stats.t.ppf(1 - A, n - 1)
    row = dict(n=n, est=m, se=se, df=n - 1, lo=m - q * se, hi=m + q * se)
    if target is not None:
        t = (m - target) / se if direction == "higher" else (target - m) / se
        row["p"] = stats.t.cdf(t, n - 1)
    return row

def status(row, target, direction):
    if row["n"] < K: return "suppressed"
    if target is None: return "no_target"
    if direction == "higher" and target == 1 and "p" in row:
        return "shortfall" if row["est"] < 1 else "meets"
    if row.get("lo") is None: return "indeterminate"
    worse_ci = row["hi"] < target if direction == "higher" else row["lo"] > target
    worse = row["est"] < target if direction == "higher" else row["est"] > target
    return "shortfall" if worse_ci else ("possible_shortfall" if worse else "meets")

def bh(rows):
    ps = sorted((r["p"], i) for i, r in enumerate(rows) if r.get("p") is not None)
    m = len(ps); adj = [None] * len(rows); best = 1.0
    for rank in range(m, 0, -1):
        p, i = ps[rank - 1]; best = min(best, m * p / rank); adj[i] = min(1.0, best)
    for r, a in zip(rows, adj): r["q"] = a

rows = []
for ind, (kind, direction, target, data) in IND.items():
    families = {}
    for code in ["all"] + list(TREE):
        parts = [data[c] for c in members(code)]
        if kind == "proportion": r = proportion(sum(p[0] for p in parts), sum(p[1] for p in parts), target, direction)
        else: r = mean(parts, target, direction)
        if (ind, code) == INDETERMINATE: r.update(se=0.31, df=0.0, lo=None, hi=None, p=None)
        r.update(indicator=ind, code=code, target=target)
        r["status"] = status(r, target, direction)
        if r["status"] == "suppressed":
            r = dict(indicator=ind, code=code, n=r["n"], target=target, status="suppressed")
        families.setdefault("all" if code == "all" else TREE[code][1], []).append(r)
        rows.append(r)
        for group, n, x in GROUPS.get((ind, code), []):
            g = proportion(n, x, target, direction); g.update(indicator=ind, code=code, group=group, target=target)
            g["status"] = status(g, target, direction)
            if g["status"] == "suppressed": g = dict(indicator=ind, code=code, group=group, n=n, target=target, status="suppressed")
            families.setdefault(("group", code, group.split("=")[0]), []).append(g)
            rows.append(g)
    for fam in families.values(): bh(fam)

def num(v): return "" if v is None else repr(float(v))
with open("estimates.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator", "region_code", "region_name", "level", "group", "n", "estimate", "se", "ci_low", "ci_high", "df", "target", "status", "p_value", "q_value"])
    for r in rows:
        name, level = ("全部", "all") if r["code"] == "all" else TREE[r["code"]][:2]
        w.writerow([r["indicator"], r["code"], name, level, r.get("group", ""), r["n"], num(r.get("est")), num(r.get("se")), num(r.get("lo")), num(r.get("hi")), num(r.get("df")), num(r["target"]), r["status"], num(r.get("p")), num(r.get("q"))])
