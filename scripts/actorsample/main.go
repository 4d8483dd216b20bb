// Command actorsample draws a random sample of the actors a running Readout serves and writes a
// sheet for judging each by reading: its name, kind and counts, a few of its quotes, and the
// other actors of the same surname (one person under two ids shows there). With -judged, it
// reads a sheet's verdicts back and prints the shares of each.
//
//	go run ./scripts/actorsample -url http://localhost:8080 -n 150 -seed 11 > sheet.md
//	go run ./scripts/actorsample -judged verdicts.tsv
//
// A verdicts file has one line per actor: its id, a tab and one of person (a person, rightly
// named), badly-named (a person, named wrongly: a title glued to the name, wrong case, a
// misspelling), organisation, state, role (an office or a role without a name), junk (no one:
// a heading, a phrase), and, after another tab, "split" when the same person has another id.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

type actor struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Registered bool     `json:"registered"`
	Articles   int      `json:"articles"`
	Quotes     int      `json:"quotes"`
	Aliases    []string `json:"aliases"`
	Also       []string `json:"also"`
}

type quote struct {
	Text     string `json:"text"`
	Speakers []struct {
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"speakers"`
	Article struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Date  string `json:"date"`
	} `json:"article"`
}

func main() {
	base := flag.String("url", "http://localhost:8080", "the Readout server")
	n := flag.Int("n", 150, "how many actors to draw")
	seed := flag.Uint64("seed", 11, "the draw's seed")
	judged := flag.String("judged", "", "a verdicts file to count instead of drawing")
	flag.Parse()
	var err error
	if *judged != "" {
		err = count(*judged, os.Stdout)
	} else {
		err = sheet(*base, *n, *seed, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "actorsample:", err)
		os.Exit(1)
	}
}

var client = &http.Client{Timeout: 60 * time.Second}

func getJSON(u string, v any) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("%s: %s: %s", u, resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// allActors reads every actor, page by page where the server pages the list.
func allActors(base string) ([]actor, error) {
	var all []actor
	seen := map[string]bool{}
	for page := 1; page <= 1000; page++ {
		var res struct {
			Total  int     `json:"total"`
			Actors []actor `json:"actors"`
		}
		if err := getJSON(fmt.Sprintf("%s/api/actors?page=%d&per_page=100", base, page), &res); err != nil {
			return nil, err
		}
		added := 0
		for _, a := range res.Actors {
			if !seen[a.ID] {
				seen[a.ID] = true
				all = append(all, a)
				added++
			}
		}
		if added == 0 || res.Total > 0 && len(all) >= res.Total {
			break
		}
	}
	return all, nil
}

func sheet(base string, n int, seed uint64, w io.Writer) error {
	all, err := allActors(base)
	if err != nil {
		return err
	}
	var quoted []actor
	for _, a := range all {
		if a.Quotes > 0 {
			quoted = append(quoted, a)
		}
	}
	slices.SortFunc(quoted, func(a, b actor) int { return strings.Compare(a.ID, b.ID) })
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(quoted), func(i, j int) { quoted[i], quoted[j] = quoted[j], quoted[i] })
	sample := quoted[:min(n, len(quoted))]
	bySurname := map[string][]actor{}
	for _, a := range all {
		bySurname[surname(a.Name)] = append(bySurname[surname(a.Name)], a)
	}
	fmt.Fprintf(w, "# %d of the %d quoted actors of %s (seed %d)\n\n", len(sample), len(quoted), base, seed)
	for i, a := range sample {
		fmt.Fprintf(w, "## %d. %s — `%s`\n\n", i+1, a.Name, a.ID)
		fmt.Fprintf(w, "kind %q, registered %v, %d quotes in %d articles", a.Kind, a.Registered, a.Quotes, a.Articles)
		if len(a.Also) > 0 {
			fmt.Fprintf(w, ", also written %s", strings.Join(a.Also, "; "))
		}
		fmt.Fprintln(w)
		var others []string
		for _, o := range bySurname[surname(a.Name)] {
			if o.ID != a.ID && surname(a.Name) != "" {
				others = append(others, fmt.Sprintf("%s (`%s`, %d quotes)", o.Name, o.ID, o.Quotes))
			}
		}
		if len(others) > 0 {
			fmt.Fprintf(w, "\nsame surname: %s\n", strings.Join(others[:min(len(others), 8)], ", "))
		}
		var qs struct {
			Quotes []quote `json:"quotes"`
		}
		if err := getJSON(fmt.Sprintf("%s/api/quotes?speaker=%s&per_page=3&sort=newest", base, url.QueryEscape(a.ID)), &qs); err != nil {
			fmt.Fprintf(w, "\n(quotes: %v)\n", err)
		}
		for _, q := range qs.Quotes {
			role := ""
			for _, s := range q.Speakers {
				if s.Role != "" {
					role = " — " + s.Role
				}
			}
			fmt.Fprintf(w, "\n- %s, *%s*%s: %q\n", q.Article.Date, q.Article.Title, role, clip(q.Text, 240))
			fmt.Fprintf(w, "  %s/articles/%s\n", base, q.Article.ID)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// surname is the last word of a name, in lower case.
func surname(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

var verdicts = []string{"person", "badly-named", "organisation", "state", "role", "junk"}

func count(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]int{}
	total, split := 0, 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) < 2 || !slices.Contains(verdicts, fields[1]) {
			return fmt.Errorf("%s:%d: want an id, a tab and one of %s", path, line, strings.Join(verdicts, ", "))
		}
		counts[fields[1]]++
		total++
		if len(fields) > 2 && fields[2] == "split" {
			split++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if total == 0 {
		return fmt.Errorf("%s: no verdicts", path)
	}
	fmt.Fprintf(w, "%d actors judged\n", total)
	for _, v := range verdicts {
		fmt.Fprintf(w, "%-13s %4d  %5.1f %%\n", v, counts[v], 100*float64(counts[v])/float64(total))
	}
	fmt.Fprintf(w, "%-13s %4d  %5.1f %%  (one person under two or more ids)\n", "split", split, 100*float64(split)/float64(total))
	return nil
}
