package quote_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/index/document"
	"github.com/readout/readout/index/quote"
)

// TestSpeakersShaped: a speaker the registry does not know is named by a name's words only: a
// statement title's words after the name, a heading written as a headline, a title's words
// before a given name are no one's name; a transcript's label of a surname alone is the person
// the text names in full. The texts are written for the test.
func TestSpeakersShaped(t *testing.T) {
	r := mustRegistry(t)
	day := time.Date(2023, 6, 16, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, title, text string
		want              []found
	}{
		{
			name: "a hashtag after a tweet's words is no one",
			text: "Rep. Dana Whitfield: “The state of our union is strong.” #SOTU2022 [Tweet, 3/1/22]",
			want: []found{{"The state of our union is strong.", "Dana Whitfield", "full"}},
		},
		{
			name: "a heading that opens with its verb is no one",
			text: "Funding for clinics\n\n“We are the last line of care,” Addressing A Funding Gap said.",
			want: []found{{"We are the last line of care,", "", "full"}},
		},
		{
			name: "a label whose honorific a typist ended with a colon",
			text: "MR. SLAVITT:  Thank you, Jeff.\n\nMR: ZIENTS:  We will go on allocating doses by population.\n\nQ  Thanks.",
			want: []found{{"Thank you, Jeff.", "Slavitt", "full"}, {"We will go on allocating doses by population.", "Jeff Zients", "full"}},
		},
		{
			name:  "a statement title's words after a registered name",
			title: "Statement by President Biden Four Years After the Storm",
			text:  "Four years ago today, the storm took the homes of thousands.",
			want:  []found{{"Four years ago today, the storm took the homes of thousands.", "Joe Biden", "full"}},
		},
		{
			name:  "a statement title's verb after an unregistered name",
			title: "Statement by NSC Spokesperson Adam Qwodge Welcoming the Visit of the Amir of Qatar to Baghdad",
			text:  "We welcome the visit to Baghdad this week.",
			want:  []found{{"We welcome the visit to Baghdad this week.", "Adam Qwodge", "full"}},
		},
		{
			name:  "a joint statement's subtitle after a colon",
			title: "Joint Statement from the Leaders of Japan and Canada: Elevating Relations to a Comprehensive Strategic Partnership",
			text:  "The two leaders mark a new phase of cooperation.",
			want:  []found{{"The two leaders mark a new phase of cooperation.", "Japan + Canada", "full"}},
		},
		{
			name:  "a transcript's surname label after the full name in the text",
			title: "Remarks by President Biden at a Reception",
			text:  "THE PRESIDENT: One of our guests today is Morris Qwarron.  He came back.\n\nMR. QWARRON: I never left, sir.  I just stayed here.\n\nTHE PRESIDENT: That is true.  He stayed.",
			want: []found{
				{"One of our guests today is Morris Qwarron.  He came back.", "Joe Biden", "full"},
				{"I never left, sir.  I just stayed here.", "Morris Qwarron", "full"},
				{"That is true.  He stayed.", "Joe Biden", "full"},
			},
		},
		{
			name:  "a transcript's surname label after the full name in the title",
			title: "Remarks by Vice President Harris in a Moderated Conversation with Oprah Qwinfrey",
			text:  "MS. QWINFREY:  So, welcome to the show, everybody.\n\nTHE VICE PRESIDENT:  Thank you for having me here today.\n\nMS. QWINFREY:  Let us begin with the economy.",
			want: []found{
				{"So, welcome to the show, everybody.", "Oprah Qwinfrey", "full"},
				{"Thank you for having me here today.", "Kamala Harris", "full"},
				{"Let us begin with the economy.", "Oprah Qwinfrey", "full"},
			},
		},
		{
			name:  "a transcript's surname label after a title is not given a name",
			title: "Remarks by President Biden in a Briefing",
			text:  "THE PRESIDENT: I pass it to Governor Qwittle now.  Go ahead.\n\nGOVERNOR QWITTLE: Thank you, Mr. President, for coming to the state.\n\nTHE PRESIDENT: Thank you all.  We will help.",
			want: []found{
				{"I pass it to Governor Qwittle now.  Go ahead.", "Joe Biden", "full"},
				{"Thank you, Mr. President, for coming to the state.", "Qwittle", "full"},
				{"Thank you all.  We will help.", "Joe Biden", "full"},
			},
		},
		{
			name:  "a given name with an apostrophe",
			title: "Remarks by Vice President Harris Honoring the Champions",
			text:  "THE VICE PRESIDENT: Congratulations to A’ja Qwilson and the team.\n\nMS. QWILSON: Thank you so much, it is great to be here with you.\n\nTHE VICE PRESIDENT: Thank you all.  We will help.",
			want: []found{
				{"Congratulations to A’ja Qwilson and the team.", "Kamala Harris", "full"},
				{"Thank you so much, it is great to be here with you.", "A’ja Qwilson", "full"},
				{"Thank you all.  We will help.", "Kamala Harris", "full"},
			},
		},
		{
			name:  "a statement's speaker in capitals that the text never writes",
			title: "Statement by DINKO to the General Debate of the 45th session",
			text:  "On behalf of my delegation, I congratulate the President on his election.",
			want:  []found{{"On behalf of my delegation, I congratulate the President on his election.", "Dinko", "full"}},
		},
		{
			name:  "an acronym its statement writes again",
			title: "Statement by QWTO on the Talks",
			text:  "QWTO welcomes the talks and the steps the parties took.",
			want:  []found{{"QWTO welcomes the talks and the steps the parties took.", "QWTO", "full"}},
		},
		{
			name: "a law is quoted, it does not speak",
			text: "The Qwerty Safer Communities Act closed the “boyfriend loophole” last year.",
			want: []found{{"boyfriend loophole", "", "fragment"}},
		},
		{
			name: "a law named a law is quoted, it does not speak",
			text: "The Qwerty Infrastructure Law says: “Every family deserves clean water from the tap.”",
			want: []found{{"Every family deserves clean water from the tap.", "", "full"}},
		},
		{
			name: "a strategy does not speak",
			text: "The Qwerty Response Strategy calls corruption a “core national security interest,” and sets out steps.",
			want: []found{{"core national security interest,", "", "fragment"}},
		},
		{
			name: "an observance does not speak",
			text: "Qwerty Awareness Month: “We remind you that costs fell for millions of families this year.”",
			want: []found{{"We remind you that costs fell for millions of families this year.", "", "full"}},
		},
		{
			name: "an organisation named for a law's field speaks",
			text: "“We welcome the rule,” said the Qwazelon Center for Mental Health Law.",
			want: []found{{"We welcome the rule,", "Qwazelon Center for Mental Health Law", "full"}},
		},
		{
			name: "a given name and a document's word is a person",
			text: "“We will keep speaking for the people of our city,” said Nathan Law.",
			want: []found{{"We will keep speaking for the people of our city,", "Nathan Law", "full"}},
		},
		{
			name:  "a digit a scan read in a name",
			title: "Statement by Mr. Ricard0 Qwarcia to the General Debate of the 45th session",
			text:  "On behalf of my delegation, I congratulate the President on his election.",
			want:  []found{{"On behalf of my delegation, I congratulate the President on his election.", "Ricardo Qwarcia", "full"}},
		},
		{
			name:  "a name's words in capitals beside a particle",
			title: "Statement by SM da QWUZ to the General Debate of the 34th session",
			text:  "On behalf of my delegation, I congratulate the President on his election.",
			want:  []found{{"On behalf of my delegation, I congratulate the President on his election.", "SM da Qwuz", "full"}},
		},
		{
			name:  "a surname that is a title's word",
			title: "Statement by Mr KING to the General Debate of the 44th session",
			text:  "On behalf of my delegation, I congratulate the President on his election.",
			want:  []found{{"On behalf of my delegation, I congratulate the President on his election.", "King", "full"}},
		},
		{
			name:  "an honorific of another language",
			title: "Statement by Khunying Laxana QWOHAPHAN to the General Debate of the 61st session",
			text:  "On behalf of my delegation, I congratulate the President on her election.",
			want:  []found{{"On behalf of my delegation, I congratulate the President on her election.", "Laxana Qwohaphan", "full"}},
		},
		{
			name: "a headline that starts with a verb is no one",
			text: "MAKING OUR NATION’S CAPITAL SAFE AGAIN: The President campaigned on the promise to make the country safe again.\n\n- On his first return to the city in 2021, he lamented “the filth and the decay” that marred it.",
			want: []found{{"the filth and the decay", "", "fragment"}},
		},
		{
			name: "a misspelt title before a name",
			text: "“No, they all call me that,” said Commisioner Qwonigle.",
			want: []found{{"No, they all call me that,", "Qwonigle", "full"}},
		},
		{
			name: "a plan of action does not speak",
			text: "The Plan of Action says: “Remove all ghost gear from the sea this year.”",
			want: []found{{"Remove all ghost gear from the sea this year.", "", "full"}},
		},
		{
			// The titles, then the person's full name that ends the label.
			name: "a title's modifier is no name",
			text: "Speaker Emeritus, California Congresswoman Nancy Qwelosi: “The law was a monumental victory for families.”",
			want: []found{{"The law was a monumental victory for families.", "Nancy Qwelosi", "full"}},
		},
		{
			name:  "a transcript's label of a surname of two words after the full name in the title",
			title: "Remarks by President Biden Before a Briefing from Mayor Maria Qwevine Cava and Local Leaders",
			text:  "THE PRESIDENT: Thank you for having me here.  Go ahead.\n\nMAYOR QWEVINE CAVA: Thank you, Mr. President, for coming to our county.\n\nTHE PRESIDENT: Thank you all.  We will help.",
			want: []found{
				{"Thank you for having me here.  Go ahead.", "Joe Biden", "full"},
				{"Thank you, Mr. President, for coming to our county.", "Maria Qwevine Cava", "full"},
				{"Thank you all.  We will help.", "Joe Biden", "full"},
			},
		},
		{
			name: "a title of a place before a name in a label",
			text: "Governor of Qwohio, Rob Qweane: “This plan will help families in every county.”",
			want: []found{{"This plan will help families in every county.", "Rob Qweane", "full"}},
		},
		{
			name: "a town and its state in a label are no one",
			text: "Dayton, Ohio: “Gas prices in our area are down this week.”",
			want: []found{{"Gas prices in our area are down this week.", "", "full"}},
		},
		{
			name: "a state in a label is no one",
			text: "Pennsylvania: “Gas prices in our area are down this week.”",
			want: []found{{"Gas prices in our area are down this week.", "", "full"}},
		},
		{
			name: "a description of someone of a named person is not that person",
			text: "Former Co-Counsel of Todd Qwanche: “We know he is the right person for the job.”",
			want: []found{{"We know he is the right person for the job.", "", "full"}},
		},
		{
			name:  "a role label misspelt",
			title: "Remarks by President Biden at a Town Hall",
			text:  "MODERTOR: Our first question tonight comes from a teacher in the back.\n\nTHE PRESIDENT: Thank you all.  We will help the teachers.",
			want: []found{
				{"Our first question tonight comes from a teacher in the back.", "Moderator", "full"},
				{"Thank you all.  We will help the teachers.", "Joe Biden", "full"},
			},
		},
		{
			name: "a field of work in a title before a name",
			text: "“The mission unlocks our scientific might,” said Under Secretary of War for Research and Engineering Emil Qwichael.",
			want: []found{{"The mission unlocks our scientific might,", "Emil Qwichael", "full"}},
		},
		{
			name: "fields of work in a list in a title before a name",
			text: "“The order protects our coasts,” said Qwerthjustice Vice President of Litigation for Lands, Wildlife, and Oceans Drew Qwaputo.",
			want: []found{{"The order protects our coasts,", "Drew Qwaputo", "full"}},
		},
		{
			name:  "an honorific's name after a title in a statement title",
			title: "Remarks by Assistant to the President for Homeland Security Dr. Liz Qwerwood-Randall on the Mission",
			text:  "Thank you for the generous introduction, and for the work of this council.",
			want:  []found{{"Thank you for the generous introduction, and for the work of this council.", "Liz Qwerwood-Randall", "full"}},
		},
		{
			name:  "a name after an office of several words in a statement title",
			title: "Statement by Deputy Press Secretary to the Vice President Sabrina Qwingh",
			text:  "Earlier today, the Second Gentleman tested positive, and the Vice President will stay home.",
			want:  []found{{"Earlier today, the Second Gentleman tested positive, and the Vice President will stay home.", "Sabrina Qwingh", "full"}},
		},
		{
			name:  "an anniversary is no one in a statement title",
			title: "Statement from President Joe Biden Ahead of the Two-Year Anniversary of the Assault Against Qwukraine",
			text:  "Two years ago tomorrow, missiles began exploding near the capital city.",
			want:  []found{{"Two years ago tomorrow, missiles began exploding near the capital city.", "Joe Biden", "full"}},
		},
		{
			name: "an organisation's name holds and",
			text: "Oregon Qwealth and Science University: “Thank you for signing this order today.”",
			want: []found{{"Thank you for signing this order today.", "Oregon Qwealth and Science University", "full"}},
		},
		{
			name:  "an agency's acronym in a role's label",
			title: "Background Press Call on the Response to Drone Sightings",
			text:  "MODERATOR: Thank you all for joining, and over to our first speaker.\n\nDHS OFFICIAL: Thank you, Michael.  On our side of the house, we understand why people are concerned.",
			want: []found{
				{"Thank you all for joining, and over to our first speaker.", "Moderator", "full"},
				{"Thank you, Michael.  On our side of the house, we understand why people are concerned.", "DHS Official", "full"},
			},
		},
		{
			name:  "an honorific a typist garbled in a label",
			title: "Press Briefing by Press Secretary Jen Psaki",
			text:  "MS. PSAKI: Good afternoon, everyone.  We have a few items for you today.\n\nQ: Thank you, Jen.  A question on the talks.\n\nS. PSAKI: The talks will go on through the week, as we said yesterday.",
			want: []found{
				{"Good afternoon, everyone.  We have a few items for you today.", "Jen Psaki", "full"},
				{"The talks will go on through the week, as we said yesterday.", "Jen Psaki", "full"},
			},
		},
		{
			name: "an office's field before a comma and a name with an initial",
			text: "Acting Assistant Secretary of the Army for Civil Works, D. Lee Qworsgren: “The Corps is eager to work with our partners.”",
			want: []found{{"The Corps is eager to work with our partners.", "D. Lee Qworsgren", "full"}},
		},
		{
			name:  "a person's noun as a label is a role",
			title: "Remarks by President Biden in a Press Gaggle",
			text:  "THE PRESIDENT: How are you doing today?  Good to see you.\n\nCUSTOMER: Do not ask us about the prices here.\n\nTHE PRESIDENT: We are working on the prices.",
			want: []found{
				{"How are you doing today?  Good to see you.", "Joe Biden", "full"},
				{"Do not ask us about the prices here.", "Customer", "full"},
				{"We are working on the prices.", "Joe Biden", "full"},
			},
		},
		{
			name: "an organisation's name runs through on",
			text: "The bipartisan Commission on Qwederal Election Reform, co-chaired by a former president, noted that “IDs are needed to board a plane.”\n\nGregory Qwetsone, President and CEO, American Council on Qwenewable Energy: “For more than a century, the code was weighted.”",
			want: []found{
				{"IDs are needed to board a plane.", "Commission on Qwederal Election Reform", "full"},
				{"For more than a century, the code was weighted.", "Gregory Qwetsone", "full"},
			},
		},
		{
			name:  "an office's label misspelt",
			title: "Remarks by President Biden at a Town Hall",
			text:  "THE PRESIDEN: Thank you all for coming out tonight.\n\nMODERATOR: Our first question comes from a teacher.\n\nTHE PRESIDENT: We will help the teachers.",
			want: []found{
				{"Thank you all for coming out tonight.", "Joe Biden", "full"},
				{"Our first question comes from a teacher.", "Moderator", "full"},
				{"We will help the teachers.", "Joe Biden", "full"},
			},
		},
		{
			name: "a particle that is a title's short form, and a doctor's letters",
			text: "Elizabeth Del Qwuono, MD: “We thank the President for the order.”\n\nDr. Rob Qwavidson MD, CEO, Committee to Protect Healthcare: “This is a good day.”",
			want: []found{
				{"We thank the President for the order.", "Elizabeth Del Qwuono", "full"},
				{"This is a good day.", "Rob Qwavidson", "full"},
			},
		},
		{
			name:  "a round-up's name and a verb before a colon",
			title: "President Trump Takes Decisive Action to Deliver Relief",
			text:  "Governor Andy Qweshear said: “We are thankful for the funding.”\n\nCongressman Hal Qwogers said: “I am grateful for the declaration.”",
			want: []found{
				{"We are thankful for the funding.", "Andy Qweshear", "full"},
				{"I am grateful for the declaration.", "Hal Qwogers", "full"},
			},
		},
		{
			name:  "an honorific before an office in a label",
			title: "Remarks by President Biden in a Press Gaggle",
			text:  "THE PRESIDENT: How are you doing today?  Good to see you.\n\nQ: Mr. President, a question on the talks.\n\nMR. PRESIDENT: The talks will go on this week.",
			want: []found{
				{"How are you doing today?  Good to see you.", "Joe Biden", "full"},
				{"The talks will go on this week.", "Joe Biden", "full"},
			},
		},
		{
			name: "a declaration on a subject is a document, no organisation",
			text: "As the Qwerty Islands Forum’s Qwoe Declaration on Regional Security states, “climate change remains the single greatest threat to our peoples.”",
			want: []found{{"climate change remains the single greatest threat to our peoples.", "", "full"}},
		},
		{
			name:  "a joint statement of governments",
			title: "Joint Statement from the Governments of Australia, Canada and Denmark",
			text:  "We condemn the attacks on shipping in the strongest terms.",
			want:  []found{{"We condemn the attacks on shipping in the strongest terms.", "Australia + Canada + Denmark", "full"}},
		},
		{
			name: "a headline is no one",
			text: "Trump Keeps His Promises\n\n“Promises made, promises kept,” Trump Keeps His Promises said.",
			want: []found{{"Promises made, promises kept,", "", "full"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractOn(r, day, tt.title, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestLabelTitles: a transcript's label of someone the registry does not know gives the title
// before the name as the speaker's role ("GOVERNOR QWITTLE" is Qwittle, a Governor); an honorific
// is no role. The text is written for the test.
func TestLabelTitles(t *testing.T) {
	r := mustRegistry(t)
	day := time.Date(2021, 9, 13, 0, 0, 0, 0, time.UTC)
	text := "THE PRESIDENT: I pass it to the Governor now.  Go ahead.\n\nGOVERNOR QWITTLE: Thank you, Mr. President, for coming.\n\nREPRESENTATIVE WATSON QWOLEMAN: Thank you for the help.\n\nMS. QWRAUSS: We thank you all.\n\nTHE PRESIDENT: Thank you all.  We will help."
	var paras []document.Paragraph
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, document.Paragraph{Text: p})
	}
	want := map[string]string{"Qwittle": "Governor", "Watson Qwoleman": "Representative", "Qwrauss": ""}
	seen := 0
	for _, q := range quote.Extract(r, "Remarks by President Biden in a Briefing", day, paras).Quotes {
		for _, sp := range q.Speakers {
			if role, ok := want[sp.Name]; ok {
				seen++
				if sp.Role != role {
					t.Errorf("%s: role %q, want %q", sp.Name, sp.Role, role)
				}
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d labelled speakers", seen, len(want))
	}
}
