#!/usr/bin/env bash
# Drift benchmark of issue 6: all figures for one numeric feature (1,000,000 reference and 1,000,000 current values,
# already in memory) in Java, side by side with scipy.stats.ks_2samp alone on the very same data, in one run.
# Usage: .ci/bench-drift.sh [n] [rounds]   (needs python3 with numpy and scipy; run from the repository root)
set -euo pipefail
n=${1:-1000000}; rounds=${2:-15}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$n" <<'PY'
import sys, numpy as np
rng = np.random.default_rng(6)
n = int(sys.argv[2])
rng.normal(0.0, 1.0, n).astype("<f8").tofile(f"{sys.argv[1]}/reference.f64")
rng.normal(0.05, 1.1, n).astype("<f8").tofile(f"{sys.argv[1]}/current.f64")
PY
./mvnw -B -q -DskipTests test-compile >/dev/null
"$JAVA_HOME/bin/java" -cp target/classes:target/test-classes dev.aegis.monitor.stats.DriftBenchmark \
    "$dir/reference.f64" "$dir/current.f64" "$rounds"
python3 - "$dir" "$rounds" <<'PY'
import sys, time, numpy as np, scipy
from scipy import stats
ref = np.fromfile(f"{sys.argv[1]}/reference.f64", dtype="<f8")
cur = np.fromfile(f"{sys.argv[1]}/current.f64", dtype="<f8")
rounds = int(sys.argv[2])
times = []
for _ in range(rounds):
    start = time.perf_counter()
    result = stats.ks_2samp(ref, cur)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"scipy {scipy.__version__} ks_2samp alone  n={ref.size} m={cur.size}: min {times[0]:.0f} ms, "
      f"median {times[len(times) // 2]:.0f} ms over {rounds} rounds")
print(f"  D={result.statistic:.6f} p={result.pvalue:.3g}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
