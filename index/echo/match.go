package echo

import (
	"cmp"
	"slices"
)

// Share returns the share of a statement a text holds, estimated from its sample (found of
// sample pairs), and whether that is enough to call it the same statement (Need).
func Share(s Sketch, found, sample int) (share float64, same bool) {
	if sample < 3 || found <= 0 {
		return 0, false
	}
	share = float64(found) / float64(sample)
	return share, share >= Need(s)-1e-6
}

// Need is the share of a statement's pairs a text must hold to hold it: every pair for a short
// statement (eight pairs or fewer: a word changed there changes its sense), three quarters for
// a sentence or two, and 65 % beyond. Chance alone seldom gives two long texts half their pairs,
// but one speaker's two speeches of the same weeks share far more than chance does (their
// openings and thanks, stump lines, the names and numbers of the day): two rally openings, two
// receptions' thanks and two talks on one cause were found at 50 to 60 % (seed 6151).
func Need(s Sketch) float64 {
	switch {
	case s.Pairs <= 8:
		return 1
	case s.Pairs <= 40:
		return 0.75
	}
	return 0.65
}

// Particular reports whether a text holds enough of a statement's particular sampled pairs
// (found of sample: those that MaxPosting statements or fewer sample) for it to hold the
// statement: three at least, half of them, and as many as would give it the share Share asks
// of all its pairs were every common pair found too. The share is judged on all the pairs (by
// Share, when the common ones are counted), not on the particular ones alone: in a large
// archive more of a statement's pairs are common ("will not", "our allies", "with China"), and
// an editor's words cut or added ("In return", "an us-or-them choice") fall among the
// particular ones, which alone would then fall short of a share the whole holds.
func Particular(s Sketch, found, sample int) bool {
	if found < 3 || 2*found < sample {
		return false
	}
	total := len(s.Sample)
	_, ok := Share(s, found+max(total-sample, 0), total)
	return ok
}

// The rules of a link, a wrong link being worse than a missing one.
const (
	// NearDays is how far apart two texts may be dated to carry the same statement of different
	// (or unknown) speakers; SameSpeakerDays when the same person speaks in both.
	NearDays        = 31
	SameSpeakerDays = NearDays
	// EventDays is how far apart the same speaker's short statement is one event reported
	// twice (two reports of one press conference, one briefing filed under two dates).
	EventDays = 2
	// ShortPairs is the most pairs of a short statement: one that is linked only word for word
	// or to its own speaker, and is a formula when many texts hold it.
	ShortPairs = 20
	// OwnPairs is the most pairs of a statement that someone else's quote never carries (two
	// senators' congratulations that share a sentence): a longer passage may be read out or
	// quoted by another.
	OwnPairs = 40
	// MaxPhraseTexts is how many documents within PhraseDays a short statement may be found in,
	// word for word, before it is taken for a formula ("Let's go to Zeke Miller at the AP", "a
	// free and open Indo-Pacific", "candid, substantive, and constructive"), linked only where
	// the words around it agree.
	MaxPhraseTexts = 4
	PhraseDays     = 366
	// FormulaTexts is how many such documents make a short statement a formula wherever it is
	// used ("Thank you, Karine").
	FormulaTexts = 3 * MaxPhraseTexts
	// MaxLinks bounds the links kept for one statement, the nearest first.
	MaxLinks = 12
)

// ContextNeed is how many of a statement's context words (its sketch's Context) the text around
// it elsewhere must share for the two to speak of the same things: a sixth of them, and four at
// least (6 of 32: a news report of a meeting and the readout of it share 7, the readout of
// another meeting that uses the same words 4, a briefing that uses them of a third 2).
func ContextNeed(s Sketch) int { return max(4, (len(s.Context)+5)/6) }

// Link is a statement found in another text: what the scan of that text records, before the
// rules of a link (Accept) are applied. It is kept with the index, so an update scans only the
// texts it changes and those near them.
type Link struct {
	Statement    int32 // the statement's number (its place in the sketches)
	Other        int32 // the other statement's, or -1 for a document's own text
	Document     int32 // the document of the other text
	GapDays      int32 // days between the two documents' dates, -1 when one is undated
	Share        float32
	Context      int16 // its context words found around it there (short statements)
	Verbatim     bool  // every sampled pair of the shorter found, together: word for word, folded
	SameSpeaker  bool  // the other quote has a speaker of this one
	OtherSpeaker bool  // both quotes have speakers, and none in common
}

// Accept says whether a statement found in another text is linked to it, given how many
// documents near it hold it in their text (holding: within a year: a call's opening or closing
// said at every call, a stump passage) and in how many of those within a month the words around it agree (agreeing). Never when undated. A
// short statement is linked to its own speaker's words of the same days only, and otherwise
// only within a month, word for word, where the words around it agree, and never to someone
// else's quote (a moderator's "Our next question will go to Kayla with CNN" months apart is a
// formula, not one statement); when many
// texts hold it, it is a formula, linked only when the words around it single out one text (the
// readout of the meeting a report speaks of), and never when very many do. A longer statement
// many texts hold within a month is boilerplate or a stump speech, never linked; otherwise it
// is linked within a month (SameSpeakerDays: a background call's opening said again months
// later is boilerplate, not one statement), never to a quote of someone else unless long.
func Accept(s Sketch, l Link, holding, agreeing int) bool {
	if l.GapDays < 0 || float64(l.Share) < Need(s)-1e-6 {
		return false // undated, or found when less was needed (an index of an earlier version)
	}
	if s.Pairs > ShortPairs {
		switch {
		case holding > MaxPhraseTexts:
			return false
		case l.SameSpeaker:
			return l.GapDays <= SameSpeakerDays
		case l.GapDays > NearDays:
			return false
		}
		return s.Pairs > OwnPairs || !l.OtherSpeaker
	}
	agrees := int(l.Context) >= ContextNeed(s)
	switch {
	case holding > FormulaTexts, holding > MaxPhraseTexts && (agreeing > 1 || !agrees):
		return false
	case l.SameSpeaker:
		// One event reported twice, or a file filed twice; a speaker's short words on
		// another day are said again, not reported ("Let's go to Zeke Miller at the AP").
		return l.GapDays <= EventDays
	}
	return agrees && l.GapDays <= NearDays && !l.OtherSpeaker && l.Verbatim
}

// Reach is how far in days from a document the texts lie that may carry its statements or hold
// its words as a formula: what an update scans again around a changed document.
const Reach = max(NearDays, SameSpeakerDays, PhraseDays)

// Choose keeps the links of one statement worth showing: those Accept takes, one by document (a
// quote of it before its text), the same speaker first, then the nearest in time, then the
// closest, at most MaxLinks.
func Choose(s Sketch, links []Link, holding, agreeing int) []Link {
	links = slices.DeleteFunc(links, func(l Link) bool { return !Accept(s, l, holding, agreeing) })
	slices.SortFunc(links, func(a, b Link) int {
		return cmp.Or(
			cmp.Compare(a.Document, b.Document),
			TrueFirst(a.Other >= 0, b.Other >= 0),
			cmp.Compare(b.Share, a.Share),
			cmp.Compare(a.Other, b.Other))
	})
	links = slices.CompactFunc(links, func(a, b Link) bool { return a.Document == b.Document })
	slices.SortStableFunc(links, func(a, b Link) int {
		return cmp.Or(TrueFirst(a.SameSpeaker, b.SameSpeaker), cmp.Compare(a.GapDays, b.GapDays), cmp.Compare(b.Share, a.Share))
	})
	return links[:min(len(links), MaxLinks)]
}

// TrueFirst orders true before false, for sorting by several keys with cmp.Or.
func TrueFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}
