#!/usr/bin/env bash
# Registers the demo parties (the ones the demo realm's users act for) through the registry's API, as the
# regulator would. Idempotent: a party already registered with the same details answers 200.
# Then makes the market tradable: free allocation of CEA-2025 for the two compliance entities (as allocation's
# issuance events) and cash at the clearing bank for the traders (deposits, once per bank reference).
# usage: seed.sh REGISTRY_URL SETTLEMENT_URL KEYCLOAK_URL KAFKA_LIB_DIR
set -euo pipefail
registry=$1 settlement=$2 keycloak=$3 kafka_lib=$4
here=$(cd "$(dirname "$0")" && pwd)
token_of() {
  curl -fsS -d grant_type=password -d client_id=market-web -d username="$1" -d password="$1" \
    "$keycloak/realms/carbon-market/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
token=$(token_of regulator)
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

# entity-1 (Wuhan Thermal Power) and entity-2 (Shenzhen Cement): 200,000 t of CEA-2025 each.
java -cp "$kafka_lib/*" "$here/IssueAllowances.java" 127.0.0.1:9092 CEA-2025 200000 \
  83dabb3c-a463-3f3e-b9fd-002e55c704cf 41900360-42b8-3069-a34d-dbc69acee1ca

# CNY 5,000,000 for each trader at the clearing bank.
bank=$(token_of bank)
for party in 83dabb3c-a463-3f3e-b9fd-002e55c704cf 41900360-42b8-3069-a34d-dbc69acee1ca \
    91e0e54f-fe81-303f-aebc-b402a50e4606 4a112fd1-268c-3705-a978-397a5e44d6bf; do
  for attempt in $(seq 1 30); do
    # The cash account opens when settlement has read the party's registration: wait for it.
    status=$(curl -sS -o /tmp/market-seed.$$ -w '%{http_code}' -H "Authorization: Bearer $bank" \
      -H 'Content-Type: application/json' \
      -d "{\"bankReference\":\"DEMO-$party\",\"partyId\":\"$party\",\"amountFen\":500000000}" \
      "$settlement/api/v1/deposits")
    case "$status" in
      200|201) printf '   CNY 5,000,000 deposited for %s\n' "$party"; break ;;
      *) [ "$attempt" = 30 ] && { echo "deposit failed ($status): $(cat /tmp/market-seed.$$)" >&2; exit 1; }
         sleep 1 ;;
    esac
  done
done
rm -f /tmp/market-seed.$$
