"""Generated-fixture cross-check for the SurveyScoring estimators.

Makes a stratified, clustered sample with domains, missing values, zero weights,
a PSU whose answers are all missing and a lonely stratum, and writes

  Tests/SurveyScoringTests/Fixtures/reference_data.csv       the rows
  Tests/SurveyScoringTests/Fixtures/reference_estimates.csv  the expected estimates

The expected values follow STATISTICS.md and are computed here directly from its
formulas with numpy; every estimate and SE is then checked against an independent
implementation before anything is written:
  - Taylor designs: samplics TaylorEstimator on ALL rows, with missing y filled in
    and moved into an "out" domain (not remove_nan, STATISTICS.md section 11), and
    the "adjust" lonely-PSU rule reproduced by giving each lonely stratum a phantom
    PSU that lies outside every domain;
  - no design: statsmodels DescrStatsW(y_d).mean and .std_mean;
  - q-values: statsmodels multipletests(method="fdr_bh").
Degrees of freedom are the domain df of section 4 (samplics would use the whole
design's df); intervals and p-values use scipy's t distribution.
Run through `make reference`.
"""
import csv
import math
import pathlib
import warnings

import numpy as np
from samplics.estimation import TaylorEstimator
from samplics.utils.types import PopParam, SinglePSUEst
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import DescrStatsW

warnings.filterwarnings("ignore")  # samplics announces it is archived
FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/SurveyScoringTests/Fixtures"
LEVEL = 0.95
K = 5
TARGETS = {"y_mean": 50.0, "y_prop": 0.6}
KINDS = {"y_mean": "mean", "y_prop": "proportion"}
# design name -> (uses weights/strata/psu, has psu column, lonely-PSU rule)
DESIGNS = {
    "taylor": (True, True, "adjust"),
    "taylor_remove": (True, True, "remove"),
    "taylor_rowpsu": (True, False, "adjust"),
    "none": (False, False, None),
}


def make_rows(seed=20261129):
    """Strata S1-S4 with 2-6 PSUs each and S5 with a single PSU; counties C1-C4 in
    cities X1 (C1, C2) and X2 (C3, C4, C5), where C5 is exactly the PSU s4p1 (df 0);
    groups g1/g2, some blank, and a small group g3 whose y_prop is always 1 (a p = 1
    domain), and a rare group g4 (suppressed)."""
    rng = np.random.default_rng(seed)
    rows = []
    psu_counts = {"S1": 2, "S2": 4, "S3": 6, "S4": 3, "S5": 1}
    for stratum, count in psu_counts.items():
        level = {"S1": 42.0, "S2": 48.0, "S3": 51.0, "S4": 55.0, "S5": 60.0}[stratum]
        for j in range(count):
            psu = f"{stratum.lower()}p{j + 1}"
            size = int(rng.integers(6, 26))
            county = f"C{int(rng.integers(1, 5))}"
            all_missing = stratum == "S3" and j == 2
            for _ in range(size):
                weight = float(np.round(rng.uniform(0.5, 6.0), 3))
                if rng.uniform() < 0.04:
                    weight = 0.0
                if rng.uniform() < 0.3:  # some rows live in another county of the PSU's area
                    county = f"C{int(rng.integers(1, 5))}"
                if psu == "s4p1":
                    county = "C5"
                group = ["g1", "g2", ""][int(rng.integers(0, 3))]
                if rng.uniform() < 0.08:
                    group = "g3"
                elif rng.uniform() < 0.015:
                    group = "g4"  # a handful of rows: suppressed
                y_mean = float(np.round(level + rng.normal(0, 8), 2))
                y_prop = float(rng.uniform() < 0.35 + (level - 40) / 50)
                if group == "g3":
                    y_prop = 1.0
                if all_missing or rng.uniform() < 0.1:
                    y_mean = math.nan
                if all_missing or rng.uniform() < 0.1:
                    y_prop = math.nan
                rows.append(dict(stratum=stratum, psu=psu, weight=weight, county=county,
                                 group=group, y_mean=y_mean, y_prop=y_prop))
    for index, row in enumerate(rows):
        row["row"] = index + 1
        row["city"] = "X1" if row["county"] in ("C1", "C2") else "X2"
    return rows


def domains_of(row):
    """(domain label, level, family) of every domain the row belongs to."""
    result = [("all", "all", "overall"),
              (f"county={row['county']}", "county", "county"),
              (f"city={row['city']}", "city", "city")]
    if row["group"]:
        result.append((f"group={row['group']}", "all", "all-group"))
        result.append((f"city={row['city']}&group={row['group']}", "city", "city-group"))
    return result


def taylor(y, w, strata, psus, member, lonely):
    """STATISTICS.md 2-4 for one domain on the whole file: (n, positives, est, se, df)."""
    respond = member & ~np.isnan(y) & (w > 0)
    n = int(respond.sum())
    if n == 0:
        return 0, 0, None, None, None
    yy = np.where(respond, y, 0.0)
    total = w[respond].sum()
    est = (w[respond] * y[respond]).sum() / total
    z = np.where(respond, w * (yy - est) / total, 0.0)
    variance = 0.0
    for h in np.unique(strata):
        in_h = strata == h
        units = np.unique(psus[in_h])
        t = np.array([z[in_h & (psus == u)].sum() for u in units])
        if len(units) == 1:
            variance += t[0] ** 2 if lonely == "adjust" else 0.0
        else:
            variance += len(units) / (len(units) - 1) * ((t - t.mean()) ** 2).sum()
    keys = set(zip(strata[respond], psus[respond]))
    df = len(keys) - len({h for h, _ in keys})
    return n, int((yy[respond] == 1).sum()), est, math.sqrt(variance), df


def samplics_check(y, w, strata, psus, member, lonely, kind, est, se):
    """Runs samplics on all rows and asserts it matches est and se."""
    respond = member & ~np.isnan(y) & (w > 0)
    domain = np.where(respond, "in", "out")
    # Filled with 1, not 0: samplics divides by the "out" estimate (coef_var), and
    # values outside the domain do not enter its estimate or SE.
    yy, ww, hh, pp = np.where(np.isnan(y), 1.0, y), w.copy(), strata.copy(), psus.copy()
    if lonely == "adjust":  # a phantom PSU outside every domain in each lonely stratum
        for h in np.unique(strata):
            if len(np.unique(psus[strata == h])) == 1:
                yy, ww = np.append(yy, 1.0), np.append(ww, 1.0)
                hh, pp = np.append(hh, h), np.append(pp, f"{h}-phantom")
                domain = np.append(domain, "out")
    estimator = TaylorEstimator(PopParam.mean if kind == "mean" else PopParam.prop)
    rule = SinglePSUEst.skip if lonely == "remove" else SinglePSUEst.error
    estimator.estimate(yy, ww, stratum=hh, psu=pp, domain=domain, single_psu=rule)
    point, error = estimator.point_est["in"], estimator.stderror["in"]
    if kind == "proportion":
        point, error = point.get(1.0, 0.0), error.get(1.0, 0.0)
    assert math.isclose(point, est, rel_tol=1e-10), (point, est)
    assert math.isclose(error, se, rel_tol=1e-9, abs_tol=1e-14), (error, se)


def no_design(y, member):
    values = y[member & ~np.isnan(y)]
    n = len(values)
    if n == 0:
        return 0, 0, None, None, None
    described = DescrStatsW(values)
    se = float(described.std_mean) if n > 1 else None
    return n, int((values == 1).sum()), float(described.mean), se, n - 1


def inference(kind, n, positives, est, se, df, target):
    """CI, one-sided p-value (higher is better) and status of STATISTICS.md 5-7."""
    a = (1 - LEVEL) / 2
    low = high = p = None
    if n > 0 and se is not None and df >= 1:
        q = stats.t.ppf(1 - a, df)
        if kind == "proportion" and positives == 0:
            low, high = 0.0, 1 - a ** (1 / n)
        elif kind == "proportion" and positives == n:
            low, high = a ** (1 / n), 1.0
        elif kind == "mean" or se == 0:
            low, high = est - q * se, est + q * se
        else:
            logit = math.log(est / (1 - est))
            half = q * se / (est * (1 - est))
            low, high = 1 / (1 + math.exp(-(logit - half))), 1 / (1 + math.exp(-(logit + half)))
        if kind == "proportion" and positives == 0:
            p = (1 - target) ** n
        elif kind == "proportion" and positives == n:
            p = 1.0
        elif se == 0:
            p = 0.0 if est < target else 1.0
        elif kind == "mean":
            p = stats.t.cdf((est - target) / se, df)
        else:
            statistic = (math.log(est / (1 - est)) - math.log(target / (1 - target))) / (se / (est * (1 - est)))
            p = stats.t.cdf(statistic, df)
    if n < K:
        return low, high, None, "suppressed"
    if low is None:
        return low, high, None, "indeterminate"
    status = "shortfall" if high < target else "possible_shortfall" if est < target else "meets"
    return low, high, p, status


def main():
    rows = make_rows()
    strata = np.array([r["stratum"] for r in rows])
    psus = np.array([r["psu"] for r in rows])
    row_psus = np.array([str(r["row"]) for r in rows])
    weights = np.array([r["weight"] for r in rows])
    memberships = {}
    for index, row in enumerate(rows):
        for label, level, family in domains_of(row):
            memberships.setdefault((label, level, family), np.zeros(len(rows), bool))[index] = True
    results = []
    for design, (weighted, has_psu, lonely) in DESIGNS.items():
        for variable, kind in KINDS.items():
            y = np.array([r[variable] for r in rows])
            target = TARGETS[variable]
            for (label, level, family), member in sorted(memberships.items()):
                if weighted:
                    units = psus if has_psu else row_psus
                    n, positives, est, se, df = taylor(y, weights, strata, units, member, lonely)
                    if n > 0:
                        samplics_check(y, weights, strata, units, member, lonely, kind, est, se)
                else:
                    n, positives, est, se, df = no_design(y, member)
                low, high, p, status = inference(kind, n, positives, est, se, df, target)
                results.append(dict(design=design, variable=variable, domain=label, level=level,
                                    family=family, n=n, estimate=est, se=se, df=df, ci_low=low,
                                    ci_high=high, target=target, status=status, p_value=p))
    families = {}
    for index, result in enumerate(results):
        if result["status"] != "suppressed" and result["p_value"] is not None:
            families.setdefault((result["design"], result["variable"], result["family"]), []).append(index)
    for members in families.values():
        adjusted = multipletests([results[i]["p_value"] for i in members], method="fdr_bh")[1]
        for i, q in zip(members, adjusted):
            results[i]["q_value"] = float(q)
    write(rows, results)


def cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return repr(float(value)) if isinstance(value, (float, np.floating)) else str(value)


def write(rows, results):
    data_columns = ["row", "stratum", "psu", "weight", "county", "city", "group", "y_mean", "y_prop"]
    with (FIXTURES / "reference_data.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(data_columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in data_columns])
    columns = ["design", "variable", "domain", "level", "family", "n", "estimate", "se", "df",
               "ci_low", "ci_high", "target", "status", "p_value", "q_value"]
    with (FIXTURES / "reference_estimates.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for result in results:
            writer.writerow([cell(result.get(c)) for c in columns])
    print(f"wrote {len(rows)} rows and {len(results)} expected estimates to {FIXTURES}")


if __name__ == "__main__":
    main()
