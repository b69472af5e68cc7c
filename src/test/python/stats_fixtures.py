#!/usr/bin/env python3
"""Writes the reference figures the Java statistics are checked against (src/test/resources/monitor/stats/*.json).

Every figure is computed here with SciPy and numpy exactly as issue 6 defines it; fairness and performance figures,
whose reference libraries (Fairlearn, scikit-learn) are not installed here, are computed with numpy from their
definitions. The Java tests read the committed JSON, so Python is needed only to regenerate:

    python3 src/test/python/stats_fixtures.py          # numpy 2.4, scipy 1.17 were used

Numeric samples are stored as base64 of little-endian float64, so Java reads back the very same doubles.
"""
import base64
import json
import pathlib

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "monitor" / "stats"
RNG = np.random.default_rng(20261125)


def b64(values):
    return base64.b64encode(np.asarray(values, dtype="<f8").tobytes()).decode("ascii")


def psi(ref_counts, cur_counts):
    ref = np.asarray(ref_counts, dtype=float) / np.sum(ref_counts)
    cur = np.asarray(cur_counts, dtype=float) / np.sum(cur_counts)
    ref = np.where(ref == 0, 0.0001, ref)
    cur = np.where(cur == 0, 0.0001, cur)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def numeric_case(name, ref, cur):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    edges = np.quantile(ref, np.arange(1, 10) / 10)
    # bin i is (e(i-1), e(i)]: searchsorted(edges, x, side='left') is the bin index
    ref_counts = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=10)
    cur_counts = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=10)
    n, m = ref.size, cur.size
    d = float(stats.ks_2samp(ref, cur).statistic)
    std = float(np.std(ref, ddof=1)) if n > 1 else float("nan")
    w = float(stats.wasserstein_distance(ref, cur))
    return {
        "name": name,
        "reference": b64(ref),
        "current": b64(cur),
        "binEdges": edges.tolist(),
        "referenceBinCounts": ref_counts.tolist(),
        "currentBinCounts": cur_counts.tolist(),
        "psi": psi(ref_counts, cur_counts),
        "jensenShannon": float(distance.jensenshannon(ref_counts, cur_counts, base=2)),
        "ksStatistic": d,
        "ksPValue": float(stats.kstwobign.sf(np.sqrt(n * m / (n + m)) * d)),
        "wasserstein": w,
        "referenceStandardDeviation": std,
        "wassersteinNormalized": w / std if n > 1 and std > 0 else None,
    }


def numeric_cases():
    normal = RNG.normal
    yield numeric_case("normal vs shifted normal", normal(0, 1, 2000), normal(0.3, 1.2, 1500))
    yield numeric_case("same distribution", normal(5, 2, 3000), normal(5, 2, 3000))
    yield numeric_case("strong shift, tiny p-value", normal(0, 1, 200), normal(2.5, 1, 200))
    yield numeric_case("rounded values with ties", np.round(normal(10, 3, 1000)), np.round(normal(10.5, 3, 800)))
    yield numeric_case("three values only, repeated edges and empty bins",
                       RNG.choice([1.0, 2.0, 3.0], 500, p=[0.7, 0.2, 0.1]),
                       RNG.choice([1.0, 2.0, 3.0, 4.0], 400, p=[0.4, 0.3, 0.2, 0.1]))
    yield numeric_case("small samples", normal(0, 1, 5), normal(0.5, 1, 7))
    yield numeric_case("two reference values", [1.5, -2.25], [0.0])
    yield numeric_case("large samples, log-normal", RNG.lognormal(0, 1, 20000), RNG.lognormal(0.05, 1.1, 25000))
    yield numeric_case("heavy tails: Cauchy vs Student t", RNG.standard_cauchy(5000), RNG.standard_t(2, 4000))
    yield numeric_case("current outside the reference range", normal(0, 1, 300), normal(0, 1, 300) + 100)
    yield numeric_case("same values, no drift", np.arange(100.0), np.arange(100.0)[::-1])


def categorical_case(name, reference, current):
    categories = sorted(set(reference) | set(current))
    ref = np.array([reference.get(c, 0) for c in categories])
    cur = np.array([current.get(c, 0) for c in categories])
    seen = (ref + cur) > 0
    table = np.vstack([ref[seen], cur[seen]])
    if table.shape[1] > 1:
        result = stats.chi2_contingency(table, correction=False)
        chi2, dof, p = float(result.statistic), int(result.dof), float(result.pvalue)
    else:
        chi2, dof, p = 0.0, 0, 1.0
    return {
        "name": name,
        "reference": reference,
        "current": current,
        "categories": categories,
        "chiSquare": chi2,
        "degreesOfFreedom": dof,
        "pValue": p,
        "psi": psi(ref, cur),
        "jensenShannon": float(distance.jensenshannon(ref, cur, base=2)),
    }


def categorical_cases():
    yield categorical_case("three categories, mild drift", {"a": 500, "b": 300, "c": 200},
                           {"a": 450, "b": 350, "c": 250})
    yield categorical_case("a category missing on each side", {"a": 120, "b": 80, "c": 40, "d": 9},
                           {"a": 100, "b": 95, "c": 60, "e": 14})
    yield categorical_case("predicted labels", {"negative": 2110, "neutral": 1320, "positive": 3570},
                           {"negative": 2690, "neutral": 1250, "positive": 3060})
    ref = RNG.integers(0, 400, 40)
    cur = np.maximum(ref + RNG.integers(-60, 80, 40), 0)
    yield categorical_case("forty categories", {f"c{i:02d}": int(v) for i, v in enumerate(ref)},
                           {f"c{i:02d}": int(v) for i, v in enumerate(cur)})
    yield categorical_case("one category", {"only": 10}, {"only": 25})
    yield categorical_case("strong drift, tiny p-value", {"x": 5000, "y": 4000, "z": 1000},
                           {"x": 1000, "y": 4000, "z": 5000})
    yield categorical_case("explicit zero in both windows", {"a": 30, "b": 0, "c": 12},
                           {"a": 20, "b": 0, "c": 25})


def rates(numerator, denominator):
    return float(numerator / denominator) if denominator > 0 else 0.0


def fairness_case(name, groups, predicted, actual):
    groups = np.asarray(groups)
    predicted = np.asarray(predicted)
    names = sorted(set(groups.tolist()))
    figures = []
    for g in names:
        mask = groups == g
        row = {"group": g, "count": int(mask.sum()), "selectionRate": float(np.mean(predicted[mask] == 1))}
        if actual is not None:
            a = np.asarray(actual)[mask]
            p = predicted[mask]
            row["truePositiveRate"] = rates(np.sum((a == 1) & (p == 1)), np.sum(a == 1))
            row["falsePositiveRate"] = rates(np.sum((a != 1) & (p == 1)), np.sum(a != 1))
        figures.append(row)
    selection = np.array([f["selectionRate"] for f in figures])
    case = {
        "name": name,
        "groups": groups.tolist(),
        "predicted": predicted.tolist(),
        "actual": None if actual is None else np.asarray(actual).tolist(),
        "figures": figures,
        "demographicParityDifference": float(selection.max() - selection.min()),
        "disparateImpactRatio": float(selection.min() / selection.max()) if selection.max() > 0 else None,
    }
    if actual is not None:
        tpr = np.array([f["truePositiveRate"] for f in figures])
        fpr = np.array([f["falsePositiveRate"] for f in figures])
        case["equalOpportunityDifference"] = float(tpr.max() - tpr.min())
        case["equalizedOddsDifference"] = float(max(tpr.max() - tpr.min(), fpr.max() - fpr.min()))
    return case


def fairness_cases():
    groups = RNG.choice(["female", "male", "non-binary"], 3000, p=[0.45, 0.45, 0.1])
    bias = np.select([groups == "female", groups == "male"], [0.35, 0.5], 0.42)
    actual = (RNG.random(3000) < 0.45).astype(int)
    predicted = np.where(RNG.random(3000) < 0.8, actual, (RNG.random(3000) < bias).astype(int))
    predicted = np.where(RNG.random(3000) < bias * 0.3, 1, predicted)
    yield fairness_case("three groups without labels", groups, predicted, None)
    yield fairness_case("three groups with labels", groups, predicted, actual)
    yield fairness_case("a group without actual positives and one without negatives",
                        ["a", "a", "a", "b", "b", "b", "c", "c", "c", "c"],
                        [1, 0, 1, 1, 0, 0, 1, 1, 0, 0],
                        [0, 0, 0, 1, 1, 1, 1, 0, 1, 0])
    yield fairness_case("nobody selected", ["x", "y", "y"], [0, 0, 0], None)


def performance_case(name, actual, predicted):
    actual = np.asarray(actual)
    predicted = np.asarray(predicted)
    labels = np.union1d(actual, predicted)
    binary = labels.min() >= 0 and labels.max() <= 1
    averaged = [1] if binary else labels.tolist()
    precision, recall, f1 = [], [], []
    for label in averaged:
        tp = np.sum((actual == label) & (predicted == label))
        fp = np.sum((actual != label) & (predicted == label))
        fn = np.sum((actual == label) & (predicted != label))
        precision.append(rates(tp, tp + fp))
        recall.append(rates(tp, tp + fn))
        f1.append(rates(2 * tp, 2 * tp + fp + fn))
    return {
        "name": name,
        "actual": actual.tolist(),
        "predicted": predicted.tolist(),
        "accuracy": float(np.mean(actual == predicted)),
        "precision": float(np.mean(precision)),
        "recall": float(np.mean(recall)),
        "f1": float(np.mean(f1)),
        "average": "binary" if binary else "macro",
        "labels": [int(label) for label in averaged],
    }


def performance_cases():
    actual = (RNG.random(2000) < 0.3).astype(int)
    predicted = np.where(RNG.random(2000) < 0.85, actual, 1 - actual)
    yield performance_case("binary", actual, predicted)
    actual = RNG.integers(0, 3, 1500)
    predicted = np.where(RNG.random(1500) < 0.7, actual, RNG.integers(0, 3, 1500))
    yield performance_case("three classes", actual, predicted)
    yield performance_case("a class never predicted and one never true", [0, 1, 2, 2, 1, 0, 2], [0, 2, 3, 2, 1, 1, 0])
    yield performance_case("labels 1 and 2 are multi-class", [1, 2, 2, 1, 2], [1, 2, 1, 1, 2])
    yield performance_case("no positive predicted", [0, 1, 1, 0], [0, 0, 0, 0])


def distribution_values():
    xs = [1e-3, 0.02, 0.04, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.82, 0.8200001, 0.9, 1.0, 1.2, 1.5, 2.0, 3.0, 5.0,
          8.0, 12.0, 19.0, 25.0]
    chi = [(0.5, 1), (3.84, 1), (10.0, 1), (60.0, 1), (1e-6, 2), (5.99, 2), (2.0, 3), (30.0, 5), (12.0, 39),
           (39.0, 39), (80.0, 39), (900.0, 39), (950.0, 1000), (1000.0, 1000), (1200.0, 1000), (0.1, 7),
           (2500.0, 3), (7000.0, 2)]
    return {
        "kolmogorov": [{"x": x, "sf": float(stats.kstwobign.sf(x))} for x in xs],
        "chiSquare": [{"statistic": s, "dof": d, "sf": float(stats.chi2.sf(s, d))} for s, d in chi],
    }


def write(name, content):
    OUT.mkdir(parents=True, exist_ok=True)
    content = {"generator": f"src/test/python/stats_fixtures.py, numpy {np.__version__}, scipy {scipy.__version__}",
               **content}
    (OUT / name).write_text(json.dumps(content, indent=1, allow_nan=False) + "\n")


if __name__ == "__main__":
    write("numeric.json", {"cases": list(numeric_cases())})
    write("categorical.json", {"cases": list(categorical_cases())})
    write("fairness.json", {"cases": list(fairness_cases())})
    write("performance.json", {"cases": list(performance_cases())})
    write("distributions.json", distribution_values())
