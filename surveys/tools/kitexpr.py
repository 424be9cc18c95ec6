"""The kit expression language (DESIGN.md §4) in plain Python, for kit authors' checks.

An independent, small implementation: tokenizer, parser with XPath precedence and an
evaluator with the two blank semantics of the design (XLSForm: a blank answer is the
empty string; indicators: a blank answer is missing, with the propagation rules of
docs/expressions.md, including three-valued `and`/`or`).
It is not careeval's engine; it exists so that `check_kit.py` can parse every
expression of a kit and evaluate hand-written cases before the Swift tool is at hand.
"""
import math
import re

FUNCTIONS = {  # name: (min args, max args)
    "selected": (2, 2), "count-selected": (1, 1), "if": (3, 3), "coalesce": (2, 2),
    "string-length": (1, 1), "regex": (2, 2), "number": (1, 1), "int": (1, 1),
    "round": (1, 2), "not": (1, 1),
}
BOOLEAN_OPS = {"or", "and", "=", "!=", "<", "<=", ">", ">="}
BOOLEAN_FUNCS = {"selected", "regex", "not"}


class ExprError(Exception):
    def __init__(self, message, offset):
        super().__init__(f"{message} (at character {offset + 1})")
        self.offset = offset


TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<num>\d+(?:\.\d*)?|\.\d+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<op><=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)
  | (?P<dot>\.)
  | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*)
""", re.VERBOSE)


def tokenize(text):
    pos, out = 0, []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ExprError(f"unexpected character {text[pos]!r}", pos)
        kind = m.lastgroup if m.lastgroup != "refname" else "ref"
        if m.group("ref") is not None:
            kind = "ref"
        if kind != "ws":
            out.append((kind, m.group(0), pos))
        pos = m.end()
    out.append(("end", "", len(text)))
    return out


class Parser:
    """Recursive descent; nodes are tuples: ('num', v) ('str', s) ('ref', name) ('dot',)
    ('call', fname, [args]) ('bin', op, l, r) ('neg', x)."""

    def __init__(self, text):
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self):
        return self.toks[self.i]

    def take(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self):
        if self.peek()[0] == "end":
            raise ExprError("empty expression", 0)
        node = self.binary(0)
        t = self.peek()
        if t[0] != "end":
            raise ExprError(f"unexpected {t[1]!r}", t[2])
        return node

    LEVELS = [("or",), ("and",), ("=", "!="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "div", "mod")]

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while self.peek()[1] in self.LEVELS[level] and self.peek()[0] in ("op", "name"):
            op = self.take()[1]
            node = ("bin", op, node, self.binary(level + 1))
        return node

    def unary(self):
        if self.peek()[1] == "-" and self.peek()[0] == "op":
            self.take()
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        kind, text, pos = self.take()
        if kind == "num":
            return ("num", float(text))
        if kind == "str":
            return ("str", text[1:-1])
        if kind == "ref":
            name = text[2:-1].strip()
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", name):
                raise ExprError(f"bad reference {text!r}", pos)
            return ("ref", name, pos)
        if kind == "dot":
            return ("dot",)
        if kind == "op" and text == "(":
            self.depth += 1
            if self.depth > 64:
                raise ExprError("expression nested too deeply", pos)
            node = self.binary(0)
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name":
            if self.peek()[1] != "(":
                raise ExprError(f"unknown word {text!r} (strings need quotes)", pos)
            if text not in FUNCTIONS:
                raise ExprError(f"unknown function {text}()", pos)
            self.take()
            args = []
            if self.peek()[1] != ")":
                args.append(self.binary(0))
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.binary(0))
            self.expect(")")
            lo, hi = FUNCTIONS[text]
            if not lo <= len(args) <= hi:
                raise ExprError(f"{text}() takes {lo if lo == hi else f'{lo} to {hi}'} arguments, got {len(args)}", pos)
            return ("call", text, args, pos)
        raise ExprError(f"unexpected {text!r}" if text else "expression ends too early", pos)

    def expect(self, sym):
        t = self.take()
        if t[1] != sym:
            raise ExprError(f"expected {sym!r}, found {t[1]!r}" if t[1] else f"expected {sym!r}", t[2])


def parse(text):
    return Parser(text).parse()


def walk(node):
    yield node
    if node[0] == "call":
        for a in node[2]:
            yield from walk(a)
    elif node[0] == "bin":
        yield from walk(node[2])
        yield from walk(node[3])
    elif node[0] == "neg":
        yield from walk(node[1])


def refs(node):
    return [n[1] for n in walk(node) if n[0] == "ref"]


def is_boolean(node, zero_one=False):
    """True/false by its form: comparisons, and/or, not(), selected(), regex(); the
    literals 0 and 1 next to a true/false branch of if() or coalesce()."""
    if (node[0] == "bin" and node[1] in BOOLEAN_OPS) or (node[0] == "call" and node[1] in BOOLEAN_FUNCS):
        return True
    if zero_one and node[0] == "num" and node[1] in (0.0, 1.0):
        return True
    if node[0] == "call" and node[1] in ("if", "coalesce"):
        branches = node[2][1:] if node[1] == "if" else node[2]
        if all(b[0] == "num" for b in branches):
            return all(b[1] in (0.0, 1.0) for b in branches) and len(branches) == 2 and node[1] == "if"
        return all(is_boolean(b, zero_one=True) for b in branches)
    return False


# ---- evaluation -------------------------------------------------------------------

def to_num(v):
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, list):
        v = " ".join(v)
    try:
        return float(v.strip()) if v.strip() else math.nan
    except ValueError:
        return math.nan


def to_str(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else repr(v)
    if isinstance(v, list):
        return " ".join(v)
    return v


def to_bool(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return v != 0 and not math.isnan(v)
    return len(to_str(v)) > 0


def tokens_of(v):
    return v if isinstance(v, list) else to_str(v).split()


M = None  # a missing value (indicator semantics only)


def evaluate(node, lookup, dot=None, indicator=False):
    """lookup(name) -> the answer, or None / '' when blank or not asked.

    XLSForm semantics (indicator=False): a blank is the empty string.
    Indicator semantics (indicator=True): a blank is missing (None) and missing
    propagates as docs/expressions.md states: a comparison with a literal '' treats
    it as ''; coalesce() and string-length() handle it; `and`/`or` are three-valued
    (false and M = false, true or M = true); if() is missing when its condition is;
    a final number that is not finite is missing."""

    def blank(v):
        return v is None or (isinstance(v, str) and v == "")

    def ev(n):
        k = n[0]
        if k in ("num", "str"):
            return n[1]
        if k in ("dot", "ref"):
            v = dot if k == "dot" else lookup(n[1])
            if blank(v):
                return M if indicator else ""
            return v
        if k == "neg":
            v = ev(n[1])
            return M if v is M else -to_num(v)
        if k == "bin":
            op = n[1]
            if op in ("and", "or"):
                decisive = op == "or"
                a = ev(n[2])
                a = M if a is M else to_bool(a)
                if a is decisive:
                    return decisive
                b = ev(n[3])
                b = M if b is M else to_bool(b)
                if b is decisive:
                    return decisive
                return M if a is M or b is M else (not decisive)
            a, b = ev(n[2]), ev(n[3])
            if op in ("=", "!=") and (n[2] == ("str", "") or n[3] == ("str", "")):
                a = "" if a is M else a
                b = "" if b is M else b
            if a is M or b is M:
                return M
            if op in ("=", "!="):
                if isinstance(a, bool) or isinstance(b, bool):
                    eq = to_bool(a) == to_bool(b)
                elif isinstance(a, float) or isinstance(b, float):
                    eq = to_num(a) == to_num(b)
                else:
                    eq = to_str(a) == to_str(b)
                return eq if op == "=" else not eq
            x, y = to_num(a), to_num(b)
            if op == "<":
                return x < y
            if op == "<=":
                return x <= y
            if op == ">":
                return x > y
            if op == ">=":
                return x >= y
            if op == "+":
                return x + y
            if op == "-":
                return x - y
            if op == "*":
                return x * y
            if op == "div":
                return x / y if y != 0 else (math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x))
            if op == "mod":
                return math.fmod(x, y) if y != 0 else math.nan
        if k == "call":
            f, args = n[1], n[2]
            if f == "if":
                c = ev(args[0])
                if c is M:
                    return M
                return ev(args[1]) if to_bool(c) else ev(args[2])
            if f == "coalesce":
                a = ev(args[0])
                return a if a is not M and to_str(a) != "" else ev(args[1])
            if f == "string-length":
                v = ev(args[0])
                return float(len("" if v is M else to_str(v)))
            vals = [ev(a) for a in args]
            if any(v is M for v in vals):
                return M
            if f == "selected":
                return to_str(vals[1]) in tokens_of(vals[0])
            if f == "count-selected":
                return float(len(tokens_of(vals[0])))
            if f == "not":
                return not to_bool(vals[0])
            if f == "regex":
                return re.search(to_str(vals[1]), to_str(vals[0])) is not None
            if f == "number":
                return to_num(vals[0])
            if f == "int":
                x = to_num(vals[0])
                return float(math.trunc(x)) if math.isfinite(x) else x
            if f == "round":
                x = to_num(vals[0])
                digits = int(to_num(vals[1])) if len(vals) > 1 else 0
                return math.floor(x * 10 ** digits + 0.5) / 10 ** digits if math.isfinite(x) else x
        raise AssertionError(n)

    result = ev(node)
    if indicator and isinstance(result, float) and not math.isfinite(result):
        return M
    return result
