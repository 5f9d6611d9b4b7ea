#!/usr/bin/env bash
# Rerunnable benchmarks of the running service with embedded stores (not part of the test suite).
#   ./benchmark.sh propagation [grants=200]   level change → effective scopes of 10 credentials, p50/p95/p99
#   ./benchmark.sh rebuild [rounds=3000]      full read-model rebuild over a log of rounds × ~35 events
# Each prints RESULT lines: the measurement, a baseline measured in the same run, and their ratio.
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-}" in
  propagation) main=PropagationBenchmark ;;
  rebuild) main=RebuildBenchmark ;;
  *) echo "usage: $0 propagation|rebuild [size]" >&2; exit 2 ;;
esac
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl launcher test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass="dev.idcred.launcher.benchmarks.$main" -Dexec.args="${2:-}" \
  -Daxoniq.update-checker.disabled=true -Dlogging.level.root=WARN 2>&1 | grep --line-buffered -E "^RESULT|Exception|ERROR" || true
