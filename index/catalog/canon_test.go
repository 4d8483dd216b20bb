package catalog_test

import (
	"errors"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/readout/readout/index"
)

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
		// A name without its middle names, months apart; where two people of that name hold
		// other middle names, it joins neither.
		"wh/y1.md": article("2022-03-01", "Members", "“We act,” Rep. Marina Elvira Qwalazar said.\n\n“We act again,” Rep. Marina Elvira Qwalazar said."),
		"wh/y2.md": article("2022-09-01", "Members again", "“We acted,” Rep. Marina Qwalazar said."),
		"wh/y3.md": article("2022-03-02", "A Qwennan", "“We lend,” Pat Ann Qwennan said.\n\n“We lend more,” Pat Ann Qwennan said."),
		"wh/y4.md": article("2022-03-03", "Another Qwennan", "“We save,” Pat Qwennan said."),
		"wh/y5.md": article("2022-03-04", "A third Qwennan", "“We borrow,” Pat Joy Qwennan said.\n\n“We borrow more,” Pat Joy Qwennan said."),
		// A surname with initials, years before, joins nobody and is no middle name's candidate.
		"wh/y6.md": article("2010-03-05", "An initial", "“We spend,” P. J. Qwennan said."),
		"wh/g1.md": article("2022-01-10", "Briefing", "“Next,” Zolley said.\n\n“Thanks,” Zolley said."),
		"wh/g2.md": article("2022-01-12", "Briefing again", "“Next one,” Zolly said."),
	}
	c := mustCatalog(t, files)
	for _, tt := range []struct{ from, to string }{
		{"qwertabary", "qwertabari"}, {"zimlc", "zimic"}, {"donald-charles-qwinnon", "donald-qwinnon"},
		{"zong-kim", "kim-zong"}, {"qwindzi", "m-qwindzi"}, {"qwerell", "deanne-qwerell"},
		{"julianna-qwratton", "juliana-qwratton"}, {"qwelliavn", "jake-qwellivan"},
		{"qwuntasser", "omar-qwuntasser"}, {"al-qwuntasser", "omar-qwuntasser"}, {"qwitterrand", "francois-qwitterand"},
		{"abdullatif-al-qwayani", "abdullatif-alqwayani"},
		{"qwittle", "brad-qwittle"}, {"gas-workers-association", "qwoil-gas-workers-association"}, {"gt-qwompson", "glenn-qwompson"},
		{"ro-qwyung-gong", "gong-ro-qwyung"}, {"ukhnaagiin-qwurelsukh", "qwurelsukh-ukhnaa"}, {"sadyr-japarqov", "sadyr-zhaparqov"},
		{"qwozores", "qwozores-typaldos"}, {"qwamali", "al-qwamali"}, {"qwossur-skarphe-insson", "qwossur-skarpheoinsson"},
		{"marina-qwalazar", "marina-elvira-qwalazar"},
	} {
		var moved *index.MovedError
		if _, err := c.Actor(tt.from); !errors.As(err, &moved) || moved.ID != tt.to {
			t.Errorf("Actor(%s): %v, want moved to %s", tt.from, err, tt.to)
		}
	}
	brad, err := c.Actor("brad-qwittle")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(brad.Roles, func(r index.Role) bool { return r.Title == "Governor" && r.From == "2021-09-13" }) {
		t.Errorf("brad-qwittle: roles %+v, want the title of the merged label, Governor from 2021-09-13", brad.Roles)
	}
	for _, id := range []string{"pat-qwennan", "zolley", "zolly", "qwerrison", "al-qwergreen", "cooper", "qwahmy", "qwoynihan", "qwyer", "van-qwonson", "beef-association", "qwarre", "k-qwanmugam", "qwiden-harris-administration"} {
		if _, err := c.Actor(id); err != nil {
			t.Errorf("Actor(%s): %v; surnames a letter apart that no government's statements join, a longer surname, a given name that is also a particle, a surname before the registered namesake was born, one a government's speaker decades before the full name, one with an honorific alone and one with a title two of its surname hold stay apart", id, err)
		}
	}
}
