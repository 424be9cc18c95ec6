"""Expected values of the tiny evaluation (data/ scored with kit/), from the formulas of
STATISTICS.md, with nothing but the Python standard library. EvaluationTests hard-codes
the numbers this prints; run `python3 expected.py` to see them again.

No design (a census): est = mean, se = s/sqrt(n), df = n - 1 (STATISTICS.md 3a, 4);
logit interval with the t quantiles of STATISTICS.md 13 (df 2 and 5); Cronbach's alpha
(9) and Cohen's kappa (10) from their definitions.
"""
import math

T975 = {2: 4.30265272975, 5: 2.57058183564}  # STATISTICS.md 13


def mean_se(values):
    n = len(values)
    m = sum(values) / n
    s2 = sum((y - m) ** 2 for y in values) / (n - 1)
    return n, m, math.sqrt(s2 / n), n - 1


def logit_ci(p, se, df):
    q = T975[df]
    centre = math.log(p / (1 - p))
    half = q * se / (p * (1 - p))
    expit = lambda u: 1 / (1 + math.exp(-u))
    return expit(centre - half), expit(centre + half)


# Scale "mood": items mood1 mood2 mood3, mood3 reversed as 1 + 4 - x (choice values 1..4),
# mean of the valid items, at least 2 valid.
answers = {
    "C01": (4, 3, 1), "C02": (3, 3, 2), "C03": (2, 2, 4), "C05": (1, None, 4),
    "C06": (4, 4, 1), "C07": (3, None, None), "C08": (2, 3, 3),
}
items = {c: (a, b, None if r is None else 5 - r) for c, (a, b, r) in answers.items()}
mood = {}
for c, xs in items.items():
    valid = [x for x in xs if x is not None]
    mood[c] = sum(valid) / len(valid) if len(valid) >= 2 else None
print("mood", mood)

county = {"C01": "X", "C02": "X", "C03": "X", "C04": "X", "C05": "Y", "C06": "Y", "C07": "Y", "C08": "Y"}
paired = {"C01": 1, "C02": 1, "C03": 1, "C04": 0, "C05": 1, "C06": 1, "C07": 1, "C08": 0}
contact = {"C01": "weekly", "C02": "weekly", "C03": "monthly", "C05": "never", "C06": "weekly",
           "C07": "monthly", "C08": "never"}
g_contact = {"C01": "weekly", "C02": "monthly", "C03": "monthly", "C05": "never", "C06": "weekly",
             "C08": "monthly"}

print("paired all", mean_se(list(paired.values())))
print("paired X", mean_se([paired[c] for c in paired if county[c] == "X"]))
weekly = {c: int(contact.get(c) == "weekly") for c in paired if paired[c] == 1 and c in contact}
n, p, se, df = mean_se(list(weekly.values()))
print("weekly all", (n, p, se, df), "ci", logit_ci(p, se, df))
n, p, se, df = mean_se([weekly[c] for c in weekly if county[c] == "Y"])
print("weekly Y", (n, p, se, df), "ci", logit_ci(p, se, df))
print("mood_mean all", mean_se([m for m in mood.values() if m is not None]))
print("mood_mean X", mean_se([mood[c] for c in mood if mood[c] is not None and county[c] == "X"]))

# Cronbach's alpha over complete rows (after reversing).
rows = [xs for xs in items.values() if None not in xs]
k = 3
def var(v):
    m = sum(v) / len(v)
    return sum((x - m) ** 2 for x in v) / (len(v) - 1)
alpha = k / (k - 1) * (1 - sum(var([r[j] for r in rows]) for j in range(k)) / var([sum(r) for r in rows]))
print("alpha all", len(rows), alpha)

# Cohen's kappa and its asymptotic SE (Fleiss, Cohen and Everitt 1969).
pairs = [(contact[c], g_contact[c]) for c in contact if c in g_contact]
n = len(pairs)
cats = sorted(set(a for a, _ in pairs) | set(b for _, b in pairs))
p = {(a, b): sum(1 for x in pairs if x == (a, b)) / n for a in cats for b in cats}
row = {a: sum(p[(a, b)] for b in cats) for a in cats}
col = {b: sum(p[(a, b)] for a in cats) for b in cats}
po = sum(p[(a, a)] for a in cats)
pe = sum(row[a] * col[a] for a in cats)
kappa = (po - pe) / (1 - pe)
s = sum(p[(a, a)] * (1 - (row[a] + col[a]) * (1 - kappa)) ** 2 for a in cats)
s += (1 - kappa) ** 2 * sum(p[(a, b)] * (col[a] + row[b]) ** 2 for a in cats for b in cats if a != b)
se = math.sqrt((s - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2))
print("kappa all", n, po, kappa, se)
