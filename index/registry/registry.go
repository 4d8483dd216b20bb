// Package registry holds what the archive knows besides its articles: the actors who speak or
// are spoken of, the topics articles are about, the lines of page furniture to drop, and the
// words of reported speech. All of it is data read from YAML files in the archive folder; this
// package turns it into lookups (a phrase matcher over names, topics and roles) and keeps no
// knowledge of any particular actor or article in code.
package registry

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/crc64"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// File names of the registries, at the root of an archive folder.
const (
	ActorsFile      = "actors.yaml"
	TopicsFile      = "topics.yaml"
	BoilerplateFile = "boilerplate.yaml"
	LanguageFile    = "language.yaml"
	NamesFile       = "names.yaml"
	// CountedNamesFile holds given names counted from birth records; names.yaml comes first.
	CountedNamesFile = "names-counted.yaml"
)

// maxFileSize bounds a registry file: they are small lists, and a bigger file is a mistake.
const maxFileSize = 4 << 20

// Kind says what sort of actor speaks.
type Kind string

// The kinds of actor. Unregistered is given to a speaker the registry does not know, who is kept
// by the name the text gives.
const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	Country      Kind = "country"
	Unregistered Kind = "unregistered"
	// Unnamed is a speaker known only by an office or a part ("Senior Administration Official",
	// "Moderator"): never a registered actor.
	Unnamed Kind = "role"
)

// Actor is a person, organisation or country.
type Actor struct {
	ID           string   `yaml:"id" json:"id"`
	Name         string   `yaml:"name" json:"name"`
	Kind         Kind     `yaml:"kind" json:"kind"`
	Gender       string   `yaml:"gender" json:"gender,omitempty"`
	Country      string   `yaml:"country" json:"country,omitempty"`
	Organisation string   `yaml:"organisation" json:"organisation,omitempty"`
	Surname      string   `yaml:"surname" json:"-"`
	Aliases      []string `yaml:"aliases" json:"aliases,omitempty"`
	Roles        []Role   `yaml:"roles" json:"roles,omitempty"`
	// Born and Died bound when a person can be the one a text means: nobody speaks before
	// they are born or after they die. Either may be unknown.
	Born Day `yaml:"born" json:"born,omitzero"`
	Died Day `yaml:"died" json:"died,omitzero"`
}

// AliveOn reports whether a person may speak on day d: an adult (16 or older) not yet dead,
// as far as the registry knows. A zero d (date unknown) and unknown dates count as alive.
func (a *Actor) AliveOn(d time.Time) bool {
	if d.IsZero() {
		return true
	}
	if !a.Born.IsZero() && d.Before(a.Born.AddDate(16, 0, 0)) {
		return false
	}
	return a.Died.IsZero() || !d.After(a.Died.Time)
}

// InOfficeOn reports whether the actor holds some role on day d.
func (a *Actor) InOfficeOn(d time.Time) bool {
	for _, r := range a.Roles {
		if r.HeldOn(d) {
			return true
		}
	}
	return false
}

// NearOfficeOn reports whether day d falls within ten years of a role the actor held: the
// years a text may call them by their surname alone and mean them.
func (a *Actor) NearOfficeOn(d time.Time) bool {
	if d.IsZero() {
		return true
	}
	for _, r := range a.Roles {
		if (r.From.IsZero() || d.After(r.From.AddDate(-10, 0, 0))) && (r.To.IsZero() || d.Before(r.To.AddDate(10, 0, 0))) {
			return true
		}
	}
	return false
}

// Role is an office an actor held, and the descriptions that name its holder while it was held.
type Role struct {
	Title string   `yaml:"title" json:"title"`
	From  Day      `yaml:"from" json:"from,omitzero"`
	To    Day      `yaml:"to" json:"to,omitzero"`
	Names []string `yaml:"names" json:"-"`
}

// HeldOn reports whether the role was held on day d. A zero d (date unknown) matches any role.
func (r Role) HeldOn(d time.Time) bool {
	if d.IsZero() {
		return true
	}
	if !r.From.IsZero() && d.Before(r.From.Time) {
		return false
	}
	if !r.To.IsZero() && d.After(r.To.Time) {
		return false
	}
	return true
}

// Day is a calendar date written YYYY-MM-DD in the registry.
type Day struct{ time.Time }

// UnmarshalYAML reads a YYYY-MM-DD date.
func (d *Day) UnmarshalYAML(n *yaml.Node) error {
	if n.Value == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		// A year alone, for a birth the registry knows no more of: its first day.
		if y, yerr := time.Parse("2006", n.Value); yerr == nil && len(n.Value) == 4 {
			t, err = y, nil
		}
	}
	if err != nil {
		return fmt.Errorf("line %d: date %q is not YYYY-MM-DD or YYYY", n.Line, n.Value)
	}
	d.Time = t
	return nil
}

// MarshalJSON writes the date as YYYY-MM-DD.
func (d Day) MarshalJSON() ([]byte, error) {
	return []byte(`"` + d.Format(time.DateOnly) + `"`), nil
}

// IsZero reports whether the date is unset.
func (d Day) IsZero() bool { return d.Time.IsZero() }

// Topic is a subject articles and quotes are tagged with.
type Topic struct {
	ID    string   `yaml:"id" json:"id"`
	Name  string   `yaml:"name" json:"name"`
	Terms []string `yaml:"terms" json:"-"`
	Cased []string `yaml:"cased" json:"-"`
}

// Rule drops lines of page furniture. Exactly one of Line, Prefix and Pattern is set; a line
// matches after its surrounding white space is trimmed.
type Rule struct {
	Name    string `yaml:"name"`
	Line    string `yaml:"line"`
	Prefix  string `yaml:"prefix"`
	Pattern string `yaml:"pattern"`
	re      *regexp.Regexp
}

// Language holds the words the quote attributor reads: verbs of speech, titles and
// honorifics that come before a name, transcript labels that are not speakers, and the title
// forms that make a whole document one actor's statement.
type Language struct {
	SpeechVerbs      []string `yaml:"speech_verbs"`
	Honorifics       []string `yaml:"honorifics"`
	Titles           []string `yaml:"titles"`
	PressLabels      []string `yaml:"press_labels"`
	RoleLabels       []string `yaml:"role_labels"`
	AnonymousLabels  []string `yaml:"anonymous_labels"`
	GroupNouns       []string `yaml:"group_nouns"`
	StatementTitles  []string `yaml:"statement_titles"`
	TranscriptTitles []string `yaml:"transcript_titles"`
	NotSpeakers      []string `yaml:"not_speakers"`
	NotActors        []string `yaml:"not_actors"`
	// PersonNouns name a person by what they do ("senator", "host", "spokeswoman"): the head
	// of a description that points back to someone ("the senator said").
	PersonNouns []string `yaml:"person_nouns"`
	// FemaleNouns and MaleNouns are person nouns that tell a gender ("spokeswoman").
	FemaleNouns []string `yaml:"female_nouns"`
	MaleNouns   []string `yaml:"male_nouns"`
	// OrgWords end the names of organisations, not people ("Party", "Institute", "News").
	OrgWords []string `yaml:"org_words"`
	// SurnameOrgWords are organisation words that are also surnames: after a given name they
	// end a person's name ("Jim Justice", "Grace Park").
	SurnameOrgWords []string `yaml:"surname_org_words"`
	// NameParticles are small words inside a person's name ("von der Leyen", "da Silva").
	NameParticles []string `yaml:"name_particles"`
	// FamilyNameFirst are family names that names put first ("Wang" of "Wang Yi").
	FamilyNameFirst []string `yaml:"family_name_first"`
	// BackReferences open a paragraph that names who said the quotation just before it
	// ("With those words,").
	BackReferences []string `yaml:"back_references"`
	// TitlesInNames are titles and honorifics that are part of a name when a name's word comes
	// before them ("Hassan Sheikh Mohamud", "Najib bin Tun Haji Abdul Razak"), not a title that
	// starts a new name.
	TitlesInNames []string `yaml:"titles_in_names"`
	// NotNames are capitalised words that begin sentences or stand for groups and are never
	// anyone's name ("Yesterday", "Democrats").
	NotNames []string `yaml:"not_names"`
	// FunctionWords are small words of grammar ("of", "his", "is") that a headline writes with a
	// capital and a name never does ("Medal Of Honor", "Trump Keeps His Promises").
	FunctionWords []string `yaml:"function_words"`
	// DocumentWords end the names of documents and laws, which are quoted but never speak
	// ("Bipartisan Safer Communities Act", "Housing Supply Action Plan").
	DocumentWords []string `yaml:"document_words"`
	// NameModifiers are words written before a name that describe the person and are not part
	// of the name ("Democrat", "French").
	NameModifiers []string `yaml:"name_modifiers"`
	// ProceduralWords make up the turns that carry no statement ("Thank you", "Go ahead").
	ProceduralWords []string `yaml:"procedural_words"`
	// WorkTitles are nouns and verbs after which quotation marks hold a work's title ("his
	// book", "titled").
	WorkTitles []string `yaml:"work_titles"`
	// UtteranceWords are nouns for what someone said or wrote ("Statement", "Remarks"), after
	// which "of" names the author rather than running on a name.
	UtteranceWords []string `yaml:"utterance_words"`
	// OrganisationNouns stand for an organisation that speaks ("the group said").
	OrganisationNouns []string `yaml:"organisation_nouns"`
	// DocumentNouns stand for a text that speaks for its author ("the statement said").
	DocumentNouns []string `yaml:"document_nouns"`
	// GovernmentBodies are the names of ministries that do not say "Ministry" ("Foreign Office").
	GovernmentBodies []string `yaml:"government_bodies"`
	// Demonyms name people for where they are from ("Texan", "New Yorker").
	Demonyms []string `yaml:"demonyms"`
	// TitleAbbreviations maps a title's short form to the person noun it stands for ("Sen":
	// "senator").
	TitleAbbreviations map[string]string `yaml:"title_abbreviations"`

	statementTitles  []*regexp.Regexp
	transcriptTitles []*regexp.Regexp
}

// StatementTitle returns who the document's title says is speaking when the title makes the
// whole document one actor's statement ("Statement from President Joe Biden on …"), and
// whether it does.
func (l *Language) StatementTitle(title string) (who string, ok bool) {
	for _, re := range l.statementTitles {
		if m := re.FindStringSubmatch(title); m != nil {
			return strings.TrimSpace(m[re.SubexpIndex("who")]), true
		}
	}
	return "", false
}

// TranscriptTitle reports whether the title names a transcript (a briefing, a gaggle, remarks).
func (l *Language) TranscriptTitle(title string) bool {
	for _, re := range l.transcriptTitles {
		if re.MatchString(title) {
			return true
		}
	}
	return false
}

// GivenNames are first names and the gender they most often mark.
type GivenNames struct {
	Male    []string `yaml:"male"`
	Female  []string `yaml:"female"`
	Neutral []string `yaml:"neutral"`
}

// Registry is everything the archive knows besides its articles.
type Registry struct {
	Actors      []Actor
	Topics      []Topic
	Boilerplate []Rule
	Language    Language
	Names       GivenNames
	// CountedNames are more given names, generated from birth records: many more people than a
	// hand-written list knows, each name's gender by the share of births.
	CountedNames GivenNames
	// Hash sums up the registry files' content: an index built with another registry is stale.
	Hash uint64

	actorByID  map[string]int
	byName     map[string][]int // lower-case names and aliases → actors, in registry order
	topicByID  map[string]int
	names      *Matcher[[]nameRef] // names, aliases, surnames and role descriptions
	topics     *Matcher[int]       // topic terms → index in Topics
	surnames   map[string][]int
	press      map[string]bool
	roleLabels map[string]bool
	// capitalRoles are the names of offices the registry writes in capitals, as transcripts
	// label their holders ("THE PRESIDENT", "THE VICE PRESIDENT"), sorted.
	capitalRoles []string
	anonymous    map[string]bool
	notSpeak     *wordSet
	verbs        *wordSet
	honor        *wordSet
	titleWords   map[string]bool // whole titles, lower case: "prime minister"
	// titleSpelling holds the words of titles written in capitals ("ceo" → "CEO").
	titleSpelling map[string]string
	titleParts    *wordSet // each word of a title: "prime", "minister"
	groups        *wordSet
	given         map[string]string // lower-case given name → "male", "female" or ""
	personNoun    map[string]string // lower-case noun → gender it tells, or ""
	orgWords      *wordSet
	surnameOrg    *wordSet
	govBodies     *wordSet
	particles     *wordSet
	familyFirst   *wordSet
	notNames      *wordSet
	function      *wordSet
	titlesIn      *wordSet
	documents     *wordSet
	modifiers     *wordSet
	heads         *wordSet // person nouns, group nouns and the words of titles
	works         *wordSet
	utterances    *wordSet
	orgNouns      *wordSet
	docNouns      *wordSet
	demonyms      *wordSet
	procedural    *wordSet

	furnitureLines    map[string]bool
	furniturePrefixes []string
	furniturePatterns []*regexp.Regexp
}

// maxFurnitureLine bounds the lines the furniture patterns are tried on: furniture is short.
const maxFurnitureLine = 300

// IsFurniture reports whether a trimmed line is page furniture under some boilerplate rule.
func (r *Registry) IsFurniture(line string) bool {
	if r.furnitureLines[line] {
		return true
	}
	for _, p := range r.furniturePrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	if len(line) > maxFurnitureLine {
		return false
	}
	for _, re := range r.furniturePatterns {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// Load reads the four registry files from the root of fsys. A missing file is taken from
// fallback (the embedded seeds) when fallback is not nil; a file that exists but is broken is
// an error naming the file, since serving with half a registry would mislabel every article.
func Load(fsys, fallback fs.FS) (*Registry, error) {
	var r Registry
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	var actors struct {
		Actors []Actor `yaml:"actors"`
	}
	var topics struct {
		Topics []Topic `yaml:"topics"`
	}
	var rules struct {
		Rules []Rule `yaml:"rules"`
	}
	for _, f := range []struct {
		name string
		into any
	}{
		{ActorsFile, &actors},
		{TopicsFile, &topics},
		{BoilerplateFile, &rules},
		{LanguageFile, &r.Language},
		{NamesFile, &r.Names},
		{CountedNamesFile, &r.CountedNames},
	} {
		if err := decodeFile(fsys, fallback, f.name, f.into, h); err != nil {
			return nil, err
		}
	}
	r.Hash = h.Sum64()
	r.Actors, r.Topics, r.Boilerplate = actors.Actors, topics.Topics, rules.Rules
	if err := r.prepare(); err != nil {
		return nil, err
	}
	return &r, nil
}

func decodeFile(fsys, fallback fs.FS, name string, into any, h hash.Hash) error {
	b, err := readSmall(fsys, name)
	if errors.Is(err, fs.ErrNotExist) && fallback != nil {
		b, err = readSmall(fallback, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil // an archive may do without a registry; it then has no actors, say
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	h.Write([]byte(name))
	h.Write(b)
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func readSmall(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("more than the %d bytes a registry file may have", maxFileSize)
	}
	return b, nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// prepare checks the registry and builds its lookups.
func (r *Registry) prepare() error {
	r.actorByID = make(map[string]int, len(r.Actors))
	for i := range r.Actors {
		a := &r.Actors[i]
		if !idPattern.MatchString(a.ID) {
			return fmt.Errorf("%s: actor id %q is not a lowercase slug", ActorsFile, a.ID)
		}
		if _, dup := r.actorByID[a.ID]; dup {
			return fmt.Errorf("%s: actor id %q is used twice", ActorsFile, a.ID)
		}
		if a.Name == "" {
			return fmt.Errorf("%s: actor %q has no name", ActorsFile, a.ID)
		}
		switch a.Kind {
		case Person, Organisation, Country:
		case "":
			a.Kind = Person
		default:
			return fmt.Errorf("%s: actor %q: kind %q is not person, organisation or country", ActorsFile, a.ID, a.Kind)
		}
		r.actorByID[a.ID] = i
	}
	r.byName = map[string][]int{}
	for i := range r.Actors {
		for _, n := range append([]string{r.Actors[i].Name}, r.Actors[i].Aliases...) {
			key := strings.ToLower(strings.Join(strings.Fields(n), " "))
			if key != "" && !slices.Contains(r.byName[key], i) {
				r.byName[key] = append(r.byName[key], i)
			}
		}
	}
	r.topicByID = make(map[string]int, len(r.Topics))
	for i, t := range r.Topics {
		if !idPattern.MatchString(t.ID) {
			return fmt.Errorf("%s: topic id %q is not a lowercase slug", TopicsFile, t.ID)
		}
		if _, dup := r.topicByID[t.ID]; dup {
			return fmt.Errorf("%s: topic id %q is used twice", TopicsFile, t.ID)
		}
		r.topicByID[t.ID] = i
	}
	for i := range r.Boilerplate {
		b := &r.Boilerplate[i]
		set := 0
		for _, s := range []string{b.Line, b.Prefix, b.Pattern} {
			if s != "" {
				set++
			}
		}
		if set != 1 {
			return fmt.Errorf("%s: rule %q must have exactly one of line, prefix, pattern", BoilerplateFile, b.Name)
		}
		if b.Pattern != "" {
			re, err := regexp.Compile(b.Pattern)
			if err != nil {
				return fmt.Errorf("%s: rule %q: %w", BoilerplateFile, b.Name, err)
			}
			b.re = re
		}
	}
	r.furnitureLines = map[string]bool{}
	for _, b := range r.Boilerplate {
		switch {
		case b.Line != "":
			r.furnitureLines[b.Line] = true
		case b.Prefix != "":
			r.furniturePrefixes = append(r.furniturePrefixes, b.Prefix)
		default:
			r.furniturePatterns = append(r.furniturePatterns, b.re)
		}
	}
	if err := r.Language.compile(); err != nil {
		return err
	}
	r.buildLookups()
	return nil
}

func (l *Language) compile() error {
	for _, list := range []struct {
		src  []string
		dst  *[]*regexp.Regexp
		name bool
	}{
		{l.StatementTitles, &l.statementTitles, true},
		{l.TranscriptTitles, &l.transcriptTitles, false},
	} {
		for _, p := range list.src {
			re, err := regexp.Compile(p)
			if err != nil {
				return fmt.Errorf("%s: %w", LanguageFile, err)
			}
			if list.name && re.SubexpIndex("who") < 0 {
				return fmt.Errorf("%s: statement title %q has no (?P<who>…) group", LanguageFile, p)
			}
			*list.dst = append(*list.dst, re)
		}
	}
	return nil
}

// Actor returns the registered actor with the id.
func (r *Registry) Actor(id string) (*Actor, bool) {
	i, ok := r.actorByID[id]
	if !ok {
		return nil, false
	}
	return &r.Actors[i], true
}

// Topic returns the topic with the id.
func (r *Registry) Topic(id string) (*Topic, bool) {
	i, ok := r.topicByID[id]
	if !ok {
		return nil, false
	}
	return &r.Topics[i], true
}

// IsSpeechVerb reports whether the word, in any case, reports speech ("said", "wrote", "told").
func (r *Registry) IsSpeechVerb(w string) bool { return r.verbs.has(w) }

// IsHonorific reports whether the word, without a trailing period, is an honorific ("Mr").
func (r *Registry) IsHonorific(w string) bool {
	return r.honor.has(strings.TrimSuffix(w, "."))
}

// IsGroupNoun reports whether the plural noun, in any case, names a group of speakers
// ("secretaries", "leaders", "ministers").
func (r *Registry) IsGroupNoun(w string) bool { return r.groups.has(w) }

// IsPressLabel reports whether a transcript label (upper case, without its colon) belongs to
// the press or the call's staff rather than to someone making a statement.
func (r *Registry) IsPressLabel(label string) bool { return r.press[label] }

// IsRoleLabel reports whether a transcript label names a speaker by role, not by name
// ("SENIOR ADMINISTRATION OFFICIAL", "MODERATOR").
func (r *Registry) IsRoleLabel(label string) bool { return r.roleLabels[label] }

// CapitalRoles returns the names of offices the registry writes in capitals, as transcripts
// label their holders ("THE PRESIDENT"), sorted; the caller must not change them.
func (r *Registry) CapitalRoles() []string { return r.capitalRoles }

// IsCapitalRole reports whether a label is the name of an office the registry writes in
// capitals ("THE PRESIDENT").
func (r *Registry) IsCapitalRole(label string) bool {
	_, ok := slices.BinarySearch(r.capitalRoles, label)
	return ok
}

// IsAnonymousLabel reports whether a transcript label tells nothing of who speaks ("PARTICIPANT").
func (r *Registry) IsAnonymousLabel(label string) bool { return r.anonymous[label] }

// GivenName reports whether a word is a given name, and the gender it marks ("" when it marks
// none).
func (r *Registry) GivenName(w string) (gender string, ok bool) {
	if len(w) > 48 {
		return "", false
	}
	var buf [64]byte
	key := AppendLower(buf[:0], w)
	if gender, ok = r.given[string(key)]; ok {
		return gender, ok
	}
	// "Luís", "José", "Zoë": the list holds the names without their accents too.
	if folded, changed := foldAccents(key); changed {
		gender, ok = r.given[string(folded)]
	}
	return gender, ok
}

// foldAccents replaces the accented Latin letters of lower-case s by their plain letters, in
// place when it can; changed is false when s has none.
func foldAccents(s []byte) (out []byte, changed bool) {
	for _, b := range s {
		if b >= utf8.RuneSelf {
			changed = true
			break
		}
	}
	if !changed {
		return s, false
	}
	out = make([]byte, 0, len(s))
	for _, r := range string(s) {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		case 'ç':
			r = 'c'
		case 'ý', 'ÿ':
			r = 'y'
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// PersonNoun reports whether a word, in any case, names a person by what they do ("senator",
// "spokeswoman"), and the gender it tells ("" when none).
func (r *Registry) PersonNoun(w string) (gender string, ok bool) {
	if len(w) > 48 {
		return "", false
	}
	var buf [64]byte
	gender, ok = r.personNoun[string(AppendLower(buf[:0], w))]
	return gender, ok
}

// IsOrgWord reports whether a word ends an organisation's name ("Institute").
func (r *Registry) IsOrgWord(w string) bool { return r.orgWords.has(w) }

// IsSurnameOrgWord reports whether an organisation's word is also a surname ("Justice").
func (r *Registry) IsSurnameOrgWord(w string) bool { return r.surnameOrg.has(w) }

// BackReference reports whether a paragraph opens with words that give the quotation just
// before it to the person it names ("With those words, …", "That was how …").
func (r *Registry) BackReference(para string) bool {
	for _, b := range r.Language.BackReferences {
		if len(para) > len(b) && strings.EqualFold(para[:len(b)], b) && !isLetterByte(para[len(b)]) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// IsFamilyNameFirst reports whether a word is a family name that names put first ("Wang").
func (r *Registry) IsFamilyNameFirst(w string) bool { return r.familyFirst.has(w) }

// IsNameParticle reports whether a lower-case word may stand inside a person's name ("von").
func (r *Registry) IsNameParticle(w string) bool { return r.particles.has(w) }

// TitleNoun returns the person noun a title word stands for: its long form for a short one
// ("Sen." is "senator"), else the word itself in lower case.
func (r *Registry) TitleNoun(w string) string {
	w = strings.TrimSuffix(w, ".")
	if n, ok := r.Language.TitleAbbreviations[w]; ok {
		return n
	}
	return strings.ToLower(w)
}

// MayHeadDescription reports whether a word may be the noun of a description of a person or a
// group ("senator", "secretaries", "Lady"): one lookup for the words a text is mostly made of.
func (r *Registry) MayHeadDescription(w string) bool { return r.heads.has(w) }

// IsProceduralWord reports whether a word may be part of a turn that carries no statement.
func (r *Registry) IsProceduralWord(w string) bool { return r.procedural.has(w) }

// IsWorkTitle reports whether a word before quotation marks says they hold a work's title.
func (r *Registry) IsWorkTitle(w string) bool { return r.works.has(w) }

// IsUtteranceWord reports whether a word names what someone said or wrote ("Statement").
func (r *Registry) IsUtteranceWord(w string) bool { return r.utterances.has(w) }

// IsOrganisationNoun reports whether a word stands for an organisation ("group", "company").
func (r *Registry) IsOrganisationNoun(w string) bool { return r.orgNouns.has(w) }

// IsDocumentNoun reports whether a word stands for a text that speaks for its author
// ("statement", "report").
func (r *Registry) IsDocumentNoun(w string) bool { return r.docNouns.has(w) }

// IsGovernmentBody reports whether an organisation's name is a ministry's, which speaks for its
// state when a country owns it in the text: "Defense Ministry", "Ministry of Foreign Affairs",
// "Foreign Office", "Foreign Relations Department".
func (r *Registry) IsGovernmentBody(name string) bool {
	if strings.HasPrefix(name, "Ministry of ") || strings.HasSuffix(name, " Ministry") || name == "Ministry" || strings.HasSuffix(name, " Department") {
		return true
	}
	return r.govBodies.has(name)
}

// IsDemonym reports whether a word or phrase names people for where they are from ("Texan").
func (r *Registry) IsDemonym(w string) bool { return r.demonyms.has(w) }

// IsNameModifier reports whether a word written before a name describes the person
// ("Democrat Hillary Clinton").
func (r *Registry) IsNameModifier(w string) bool { return r.modifiers.has(w) }

// IsNotName reports whether a capitalised word is never anyone's name ("Yesterday").
func (r *Registry) IsNotName(w string) bool { return r.notNames.has(w) }

// IsFunctionWord reports whether a word is a small word of grammar ("Of", "His").
func (r *Registry) IsFunctionWord(w string) bool { return r.function.has(w) }

// IsTitleInName reports whether a title or honorific is one that names carry inside them
// ("Sheikh" of "Hassan Sheikh Mohamud").
func (r *Registry) IsTitleInName(w string) bool { return r.titlesIn.has(w) }

// IsDocumentWord reports whether a word ends the name of a document or a law ("Act", "Plan").
func (r *Registry) IsDocumentWord(w string) bool { return r.documents.has(w) }

// IsNotSpeaker reports whether a name is a listener or medium, never the speaker
// ("Reuters" in "told Reuters").
func (r *Registry) IsNotSpeaker(name string) bool { return r.notSpeak.has(name) }

// wordSet is a set of words in lower case. Its words are looked up by the thousand for each
// article, most of them not in it: a filter answers those without hashing them.
type wordSet struct {
	words map[string]bool
	maybe wordFilter
}

func newWordSet(words map[string]bool) *wordSet {
	s := &wordSet{words: words}
	for w := range words {
		s.maybe.add(w)
	}
	return s
}

// has reports whether the set holds w in lower case. The lower case is written into a buffer
// on the stack, not a new string.
func (s *wordSet) has(w string) bool {
	ascii, lower := wordShape(w)
	if ascii && !s.maybe.mayHoldASCII(w) {
		return false
	}
	if lower {
		return s.words[w]
	}
	if len(w) > 48 {
		return s.words[strings.ToLower(w)]
	}
	var buf [64]byte
	return s.words[string(AppendLower(buf[:0], w))]
}
