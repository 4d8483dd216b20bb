package catalog_test

import (
	"errors"
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
	c := mustCatalog(t, files)
	for _, tt := range []struct{ from, to string }{
		{"qwertabary", "qwertabari"}, {"zimlc", "zimic"}, {"donald-charles-qwinnon", "donald-qwinnon"},
		{"zong-kim", "kim-zong"}, {"qwindzi", "m-qwindzi"}, {"adminstrator-qwerell", "deanne-qwerell"},
		{"julianna-qwratton", "juliana-qwratton"}, {"qwelliavn", "jake-qwellivan"},
		{"qwuntasser", "omar-qwuntasser"}, {"al-qwuntasser", "omar-qwuntasser"}, {"qwitterrand", "francois-qwitterand"},
		{"abdullatif-al-qwayani", "abdullatif-alqwayani"},
	} {
		var moved *index.MovedError
		if _, err := c.Actor(tt.from); !errors.As(err, &moved) || moved.ID != tt.to {
			t.Errorf("Actor(%s): %v, want moved to %s", tt.from, err, tt.to)
		}
	}
	for _, id := range []string{"zolley", "zolly", "qwerrison", "al-qwergreen", "cooper"} {
		if _, err := c.Actor(id); err != nil {
			t.Errorf("Actor(%s): %v; surnames a letter apart that no government's statements join, a longer surname, a given name that is also a particle and a surname before the registered namesake was born stay apart", id, err)
		}
	}
}
