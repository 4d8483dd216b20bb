package quoteeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
	"github.com/readout/readout/index/registry"
)

// Checks that need no labels: every speech of the UN General Debate names its speaker in the
// corpus's manifest, and every turn of a transcript names its speaker in its label.

// UNReport counts the speeches of the UN General Debate corpus by the speaker they are credited
// to.
type UNReport struct {
	Speeches int
	Right    int // credited to the speaker the manifest names
	Else     int // credited to someone else
	// Namesake counts those of Else credited to a registered actor: a person of the same
	// surname, whom the registry knows, standing in for the speaker.
	Namesake int
	None     int // no speaker, or the manifest names none
	Examples []string
	// Nobody lists the speeches credited to no one although the manifest names their speaker.
	Nobody []string
}

// RunUNGDC reads the UN General Debate corpus (manifest.jsonl and its documents, in fsys) and
// counts the speeches credited to someone other than the speaker its manifest names.
func RunUNGDC(fsys fs.FS, reg *registry.Registry) (*UNReport, error) {
	f, err := fsys.Open("manifest.jsonl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := &UNReport{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m struct {
			Path    string `json:"path"`
			Speaker string `json:"speaker"`
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("manifest.jsonl: %w", err)
		}
		b, err := fs.ReadFile(fsys, m.Path)
		if err != nil {
			return nil, err
		}
		doc, err := document.Parse(path.Base(m.Path), b, reg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.Path, err)
		}
		r.Speeches++
		var who []quote.Speaker
		for _, q := range quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs).Quotes {
			if q.Turn {
				who = q.Speakers
				break
			}
		}
		want := withoutHonorific(m.Speaker, reg)
		switch {
		case len(who) == 0 || want == "":
			r.None++
			if want != "" && len(r.Nobody) < 100 {
				r.Nobody = append(r.Nobody, fmt.Sprintf("%s: %q credited to no one", m.Path, m.Speaker))
			}
		case len(who) == 1 && (sameSpeakers([]string{want}, who, reg) || sameSpeakers([]string{scanRead(want)}, who, reg) || titledName(want, who[0].Name, reg) || titledName(m.Speaker, who[0].Name, reg)):
			r.Right++
		default:
			r.Else++
			if who[0].Actor >= 0 {
				r.Namesake++
				r.Examples = append([]string{fmt.Sprintf("namesake %s: %q credited to %q", m.Path, m.Speaker, who[0].Name)}, r.Examples...)
			}
			if len(r.Examples) < 80 {
				r.Examples = append(r.Examples, fmt.Sprintf("%s: %q credited to %q", m.Path, m.Speaker, speakerNames(who)))
			}
		}
	}
	return r, sc.Err()
}

// scanRead writes a digit the scan read in a word of letters as the letter it is ("RICARD0
// GARCIA" is Ricardo Garcia, "A1 Hashimy" Al Hashimy), as the extractor reads names.
func scanRead(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if strings.Count(w, "0")+strings.Count(w, "1") == 1 && strings.IndexFunc(w, unicode.IsLetter) >= 0 && !strings.ContainsAny(w, "23456789") {
			words[i] = strings.NewReplacer("0", "o", "1", "l").Replace(w)
		}
	}
	return strings.Join(words, " ")
}

// titledName reports whether the manifest's name is the credited one with only titles before it
// and a realm after it, as the UN writes ranks the honorific list does not hold: "Lt-Gen
// Merafhe" is Merafhe, "Cl. Denis SASSOU-NGUESSO" is Denis Sassou-Nguesso, "Prince HANS-ADAM
// II of Liechtenstein" is Hans-Adam II; "Mr. U Chan Tun Aung" is not Aung.
func titledName(manifest, credited string, reg *registry.Registry) bool {
	gw, cw := nameWords(manifest), nameWords(credited)
	if i := slices.Index(gw, "of"); i > 0 {
		gw = gw[:i]
		for len(gw) > 1 && nameSuffixes[gw[len(gw)-1]] {
			gw = gw[:len(gw)-1] // "Albert II of Monaco"
		}
	}
	if len(cw) == 0 || len(cw) > len(gw) || !slices.Equal(gw[len(gw)-len(cw):], cw) {
		return false
	}
	if before := len(gw) - len(cw) - 1; before >= 0 && (reg.IsHonorific(gw[before]) || reg.IsTitleWord(gw[before])) {
		// the name after the last of the styles, whichever ones the list lacks or the scan
		// misspelt: "Rata Sir Kamisese Mara", "Grand Chief Rt. HON. SIR MICHAEL T. SOMARE",
		// "Lietenant-General Mompati Merafhe"
		return true
	}
	for _, w := range gw[:len(gw)-len(cw)] {
		if len(w) > 2 && !reg.IsHonorific(w) && !reg.IsTitleWord(w) {
			return false
		}
	}
	return true
}

var noteOrNickname = regexp.MustCompile(`\s*(?:\([^)]*\)|"[^"]*")\s*`)

// withoutHonorific takes the honorifics and titles off a name: "Mr. Arce" is "Arce", "General
// Romulo" is "Romulo", "The Reverend Benjamin Nuñez" is "Benjamin Nuñez".
func withoutHonorific(name string, reg *registry.Registry) string {
	// A note or a nickname is no part of the name: "Mr. Cujba (first name not provided)",
	// "Pushpa Kamal Dahal "Prachanda"".
	name = strings.TrimSpace(noteOrNickname.ReplaceAllString(name, " "))
	if i := strings.Index(name, ","); i > 0 && len(strings.Fields(name[:i])) > 1 {
		name = name[:i] // "Scott Morrison, MP", "Dr. Lotay Tshering, MBBS, MD"; not "Mr, Arce"
	}
	words := strings.Fields(strings.NewReplacer("Mr.", "Mr. ", "Mrs.", "Mrs. ").Replace(name))
	style := map[string]bool{"the": true, "his": true, "her": true, "majesty": true, "highness": true, "excellency": true, "royal": true, "serene": true, "h.r.h.": true, "h.e.": true, "holiness": true}
	for len(words) > 1 {
		// "Mr," "Mr;" and "Mr-" are a scan's "Mr.", "Dato’" is "Dato"
		w := strings.TrimRight(words[0], ".,;-’'")
		if w == "" && len(words) > 2 {
			words = words[1:] // the "." of "Mr . SEMEDO"
			continue
		}
		if !reg.IsHonorific(w) && !style[strings.ToLower(words[0])] && !reg.IsTitleWord(strings.ToLower(w)) {
			break
		}
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// Print writes the report.
func (r *UNReport) Print(w io.Writer) {
	fmt.Fprintf(w, "speeches %d: credited to the speaker the corpus names %d, to someone else %d (of which a registered namesake %d), to nobody %d\n", r.Speeches, r.Right, r.Else, r.Namesake, r.None)
	for _, e := range r.Examples {
		fmt.Fprintf(w, "  %s\n", e)
	}
	for _, e := range r.Nobody {
		fmt.Fprintf(w, "  %s\n", e)
	}
}

// TurnReport counts the turns of transcripts by whether their speaker is the one their label
// names.
type TurnReport struct {
	Documents, Turns int
	Right, Wrong     int
	Unidentified     int
	Examples         []string
}

// RunTranscripts reads n transcripts drawn at random (with seed) from the press briefings
// under fsys and checks each official turn's speaker against its label: a label with a name
// ("MS. PSAKI", "SECRETARY BLINKEN") wants a speaker of that surname, a role ("THE PRESIDENT")
// the registered holder of that office on the date.
func RunTranscripts(fsys fs.FS, n int, seed uint64, reg *registry.Registry) (*TurnReport, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || !strings.Contains(p, "press-briefings/") {
			return err
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	rng := rand.New(rand.NewPCG(seed, seed))
	rng.Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
	r := &TurnReport{}
	for _, p := range paths {
		if r.Documents == n {
			break
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		doc, err := document.Parse(path.Base(p), b, reg)
		if err != nil {
			continue
		}
		r.Documents++
		for _, q := range quote.Extract(reg, doc.Title, doc.Date.Start(), doc.Paragraphs).Quotes {
			if !q.Turn {
				continue
			}
			label := turnLabel(doc.Paragraphs, q)
			if label == "" {
				continue // a statement, not a transcript
			}
			r.Turns++
			switch ok, known := labelFits(label, q.Speakers, doc, reg); {
			case len(q.Speakers) == 0 || !known:
				r.Unidentified++
			case ok:
				r.Right++
			default:
				r.Wrong++
				if len(r.Examples) < 80 {
					r.Examples = append(r.Examples, fmt.Sprintf("%s: %q credited to %q", p, label, q.Speakers[0].Name))
				}
			}
		}
	}
	return r, nil
}

// turnLabel returns the label before a transcript's turn: the capitals and colon that open the
// turn's paragraph, or the paragraph before it when the label stands alone.
func turnLabel(paras []document.Paragraph, q quote.Quote) string {
	s := paras[q.Start.Para].Text[:q.Start.Off]
	if q.Start.Off == 0 && q.Start.Para > 0 {
		s = paras[q.Start.Para-1].Text
	}
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(s[:i])
}

// labelFits reports whether the speakers are the one a label names; known is false when the
// label names nobody the check can tell (a role the registry does not list).
func labelFits(label string, who []quote.Speaker, doc *document.Document, reg *registry.Registry) (ok, known bool) {
	if len(who) != 1 {
		return false, len(who) > 0
	}
	if ms := reg.LookupName(label, doc.Date.Start()); len(ms) == 1 && ms[0].Role {
		return len(ms[0].Actors) == 1 && who[0].Actor == ms[0].Actors[0], len(ms[0].Actors) == 1
	}
	words := nameWords(label)
	if len(words) == 0 {
		return false, false
	}
	surname := words[len(words)-1]
	got := nameWords(who[0].Name)
	if who[0].Actor >= 0 {
		got = append(got, nameWords(reg.ActorAt(who[0].Actor).SurnameOf())...)
	}
	for _, g := range got {
		if g == surname {
			return true, true
		}
	}
	// A label of role words ("SENIOR ADMINISTRATION OFFICIAL") kept as the speaker's name.
	return sameName(label, who[0].Name), true
}

// Print writes the report.
func (r *TurnReport) Print(w io.Writer) {
	fmt.Fprintf(w, "transcripts %d, official turns %d: right %d (%.3f), wrong %d (%.3f), unidentified %d\n",
		r.Documents, r.Turns, r.Right, ratio(r.Right, r.Turns), r.Wrong, ratio(r.Wrong, r.Turns), r.Unidentified)
	for _, e := range r.Examples {
		fmt.Fprintf(w, "  %s\n", e)
	}
}

func speakerNames(sp []quote.Speaker) string {
	names := make([]string, len(sp))
	for i, s := range sp {
		names[i] = s.Name
	}
	return strings.Join(names, " + ")
}
