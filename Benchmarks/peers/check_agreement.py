"""Do crisis-sim and the SimPy peer agree on the core pathway? Exit 1 when they do not.

Runs both on the same scenario with N replications each (crisis-sim: `crisis-sim run FILE
--replications N --output DIR`, read from DIR/summary.csv; SimPy: crisis_simpy.py) and
compares each KPI's mean. The two use different random numbers, so their means differ by
noise; a KPI disagrees when the Welch interval of the difference of means excludes zero at a
Bonferroni-corrected level (familywise 95% over the KPIs compared), so that a correct pair of
models fails the check about 1 run in 20 at most rather than 1 in 20 per KPI. The table also
gives each model's own 95% interval (Student t).

Run from anywhere:
  python3 Benchmarks/peers/check_agreement.py                       # 50 replications each
  python3 Benchmarks/peers/check_agreement.py --replications 100 --crisis-sim .build/release/crisis-sim
"""
import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import crisis_simpy  # noqa: E402  (beside this file)


# ---------------------------------------------------------------- Student t, without SciPy

def _betacf(a, b, x):
    """Continued fraction of the regularised incomplete beta (Numerical Recipes, 6.4)."""
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > 1e-300 else 1e-300)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1 + aa * d
            d = 1 / (d if abs(d) > 1e-300 else 1e-300)
            c = 1 + aa / c
            c = c if abs(c) > 1e-300 else 1e-300
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


def _betai(a, b, x):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    tail = 0.5 * _betai(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


def t_quantile(p, df):
    """The p quantile (p > 0.5) of Student's t with df degrees of freedom, by bisection."""
    lo, hi = 0.0, 1000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def describe(values):
    """(n, mean, sd) of the finite values."""
    xs = [v for v in values if math.isfinite(v)]
    n = len(xs)
    mean = sum(xs) / n if n else float("nan")
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (n - 1)) if n > 1 else float("nan")
    return n, mean, sd


def half_width(n, sd, level=0.95):
    return t_quantile(1 - (1 - level) / 2, n - 1) * sd / math.sqrt(n) if n > 1 else float("nan")


# ---------------------------------------------------------------- the two models

def run_crisis_sim(command, scenario, replications, seed, folder):
    args = command + ["run", scenario, "--replications", str(replications), "--seed", str(seed),
                      "--output", folder, "--quiet"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(folder, "summary.csv"), newline="") as f:
        # The whole-system rows (stratum "all"), not those per area or cohort.
        rows = {row["kpi"]: row for row in csv.DictReader(f) if row["stratum"] == "all"}
    return rows


def release_binary():
    """Builds crisis-sim as the Makefile's release builds do (`swift run` takes no
    --static-swift-stdlib, and a build without it would relink theirs) and returns its path."""
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--package-path", ROOT]
    subprocess.run(build + ["--product", "crisis-sim"], check=True)
    folder = subprocess.run(build + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(folder, "crisis-sim")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=os.path.join(HERE, "core-pathway.yaml"))
    parser.add_argument("--replications", type=int, default=50)
    parser.add_argument("--seed", type=int, default=42, help="master seed for both (their random numbers differ anyway)")
    parser.add_argument("--crisis-sim", help="a crisis-sim binary (default: a release build, the Swift runtime linked statically as the Makefile builds it)")
    parser.add_argument("--familywise", type=float, default=0.95, help="confidence over all KPIs together")
    args = parser.parse_args()
    if args.replications < 2:
        parser.error("--replications must be at least 2")

    command = [args.crisis_sim] if args.crisis_sim else [release_binary()]
    with tempfile.TemporaryDirectory() as folder:
        print(f"crisis-sim: {args.replications} replications of {args.scenario}", flush=True)
        ours = run_crisis_sim(command, args.scenario, args.replications, args.seed, folder)
    print(f"SimPy {crisis_simpy.simpy.__version__}: {args.replications} replications", flush=True)
    p = crisis_simpy.Parameters(crisis_simpy.load_scenario(args.scenario))
    peer_rows = [crisis_simpy.run_replication(p, args.seed, r) for r in range(args.replications)]

    level = 1 - (1 - args.familywise) / len(crisis_simpy.KPIS)
    print(f"\nA KPI disagrees when the Welch {100 * level:.2f}% interval of the difference excludes 0 "
          f"({100 * args.familywise:.0f}% over {len(crisis_simpy.KPIS)} KPIs, Bonferroni)\n")
    header = f"{'KPI':<36} {'crisis-sim (95% CI)':>28} {'SimPy (95% CI)':>28} {'difference (Welch CI)':>32}  verdict"
    print(header)
    failures = []
    for kpi in crisis_simpy.KPIS:
        row = ours.get(kpi)
        if row is None:
            print(f"{kpi:<36} not in crisis-sim's summary.csv")
            failures.append(kpi)
            continue
        n1, m1, s1 = int(row["replications"]), float(row["mean"]), float(row["sd"] or "nan")
        n2, m2, s2 = describe([r[kpi] for r in peer_rows])
        h1, h2 = half_width(n1, s1), half_width(n2, s2)
        diff = m2 - m1
        v1, v2 = s1 * s1 / n1, s2 * s2 / n2
        if v1 + v2 == 0:  # both constant (e.g. every admission gatekept): agree only if equal
            dh, ok = 0.0, abs(diff) <= 1e-9 * max(1.0, abs(m1))
        else:
            df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
            dh = t_quantile(1 - (1 - level) / 2, df) * math.sqrt(v1 + v2)
            ok = abs(diff) <= dh
        if not ok:
            failures.append(kpi)
        print(f"{kpi:<36} {m1:>10.4g} ({m1 - h1:>7.4g} to {m1 + h1:<7.4g}) {m2:>10.4g} ({m2 - h2:>7.4g} to {m2 + h2:<7.4g}) "
              f"{diff:>+12.4g} ({diff - dh:>+8.4g} to {diff + dh:<+8.4g})  {'agree' if ok else 'DISAGREE'}")
    print()
    if failures:
        print(f"crisis-sim and SimPy disagree on {len(failures)} KPI(s): {', '.join(failures)}")
        sys.exit(1)
    print("crisis-sim and SimPy agree on every KPI compared")


if __name__ == "__main__":
    main()
