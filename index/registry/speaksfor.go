package registry

import (
	"strings"
	"time"
)

// Who speaks for which government or organisation. The rule, from the registry's fields alone:
//
//   - A country speaks for itself.
//   - An organisation with a registered country of its own speaks for that country (the White
//     House, a ministry); one without speaks for the body its own `organisation` names when
//     that is a registered organisation without a country (the European Commission for the
//     European Union), else for itself (NATO, the United Nations, the Palestinian Authority).
//   - A person whose `organisation` is a registered organisation without a country (an
//     international body) speaks for that body, unless an office they held on the day names
//     their country and none names the body: Kaja Kallas as Prime Minister of Estonia speaks for
//     Estonia, as the Union's High Representative for the European Union; Ursula von der Leyen,
//     German, speaks for the European Union. A person with no country speaks for that body too.
//   - Any other person speaks for their `country`, when it is a registered country.
//
// An actor whose country or organisation the registry does not resolve to a registered actor
// speaks for no one the archive can name.

// maxBodyHops bounds how far an organisation's `organisation` is followed (the Commission →
// the Union): the registry is data, and a loop in it must not hang a start.
const maxBodyHops = 4

// SpeaksFor returns the registered country or organisation the actor speaks for on day (zero
// when unknown), or nil when the registry does not tell.
func (r *Registry) SpeaksFor(a *Actor, day time.Time) *Actor {
	switch a.Kind {
	case Country:
		return a
	case Organisation:
		if c := r.registered(a.Country, Country); c != nil {
			return c
		}
		return r.bodyOf(a)
	}
	country := r.registered(a.Country, Country)
	body := r.internationalBody(a.Organisation)
	if body == nil {
		return country
	}
	if country == nil {
		return r.bodyOf(body)
	}
	namesBody, namesCountry := false, false
	for _, role := range a.Roles {
		if role.HeldOn(day) {
			namesBody = namesBody || names(role.Title, body)
			namesCountry = namesCountry || names(role.Title, country)
		}
	}
	if namesCountry && !namesBody {
		return country
	}
	return r.bodyOf(body)
}

// StateNamed returns the registered country a document's source names, or nil. The name is
// matched as a whole, in any case, and without a parenthesis ("Iran (Islamic Republic of)" is
// Iran): the UN's names of its members put the form of the state in one.
func (r *Registry) StateNamed(source string) *Actor {
	if c := r.registered(source, Country); c != nil {
		return c
	}
	if open := strings.IndexByte(source, '('); open > 0 {
		if shut := strings.IndexByte(source[open:], ')'); shut > 0 {
			return r.registered(source[:open]+source[open+shut+1:], Country)
		}
	}
	return nil
}

// bodyOf follows an organisation up to the body it belongs to, when that is a registered
// organisation without a country.
func (r *Registry) bodyOf(o *Actor) *Actor {
	for range maxBodyHops {
		up := r.internationalBody(o.Organisation)
		if up == nil || up == o {
			break
		}
		o = up
	}
	return o
}

// internationalBody returns the registered organisation without a country that name names.
func (r *Registry) internationalBody(name string) *Actor {
	o := r.registered(name, Organisation)
	if o == nil || o.Country != "" {
		return nil
	}
	return o
}

// Named returns the registered actor of the kind whose name or alias is name, in any case, or
// nil.
func (r *Registry) Named(name string, kind Kind) *Actor { return r.registered(name, kind) }

// registered returns the actor of the kind whose name or alias is name, in any case, or nil.
func (r *Registry) registered(name string, kind Kind) *Actor {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || len(name) > 200 {
		return nil
	}
	for _, i := range r.byName[strings.ToLower(name)] {
		if r.Actors[i].Kind == kind {
			return &r.Actors[i]
		}
	}
	return nil
}

// names reports whether an office's title names the actor: its name or an alias, as whole words.
func names(title string, a *Actor) bool {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if containsWords(title, n) {
			return true
		}
	}
	return false
}

// containsWords reports whether s holds phrase between word boundaries (not "US" in "USAID").
func containsWords(s, phrase string) bool {
	if phrase == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(phrase)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
