"""Student t CDF and quantile reference values for the Swift tests.

Writes Tests/SurveyScoringTests/Fixtures/t_values.csv with one row per check:
  kind  = cdf (x is t, expected P(T <= t)) or quantile (x is p, expected t),
  df    = degrees of freedom (often not an integer),
  mpmath = 50-digit value from mpmath's regularized incomplete beta,
  scipy  = scipy.stats.t value (for comparison; the test uses mpmath).
Run through `make reference`.
"""
import csv
import pathlib

import mpmath
from scipy import stats

mpmath.mp.dps = 50
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SurveyScoringTests/Fixtures/t_values.csv"

DFS = [0.1, 0.3, 0.5, 1, 1.5, 2, 2.7, 3, 4, 5, 7, 9, 11.91109012172, 19.67820481569,
       20, 24.5, 30, 57.5, 100, 1000, 12345.6, 1e5, 1e6, 1e7]
TS = [-200, -40, -12.7, -6.2, -5, -2.5, -1.96, -1, -0.3, -1e-3, 0, 0.05, 0.7, 1.5, 2.2, 3.3, 4.4, 8, 25]
PS = [1e-10, 1e-6, 1e-3, 0.005, 0.025, 0.05, 0.2, 0.45, 0.5, 0.6, 0.9, 0.975, 0.995, 0.999999]


def cdf_mp(t, df):
    """P(T <= t), with enough working digits that a tiny tail keeps 30 significant ones."""
    digits = 50
    while True:
        with mpmath.workdps(digits):
            value = cdf_at_precision(t, df)
        smallest = min(value, 1 - value)
        if smallest == 0 or -mpmath.log10(smallest) + 30 < digits:
            return value
        digits = int(-mpmath.log10(smallest)) + 60


def cdf_at_precision(t, df):
    """P(T <= t) = 1/2 I_x(df/2, 1/2), x = df/(df + t^2), for t <= 0 (mirror above).

    Away from x < 1/2 the complement 1 - I_y(1/2, df/2) is used, which loses as many
    digits as the tail is small: cdf_mp raises the precision to make up for it."""
    t = mpmath.mpf(t)
    df = mpmath.mpf(df)
    if t == 0:
        return mpmath.mpf(1) / 2
    half = mpmath.mpf(1) / 2
    x = df / (df + t * t)
    y = t * t / (df + t * t)
    if x < half:
        tail = mpmath.betainc(df / 2, half, 0, x, regularized=True) / 2
    else:
        tail = (1 - mpmath.betainc(half, df / 2, 0, y, regularized=True)) / 2
    return tail if t < 0 else 1 - tail


def quantile_mp(p, df):
    """Root of cdf_mp(t) = p, searched in w = asinh(t) so that huge quantiles
    (df 0.1, p 1e-10 gives |t| ~ 1e90) stay well scaled; bracketed from scipy's value."""
    if p == 0.5:
        return mpmath.mpf(0)
    p = mpmath.mpf(p)
    centre = mpmath.asinh(stats.t.ppf(float(p), df))
    gap = mpmath.mpf("0.01")
    g = lambda w: cdf_mp(mpmath.sinh(w), df) - p
    while g(centre - gap) * g(centre + gap) > 0:
        gap *= 2
    root = mpmath.findroot(g, (centre - gap, centre + gap), solver="anderson")
    return mpmath.sinh(root)


def main():
    rows = []
    for df in DFS:
        for t in TS:
            rows.append(("cdf", df, t, cdf_mp(t, df), stats.t.cdf(t, df)))
        for p in PS:
            rows.append(("quantile", df, p, quantile_mp(p, df), stats.t.ppf(p, df)))
    with OUT.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["kind", "df", "x", "mpmath", "scipy"])
        for kind, df, x, exact, sci in rows:
            writer.writerow([kind, repr(float(df)), repr(float(x)),
                             mpmath.nstr(exact, 20, min_fixed=-1, max_fixed=1, strip_zeros=False),
                             repr(float(sci))])
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
