#!/usr/bin/env bash
# Times requirement searches through the API: N rounds over a fixed set of queries, prints p50/p95/max in ms.
# Usage: bench-search.sh <base-url> <token> [rounds]
set -euo pipefail
base=$1; token=$2; rounds=${3:-20}
queries=("prompt%20injection" "GOVERN%201.1" "aml.t0051" "privacy" "A.6.2.6" "bias" "data" "LLM0" "monitor" "training%20data")
: > /tmp/bench-times.txt
for ((r = 0; r < rounds; r++)); do
  for q in "${queries[@]}"; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base/api/v1/requirements?q=$q&size=50" >> /tmp/bench-times.txt
  done
done
sort -n /tmp/bench-times.txt | awk '{a[NR]=$1*1000} END {printf "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", NR, a[int(NR*0.5)], a[int(NR*0.95)], a[NR]}'
