# Shared helpers of the scripts: locate a JDK >= 21 and run Maven (offline when the cache allows).
# shellcheck shell=bash

luna_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }

# JVM options that keep start-up free of library noise: on JDK 23+ sun.misc.Unsafe's memory methods warn when first
# used (JEP 471), and Pekko (ElasticMQ) and Maven's Guava still use them; Lambda's java21 runtime never warns.
quiet_jvm_flags() { [ "$(java_major "$1")" -ge 23 ] 2>/dev/null && echo "--sun-misc-unsafe-memory-access=allow" || true; }

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME if good, else the java on PATH, else /usr/lib/jvm/*.
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] && [ "$(java_major "$c/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      export MAVEN_OPTS="${MAVEN_OPTS:-} $(quiet_jvm_flags "$c/bin/java")"
      return 0
    fi
  done
  echo "luna: no JDK >= 21 found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install Temurin 21+ and set JAVA_HOME." >&2
  return 1
}

# Runs Maven offline when every dependency is cached; when the offline run fails for want of an artifact, runs it
# again online (the first run downloads dependencies). Test failures are not retried: only Maven's own [ERROR] lines
# are read, since a test's log may well say "Could not resolve" (a host, a name) and a failed suite would run twice.
# Quiet unless LUNA_MVN_VERBOSE is set (scripts/test sets it so Surefire's test counts are printed).
mvn_run() {
  local quiet=-q log rc
  [ -n "${LUNA_MVN_VERBOSE:-}" ] && quiet=--no-transfer-progress
  if ! command -v mvn >/dev/null 2>&1; then
    echo "luna: Maven not found; installing it with apt-get" >&2
    (apt-get update -qq && apt-get install -y -qq maven) >&2 || { echo "luna: could not install Maven" >&2; return 1; }
  fi
  log=$(mktemp)
  set +e
  mvn -B $quiet -o "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" -ne 0 ] && [ -z "${LUNA_OFFLINE_ONLY:-}" ] \
     && grep -qE "^\[ERROR\].*(offline mode|Could not resolve|could not be resolved|Failed to read artifact descriptor|Cannot access)" "$log"; then
    echo "luna: some dependencies are not cached yet; retrying online (first run downloads them)" >&2
    mvn -B $quiet "$@"
    rc=$?
  fi
  rm -f "$log"
  return "$rc"
}
