#!/usr/bin/env bash
# Assembles the app image's build context in openshift/target/image-context: the WAR, the one server.xml, the
# JVM options and the PostgreSQL driver. The pipeline's image-context Task runs this; CI runs the same assembly in
# `mvn verify` (module openshift) and checks it against openshift/image/Containerfile. Then:
#   buildah bud -f openshift/image/Containerfile -t scrum-poker openshift/target/image-context
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl openshift -am package -DskipTests -DskipITs
ls -1 openshift/target/image-context
