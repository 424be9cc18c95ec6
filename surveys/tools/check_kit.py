#!/usr/bin/env python3
"""Check a careeval kit folder (DESIGN.md §4) without the careeval tool.

    python3 surveys/tools/check_kit.py surveys/aixin [--cases surveys/tools/aixin_cases]

Checks the file format (UTF-8 without BOM, LF, same number of fields in every row),
names, types, choice lists, groups, settings, every expression (parse, references,
functions, choice names used in comparisons and selected()), scales, indicators,
agreement pairs, targets and regions. With --cases it also scores hand-written
responses and compares every scale, indicator and agreement value with the expected
values written by hand (see aixin_cases/README.md). Prints `file:row: message` lines
and exits 1 if anything is wrong. `careeval lint` is the real check; this script is a
stop-gap for kit authors and a second, independent opinion.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kitexpr  # noqa: E402

FORMS = ["roster", "volunteer", "child", "guardian", "teacher"]
QUESTION_TYPES = {"integer", "decimal", "text", "date", "datetime", "time", "note", "calculate",
                  "select_one", "select_multiple", "begin group", "end group"}
META_TYPES = {"start", "end", "today", "deviceid", "username", "phonenumber", "email", "audit"}
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
AREAS = {"coverage", "routine", "needs", "outcome", "consistency", "capacity"}


class Report:
    def __init__(self):
        self.problems = []

    def __call__(self, where, message):
        self.problems.append(f"{where}: {message}")


def read_sheet(path, report, required=()):
    raw = open(path, "rb").read()
    rel = os.path.relpath(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        report(rel, "starts with a byte-order mark (write UTF-8 without BOM)")
    if b"\r" in raw:
        report(rel, "has CR characters (use LF line ends)")
    text = raw.decode("utf-8")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    if not rows:
        report(rel, "is empty")
        return []
    header = rows[0]
    if len(set(header)) != len(header):
        report(f"{rel}:1", "duplicate column header")
    for col in required:
        if col not in header:
            report(f"{rel}:1", f"missing column {col!r}")
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            report(f"{rel}:{i}", f"{len(r)} fields, header has {len(header)}")
            continue
        d = dict(zip(header, r))
        d["_where"] = f"{rel}:{i}"
        out.append(d)
    return out


def lang_columns(rows, prefix):
    return sorted({k for r in rows for k in r if k.startswith(prefix + "::")})


class Kit:
    """A kit folder, or a single instrument folder with an optional scales.csv (a template)."""

    def __init__(self, root, report):
        self.root, self.report = root, report
        self.forms = {}      # form -> {"survey": rows, "choices": {list: {name: row}}, "settings": row}
        self.questions = {}  # form -> {name: row}
        self.single = os.path.exists(os.path.join(root, "survey.csv"))
        forms = [os.path.basename(os.path.abspath(root))] if self.single else FORMS
        for form in forms:
            d = root if self.single else os.path.join(root, form)
            if not os.path.isdir(d):
                report(root, f"missing instrument folder {form}/")
                continue
            survey = read_sheet(os.path.join(d, "survey.csv"), report, ["type", "name"])
            choice_rows = read_sheet(os.path.join(d, "choices.csv"), report, ["list_name", "name"])
            settings = read_sheet(os.path.join(d, "settings.csv"), report, ["form_id", "default_language"])
            lists = {}
            for c in choice_rows:
                lst = lists.setdefault(c["list_name"], {})
                if c["name"] in lst:
                    report(c["_where"], f"duplicate choice {c['name']!r} in list {c['list_name']}")
                lst[c["name"]] = c
            self.forms[form] = {"survey": survey, "choices": lists, "choice_rows": choice_rows,
                                "settings": settings[0] if settings else {}}
            self.questions[form] = {}
        def sheet(name, required, optional=self.single):
            path = os.path.join(root, name)
            if optional and not os.path.exists(path):
                return []
            return read_sheet(path, report, required)
        self.scales = sheet("scales.csv", ["name", "form", "items", "reverse", "method", "min_valid",
                                           "item_min", "item_max", "bands"])
        self.indicators = sheet("indicators.csv", ["name", "area", "unit", "kind", "value",
                                                   "population", "direction"])
        self.agreement = sheet("agreement.csv", ["name", "left", "right"])
        self.targets = sheet("targets.csv", ["indicator", "region", "target"])
        self.regions = sheet("regions.csv", ["code", "level", "parent"], optional=True)

    # -- lookups ------------------------------------------------------------------
    def list_of(self, form, qname):
        q = self.questions.get(form, {}).get(qname)
        if q is None:
            return None
        parts = q["type"].split()
        if len(parts) > 1 and parts[0] in ("select_one", "select_multiple"):
            return parts[1]
        if parts and parts[0] == "calculate":
            return self.calc_list(form, q)
        return None

    def calc_list(self, form, q):
        """A calculate such as if(c, 'never', ${contact_freq}) takes its values from the
        list of the select_one it copies: every result branch is that question or a
        literal choice of its list."""
        try:
            tree = kitexpr.parse(q.get("calculation", ""))
        except kitexpr.ExprError:
            return None
        leaves = []

        def results(n):
            if n[0] == "call" and n[1] == "if":
                results(n[2][1])
                results(n[2][2])
            else:
                leaves.append(n)
        results(tree)
        lists = set()
        for n in leaves:
            if n[0] == "ref" and "." not in n[1] and n[1] in self.questions[form]:
                t = self.questions[form][n[1]]["type"].split()
                if t[0] != "select_one":
                    return None
                lists.add(t[1])
            elif n[0] != "str":
                return None
        if len(lists) != 1:
            return None
        lst = lists.pop()
        for n in leaves:
            if n[0] == "str" and n[1] != "" and n[1] not in self.forms[form]["choices"][lst]:
                return None
        return lst

    def resolve(self, name, own_form=None):
        """-> ('question', form, qname) | ('scale', scale_row) | None; error text for ambiguity."""
        if "." in name:
            form, q = name.split(".", 1)
            if form in self.questions and q in self.questions[form]:
                return ("question", form, q)
            s = self.scale_by_name.get(q)
            if s is not None and s["form"] == form:
                return ("scale", s)
            return None
        if own_form is not None:
            return ("question", own_form, name) if name in self.questions[own_form] else None
        hits = [f for f in FORMS if name in self.questions.get(f, {})]
        if name in self.scale_by_name:
            return ("scale", self.scale_by_name[name]) if not hits else "ambiguous"
        if len(hits) == 1:
            return ("question", hits[0], name)
        return "ambiguous" if hits else None


def check_instruments(kit, report):
    for form, f in kit.forms.items():
        langs = lang_columns(f["survey"], "label")
        if len(langs) < 2:
            report(f"{form}/survey.csv:1", "expected label columns for Chinese and English")
        depth = []
        for r in f["survey"]:
            t = r["type"].strip()
            base = t.split()[0] if t else ""
            if t in ("begin group", "end group"):
                base = t
            if base not in QUESTION_TYPES and base not in META_TYPES:
                report(r["_where"], f"unknown type {t!r}")
            if t == "begin group":
                depth.append(r["name"])
            if t == "end group":
                if not depth:
                    report(r["_where"], "end group without begin group")
                else:
                    depth.pop()
                continue
            name = r["name"]
            if not NAME_RE.match(name):
                report(r["_where"], f"name {name!r} is not snake_case ASCII")
            if name in kit.questions[form]:
                report(r["_where"], f"duplicate name {name!r}")
            kit.questions[form][name] = r
            if base in ("select_one", "select_multiple"):
                parts = t.split()
                if len(parts) != 2 or parts[1] not in f["choices"]:
                    report(r["_where"], f"no choice list for {t!r}")
            if base == "calculate" and not r.get("calculation", "").strip():
                report(r["_where"], "calculate without calculation")
            if base not in META_TYPES and base != "calculate":
                for col in langs:
                    if not r.get(col, "").strip():
                        report(r["_where"], f"{col} is blank")
            for kind in ("hint", "constraint_message"):
                cols = lang_columns([r], kind)
                filled = [c for c in cols if r[c].strip()]
                if filled and len(filled) != len(cols):
                    report(r["_where"], f"{kind} given in one language only")
            if r.get("constraint", "").strip() and not lang_columns([r], "constraint_message"):
                report(r["_where"], "constraint without constraint_message")
            if r.get("privacy", "") not in ("", "identifier", "sensitive"):
                report(r["_where"], f"privacy must be identifier or sensitive, not {r['privacy']!r}")
        if depth:
            report(f"{form}/survey.csv", f"group {depth[-1]!r} is not closed")
        for c in f["choice_rows"]:
            for col in lang_columns(f["choice_rows"], "label"):
                if not c[col].strip():
                    report(c["_where"], f"{col} is blank")
        s = f["settings"]
        if s.get("form_id") != form:
            report(f"{form}/settings.csv:2", f"form_id {s.get('form_id')!r} should be {form!r}")
        if s.get("respondent") not in FORMS or (not kit.single and s.get("respondent") != form):
            report(f"{form}/settings.csv:2", f"respondent {s.get('respondent')!r} does not fit {form!r}")
        fields = ["subject", "response_id", "submitted_at"]
        if form in ("roster", "volunteer"):
            fields.append("region")
        if form == "roster":
            fields += ["weight", "strata", "psu"]
        for key in fields:
            v = s.get(key, "")
            if not v:
                report(f"{form}/settings.csv:2", f"{key} is blank")
            elif v not in kit.questions[form]:
                report(f"{form}/settings.csv:2", f"{key} names {v!r}, which is not a field of {form}")
    # unused lists
    for form, f in kit.forms.items():
        used = {kit.list_of(form, q) for q in kit.questions[form]}
        for lst in f["choices"]:
            if lst not in used:
                report(f"{form}/choices.csv", f"list {lst!r} is not used by any question")


def check_expression(kit, report, where, text, own_form=None, current=None, want_bool=False,
                     in_constraint=False):
    """Parse, resolve references, check choice names. Returns the tree or None.
    `current` is (form, list) of the question a constraint belongs to, when it is a select."""
    try:
        tree = kitexpr.parse(text)
    except kitexpr.ExprError as e:
        report(where, f"{e}: {text}")
        return None
    for node in kitexpr.walk(tree):
        if node[0] == "ref":
            got = kit.resolve(node[1], own_form)
            if got is None:
                report(where, f"${{{node[1]}}} does not name a question or scale"
                       + (f" of {own_form}" if own_form else ""))
            elif got == "ambiguous":
                report(where, f"${{{node[1]}}} is ambiguous: write ${{form.{node[1]}}}")
        if node[0] == "dot" and not in_constraint:
            report(where, "'.' is only meaningful in a constraint")
    # choice literals: ref = 'x', ref != 'x', selected(ref|., 'x')
    def list_for(n):
        if n[0] == "dot" and current is not None:
            return current
        if n[0] == "ref":
            got = kit.resolve(n[1], own_form)
            if isinstance(got, tuple) and got[0] == "question":
                lst = kit.list_of(got[1], got[2])
                return (got[1], lst) if lst else None
        return None

    def check_literal(owner, lit):
        form, lst = owner
        if lit not in kit.forms[form]["choices"][lst]:
            report(where, f"no choice {lit!r} in list {lst} of {form}")
    for node in kitexpr.walk(tree):
        if node[0] == "bin" and node[1] in ("=", "!="):
            for a, b in ((node[2], node[3]), (node[3], node[2])):
                owner = list_for(a)
                if owner and b[0] == "str" and b[1] != "":
                    check_literal(owner, b[1])
        if node[0] == "call" and node[1] == "selected":
            owner = list_for(node[2][0])
            if owner and node[2][1][0] == "str":
                check_literal(owner, node[2][1][1])
            got = node[2][0]
            if got[0] == "ref":
                r = kit.resolve(got[1], own_form)
                if isinstance(r, tuple) and r[0] == "question":
                    t = kit.questions[r[1]][r[2]]["type"]
                    if not t.startswith("select_multiple"):
                        report(where, f"selected() on {got[1]}, which is not select_multiple")
    if want_bool and not kitexpr.is_boolean(tree):
        report(where, "a proportion needs a true/false expression")
    return tree


def check_form_expressions(kit, report):
    for form, f in kit.forms.items():
        for r in f["survey"]:
            name = r["name"]
            lst = kit.list_of(form, name)
            current = (form, lst) if lst else None
            for col in ("relevant", "constraint", "calculation", "required"):
                text = r.get(col, "").strip()
                if not text or (col == "required" and text in ("yes", "no", "")):
                    continue
                check_expression(kit, report, f"{r['_where']} ({col})", text, own_form=form,
                                 current=current if col == "constraint" else None,
                                 in_constraint=(col == "constraint"))


def numeric_range(kit, form, item, s):
    q = kit.questions[form].get(item)
    if q is None:
        return None
    t = q["type"].split()
    if t[0] == "select_one":
        names = list(kit.forms[form]["choices"][t[1]].keys())
        try:
            vals = [float(n) for n in names]
        except ValueError:
            return "non-numeric"
        return (min(vals), max(vals))
    if t[0] in ("calculate", "integer", "decimal"):
        if s["item_min"] and s["item_max"]:
            return (float(s["item_min"]), float(s["item_max"]))
        return "no range"
    return "non-numeric"


def check_scales(kit, report):
    qnames = {q for f in kit.questions.values() for q in f}
    kit.scale_by_name = {}
    for s in kit.scales:
        w = s["_where"]
        if s["name"] in qnames:
            report(w, f"scale {s['name']!r} has the name of a question")
        if s["name"] in kit.scale_by_name:
            report(w, f"duplicate scale {s['name']!r}")
        kit.scale_by_name[s["name"]] = s
        if s["form"] not in kit.forms:
            report(w, f"unknown form {s['form']!r}")
            continue
        items = s["items"].split()
        if len(set(items)) != len(items):
            report(w, "an item is listed twice")
        for it in items:
            rng = numeric_range(kit, s["form"], it, s)
            if rng is None:
                report(w, f"item {it!r} is not a question of {s['form']}")
            elif isinstance(rng, str):
                report(w, f"item {it!r}: {rng}")
        for it in s["reverse"].split():
            if it not in items:
                report(w, f"reverse item {it!r} is not in items")
        if s["method"] not in ("mean", "sum"):
            report(w, f"method {s['method']!r} (mean or sum)")
        try:
            mv = int(s["min_valid"])
            if not 1 <= mv <= len(items):
                report(w, f"min_valid {mv} outside 1..{len(items)}")
        except ValueError:
            report(w, f"min_valid {s['min_valid']!r} is not a whole number")
        if s["bands"]:
            try:
                cuts = [float(x) for x in s["bands"].split()]
                if cuts != sorted(cuts) or len(set(cuts)) != len(cuts):
                    report(w, "bands must be increasing cut-offs")
            except ValueError:
                report(w, f"bands {s['bands']!r} are not numbers")


def check_sheets(kit, report):
    names = set()
    for i in kit.indicators:
        w = i["_where"]
        if i["name"] in names:
            report(w, f"duplicate indicator {i['name']!r}")
        names.add(i["name"])
        if not NAME_RE.match(i["name"]):
            report(w, f"name {i['name']!r} is not snake_case ASCII")
        for col, allowed in (("area", AREAS), ("unit", {"child", "volunteer"}),
                             ("kind", {"proportion", "mean"}), ("direction", {"higher", "lower"})):
            if i[col] not in allowed:
                report(w, f"{col} {i[col]!r} not in {sorted(allowed)}")
        for col in ("value", "population"):
            if col == "population" and not i[col].strip():
                continue
            tree = check_expression(kit, report, f"{w} ({col})", i[col],
                                    want_bool=(col == "population" or i["kind"] == "proportion"))
            if tree is None:
                continue
            forms = set()
            for ref in kitexpr.refs(tree):
                got = kit.resolve(ref)
                if isinstance(got, tuple):
                    forms.add(got[1] if got[0] == "question" else got[1]["form"])
            if i["unit"] == "volunteer" and forms - {"volunteer"}:
                report(w, f"a volunteer indicator refers to {sorted(forms - {'volunteer'})}")
            if i["unit"] == "child" and "volunteer" in forms:
                report(w, "a child indicator refers to the volunteer register")
    for a in kit.agreement:
        for col in ("left", "right"):
            check_expression(kit, report, f"{a['_where']} ({col})", a[col])
    codes = {}
    for r in kit.regions:
        w = r["_where"]
        if not re.fullmatch(r"\d{6}", r["code"]):
            report(w, f"region code {r['code']!r} is not 6 digits")
        if r["code"] in codes:
            report(w, f"duplicate region {r['code']}")
        codes[r["code"]] = r
        if r["level"] not in ("province", "city", "county"):
            report(w, f"level {r['level']!r}")
    for r in kit.regions:
        if r["parent"] and r["parent"] not in codes:
            report(r["_where"], f"parent {r['parent']} is not in regions.csv")
        if (r["level"] == "province") != (r["parent"] == ""):
            report(r["_where"], "only provinces have no parent")
    kinds = {i["name"]: i["kind"] for i in kit.indicators}
    seen = set()
    for t in kit.targets:
        w = t["_where"]
        if t["indicator"] not in kinds:
            report(w, f"unknown indicator {t['indicator']!r}")
        if t["region"] and codes and t["region"] not in codes:
            report(w, f"unknown region {t['region']!r}")
        key = (t["indicator"], t["region"])
        if key in seen:
            report(w, f"second target for {key}")
        seen.add(key)
        try:
            v = float(t["target"])
            if kinds.get(t["indicator"]) == "proportion" and not 0 <= v <= 1:
                report(w, f"proportion target {v} outside [0, 1]")
        except ValueError:
            report(w, f"target {t['target']!r} is not a number")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    root = args[0] if args else "surveys/aixin"
    report = Report()
    kit = Kit(root, report)
    kit.scale_by_name = {s["name"]: s for s in kit.scales}
    check_instruments(kit, report)
    check_scales(kit, report)
    check_form_expressions(kit, report)
    check_sheets(kit, report)
    if "--cases" in argv:
        import kitcases
        cases_dir = argv[argv.index("--cases") + 1]
        kitcases.run(kit, cases_dir, report)
    for p in report.problems:
        print(p)
    n_q = sum(len(v) for v in kit.questions.values())
    print(f"{root}: {len(kit.forms)} instruments, {n_q} fields, {len(kit.scales)} scales, "
          f"{len(kit.indicators)} indicators, {len(kit.agreement)} agreement pairs, "
          f"{len(kit.targets)} targets, {len(kit.regions)} regions: {len(report.problems)} problem(s)")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
