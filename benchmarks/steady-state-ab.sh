#!/usr/bin/env bash
# Steady state of `simulate` for two or more jars, alternated (PRODUCT.md §6): per pair and jar, the wall and CPU
# (user + sys) of 1,000,000 runs minus those of 1,000, one thread, through ./msocap (each jar as MSOCAP_JAR, so under the
# launcher's own JVM policy); then each jar's medians.
# Alternating matters on a shared host, whose speed drifts by 10-20% within an hour (benchmarks/README.md, session 18).
#
#   benchmarks/steady-state-ab.sh PAIRS JAR [JAR...]           # e.g. 10 /tmp/before.jar cli/target/msocap.jar
#
# MODEL (default benchmarks/ten-class.yaml) may be set, and MSOCAP_JAVA_OPTS to replace the launcher's policy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pairs=${1:?usage: steady-state-ab.sh PAIRS JAR [JAR...]}
shift
[ $# -ge 1 ] || { echo "usage: steady-state-ab.sh PAIRS JAR [JAR...]" >&2; exit 2; }
model=${MODEL:-$here/benchmarks/ten-class.yaml}
times=$(mktemp)
results=$(mktemp)
trap 'rm -f "$times" "$results"' EXIT
timed() {   # prints "wall cpu" of one simulation
  MSOCAP_JAR="$1" /usr/bin/time -f "%e %U %S" -o "$times" "$here/msocap" simulate "$model" --runs "$2" --threads 1 \
    --format json >/dev/null 2>/dev/null
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$times"
}
for ((i = 1; i <= pairs; i++)); do
  for jar in "$@"; do
    read -r small_wall small_cpu <<<"$(timed "$jar" 1000)"
    read -r large_wall large_cpu <<<"$(timed "$jar" 1000000)"
    echo "$jar $small_wall $small_cpu $large_wall $large_cpu" | awk '{printf "%s: %.3f us/run wall, %.3f us/run CPU (1,000 runs %.2f s, 1,000,000 runs %.2f s wall)\n", $1, $4 - $2, $5 - $3, $2, $4}' \
      | tee -a "$results"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for jar in "$@"; do
  wall=$(awk -v jar="$jar:" '$1 == jar { print $2 }' "$results" | median)
  cpu=$(awk -v jar="$jar:" '$1 == jar { print $5 }' "$results" | median)
  echo "$jar: median of $pairs pairs $wall us/run wall, $cpu us/run CPU"
done
