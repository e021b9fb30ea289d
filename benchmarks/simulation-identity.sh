#!/usr/bin/env bash
# Every output a change to the simulation must leave byte for byte as it was, for one jar: simulation-outputs.sh's
# examples (20,000 runs, seeds 1 and 7), then on one and two threads ten-class at 1,000,000 runs (seed 7) and 200,000
# with --holders top:3 (seed 3), the large and large-LLC benchmark tables at 200,000 runs (seeds 1 and 7), and the three
# deal-event examples at 200,000 runs (seed 5). Compare two builds' directories with diff -r:
#
#   benchmarks/simulation-identity.sh /tmp/before.jar /tmp/before
#   benchmarks/simulation-identity.sh cli/target/msocap.jar /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# The large tables are written by the benchmark jar (./mvnw -B -Pbench -pl benchmarks -am package -DskipTests) into the
# output directory's parent unless LARGE_DIR holds large.yaml and large-llc.yaml. The launcher's JVM options.
set -euo pipefail
jar=${1:?usage: simulation-identity.sh JAR OUTPUT_DIR}
out=${2:?usage: simulation-identity.sh JAR OUTPUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
opts="-XX:TieredStopAtLevel=1 -Dmsocap.integerLines=false -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m"
large=${LARGE_DIR:-$(dirname "$out")}
for m in large large-llc; do
  if [ ! -f "$large/$m.yaml" ]; then
    [ -f "$here/benchmarks/target/benchmarks.jar" ] || {
      echo "simulation-identity.sh: $large/$m.yaml is missing and the benchmark jar that writes it is not built:" >&2
      echo "  ./mvnw -B -Pbench -pl benchmarks -am package -DskipTests   (or set LARGE_DIR)" >&2
      exit 2
    }
    kind=""; [ "$m" = large-llc ] && kind=llc
    java -cp "$here/benchmarks/target/benchmarks.jar" org.msocap.benchmarks.WriteLargeSimulation "$large/$m.yaml" $kind
  fi
done
mkdir -p "$out"
sh "$here/benchmarks/simulation-outputs.sh" "$jar" "$out/examples" 2>/dev/null
simulate() {   # simulate OUTPUT_FILE MODEL ARGS...
  local file=$1 model=$2
  shift 2
  java $opts -jar "$jar" simulate "$model" "$@" --format json >"$out/$file" 2>/dev/null
}
for t in 1 2; do
  simulate "ten-1m-t$t.json" "$here/benchmarks/ten-class.yaml" --runs 1000000 --seed 7 --threads $t
  simulate "ten-top3-t$t.json" "$here/benchmarks/ten-class.yaml" --runs 200000 --seed 3 --holders top:3 --threads $t
  for m in large large-llc; do
    for s in 1 7; do
      simulate "$m-s$s-t$t.json" "$large/$m.yaml" --runs 200000 --seed $s --threads $t
    done
  done
  for e in pe-derm-holdco derm-recap-second-bite telehealth-series-a; do
    simulate "$e-t$t.json" "$here/examples/ventures/$e.yaml" --runs 200000 --seed 5 --threads $t
  done
done
echo "wrote $(find "$out" -type f | wc -l) files to $out"
