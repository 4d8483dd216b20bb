#!/bin/sh
# scripts/echo/examples.sh: the examples of issue 16, part 3, on a running server that serves the
# seeds with the White House corpus (the second) or with both corpora (all three): each is
# looked up through the API and printed; the script exits 1 if one does not hold.
#
#   go run ./cmd/server -seeds embedded -seeds ../shared/corpora/wh-briefings/wh-briefings.tar.gz \
#       -seeds ../shared/corpora/ungdc/ungdc.tar.gz -index /tmp/all-index &
#   scripts/echo/examples.sh [http://127.0.0.1:8080]
#
# The first example (seeds 000 and 001) is also a test: TestEchoesInTheSeeds (index/archive) and
# TestSameStatementElsewhere (handlers). Needs curl and jq.
set -eu
base=${1:-http://127.0.0.1:8080}
failed=0

# quote_of ARTICLE_PREFIX WORDS: the id of the quote of an article whose id starts with the
# prefix and whose text holds the words.
quote_of() {
	enc=$(printf '"%s"' "$2" | jq -sRr @uri)
	curl -sf "$base/api/quotes?per_page=100&q=$enc" |
		jq -r --arg p "$1" --arg w "$2" '[.quotes[] | select((.article.id | startswith($p)) and (.text | ascii_downcase | contains($w | ascii_downcase)))][0].id // empty'
}

# check NAME QUOTE JQ_FILTER: prints the quote's also_in and whether the filter finds a link.
check() {
	name=$1 id=$2 filter=$3
	echo "== $name"
	if [ -z "$id" ]; then
		echo "   no such quote"
		failed=1
		return
	fi
	json=$(curl -sf "$base/api/quotes/$id")
	printf "%s" "$json" | jq -r '"   quote \(.quote.id // .id) in \(.quote.article.id // .article.id)",
		(.also_in[] | "   → \(.match) \(.similarity * 100 | floor) %  \(.article.date)  \(.article.source)  \(.article.id)\(if .quote then "  quote " + .quote.id else "" end)")'
	if [ "$(printf "%s" "$json" | jq "[.also_in[] | select($filter)] | length")" -gt 0 ]; then
		echo "   holds"
	else
		echo "   DOES NOT HOLD"
		failed=1
	fi
}

check "seeds 000 and 001: Blinken's sentence in two wordings, variants" \
	"$(quote_of 2021-03-24-eu-and-us 'us or them')" \
	'.match == "variant" and (.article.id | startswith("2021-03-24-us-will-not"))'
check "seed 004's 'candid, substantive, and constructive' in the White House readout of 11 May 2023, verbatim" \
	"$(quote_of 2023-06-us-and-china 'candid, substantive, and constructive')" \
	'.match == "verbatim" and .article.date == "2023-05-11" and (.article.title | test("Wang"))'
check "President Biden's address to the 76th General Assembly: the White House's text in the UN's record" \
	"$(quote_of 2021-09-21-remarks-by-president-biden-before-the-76th 'my honor to speak to you for the first time')" \
	'(.article.date | startswith("2021")) and (.article.source | test("United States"))'
exit $failed
