#!/usr/bin/env bash
# Java 17+ and Maven for the Neo4j 5 test server (tests/neo4j), installed with apt if absent, then the
# server built once (Neo4j from Maven Central, cached in ~/.m2, about 200 MB the first time).
# Used by .ci/run and `make test-neo4j`. Without Java or Maven the Neo4j tests skip and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "== installing ${missing[*]}"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || echo "== could not install ${missing[*]}: the Neo4j tests will skip"
fi
if command -v java >/dev/null && command -v mvn >/dev/null; then
  echo "== $(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1)"
  started=$(date +%s)
  # Build the launcher and fetch Neo4j once here, so a Maven failure shows as such (the tests would skip).
  mvn -q -B -Dstyle.color=never -f tests/neo4j/pom.xml package
  echo "== Neo4j $(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' tests/neo4j/pom.xml) built in $(( $(date +%s) - started )) s"
fi

