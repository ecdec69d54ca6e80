# Keycloak: the distribution from Maven Central on 127.0.0.1:8180, realm carbon-market imported at every start
# (in-memory database: the realm file under version control is the whole truth). Keycloak 26 needs Java 21+.
# shellcheck shell=bash

KEYCLOAK_POM="$ROOT/infra/keycloak"
KEYCLOAK_VERSION=26.4.7
KEYCLOAK_URL=http://127.0.0.1:8180

# The newest JDK >= 21 under /usr/lib/jvm (Temurin's sits beside Debian's OpenJDK 17 on our machines).
find_jdk21() {
  local dir v best="" bestv=0
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] || continue
    v=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ "${v%%.*}" -gt "$bestv" ]; then best=$dir; bestv=${v%%.*}; fi
  done
  if [ -z "$best" ]; then
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if apt-cache show "$pkg" >/dev/null 2>&1; then apt_install "$pkg"; find_jdk21; return; fi
    done
    die "Keycloak needs Java 21 or newer and none is installed (looked in /usr/lib/jvm)"
  fi
  echo "$best"
}

keycloak_ready() { http_ok "$KEYCLOAK_URL/realms/carbon-market/.well-known/openid-configuration"; }

ensure_keycloak() {
  if running keycloak; then return 0; fi
  if port_open 8180; then
    keycloak_ready || die "port 8180 is taken by something that does not serve the carbon-market realm"
    warn "using the Keycloak already serving the carbon-market realm on $KEYCLOAK_URL (not started by this checkout)"
    return 0
  fi
  local dist="$KEYCLOAK_POM/target/dist/keycloak-$KEYCLOAK_VERSION"
  if [ ! -x "$dist/bin/kc.sh" ]; then
    say "fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
    (cd "$KEYCLOAK_POM" && mvn_batch -q package)
  fi
  rm -rf "$dist/data/import"; mkdir -p "$dist/data/import"
  cp "$KEYCLOAK_POM/carbon-market-realm.json" "$dist/data/import/"
  local jdk; jdk=$(find_jdk21)
  say "starting Keycloak on $KEYCLOAK_URL (Java from $jdk; about 30 s)"
  start_process keycloak "$LOGS/keycloak.log" env JAVA_HOME="$jdk" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    "$dist/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=8180 --http-management-port=8190 \
      --db=dev-mem --import-realm --health-enabled=true
}

await_keycloak() {
  if running keycloak; then wait_for "Keycloak" 180 keycloak keycloak_ready; keep keycloak; fi
}
