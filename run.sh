#!/usr/bin/env bash
# Builds the service if its sources changed since the last build, then runs it with embedded stores.
# Environment: PORT (8080), DATA_DIR (./data), POSTGRES_URL / MONGODB_URI (external stores instead of embedded),
# BOOTSTRAP_CLIENT_ID / BOOTSTRAP_CLIENT_SECRET (the first admin API client).
set -euo pipefail
cd "$(dirname "$0")"
jar=launcher/target/credential-service.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  echo "Building the service (first run downloads dependencies; this takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests install
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
