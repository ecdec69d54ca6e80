#!/usr/bin/env bash
# Renders infra/keycloak/carbon-market-realm.json with infra/keycloak/production-overrides.json into the
# KeycloakRealmImport k8s/base/keycloak-realm-import.yaml (RealmImportRendering in the k8s module, which says what
# production changes: no demo users, client secrets from the Secret keycloak-client-secrets, the overrides' TLS,
# password, lockout and OTP settings). Run it whenever either file changes and commit the output: the k8s module's
# tests fail while the committed file differs from what it renders.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -ntp -q -pl k8s compile exec:java -Dexec.args="$ROOT"
