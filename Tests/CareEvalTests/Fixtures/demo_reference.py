"""Reference values for the demo tests (Tests/CareEvalTests/Demo*Tests.swift), computed
with scipy, independently of careeval. Run: python3 demo_reference.py (scipy 1.17)."""
import numpy as np
from scipy.stats import binom, binomtest, norm, t

# DemoModelTests.itemCategoryProbabilitiesAreNormalDistributionDifferences:
# an ordered-probit item with cut-points -1 and 0.5, noise sd 0.8, latent 0.3, sign +1/-1.
for sign in (1, -1):
    a = norm.cdf((-1 - sign * 0.3) / 0.8)
    b = norm.cdf((0.5 - sign * 0.3) / 0.8)
    print("item", sign, repr(a), repr(b - a), repr(1 - b))

# DemoHonestyTests.binomialTestMatchesScipy.
for k, n in [(90, 100), (570, 600), (940, 1000)]:
    print("binomtest", k, n, repr(binomtest(k, n, 0.95).pvalue))


# DemoHonestyTests.logitCoverageMatchesEnumerationWithScipy: exact coverage of the
# STATISTICS.md §5 logit interval (t with n - 1 df, se = sqrt(p(1-p)/(n-1))), with
# Clopper-Pearson bounds for 0 of n and n of n.
def logit_coverage(p, n):
    total = 0.0
    q = t.ppf(0.975, n - 1)
    for k in range(n + 1):
        if k == 0:
            low, high = 0.0, 1 - 0.025 ** (1 / n)
        elif k == n:
            low, high = 0.025 ** (1 / n), 1.0
        else:
            est = k / n
            se = np.sqrt(est * (1 - est) / (n - 1))
            centre, half = np.log(est / (1 - est)), q * se / (est * (1 - est))
            low, high = 1 / (1 + np.exp(-(centre - half))), 1 / (1 + np.exp(-(centre + half)))
        if low <= p <= high:
            total += binom.pmf(k, n, p)
    return total


for p, n in [(0.85, 50), (0.5, 400), (0.97, 200)]:
    print("logit coverage", p, n, repr(logit_coverage(p, n)))
