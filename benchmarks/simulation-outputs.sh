#!/usr/bin/env sh
# Writes `simulate`'s JSON and sampled-runs CSV for every bundled example (seeds 1 and 7, 20,000 runs, one thread)
# into a directory, so two builds can be compared byte for byte:
#
#   benchmarks/simulation-outputs.sh /tmp/before.jar /tmp/before      # a jar of the code before a change
#   benchmarks/simulation-outputs.sh cli/target/msocap.jar /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# The jar is run directly (not through ./msocap), with the launcher's JVM options.
set -e
jar=${1:?usage: simulation-outputs.sh JAR OUTPUT_DIR [RUNS]}
out=${2:?usage: simulation-outputs.sh JAR OUTPUT_DIR [RUNS]}
runs=${3:-20000}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
for model in "$here"/examples/ventures/*.yaml; do
  name=$(basename "$model" .yaml)
  for seed in 1 7; do
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" simulate "$model" --runs "$runs" --seed "$seed" \
      --threads 1 --format json -o "$out/$name-$seed.csv" --force > "$out/$name-$seed.json"
  done
done
