#!/usr/bin/env sh
# Steady state of `simulate` (PRODUCT.md §6): CPU (user + sys) of 1,000,000 runs minus that of 1,000, one thread,
# through the launcher's JVM policy, printed per repeat with the simulator's phase lines:
#
#   benchmarks/steady-state.sh [JAR] [MODEL] [REPEATS]     # defaults: cli/target/msocap.jar, benchmarks/ten-class.yaml, 3
#
# CPU, not wall time, so that other work on the machine does not count; on a quiet machine the two agree.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$here/cli/target/msocap.jar}
model=${2:-$here/benchmarks/ten-class.yaml}
repeats=${3:-3}
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m -Dmsocap.simulation.phases=true"
cpu() {
  /usr/bin/time -f "%U %S %e" java $opts -jar "$jar" simulate "$model" --runs "$1" --threads 1 --format json \
    2>&1 >/dev/null | grep -v '^msocap: warning' | tee /dev/stderr | tail -n 1 | awk '{printf "%.2f %.2f", $1 + $2, $3}'
}
i=1
while [ "$i" -le "$repeats" ]; do
  small=$(cpu 1000)
  large=$(cpu 1000000)
  echo "$small $large" | awk '{printf "steady state: %.2f us/run (CPU 1k runs %.2f s, 1M runs %.2f s; wall %.2f s, %.2f s)\n", ($3 - $1), $1, $3, $2, $4}'
  i=$((i + 1))
done
