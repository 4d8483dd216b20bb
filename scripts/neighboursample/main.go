// Command neighboursample draws articles at random from a running server until it has n whose
// pages list "Other governments on this" (issue 16, part 4), and writes a sheet for judging each
// neighbour by reading: the statement (its title, date, who speaks, what it is about, its first
// quote) and each neighbour (who speaks there and for whom, its title, date, the topics shared,
// its first quote of those governments). With -judged, it counts a verdicts file.
//
//	go run ./scripts/neighboursample -url http://127.0.0.1:8080 -n 20 -seed 5 > sheet.md
//	go run ./scripts/neighboursample -judged scripts/neighboursample/verdicts/combined-seed-5.tsv
//
// A verdicts file has one line per neighbour: the statement's number in the sheet, a dot, the
// neighbour's number, a tab, a verdict, a tab and a note.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

type summary struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Date   string   `json:"date"`
	Source string   `json:"source"`
	Topics []string `json:"topics"`
}

type quote struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Procedural bool   `json:"procedural"`
	Speakers   []struct {
		Name    string `json:"name"`
		Country string `json:"country"`
	} `json:"speakers"`
}

type article struct {
	summary
	Quotes     []quote `json:"quotes"`
	Neighbours []struct {
		Article summary  `json:"article"`
		Topics  []string `json:"topics"`
		Days    int      `json:"days"`
	} `json:"neighbours"`
}

var client = &http.Client{Timeout: 30 * time.Second}

func get(base, path string, v any) error {
	resp, err := client.Get(base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "a running server")
	n := flag.Int("n", 20, "how many statements with neighbours to draw")
	seed := flag.Uint64("seed", 5, "the draw's seed")
	judged := flag.String("judged", "", "a verdicts file to count instead of drawing")
	flag.Parse()
	var err error
	if *judged != "" {
		err = count(*judged)
	} else {
		err = draw(*base, *n, *seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func draw(base string, n int, seed uint64) error {
	var list struct {
		Total int `json:"total"`
	}
	if err := get(base, "/api/articles?per_page=1", &list); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 4))
	order := r.Perm(list.Total)
	fmt.Printf("# Other governments on this: %d statements of %d articles drawn at random (seed %d) whose pages list neighbours\n\n", n, list.Total, seed)
	found, tried := 0, 0
	for _, i := range order {
		if found == n {
			break
		}
		tried++
		var page struct {
			Articles []summary `json:"articles"`
		}
		if err := get(base, fmt.Sprintf("/api/articles?per_page=1&page=%d", i+1), &page); err != nil {
			return err
		}
		if len(page.Articles) == 0 {
			continue
		}
		var a article
		if err := get(base, "/api/articles/"+url.PathEscape(page.Articles[0].ID), &a); err != nil {
			return err
		}
		if len(a.Neighbours) == 0 {
			continue
		}
		found++
		fmt.Printf("## %d. %s (%s, %s)\n\n- %s/articles/%s\n- about: %s\n- %s\n\n", found, a.Title, a.Date, a.Source, base, a.ID, strings.Join(a.Topics, ", "), firstQuote(a))
		for k, nb := range a.Neighbours {
			var b article
			if err := get(base, "/api/articles/"+url.PathEscape(nb.Article.ID), &b); err != nil {
				return err
			}
			fmt.Printf("%d.%d. %s (%s, %s; %d days; shared: %s)\n   - %s\n", found, k+1, b.Title, b.Date, b.Source, nb.Days, strings.Join(nb.Topics, ", "), firstQuote(b))
		}
		fmt.Println()
	}
	fmt.Printf("(%d articles read to find %d)\n", tried, found)
	return nil
}

// firstQuote names who speaks in an article, for whom, and cuts its first statement.
func firstQuote(a article) string {
	var who []string
	first := ""
	for _, q := range a.Quotes {
		if q.Procedural {
			continue
		}
		for _, s := range q.Speakers {
			w := s.Name
			if s.Country != "" {
				w += " (" + s.Country + ")"
			}
			if !slices.Contains(who, w) {
				who = append(who, w)
			}
		}
		if first == "" {
			first = cut(q.Text, 60)
		}
	}
	if len(who) > 6 {
		who = append(who[:6], "…")
	}
	return "speakers: " + strings.Join(who, "; ") + "\n   - first quote: " + first
}

func cut(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}

func count(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]int{}
	total := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			return fmt.Errorf("%s: %q: want a number, a tab and a verdict", path, line)
		}
		counts[fields[1]]++
		total++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Printf("%s\t%d\t%.1f %%\n", k, counts[k], 100*float64(counts[k])/float64(total))
	}
	return nil
}
