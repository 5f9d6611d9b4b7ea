#!/usr/bin/env bash
# Builds the service if its sources changed since the last build, then runs it.
#   ./run.sh                 the whole service in one process, with embedded stores under DATA_DIR (default ./data)
#   ./run.sh stores          the embedded PostgreSQL (POSTGRES_PORT, 15432) and MongoDB wire-protocol server
#                            (MONGODB_PORT, 27017) alone, for side processes to share
#   ./run.sh command-side    the command side alone (needs POSTGRES_URL)
#   ./run.sh query-side      the query side alone (needs POSTGRES_URL, MONGODB_URI, JWK_SET_URI)
#   ./run.sh console         the admin console alone (needs CONSOLE_API_URL, the service's base URL)
# Every variable is described in the README's "Running it".
set -euo pipefail
cd "$(dirname "$0")"
jar=launcher/target/credential-service.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  echo "Building the service (first run downloads dependencies; this takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests install
fi
exec java ${JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=256m} -jar "$jar" "$@"
