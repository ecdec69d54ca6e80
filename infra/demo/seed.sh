#!/usr/bin/env bash
# Registers the demo parties (the ones the demo realm's users act for, infra/demo/parties.txt: user, then the
# registration) through the registry's API, as the regulator would. Idempotent: a party already registered with the
# same details answers 200 with its id. Party ids are random, so each demo user's party_id attribute in Keycloak is
# then pointed at the id the registry assigned (admin API, admin/admin locally; the realm file has placeholders), and
# the ids are printed.
# Then makes the market tradable: free allocation of CEA-2025 for the two compliance entities through allocation
# (period CN-2025 by pack CN-2022, one gas unit each with 2024 data, a pre-allocation run approved by the regulator
# and booked by the registry), and cash at the clearing bank for the traders (deposits, once per bank reference).
# Seeding again issues nothing twice: the period, units and data are the same again, and a period with an approved
# pre-allocation is not allocated again.
# Last, a compliance cycle on an earlier period (CN-2024, CEA-2024): entity-1's report verified and confirmed, the
# true-up issued, the obligations set and entity-1's surrender, each step only where it is not done yet.
# usage: seed.sh REGISTRY_URL ALLOCATION_URL SETTLEMENT_URL KEYCLOAK_URL
set -euo pipefail
registry=$1 allocation=$2 settlement=$3 keycloak=$4
here=$(cd "$(dirname "$0")" && pwd)
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT

token_of() {
  curl -fsS -d grant_type=password -d client_id=market-web -d username="$1" -d password="$1" \
    "$keycloak/realms/carbon-market/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# call METHOD URL TOKEN [JSON]: prints the answer's status; its body is left in $answer.
call() {
  local method=$1 url=$2 token=$3 body=()
  [ $# -lt 4 ] || body=(-H 'Content-Type: application/json' -d "$4")
  curl -sS -o "$answer" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" "${body[@]}" "$url"
}

# must "STATUS..." METHOD URL TOKEN [JSON]: the call, which must answer one of the statuses.
must() {
  local expected=" $1 " status; shift
  status=$(call "$@")
  case "$expected" in
    *" $status "*) ;;
    *) echo "seeding failed: $1 $2 answered $status: $(cat "$answer")" >&2; exit 1 ;;
  esac
}

# field NAME: the first value of NAME in the last answer (flat JSON strings and numbers).
field() { grep -oE "\"$1\":(\"[^\"]*\"|[^,}]*)" "$answer" | head -1 | sed -E 's/^[^:]*:"?//; s/"$//'; }

# until_ok SECONDS WHAT METHOD URL TOKEN: polls the call until it answers 200.
until_ok() {
  local limit=$1 what=$2 start=$SECONDS; shift 2
  until [ "$(call "$@")" = 200 ]; do
    (( SECONDS - start < limit )) || { echo "seeding failed: $what not within ${limit}s: $(cat "$answer")" >&2; exit 1; }
    sleep 0.5
  done
}

# until_field SECONDS WHAT NAME VALUE METHOD URL TOKEN: polls the call until it answers 200 with NAME = VALUE.
until_field() {
  local limit=$1 what=$2 name=$3 value=$4 start=$SECONDS; shift 4
  until [ "$(call "$@")" = 200 ] && [ "$(field "$name")" = "$value" ]; do
    (( SECONDS - start < limit )) || { echo "seeding failed: $what not within ${limit}s: $(cat "$answer")" >&2; exit 1; }
    sleep 0.5
  done
}

# act_for USER PARTY: points the demo user's party_id attribute at PARTY (its other attributes stay as they are).
act_for() {
  local admin user
  admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$keycloak/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  must 200 GET "$keycloak/admin/realms/carbon-market/users?exact=true&username=$1" "$admin"
  user=$(sed -E 's/^\[(.*)\]$/\1/' "$answer")
  grep -q '"party_id":\["[^"]*"\]' <<<"$user" || { echo "seeding failed: Keycloak's $1 has no party_id" >&2; exit 1; }
  must 204 PUT "$keycloak/admin/realms/carbon-market/users/$(field id)" "$admin" \
    "$(sed -E "s/\"party_id\":\\[\"[^\"]*\"\\]/\"party_id\":[\"$2\"]/" <<<"$user")"
}

regulator=$(token_of regulator)
declare -A party_of
while read -r user party; do
  [ -n "$party" ] || continue
  must "200 201" POST "$registry/api/v1/parties" "$regulator" "$party"
  party_of[$user]=$(field id)
  printf '   party %s  %-13s %s\n' "${party_of[$user]}" "$user" "$(field name)"
  act_for "$user" "${party_of[$user]}"
done < "$here/parties.txt"
entity1=${party_of[entity-1]}

# Free allocation through allocation: 200,000 t of CEA-2025 each for entity-1 (Wuhan Thermal Power, HB) and
# entity-2 (Shenzhen Cement, GD). A gas unit without heat under CN-2022 is allocated 0.3901 t/MWh (no cooling or
# load-factor correction): 732,412 MWh make round(285,713.92) = 285,714 t, of which the pre-allocation of the
# period's one year is round(0.70 x 285,714 = 199,999.8) = 200,000 t.
period=CN-2025
must "200 201" PUT "$allocation/api/v1/compliance-periods/$period" "$regulator" \
  '{"jurisdiction":"CN","firstYear":2025,"lastYear":2025,"instrument":"CEA-2025","benchmarkPack":"CN-2022",
    "deadline95":"2026-10-31","deadline100":"2026-12-31"}'
if [ "$(field status)" = DRAFT ]; then
  must 200 POST "$allocation/api/v1/compliance-periods/$period/status" "$regulator" '{"status":"ALLOCATING"}'
fi
printf '   compliance period %s (CEA-2025, benchmark pack CN-2022): %s\n' "$period" "$(field status)"
units=("$entity1 WUHAN-THERMAL-GT1 180 0.4645 2012-06-30"
       "${party_of[entity-2]} SHENZHEN-CEMENT-CAPTIVE-1 135 0.6193 2016-03-18")
for unit in "${units[@]}"; do
  read -r party id capacity load_factor commissioned <<<"$unit"
  # A compliance entity becomes covered when allocation has read its registration.
  until_ok 60 "allocation covering $party" GET "$allocation/api/v1/covered-entities/$party" "$regulator"
  must "200 201" PUT "$allocation/api/v1/generating-units/$id" "$regulator" \
    "{\"partyId\":\"$party\",\"category\":\"GAS\",\"capacityMw\":$capacity,\"cooling\":\"WATER\",
      \"combinedHeatAndPower\":false,\"commissionedOn\":\"$commissioned\"}"
  must "200 201" PUT "$allocation/api/v1/activity-data/2024/$id" "$regulator" \
    "{\"electricitySuppliedMwh\":732412,\"heatSuppliedGj\":0,\"loadFactor\":$load_factor,\"heatSupplyRatio\":0,
      \"verified\":true}"
  printf '   gas unit %s (%s MW) of %s, 2024: 732,412 MWh\n' "$id" "$capacity" "$party"
done
must 200 GET "$allocation/api/v1/allocation-runs?periodId=$period" "$regulator"
if ! grep -q '"kind":"PRE_ALLOCATION","status":"APPROVED"' "$answer"; then
  must 201 POST "$allocation/api/v1/allocation-runs" "$regulator" \
    "{\"periodId\":\"$period\",\"kind\":\"PRE_ALLOCATION\",\"baseYear\":2024}"
  run=$(field runId)
  printf '   pre-allocation run %s: %s t in all\n' "$run" "$(field totalTonnes)"
  must 200 POST "$allocation/api/v1/allocation-runs/$run/approval" "$regulator"
fi
# The registry books each instruction and answers; allocation balances once every answer is in.
until_field 60 "$period reconciled" balanced true GET "$allocation/api/v1/allocation-reconciliation/$period" \
  "$regulator"
printf '   approved and issued: %s t of CEA-2025\n' "$(field issuedTonnes)"

# CNY 5,000,000 for each trader at the clearing bank.
bank=$(token_of bank)
for party in "$entity1" "${party_of[entity-2]}" "${party_of[investor-1]}" "${party_of[individual-1]}"; do
  # The cash account opens when settlement has read the party's registration: wait for it.
  for attempt in $(seq 1 30); do
    status=$(call POST "$settlement/api/v1/deposits" "$bank" \
      "{\"bankReference\":\"DEMO-$party\",\"partyId\":\"$party\",\"amountFen\":500000000}") || true
    case "$status" in 200|201) break ;; esac
    [ "$attempt" -lt 30 ] || { echo "deposit failed ($status): $(cat "$answer")" >&2; exit 1; }
    sleep 1
  done
  printf '   CNY 5,000,000 deposited for %s\n' "$party"
done

# A finished earlier period, so the demo shows the compliance cycle without touching the CEA-2025 above: CN-2024
# (CEA-2024, one year). Entity-1 reports 2024 for its gas unit with the production already recorded (the CN-2025
# pre-allocation's base data stay as they are): 12,600 x 10^4 Nm3 of natural gas, measured carbon content; verifier-1
# corrects the consumption to 12,480 (389.31 GJ x 0.01530 tC/GJ x 0.99 x 44/12 each: 269,841 t) and Hubei's authority
# confirms. The true-up allocates each gas unit 285,714 t of CEA-2024; entity-1's obligation is its emissions (below
# its allocation), which it surrenders. Each step is taken only if the state says it is still to do.
period=CN-2024
report=ER-$period-2024-$entity1
must "200 201" PUT "$allocation/api/v1/compliance-periods/$period" "$regulator" \
  '{"jurisdiction":"CN","firstYear":2024,"lastYear":2024,"instrument":"CEA-2024","benchmarkPack":"CN-2022",
    "deadline95":"2025-10-31","deadline100":"2025-12-31"}'

# advance STATUS: the period's next statuses until it has reached STATUS (one that is already past stays).
advance() {
  local order=" DRAFT ALLOCATING REPORTING SURRENDER CLOSED " current next
  while must 200 GET "$allocation/api/v1/compliance-periods/$period" "$regulator" && current=$(field status) \
      && [[ "${order%% $1 *}" == *" $current"* ]]; do
    next=${order#* $current }; next=${next%% *}
    must 200 POST "$allocation/api/v1/compliance-periods/$period/status" "$regulator" "{\"status\":\"$next\"}"
  done
}
advance REPORTING

entity=$(token_of entity-1) province=$(token_of province-hb) verifier=$(token_of verifier-1)
status=$(call GET "$allocation/api/v1/emission-reports/$report" "$entity")
if [ "$status" = 404 ]; then
  must 201 POST "$allocation/api/v1/emission-reports" "$entity" \
    '{"periodId":"CN-2024","year":2024,"units":[{"unitId":"WUHAN-THERMAL-GT1","electricitySuppliedMwh":732412,
      "heatSuppliedGj":0,"loadFactor":0.4645,"heatSupplyRatio":0,"fuels":[{"fuel":"NATURAL_GAS","consumption":12600,
      "carbonContentMethod":"MEASURED","carbonContent":0.01530,"labReportId":"HBLAB-2025-0117",
      "sampleId":"WUHAN-GT1-2024-Q4"}]}]}'
else
  must 200 GET "$allocation/api/v1/emission-reports/$report" "$entity"
fi
state=$(field status)
if [ "$state" = DRAFT ]; then
  must 200 POST "$allocation/api/v1/emission-reports/$report/submission" "$entity"; state=$(field status)
fi
if [ "$state" = SUBMITTED ]; then
  must 200 POST "$allocation/api/v1/emission-reports/$report/verifier" "$province" \
    "{\"verifierPartyId\":\"${party_of[verifier-1]}\"}"
  state=$(field status)
fi
if [ "$state" = ASSIGNED ]; then
  must 200 POST "$allocation/api/v1/emission-reports/$report/adjustments" "$verifier" \
    '{"reason":"the gas meter readings of the fourth quarter add up to 12,480 x 10^4 Nm3 for the year",
      "changes":[{"field":"units[WUHAN-THERMAL-GT1].fuels[0].consumption","value":"12480"}]}'
  must 200 POST "$allocation/api/v1/emission-reports/$report/conclusion" "$verifier" \
    '{"opinion":"the figures are supported by the meter readings and the lab report sampled"}'
  state=$(field status)
fi
if [ "$state" = VERIFIED ]; then
  must 200 POST "$allocation/api/v1/emission-reports/$report/confirmation" "$province"; state=$(field status)
fi
must 200 GET "$allocation/api/v1/emission-reports/$report" "$regulator"
printf '   emission report %s: %s, %s t\n' "$report" "$state" "$(field emissionsTonnes)"

# Entity-2 reports nothing here: the regulator's verified 2024 record above is what its true-up computes on.
must 200 GET "$allocation/api/v1/allocation-runs?periodId=$period" "$regulator"
if ! grep -q '"kind":"TRUE_UP","status":"APPROVED"' "$answer"; then
  must 201 POST "$allocation/api/v1/allocation-runs" "$regulator" "{\"periodId\":\"$period\",\"kind\":\"TRUE_UP\"}"
  run=$(field runId)
  must 200 POST "$allocation/api/v1/allocation-runs/$run/approval" "$regulator"
fi
until_field 60 "$period reconciled" balanced true GET "$allocation/api/v1/allocation-reconciliation/$period" \
  "$regulator"
printf '   true-up of %s approved and issued: %s t of CEA-2024\n' "$period" "$(field issuedTonnes)"
advance SURRENDER

must 200 POST "$allocation/api/v1/compliance/$period/obligations" "$regulator"
until_ok 60 "the registry learning entity-1's obligation" \
  GET "$registry/api/v1/surrenders?partyId=$entity1&periodId=$period" "$entity"
obligation=$(field obligationTonnes)
if [ "$(field outstandingTonnes)" != 0 ]; then
  must "200 201" POST "$registry/api/v1/surrenders" "$entity" \
    "{\"surrenderId\":\"DEMO-$period\",\"partyId\":\"$entity1\",\"periodId\":\"$period\",
      \"lines\":[{\"instrument\":\"CEA-2024\",\"quantity\":$obligation}]}"
fi
until_field 60 "entity-1 COMPLIANT" status COMPLIANT GET "$allocation/api/v1/compliance/$period/entities/$entity1" \
  "$entity"
printf '   entity-1 surrendered its obligation of %s t of CEA-2024 for %s: COMPLIANT\n' "$obligation" "$period"
