package archive_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index"
	"github.com/readout/readout/seeds"
)

func article(date, title, text string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: " + date + "\n---\n\n" + text + "\n")}
}

// TestOneActorPerPerson: a surname alone and a misspelling join the person the archive names in
// full; the merged ids answer as that actor everywhere, and the merge is visible.
func TestOneActorPerPerson(t *testing.T) {
	files := fstest.MapFS{
		"articles/a1.md": article("2024-01-10", "Senate hearing", "Senator Jane Qwerty chaired the hearing.\n\n“We will act,” Jane Qwerty said.\n\n“Soon,” Jane Qwerty added."),
		"articles/a2.md": article("2024-02-01", "Vote delayed", "“We acted,” Qwerty said."),
		"articles/a3.md": article("2024-03-01", "A speech", "“Hello there,” Jayne Qwerty said."),
		// Two people of one surname in the same years: the surname alone joins neither.
		"articles/b1.md": article("2024-01-10", "Two Zorbs", "“Yes,” Anna Zorbeck said.\n\n“No,” Paul Zorbeck said."),
		"articles/b2.md": article("2024-01-20", "A Zorbeck", "“Maybe,” Zorbeck said."),
		// A short given name, and a name's last words alone.
		"articles/c1.md": article("2024-01-10", "Union", "“We build,” Douglas J. Smithwick said.\n\n“We build more,” Douglas J. Smithwick said."),
		"articles/c2.md": article("2024-02-10", "Union again", "“We build it all,” Doug Smithwick said."),
		"articles/d1.md": article("2024-01-10", "House", "“We vote,” Bonnie Watson Qwertyman said.\n\n“We vote again,” Bonnie Watson Qwertyman said."),
		"articles/d2.md": article("2024-02-10", "House again", "“We voted,” Rep. Watson Qwertyman said."),
		// One government's speaker, years apart: by surname alone, and misspelt (a UN delegation's).
		"articles/f1.md": &fstest.MapFile{Data: []byte("---\ntitle: General debate, 45th session\ndate: 1990-09-25\nsource: Japan\n---\n\n“We call for peace in the Horn,” Roble Qwolhaye said.\n\n“And for the refugees,” Roble Qwolhaye added.\n")},
		"articles/f2.md": &fstest.MapFile{Data: []byte("---\ntitle: General debate, 50th session\ndate: 1995-09-25\nsource: Japan\n---\n\n“We call for peace again,” Qwolhaye said.\n")},
		"articles/f3.md": &fstest.MapFile{Data: []byte("---\ntitle: General debate, 53rd session\ndate: 1998-09-25\nsource: Japan\n---\n\n“We call for peace once more,” Robble Qwolhaye said.\n")},
		// The same government under the UN's name with its parenthesis and under its short one.
		"articles/g1.md": &fstest.MapFile{Data: []byte("---\ntitle: General debate, 45th session\ndate: 1990-09-25\nsource: Iran (Islamic Republic of)\n---\n\n“We call for calm in the Gulf,” Kamal Qwertani said.\n\n“And for talks,” Kamal Qwertani added.\n")},
		"articles/g2.md": &fstest.MapFile{Data: []byte("---\ntitle: General debate, 50th session\ndate: 1995-09-25\nsource: Iran\n---\n\n“We call for calm again,” Qwertani said.\n")},
		// The same name but for an initial and a suffix.
		"articles/e1.md": article("2024-01-10", "Health", "“We act,” Robert F. Zenndy Jr. said.\n\n“We act now,” Robert F. Zenndy Jr. said."),
		"articles/e2.md": article("2024-02-10", "Health again", "“We acted,” Robert Zenndy said."),
	}
	a := mustArchive(t, files, "")
	for _, tt := range []struct{ from, to string }{{"doug-smithwick", "douglas-j-smithwick"}, {"watson-qwertyman", "bonnie-watson-qwertyman"}, {"qwolhaye", "roble-qwolhaye"}, {"robble-qwolhaye", "roble-qwolhaye"}, {"qwertani", "kamal-qwertani"}} {
		if _, err := a.Actor(tt.from); !errors.As(err, new(*index.MovedError)) {
			t.Errorf("Actor(%s): %v, want moved to %s", tt.from, err, tt.to)
		}
	}

	var moved *index.MovedError
	if _, err := a.Actor("qwerty"); !errors.As(err, &moved) || moved.ID != "jane-qwerty" {
		t.Errorf("Actor(qwerty): %v, want moved to jane-qwerty", err)
	}
	if _, err := a.Actor("jayne-qwerty"); !errors.As(err, &moved) || moved.ID != "jane-qwerty" {
		t.Errorf("Actor(jayne-qwerty): %v, want moved to jane-qwerty", err)
	}
	jane, err := a.Actor("jane-qwerty")
	if err != nil {
		t.Fatal(err)
	}
	if jane.Quotes != 4 || !slices.Contains(jane.Also, "Jayne Qwerty") {
		t.Errorf("jane-qwerty: %d quotes, also %q; want 4 and Jayne Qwerty", jane.Quotes, jane.Also)
	}
	if _, err := a.Actor("zorbeck"); err != nil {
		t.Errorf("Actor(zorbeck): %v; a surname two people share stays its own", err)
	}

	res, err := a.Search(context.Background(), index.Query{Actors: []string{"qwerty"}, Kind: index.KindQuotes, Page: 1, PerPage: 10, Sort: index.SortNewest})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 {
		t.Errorf("quotes of qwerty: %d, want Jane Qwerty's 4", res.Total)
	}
	for _, h := range res.QuoteHits {
		if len(h.Quote.Speakers) != 1 || h.Quote.Speakers[0].ID != "jane-qwerty" || h.Quote.Speakers[0].Name != "Jane Qwerty" {
			t.Errorf("quote %q: speakers %+v, want Jane Qwerty", h.Quote.Text, h.Quote.Speakers)
		}
	}
	for _, f := range res.Facets.Actors {
		if f.ID == "qwerty" || f.ID == "jayne-qwerty" {
			t.Errorf("facet lists the merged actor %s", f.ID)
		}
		if f.ID == "jane-qwerty" && f.Count != 4 {
			t.Errorf("facet counts %d quotes of jane-qwerty, want 4", f.Count)
		}
	}
	// With no filter, from the catalog's views and from a search's columns alike: the merged
	// spellings are counted as the one actor, before the facet is cut to its top values.
	for _, q := range []index.Query{
		{Kind: index.KindQuotes, Page: 1, PerPage: 10, Sort: index.SortNewest},
		{Text: "we", Kind: index.KindQuotes, Page: 1, PerPage: 10},
	} {
		res, err := a.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var got int
		for _, f := range res.Facets.Actors {
			if f.ID == "qwerty" || f.ID == "jayne-qwerty" {
				t.Errorf("%q: facet lists the merged actor %s", q.Text, f.ID)
			}
			if f.ID == "jane-qwerty" {
				got = f.Count
			}
		}
		if want := map[string]int{"": 4, "we": 2}[q.Text]; got != want {
			t.Errorf("%q: facet counts %d quotes of jane-qwerty, want %d", q.Text, got, want)
		}
	}

	actors, err := a.Actors()
	if err != nil {
		t.Fatal(err)
	}
	var zenndys []string
	for _, info := range actors {
		if info.ID == "qwerty" || info.ID == "jayne-qwerty" {
			t.Errorf("the list of actors holds the merged %s", info.ID)
		}
		if strings.Contains(info.Name, "Zenndy") {
			zenndys = append(zenndys, info.ID)
		}
	}
	if len(zenndys) != 1 {
		t.Errorf("Robert F. Zenndy Jr. is listed as %q, want one actor", zenndys)
	}
}

// TestProceduralTurns: turns that carry no statement are kept in the article but left out of
// searches, lists and counts unless asked for.
func TestProceduralTurns(t *testing.T) {
	files := fstest.MapFS{
		"articles/t.md": article("2022-02-01", "Press Briefing by Press Secretary Jen Psaki",
			"MS. PSAKI: Good afternoon. We will speak about Taiwan and the talks today.\n\nQ: Thank you.\n\nMS. PSAKI: Go ahead.\n\nQ: On Taiwan?\n\nMS. PSAKI: Taiwan matters to us and to our partners in the region.\n\nQ: Thanks.\n\nMS. PSAKI: Thank you."),
	}
	a := mustArchive(t, files, "")
	art, err := a.Article("t")
	if err != nil {
		t.Fatal(err)
	}
	procedural := 0
	for _, q := range art.Quotes {
		if q.Procedural {
			procedural++
		}
	}
	if len(art.Quotes) != 4 || procedural != 2 {
		t.Fatalf("%d quotes, %d procedural; want 4 and 2 (Go ahead, Thank you)", len(art.Quotes), procedural)
	}
	for _, tc := range []struct {
		text       string
		procedural bool
		want       int
	}{{"", false, 2}, {"", true, 4}, {"thank", false, 0}, {"thank", true, 1}} {
		res, err := a.Search(context.Background(), index.Query{Text: tc.text, Kind: index.KindQuotes, Procedural: tc.procedural, Page: 1, PerPage: 10, Sort: index.SortNewest})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tc.want || len(res.QuoteHits) != tc.want {
			t.Errorf("search %q (procedural %v): %d quotes (%d listed), want %d", tc.text, tc.procedural, res.Total, len(res.QuoteHits), tc.want)
		}
		// The same count as the other tab of a search of articles, with a filter too.
		for _, topics := range [][]string{nil, {"taiwan"}} {
			if tc.text == "" && topics == nil {
				continue // answered by the catalog's browse views
			}
			res, err = a.Search(context.Background(), index.Query{Text: tc.text, Topics: topics, Kind: index.KindArticles, Procedural: tc.procedural, Page: 1, PerPage: 10, Sort: index.SortNewest})
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if topics != nil {
				want = 0 // the turns that say nothing name no topic
				if tc.text == "" {
					want = 2 // the two of Taiwan
				}
			}
			if res.QuoteCount != want {
				t.Errorf("search of articles %q %v (procedural %v): the quotes tab counts %d, want %d", tc.text, topics, tc.procedural, res.QuoteCount, want)
			}
		}
	}
	psaki, err := a.Actor("jen-psaki")
	if err != nil {
		t.Fatal(err)
	}
	if psaki.Quotes != 2 {
		t.Errorf("Jen Psaki counts %d quotes, want the 2 that say something", psaki.Quotes)
	}
}

// TestNamesInTheBox: a whole name typed among the words of a search of quotes is the speaker;
// actor: takes a surname or a slip of spelling.
func TestNamesInTheBox(t *testing.T) {
	a := mustArchive(t, seeds.FS, "")
	search := func(q index.Query) *index.Results {
		t.Helper()
		q.Page, q.PerPage, q.Sort = 1, 50, index.SortNewest
		res, err := a.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := search(index.Query{Text: "Antony Blinken China", Kind: index.KindQuotes})
	if len(res.Named) != 1 || res.Named[0].ID != "antony-blinken" || res.Words != "China" {
		t.Fatalf("named %+v, words %q; want Antony Blinken and China", res.Named, res.Words)
	}
	if res.Total == 0 {
		t.Fatal("no quotes of Antony Blinken about China")
	}
	for _, h := range res.QuoteHits {
		if !slices.ContainsFunc(h.Quote.Speakers, func(s index.Speaker) bool { return s.ID == "antony-blinken" }) {
			t.Errorf("quote %q is not Blinken's", h.Quote.Text)
		}
	}
	if lit := search(index.Query{Text: "Antony Blinken China", Kind: index.KindQuotes, Literal: true}); len(lit.Named) != 0 || lit.Words != "Antony Blinken China" {
		t.Errorf("literal: named %+v, words %q", lit.Named, lit.Words)
	}
	if art := search(index.Query{Text: "Antony Blinken China", Kind: index.KindArticles}); len(art.Offered) != 1 || len(art.Named) != 0 || art.Words != "Antony Blinken China" {
		t.Errorf("articles: offered %+v, named %+v, words %q", art.Offered, art.Named, art.Words)
	}
	for _, typed := range []string{"actor:blinken", "actor:Blinkin", "speaker:antony-blinken"} {
		res := search(index.Query{Text: typed, Kind: index.KindQuotes})
		if len(res.Query.Actors) != 1 || res.Query.Actors[0] != "antony-blinken" {
			t.Errorf("%s: actors %v, want antony-blinken", typed, res.Query.Actors)
		}
	}
	if res := search(index.Query{Text: "actor:Blinkin", Kind: index.KindQuotes}); !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "Antony Blinken") }) {
		t.Errorf("actor:Blinkin: notes %q; want one naming Antony Blinken", res.Notes)
	}
}

// TestOneActorAcrossSpellings: one government's speaker under names a scan or a typist wrote
// otherwise (a surname a letter apart, "l" read for "i", a middle name, a second surname, the
// words in another order, initials, a particle, a surname alone misspelt, words run together)
// is one actor; a misspelt title before a surname is taken off; a given name misspelt 18 months
// later joins the name; a surname alone misspelt joins the person of that surname its article
// names. Surnames a letter apart in a press room, where no government's statements tell, a
// longer surname ("Harrison" beside "Kamala Harris"), a name whose given name is also a particle
// ("Al Green") and a surname at the UN in 1957 beside a registered namesake born in 1967 ("Mr.
// Cooper") stay apart.
func TestOneActorAcrossSpellings(t *testing.T) {
	un := func(date, source, text string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: General debate\ndate: " + date + "\nsource: " + source + "\n---\n\n" + text + "\n")}
	}
	files := fstest.MapFS{
		"un/a1.md": un("1974-09-25", "Japan", "“We call for peace,” Qwertabari said.\n\n“And for talks,” Qwertabari added."),
		"un/a2.md": un("1977-09-25", "Japan", "“We call for peace again,” Qwertabary said."),
		"un/b1.md": un("1975-09-25", "Peru", "“We call for calm,” Zimic said.\n\n“And for trade,” Zimic added."),
		"un/b2.md": un("1976-09-25", "Peru", "“We call for calm again,” ZIMlC said."),
		"un/c1.md": un("1999-09-25", "Chile", "“We build,” Donald Qwinnon said.\n\n“We build more,” Donald Qwinnon said."),
		"un/c2.md": un("1998-09-25", "Chile", "“We built,” Donald Charles Qwinnon said."),
		"un/d1.md": un("2021-09-25", "Cuba", "“We hope,” Kim Zong said.\n\n“We hope more,” Kim Zong said."),
		"un/d2.md": un("2023-09-25", "Cuba", "“We hoped,” Zong Kim said."),
		"un/e1.md": un("1966-09-25", "Kenya", "“We grow,” M. Qwindzi said."),
		"un/e2.md": un("1967-09-25", "Kenya", "“We grew,” Qwindzi said.\n\n“We grew more,” Qwindzi said."),
		"un/j1.md": un("1996-09-25", "Chad", "“We seek peace,” Omar Qwuntasser said.\n\n“And trade,” Omar Qwuntasser said.\n\n“And more,” Omar Qwuntasser said."),
		"un/j2.md": un("1994-09-25", "Chad", "“We sought peace,” Qwuntasser said."),
		"un/j3.md": un("1993-09-25", "Chad", "“We sought it,” Al-Qwuntasser said."),
		"un/k1.md": un("1988-09-25", "Mali", "“We hope,” Francois Qwitterand said.\n\n“We hope more,” Francois Qwitterand said."),
		"un/k2.md": un("1983-09-25", "Mali", "“We hoped,” Qwitterrand said."),
		"un/k3.md": un("1989-09-25", "Mali", "“We hoped again,” Francois Qwitterrand said."),
		"un/l1.md": un("2022-09-25", "Fiji", "“We build,” Abdullatif Alqwayani said.\n\n“We build more,” Abdullatif Alqwayani said."),
		"un/l2.md": un("2021-09-25", "Fiji", "“We built,” Abdullatif Al Qwayani said."),
		"un/o1.md": &fstest.MapFile{Data: []byte("---\ntitle: Statement by Mr. COOPER to the General Debate of the 12th session\ndate: 1957-09-25\nsource: Liberia\n---\n\nWe thank Mr. Cooper for his words.\n")},
		// Names in another order, transliterated, a first surname alone, a particle, a letter a
		// slug leaves out; and a surname alone decades from the full name.
		"un/p1.md": un("1996-09-25", "Peru", "“We trade,” Gong Ro-Qwyung said.\n\n“We trade more,” Gong Ro-Qwyung said."),
		"un/p2.md": un("1997-09-25", "Peru", "“We traded,” Ro-Qwyung Gong said."),
		"un/q1.md": un("2019-09-25", "Chile", "“We grow,” Qwurelsukh Ukhnaa said.\n\n“We grow more,” Qwurelsukh Ukhnaa said."),
		"un/q2.md": un("2021-09-25", "Chile", "“We grew,” Ukhnaagiin Qwurelsukh said."),
		"un/r1.md": un("2022-09-25", "Cuba", "“We build,” Sadyr Zhaparqov said.\n\n“We build more,” Sadyr Zhaparqov said."),
		"un/r2.md": un("2021-09-25", "Cuba", "“We built,” Sadyr Japarqov said."),
		"un/s1.md": un("1978-09-25", "Mali", "“We hope,” Qwozores Typaldos said.\n\n“We hope more,” Qwozores Typaldos said."),
		"un/s2.md": un("1975-09-25", "Mali", "“We hoped,” Qwozores said."),
		"un/t1.md": un("1951-09-25", "Kenya", "“We seek,” Al-Qwamali said.\n\n“We seek more,” Al-Qwamali said."),
		"un/t2.md": un("1953-09-25", "Kenya", "“We sought,” Qwamali said."),
		"un/u1.md": un("2009-09-25", "Fiji", "“We fish,” Qwossur Skarpheoinsson said.\n\n“We fish more,” Qwossur Skarpheoinsson said."),
		"un/u2.md": un("2012-09-25", "Fiji", "“We fished,” Qwossur Skarphéðinsson said."),
		"un/v1.md": un("2013-09-25", "Egypt", "“We act,” Nabil Qwahmy said.\n\n“We act again,” Nabil Qwahmy said."),
		"un/v2.md": un("1974-09-25", "Egypt", "“We acted,” Qwahmy said."),
		// A surname alone, a government's speaker for years, after a full name quoted once; a
		// surname with an initial is no first surname.
		"un/w1.md": un("1974-09-25", "Kenya", "“We lead,” Mohamed Siad Qwarre said."),
		"un/w2.md": un("1977-09-25", "Kenya", "“We speak,” Qwarre said."),
		"un/w3.md": un("1979-09-25", "Kenya", "“We speak again,” Qwarre said."),
		"un/x1.md": un("1995-09-25", "Peru", "“We trade,” Qwanmugam Jayakumar said.\n\n“We trade more,” Qwanmugam Jayakumar said."),
		"un/x2.md": un("2005-09-25", "Peru", "“We traded,” K. Qwanmugam said."),
		// A surname with a title years from the full name with that title; with an honorific
		// alone, and where two of the surname hold the title, it stays apart.
		"wh/t1.md": article("2021-09-13", "Remarks by President Biden in a Briefing", "THE PRESIDENT: I pass it to the Governor.  Go ahead.\n\nGOVERNOR QWITTLE: Thank you, Mr. President, for coming.\n\nMR. QWOYNIHAN: We lend to families.\n\nMAYOR QWYER: We rebuild the city.\n\nTHE PRESIDENT: Thank you all."),
		"wh/t2.md": article("2026-02-25", "What they are saying", "“We back the plan for our state,” said Gov. Brad Qwittle.\n\n“And we will build,” said Gov. Brad Qwittle."),
		"wh/t3.md": article("2025-01-23", "Economic forum", "“We lend to more families,” said Brian Qwoynihan.\n\n“And more,” said Brian Qwoynihan."),
		"wh/t4.md": article("2023-03-15", "Mayors", "“We build,” said Mayor Buddy Qwyer.\n\n“We build more,” said Mayor Jerry Qwyer.\n\n“We build the most,” said Mayor Brandon Qwonson.\n\n“We pass it,” said Speaker Mike Qwonson."),
		"wh/t5.md": article("2023-02-10", "Mayors again", "“Thank you for the support of our city,” said Mayor Van Qwonson."),
		// Initials run together for a given name.
		"wh/u1.md": article("2025-04-29", "First days", "“We deliver,” said Rep. Glenn Qwompson.\n\n“We deliver more,” said Rep. Glenn Qwompson."),
		"wh/u2.md": article("2025-02-12", "Home", "“He is home,” said Rep. GT Qwompson."),
		// An organisation's name cut short at its start; one that several names end with.
		"wh/w1.md": article("2025-07-24", "Energy", "“We back the buildout,” said the Qwoil & Gas Workers Association.\n\n“And the jobs,” said the Qwoil & Gas Workers Association."),
		"wh/w2.md": article("2025-09-24", "Energy again", "“We back it again,” said the Gas Workers Association."),
		"wh/w3.md": article("2025-06-24", "Cattle", "“We back the bill,” said the National Qwattlemen Beef Association.\n\n“We do,” said the Qwillinois Beef Association."),
		"wh/w4.md": article("2025-06-25", "Cattle again", "“We do too,” said the Beef Association."),
		"wh/w5.md": article("2024-06-25", "Officials", "“We act,” said the Qwiden Harris Administration.\n\n“We act again,” said the Qwiden Harris Administration."),
		"wh/w6.md": article("2024-07-25", "Officials again", "“We acted,” said the Senior Qwiden Harris Administration."),
		"wh/f1.md": article("2021-12-15", "Storms", "“We deployed teams,” Deanne Qwerell said.\n\n“We are there,” Deanne Qwerell said."),
		"wh/f2.md": article("2021-12-16", "Storms again", "“We deployed more teams,” Adminstrator Qwerell said."),
		"wh/h1.md": article("2023-02-10", "Leaders", "“So much to love,” Juliana Qwratton said.\n\n“And more,” Juliana Qwratton said."),
		"wh/h2.md": article("2024-08-23", "A monument", "“An act of protection,” Julianna Qwratton said."),
		"wh/i1.md": article("2024-10-17", "Gaggle", "“We talked,” Jake Qwellivan said.\n\n“We will talk again,” Jake Qwellivan said.\n\n“And again,” Qwelliavn said."),
		"wh/m1.md": article("2024-09-19", "A rally", "“We win,” Kamala Qwerris said.\n\n“We vote,” Qwerrison said."),
		"wh/n1.md": article("2024-09-20", "Two Greens", "“We act,” Josh Qwergreen said.\n\n“We act again,” Josh Qwergreen said."),
		"wh/n2.md": article("2024-09-21", "A vote", "“We vote no,” Al Qwergreen said."),
		"wh/g1.md": article("2022-01-10", "Briefing", "“Next,” Zolley said.\n\n“Thanks,” Zolley said."),
		"wh/g2.md": article("2022-01-12", "Briefing again", "“Next one,” Zolly said."),
	}
	a := mustArchive(t, files, "")
	for _, tt := range []struct{ from, to string }{
		{"qwertabary", "qwertabari"}, {"zimlc", "zimic"}, {"donald-charles-qwinnon", "donald-qwinnon"},
		{"zong-kim", "kim-zong"}, {"qwindzi", "m-qwindzi"}, {"qwerell", "deanne-qwerell"},
		{"julianna-qwratton", "juliana-qwratton"}, {"qwelliavn", "jake-qwellivan"},
		{"qwuntasser", "omar-qwuntasser"}, {"al-qwuntasser", "omar-qwuntasser"}, {"qwitterrand", "francois-qwitterand"},
		{"abdullatif-al-qwayani", "abdullatif-alqwayani"},
		{"qwittle", "brad-qwittle"}, {"gas-workers-association", "qwoil-gas-workers-association"}, {"gt-qwompson", "glenn-qwompson"},
		{"ro-qwyung-gong", "gong-ro-qwyung"}, {"ukhnaagiin-qwurelsukh", "qwurelsukh-ukhnaa"}, {"sadyr-japarqov", "sadyr-zhaparqov"},
		{"qwozores", "qwozores-typaldos"}, {"qwamali", "al-qwamali"}, {"qwossur-skarphe-insson", "qwossur-skarpheoinsson"},
	} {
		var moved *index.MovedError
		if _, err := a.Actor(tt.from); !errors.As(err, &moved) || moved.ID != tt.to {
			t.Errorf("Actor(%s): %v, want moved to %s", tt.from, err, tt.to)
		}
	}
	brad, err := a.Actor("brad-qwittle")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(brad.Roles, func(r index.Role) bool { return r.Title == "Governor" && r.From == "2021-09-13" }) {
		t.Errorf("brad-qwittle: roles %+v, want the title of the merged label, Governor from 2021-09-13", brad.Roles)
	}
	for _, id := range []string{"zolley", "zolly", "qwerrison", "al-qwergreen", "cooper", "qwahmy", "qwoynihan", "qwyer", "van-qwonson", "beef-association", "qwarre", "k-qwanmugam", "qwiden-harris-administration"} {
		if _, err := a.Actor(id); err != nil {
			t.Errorf("Actor(%s): %v; surnames a letter apart that no government's statements join, a longer surname, a given name that is also a particle, a surname before the registered namesake was born, one a government's speaker decades before the full name, one with an honorific alone and one with a title two of its surname hold stay apart", id, err)
		}
	}
}
