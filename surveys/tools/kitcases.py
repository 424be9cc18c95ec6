"""Score hand-written responses with a kit and compare with hand-computed expectations.

A cases folder holds one data file per instrument (roster.csv, volunteer.csv, child.csv,
guardian.csv, teacher.csv; headers are question names, select_multiple answers are
space-separated names, a blank cell is a blank answer) and the expectations
expected_child.csv / expected_volunteer.csv: `kind,name,<unit id>...` where kind is
calculate, scale, indicator, agreement_left or agreement_right, and a cell is a number,
a choice name, 1/0 for true/false, NA (in the population but missing) or OUT (not in
the indicator's population).
"""
import csv
import math
import os

import kitexpr

INFORMANTS = ["child", "guardian", "teacher"]


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def typed(kit, form, name, cell):
    if cell == "":
        return None
    q = kit.questions[form].get(name)
    if q is None:
        return cell
    base = q["type"].split()[0]
    if base == "select_multiple":
        return cell.split()
    if base in ("integer", "decimal"):
        return float(cell)
    return cell


class Unit:
    """Everything known about one child (or one volunteer): form -> {name: value}."""

    def __init__(self, kit, answers):
        self.kit, self.answers, self.scale_cache = kit, answers, {}

    def lookup(self, name):
        got = self.kit.resolve(name)
        if not isinstance(got, tuple):
            raise KeyError(name)
        if got[0] == "question":
            return self.answers.get(got[1], {}).get(got[2])
        return self.scale(got[1])

    def scale(self, s):
        if s["name"] in self.scale_cache:
            return self.scale_cache[s["name"]]
        form = s["form"]
        resp = self.answers.get(form)
        value = None
        if resp is not None:
            rev = set(s["reverse"].split())
            got = []
            for it in s["items"].split():
                v = resp.get(it)
                if v is None or v == "":
                    continue
                x = float(v)
                if it in rev:
                    lo, hi = item_range(self.kit, s, it)
                    x = lo + hi - x
                got.append(x)
            if len(got) >= int(s["min_valid"]):
                value = sum(got) / len(got) if s["method"] == "mean" else sum(got)
        self.scale_cache[s["name"]] = value
        return value


def item_range(kit, s, item):
    if s["item_min"] and s["item_max"]:
        return float(s["item_min"]), float(s["item_max"])
    lst = kit.questions[s["form"]][item]["type"].split()[1]
    vals = [float(n) for n in kit.forms[s["form"]]["choices"][lst]]
    return min(vals), max(vals)


def recompute_calculates(kit, form, resp, where, report):
    for name, q in kit.questions[form].items():
        if q["type"].strip() != "calculate":
            continue
        tree = kitexpr.parse(q["calculation"])
        got = kitexpr.evaluate(tree, lambda n: resp.get(n), indicator=False)
        got = kitexpr.to_str(got) if not isinstance(got, bool) else ("true" if got else "false")
        given = resp.get(name)
        if given is not None and kitexpr.to_str(given) != got:
            report(where, f"{form}.{name} is {given!r} in the data but the calculation gives {got!r}")
        number = kitexpr.to_num(got)
        resp[name] = None if got == "" else (got if math.isnan(number) else number)


def render(v):
    if v is None:
        return "NA"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, list):
        return " ".join(v)
    return v


def same(expected, got):
    if expected in ("NA", "OUT") or got in ("NA", "OUT"):
        return expected == got
    try:
        a, b = float(expected), float(got)
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    except ValueError:
        return expected == got


def run(kit, folder, report):
    data = {f: load(os.path.join(folder, f + ".csv")) for f in
            ["roster", "volunteer"] + INFORMANTS}
    units = {}
    for form in ["roster"] + INFORMANTS:
        for i, row in enumerate(data[form], start=2):
            resp = {k: typed(kit, form, k, v) for k, v in row.items()}
            where = os.path.relpath(os.path.join(folder, form + ".csv")) + f":{i}"
            recompute_calculates(kit, form, resp, where, report)
            units.setdefault(row["child_id"], {})[form] = resp
    vols = {}
    for row in data["volunteer"]:
        vols[row["volunteer_id"]] = {"volunteer": {k: typed(kit, "volunteer", k, v) for k, v in row.items()}}

    indicators = {i["name"]: i for i in kit.indicators}
    agreement = {a["name"]: a for a in kit.agreement}
    for fname, pool in (("expected_child.csv", units), ("expected_volunteer.csv", vols)):
        path = os.path.join(folder, fname)
        seen = set()
        for line, row in enumerate(load(path), start=2):
            where = f"{os.path.relpath(path)}:{line}"
            kind, name = row["kind"], row["name"]
            seen.add((kind, name))
            for uid, expected in row.items():
                if uid in ("kind", "name"):
                    continue
                unit = Unit(kit, pool.get(uid, {}))
                got = value_of(kit, unit, kind, name, indicators, agreement)
                if not same(expected, got):
                    report(where, f"{kind} {name} for {uid}: expected {expected}, got {got}")
        wanted = [("indicator", n) for n, i in indicators.items()
                  if (i["unit"] == "volunteer") == (fname == "expected_volunteer.csv")]
        if fname == "expected_child.csv":
            wanted += [("scale", s["name"]) for s in kit.scales]
            wanted += [(k, a) for a in agreement for k in ("agreement_left", "agreement_right")]
        for key in wanted:
            if key not in seen:
                report(os.path.relpath(path), f"no expected values for {key[0]} {key[1]}")


def value_of(kit, unit, kind, name, indicators, agreement):
    if kind == "calculate":
        form = next(f for f in kit.questions if name in kit.questions[f])
        return render(unit.answers.get(form, {}).get(name))
    if kind == "scale":
        return render(unit.scale(kit.scale_by_name[name]))
    if kind == "indicator":
        ind = indicators[name]
        if ind["population"].strip():
            pop = kitexpr.evaluate(kitexpr.parse(ind["population"]), unit.lookup, indicator=True)
            if pop is None or not kitexpr.to_bool(pop):
                return "OUT"
        return render(kitexpr.evaluate(kitexpr.parse(ind["value"]), unit.lookup, indicator=True))
    if kind in ("agreement_left", "agreement_right"):
        side = "left" if kind == "agreement_left" else "right"
        return render(kitexpr.evaluate(kitexpr.parse(agreement[name][side]), unit.lookup, indicator=True))
    raise ValueError(f"unknown kind {kind!r}")
