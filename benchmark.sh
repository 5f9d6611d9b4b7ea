#!/usr/bin/env bash
# Rerunnable benchmarks of the service (not part of the test suite). Every figure is printed as a RESULT line beside a
# baseline measured in the same run, and the target it is held to.
#   ./benchmark.sh [--quick] [suite...]
# Suites (default: all of them, most of an hour here, nearly all of it seeding 100k credentials; --quick: 5 s runs and
# listings of 500 and 1.5k, about five minutes here once built):
#   start        ./run.sh on a fresh DATA_DIR to a healthy service: first start, then restart
#   tokens       POST /oauth/token at 8 connections; baseline: a bare signing loop of the algorithm in use
#   reads        authenticated GET of one API client; baseline: GET /actuator/health/liveness
#   listings     50-row pages of API clients and of PATs at 1k, 10k and 50k of each (quick: 500, 1.5k), and the ratio
#   creates      creates of API clients, identities and PATs with a read-after-write probe and the projection lag
#                after the load; baseline: one-row JDBC inserts into the same PostgreSQL
#   propagation  a level change reaching 10 credentials' effective scopes; baseline: a one-document change
#   rebuild      rebuilding every view from 100k+ events; baseline: reading the same log without applying it
# The service's resident memory is measured after the suites that run it. Needs wrk (installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
. tools/jdk.sh
find_jdk25 || exit 1   # exported as JAVA_HOME: Maven runs the benchmark's Java 25 classes on it
for arg in "$@"; do
  case "$arg" in
    --quick|start|tokens|reads|listings|creates|propagation|rebuild) ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null; then
  echo "Installing wrk..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
./run.sh prepare
./mvnw -B -q -pl launcher test-compile
./mvnw -B -q -pl launcher exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.idcred.launcher.benchmarks.ServiceBenchmark -Dexec.args="$(pwd) $*" \
  -Daxoniq.update-checker.disabled=true -Dlogging.level.root=WARN 2>&1 \
  | grep --line-buffered -E "^RESULT|Exception|ERROR|^\s+at " || true
