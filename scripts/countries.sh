#!/bin/sh
# scripts/countries.sh: what country: returns on the quotes tab of a running server: each search's
# total, its first hits' speakers (office → whom they speak for) and the countries facet.
#
#   go run ./cmd/server -seeds embedded -seeds ../shared/corpora/wh-briefings/wh-briefings.tar.gz \
#       -seeds ../shared/corpora/ungdc/ungdc.tar.gz -index /tmp/country-index &
#   scripts/countries.sh [http://127.0.0.1:8080]
#
# Needs curl and jq.
set -eu
base=${1:-http://127.0.0.1:8080}
for q in 'country:china' 'country:russia' 'country:"European Union"' 'AUKUS country:china' 'AUKUS country:russia'; do
	enc=$(printf '%s' "$q" | jq -sRr @uri)
	echo "== $q"
	curl -sf "$base/api/quotes?per_page=5&q=$enc" | jq -r '
		"total \(.total)",
		(.quotes[] | "  \(.article.date)  \([.speakers[] | "\(.name)\(if .role then ", " + .role else "" end) → \(.country // "?")"] | join("; "))"),
		"  speaking for: \([.facets.countries[:5][] | "\(.name) \(.count)"] | join(", "))"'
done
