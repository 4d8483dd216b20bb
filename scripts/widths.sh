#!/bin/sh
# scripts/widths.sh: is any page wider than its window? Loads a sample of a running server's
# pages in headless Chromium at a phone's width (390 px) and a desktop's (1,280 px) with
# scripts/pageheight, and prints each page's width beside its window's; exits 1 if one is wider.
#
#   scripts/widths.sh [BASE]        # BASE: the server, http://127.0.0.1:8080 by default
#
# The sample: the pages of the corpus that overflowed before (month timelines, a source's link
# markup), searches, a facet in full, a long transcript with ?hl=, a quote and the lists.
set -eu
BASE=${1:-http://127.0.0.1:8080}
quote=$(curl -fsS "$BASE/api/quotes?q=Taiwan&per_page=1" | sed -n 's/.*"quotes": *\[ *{ *"id": *"\([^"]*\)".*/\1/p' | head -n 1)
if [ -z "$quote" ]; then
	quote=$(curl -fsS "$BASE/api/quotes?q=Taiwan&per_page=1" | tr -d ' \n' | sed -n 's/.*"quotes":\[{"id":"\([^"]*\)".*/\1/p')
fi
article=$(curl -fsS "$BASE/api/quotes/$quote" | tr -d '\n' | sed -n 's/.*"article": *{ *"id": *"\([^"]*\)".*/\1/p')
set -- "$BASE/" "$BASE/search?q=Taiwan" "$BASE/search?q=Taiwan&kind=quotes" "$BASE/search?q=Quad&all=actor" \
	"$BASE/actors" "$BASE/actors/joe-biden" "$BASE/actors/jen-psaki" "$BASE/topics" "$BASE/topics/taiwan" "$BASE/topics/china" \
	"$BASE/quotes/$quote" "$BASE/articles/$article?hl=Taiwan" "$BASE/articles/2023-05-20-quad-leaders-summit-fact-sheet" "$BASE/search/help"
status=0
for width in 390 1280; do
	go run ./scripts/pageheight -width "$width" "$@" | awk -F'\t' -v w="$width" '{ print $1 "\t" $3; split($3, a, " "); if (a[2] + 0 > w + 0) bad = 1 } END { exit bad }' || status=1
done
exit $status
