#!/usr/bin/env sh
# Steady state of `simulate` (PRODUCT.md §6): CPU (user + sys) of 1,000,000 runs minus that of 1,000, one thread,
# through ./msocap (the jar as MSOCAP_JAR: the launcher's JVM policy), and the simulator's CPU per phase for the
# 1,000,000 runs:
#
#   benchmarks/steady-state.sh [JAR] [MODEL] [REPEATS]     # defaults: cli/target/msocap.jar, benchmarks/ten-class.yaml, 3
#
# CPU, not wall time, so that other work on the machine counts less; on a quiet machine the two agree.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$here/cli/target/msocap.jar}
model=${2:-$here/benchmarks/ten-class.yaml}
repeats=${3:-3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cpu() {
  # The phase clock's switch through JAVA_TOOL_OPTIONS, which leaves the launcher's options as they are.
  JAVA_TOOL_OPTIONS=-Dmsocap.simulation.phases=true MSOCAP_JAR="$jar" /usr/bin/time -f "time %U %S %e" "$here/msocap" \
    simulate "$model" --runs "$1" --threads 1 --format json 2>"$log" >/dev/null
  awk '/^time/ {printf "%.2f", $2 + $3}' "$log"
}
i=1
while [ "$i" -le "$repeats" ]; do
  small=$(cpu 1000)
  large=$(cpu 1000000)
  grep '^msocap phase' "$log" | sed 's/^/  1M runs: /'
  echo "$small $large" | awk '{printf "steady state: %.2f us/run (CPU of 1,000 runs %.2f s, of 1,000,000 runs %.2f s)\n", $2 - $1, $1, $2}'
  i=$((i + 1))
done
