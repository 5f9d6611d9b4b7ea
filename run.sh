#!/usr/bin/env bash
# Builds the service if its sources changed since the last build, then runs it.
#   ./run.sh                 the whole service in one process, with embedded stores under DATA_DIR (default ./data)
#   ./run.sh stores          the embedded PostgreSQL (POSTGRES_PORT, 15432) and MongoDB wire-protocol server
#                            (MONGODB_PORT, 27017) alone, for side processes to share
#   ./run.sh command-side    the command side alone (needs POSTGRES_URL)
#   ./run.sh query-side      the query side alone (needs POSTGRES_URL, MONGODB_URI, JWK_SET_URI)
#   ./run.sh console         the admin console alone (needs CONSOLE_API_URL, the service's base URL)
#   ./run.sh prepare         builds and prepares the faster start (below), then exits without starting anything
#   ./run.sh verify-export FILE [--keys JWKS]
#                            checks an audit export (GET /v3/audit-exports) without the service: intact, or where it
#                            breaks; with the key set saved from /oauth/jwks, its checkpoints' signatures too
# Every variable is described in the README's "Running it".
#
# It runs on a JDK 25 or later, found by itself (JAVA_HOME, PATH, the usual install folders; tools/jdk.sh), and says
# what to install when there is none. After a build, the jar is unpacked and one training start fills JDK 25's
# ahead-of-time cache (-XX:AOTCacheOutput: the classes loaded and linked, and the methods' profiles), which every later
# start maps instead of loading, verifying and profiling them again. The training start runs once per build, on a
# throwaway data directory.
set -euo pipefail
cd "$(dirname "$0")"
. tools/jdk.sh
case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
find_jdk25 || exit 1
jar=launcher/target/credential-service.jar
app=launcher/target/app
archive="$app/credential-service.aot"
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  echo "Building the service (first run downloads dependencies; this takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests install
fi
java_opts=${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m}
if [ ! -f "$app/.prepared" ] || [ "$jar" -nt "$app/.prepared" ]; then
  echo "Preparing faster starts (once per build: a training start fills the ahead-of-time cache)..." >&2
  rm -rf "$app"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  training=$(mktemp -d)
  # Whatever ends the training (success, failure, Ctrl-C), its PostgreSQL stops and its data directory goes.
  end_training() {
    if [ -f "$training/postgres/postmaster.pid" ]; then
      kill -INT "$(head -1 "$training/postgres/postmaster.pid")" 2>/dev/null || true
      sleep 1
    fi
    rm -rf "$training"
  }
  trap end_training EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # shellcheck disable=SC2086
  if ! DATA_DIR="$training" PORT=0 BOOTSTRAP_CLIENT_ID=training BOOTSTRAP_CLIENT_SECRET=training-start-only-never-served \
      "$JAVA" $java_opts -XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off \
      -Dspring.context.exit=onRefresh -jar "$app/credential-service.jar" >"$training/training.log" 2>&1; then
    echo "The training start failed (the service will start without the cache):" >&2
    tail -20 "$training/training.log" >&2
    rm -f "$archive"
  fi
  end_training
  trap - EXIT INT TERM
  touch "$app/.prepared"
fi
if [ "${1:-}" = prepare ]; then
  exit 0
fi
aot=""
if [ -f "$archive" ] && [ -z "${AOT_CACHE_OFF:-}" ]; then
  aot="-XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off"
fi
# shellcheck disable=SC2086
exec "$JAVA" $java_opts $aot -jar "$app/credential-service.jar" "$@"
