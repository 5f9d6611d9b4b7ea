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
#   scale-out    the split topology behind nginx (stores, 2 command sides, 2 query sides): read-after-write through
#                the gateway while 8 writers and 8 readers run (60 s; quick: 20 s); baseline: the same probe, idle,
#                straight to one query side. Needs nginx (installed if missing).
# The service's resident memory is measured after the suites that run it. Needs wrk (installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
. tools/jdk.sh
find_jdk25 || exit 1   # exported as JAVA_HOME: Maven runs the benchmark's Java 25 classes on it
for arg in "$@"; do
  case "$arg" in
    --quick|start|tokens|reads|listings|creates|propagation|rebuild|scale-out) ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null; then
  echo "Installing wrk..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
quick=""; scale_out=""; others=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    scale-out) scale_out=1 ;;
    *) others+=("$arg") ;;
  esac
done
every=""
if [ ${#others[@]} -eq 0 ] && [ -z "$scale_out" ]; then every=1; scale_out=1; fi
./run.sh prepare
./mvnw -B -q -pl launcher test-compile
if [ -n "$every" ] || [ ${#others[@]} -gt 0 ]; then
  ./mvnw -B -q -pl launcher exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.idcred.launcher.benchmarks.ServiceBenchmark -Dexec.args="$(pwd) ${quick:+--quick} ${others[*]:-}" \
    -Daxoniq.update-checker.disabled=true -Dlogging.level.root=WARN 2>&1 \
    | grep --line-buffered -E "^RESULT|Exception|ERROR|^\s+at " || true
fi
if [ -n "$scale_out" ]; then
  if ! command -v nginx >/dev/null; then
    echo "Installing nginx..." >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq nginx >/dev/null; else sudo apt-get install -y -qq nginx >/dev/null; fi
  fi
  ./mvnw -B -q -pl launcher exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.idcred.launcher.benchmarks.ScaleOutBenchmark -Dexec.args="$(pwd) ${quick:+20}" \
    -Daxoniq.update-checker.disabled=true -Dlogging.level.root=WARN 2>&1 \
    | grep --line-buffered -E "^RESULT|Exception|ERROR|^\s+at " || true
fi
