package registry_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/index/registry"
)

func mustLoad(t *testing.T) *registry.Registry {
	t.Helper()
	r, err := registry.Load(os.DirFS("testdata"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// names returns the ids of the actors each mention can mean, after resolution in reading order.
func names(r *registry.Registry, text string, d time.Time) []string {
	toks := registry.Tokenize(text)
	ms := r.Mentions(text, toks, d)
	r.ResolveMentions(ms)
	var out []string
	for _, m := range ms {
		var ids []string
		for _, a := range m.Actors {
			ids = append(ids, r.ActorAt(a).ID)
		}
		out = append(out, text[m.Start:m.End]+"="+strings.Join(ids, "|"))
	}
	return out
}

func TestMentions(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		text string
		day  string
		want []string
	}{
		{"Anthony Blinken met Blinken's team; Mr Blinken spoke.", "2021-03-01",
			[]string{"Anthony Blinken=antony-blinken", "Blinken=antony-blinken", "Blinken=antony-blinken"}},
		{"Blinken spoke first.", "2021-03-01", []string{"Blinken="}}, // a surname alone, never named in full: nobody known
		{"The top U.S. diplomat said so.", "2022-01-01", []string{"top U.S. diplomat=antony-blinken"}},
		{"The top U.S. diplomat said so.", "2026-01-01", nil}, // the role was not held then
		{"THE PRESIDENT: Thank you.", "2022-01-01", []string{"PRESIDENT=joe-biden"}},
		{"THE PRESIDENT: Thank you.", "2025-06-01", []string{"PRESIDENT=donald-trump"}},
		{"Dr. Biden and Mrs. Biden visited.", "2022-01-01", []string{"Dr. Biden=jill-biden", "Biden=jill-biden"}},
		{"Mr. Young answered.", "2022-01-01", nil}, // the only Young is a woman
		{"Exports to Latin America and the US grew.", "2022-01-01", []string{"US=united-states"}},
		{"An op-ed in The Washington Post.", "2022-01-01", nil},
		{"us and them", "2022-01-01", nil}, // "US" is case-sensitive
		{"Secretary of State Antony Blinken arrived.", "2022-01-01", []string{"Antony Blinken=antony-blinken"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := names(r, tt.text, day(tt.day))
			got = slices.DeleteFunc(got, func(s string) bool { return strings.HasSuffix(s, "=") && !slices.Contains(tt.want, s) })
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTopics(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		text string
		want map[string]int
	}{
		{"Alliances matter; an alliance is old.", map[string]int{"alliances": 2}},
		{"The Quad met; a quad bike did not.", map[string]int{"quad": 1}},
		{"Claims in the south china sea.", map[string]int{"south-china-sea": 1}},
		// A term inside another topic's longer term names both; each topic counts its own once.
		{"Claims in the South China Sea; China objects.", map[string]int{"south-china-sea": 1, "china": 2}},
		{"Allied nations.", map[string]int{}},
	}
	for _, tt := range tests {
		got := map[string]int{}
		for i, n := range r.TopicMatches(tt.text, registry.Tokenize(tt.text)) {
			got[r.Topics[i].ID] = n
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			}
		}
	}
}

func TestStatementTitle(t *testing.T) {
	r := mustLoad(t)
	who, ok := r.Language.StatementTitle("Statement from President Joe Biden on Travel to Kyiv")
	if !ok || who != "President Joe Biden" {
		t.Errorf("got %q %v", who, ok)
	}
	if _, ok := r.Language.StatementTitle("Readout of a Call"); ok {
		t.Error("a readout is not a statement")
	}
}

func TestLoadBroken(t *testing.T) {
	base := func() fstest.MapFS {
		fs := fstest.MapFS{}
		for _, n := range []string{"actors.yaml", "topics.yaml", "language.yaml", "boilerplate.yaml"} {
			b, _ := os.ReadFile("testdata/" + n)
			fs[n] = &fstest.MapFile{Data: b}
		}
		return fs
	}
	tests := []struct {
		name, file, content, want string
	}{
		{"duplicate actor", "actors.yaml", "actors:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", "used twice"},
		{"bad id", "actors.yaml", "actors:\n  - {id: A B, name: A}\n", "lowercase slug"},
		{"bad kind", "actors.yaml", "actors:\n  - {id: a, name: A, kind: robot}\n", "kind"},
		{"unknown field", "topics.yaml", "topics:\n  - {id: a, name: A, colour: red}\n", "colour"},
		{"bad rule", "boilerplate.yaml", "rules:\n  - {name: x, pattern: '('}\n", "missing closing"},
		{"rule with two kinds", "boilerplate.yaml", "rules:\n  - {name: x, line: a, prefix: b}\n", "exactly one"},
		{"bad date", "actors.yaml", "actors:\n  - {id: a, name: A, roles: [{title: T, from: March 2021}]}\n", "not YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := base()
			fs[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := registry.Load(fs, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %v does not name the file %s", err, tt.file)
			}
		})
	}
}

// TestSeedsRegistry loads the real registries: they must parse and every topic must tag.
func TestSeedsRegistry(t *testing.T) {
	r, err := registry.Load(os.DirFS("../../seeds"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actors) < 100 || len(r.Topics) < 30 {
		t.Errorf("%d actors and %d topics: the seeds' registry is smaller than expected", len(r.Actors), len(r.Topics))
	}
	for _, tp := range r.Topics {
		if len(tp.Terms)+len(tp.Cased) == 0 {
			t.Errorf("topic %s has no terms", tp.ID)
		}
	}
}

// TestCountedNames: the names counted from birth records add to the hand-written list and never
// change a name it has, whatever gender the count gives.
func TestCountedNames(t *testing.T) {
	fs := fstest.MapFS{
		"names.yaml":         {Data: []byte("male: [Jordan]\nneutral: [Alex]\n")},
		"names-counted.yaml": {Data: []byte("male: [Alex, Bertram]\nfemale: [Jordan, Marta]\nneutral: [Jessie]\n")},
	}
	r, err := registry.Load(fs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, gender string
		ok           bool
	}{
		{"Jordan", "male", true}, {"Alex", "", true}, {"Bertram", "male", true},
		{"Marta", "female", true}, {"Jessie", "", true}, {"Zebulon", "", false},
	} {
		if g, ok := r.GivenName(tt.name); g != tt.gender || ok != tt.ok {
			t.Errorf("GivenName(%q) = %q, %v; want %q, %v", tt.name, g, ok, tt.gender, tt.ok)
		}
	}
}
