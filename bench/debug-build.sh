#!/usr/bin/env bash
# The generated loss in a Debug build of a consumer against a Release build (README, "Debug builds"): packs
# Dice.Runtime, builds bench/DebugBuild/Program.cs as a fresh project with only a PackageReference in both
# configurations, runs them alternately and prints each median and the Debug / Release ratio per shape.
#   bash bench/debug-build.sh [--quick]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick="${1:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/.ci/consumer-project.sh"
make_consumer_project "$root/bench/DebugBuild/Program.cs" DebugBuild
for configuration in Debug Release; do
  dotnet build "$work/app" -c "$configuration" -o "$work/out-$configuration" --nologo -v q
done
# Alternated: Debug, Release, Debug, Release (one quick round of each with --quick).
runs=3
[ "$quick" = "--quick" ] && runs=1
for _ in $(seq "$runs"); do
  for configuration in Debug Release; do
    dotnet "$work/out-$configuration/DebugBuild.dll" $quick >> "$work/rows.csv"
  done
done
python3 - "$work/rows.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.reader(open(sys.argv[1])))
times = {}
for configuration, disabled, shape, ms in rows:
    times.setdefault((shape, configuration), []).append(float(ms))
    if configuration == "Debug": assert disabled == "True", "the Debug build should disable JIT optimisation"
print("| shape | Debug ms | Release ms | Debug / Release |")
print("|---|---:|---:|---:|")
for shape in dict.fromkeys(shape for shape, _ in times):
    debug, release = statistics.median(times[shape, "Debug"]), statistics.median(times[shape, "Release"])
    print(f"| {shape} | {debug:.3f} | {release:.3f} | {debug / release:.1f} |")
PY
