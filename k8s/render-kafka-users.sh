#!/usr/bin/env bash
# Renders infra/kafka/acls.txt (who may write and read each topic, as the local broker applies it) into the Strimzi
# KafkaUsers k8s/base/kafka-users.yaml (KafkaUsersRendering in the k8s module). Run it whenever acls.txt changes and
# commit the output: the k8s module's tests fail while the committed file differs from what it renders.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -ntp -q -pl k8s compile exec:java@kafka-users -Dexec.args="$ROOT"
