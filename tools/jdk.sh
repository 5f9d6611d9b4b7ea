# Sourced by run.sh, benchmark.sh and .ci/run: finds a JDK 25 or later and sets JAVA_HOME and JAVA to it.
# Looks, in order, at JAVA_HOME, the java on PATH, and the usual install folders (/usr/lib/jvm, /usr/java, /opt,
# SDKMAN, ~/.jdks, macOS's JavaVirtualMachines). Maven may run on any JDK 17+: its toolchains plugin finds the same
# JDK 25 for compiling and testing by itself.

jdk_major() { # the feature version of the JDK whose java binary is $1, or 0
  local line release
  release="$(dirname "$1")/../release"
  if [ -f "$release" ] && line=$(grep -m1 '^JAVA_VERSION=' "$release"); then
    line=${line#*\"}
  else
    line=$("$1" -version 2>&1 | head -1) || { echo 0; return; }
    line=${line#*version \"}
  fi
  line=${line%%\"*}
  line=${line#1.}
  echo "${line%%[.+-]*}" | grep -E '^[0-9]+$' || echo 0
}

find_jdk25() {
  local candidate
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/*/bin/java /opt/java/*/bin/java \
      "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    if [ -x "$candidate" ] && [ "$(jdk_major "$candidate")" -ge 25 ]; then
      JAVA="$candidate"
      JAVA_HOME=$(cd "$(dirname "$candidate")/.." && pwd -P)
      export JAVA_HOME
      return 0
    fi
  done
  cat >&2 <<'EOF'
The credential service needs a JDK 25 or later, and none was found (looked at JAVA_HOME, the java on PATH,
/usr/lib/jvm, /usr/java, /opt, SDKMAN and ~/.jdks). Install one, for instance:
  Debian/Ubuntu:  apt-get install temurin-25-jdk   (Adoptium's apt repository), or openjdk-25-jdk where offered
  SDKMAN:         sdk install java 25-tem
  any system:     unpack a JDK 25 from https://adoptium.net and set JAVA_HOME to it
EOF
  return 1
}
