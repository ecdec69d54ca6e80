#!/usr/bin/env bash
# Registers the demo parties (the ones the demo realm's users act for) through the registry's API, as the
# regulator would. Idempotent: a party already registered with the same details answers 200.
# usage: seed.sh REGISTRY_URL KEYCLOAK_URL
set -euo pipefail
registry=$1 keycloak=$2
here=$(cd "$(dirname "$0")" && pwd)
token=$(curl -fsS -d grant_type=password -d client_id=market-web -d username=regulator -d password=regulator \
  "$keycloak/realms/carbon-market/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
while IFS= read -r party; do
  [ -n "$party" ] || continue
  status=$(curl -sS -o /tmp/market-seed.$$ -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$party" "$registry/api/v1/parties")
  case "$status" in
    200|201) printf '   party %s\n' "$(sed -E 's/.*"id":"([^"]+)".*"name":"([^"]+)".*/\1  \2/' /tmp/market-seed.$$)" ;;
    *) echo "seeding failed ($status): $(cat /tmp/market-seed.$$)" >&2; rm -f /tmp/market-seed.$$; exit 1 ;;
  esac
done < "$here/parties.jsonl"
rm -f /tmp/market-seed.$$
