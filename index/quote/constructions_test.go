package quote_test

import (
	"slices"
	"testing"
	"time"

	"github.com/readout/readout/index/quote"
)

// TestConstructions holds one case of each way news and statements name who speaks, as issue 10
// lists them. The sentences are written for the test; none is taken from a labelled set.
func TestConstructions(t *testing.T) {
	r := mustRegistry(t)
	tests := []struct {
		name  string
		title string
		day   string // the text's date, when it is not 7 January 2022
		text  string
		want  []found
	}{
		{
			name: "honorific and surname after the full name",
			text: "Representative Carolyn Maloney spoke first.\n\n“We will hold the hearing in March,” Ms. Maloney said.",
			want: []found{{"We will hold the hearing in March,", "Carolyn Maloney", quote.Full}},
		},
		{
			name: "an answer to a question goes to the other side of the exchange, not to the one who asked",
			text: "Asked by Judge Nora Castell how he pleaded, Tobias Brandvik leaned toward the microphone. “Guilty, your honor,” he said.\n\n“Do you understand that you are giving up your right to a trial?” Castell asked.\n\n“Yes, ma'am.”",
			want: []found{{"Guilty, your honor,", "Tobias Brandvik", quote.Full}, {"Do you understand that you are giving up your right to a trial?", "Nora Castell", quote.Full}, {"Yes, ma'am.", "Tobias Brandvik", quote.Full}},
		},
		{
			name: "a question with no exchange under way is answered by the one who asked it",
			text: "Mayor Ilse Varga opened the meeting. “Why are we still waiting for the bridge?” she asked.\n\n“Because the state has not paid its share.”",
			want: []found{{"Why are we still waiting for the bridge?", "Ilse Varga", quote.Full}, {"Because the state has not paid its share.", "Ilse Varga", quote.Full}},
		},
		{
			name: "words broken off are answered by someone else, and taken up again by the one cut off",
			text: "Rep. Marta Quell and Rep. Ivo Sandberg talked over each other.\n\n“You voted against the flood money, and the towns on the river—” Quell said.\n\n“That is not true.”\n\n“—are still waiting for it.”",
			want: []found{{"You voted against the flood money, and the towns on the river—", "Marta Quell", quote.Full}, {"That is not true.", "", quote.Full}, {"—are still waiting for it.", "Marta Quell", quote.Full}},
		},
		{
			name: "the statement someone spoke in speaks for them",
			text: "Marisol Ibarra, whose brother was killed in the crash, said in a statement released through her lawyer that she was “relieved.”\n\n“No verdict will bring him home,” the statement said.",
			want: []found{{"relieved.", "Marisol Ibarra", quote.Fragment}, {"No verdict will bring him home,", "Marisol Ibarra", quote.Full}},
		},
		{
			name: "a document by its author",
			text: "A web video by the Harrow Tenants Union shows the flooded basement. The video says the landlord “has known for three years.”",
			want: []found{{"has known for three years.", "Harrow Tenants Union", quote.Fragment}},
		},
		{
			name: "a nickname in marks inside the name after the verb",
			text: "“You knew,” said Dolores “Dee” Kaminski, 74, who has lived on the street since 1979.",
			want: []found{{"You knew,", "Dolores Kaminski", quote.Fragment}},
		},
		{
			name: "a hyphenated surname that ends in a word organisations end in",
			text: "The campaign sent its spokeswoman, Inés Villanueva-Park, to the program. “He lost his composure,” Villanueva-Park said.",
			want: []found{{"He lost his composure,", "Inés Villanueva-Park", quote.Full}},
		},
		{
			name: "a sentence after words that closed their own, going on to its own quotation, is not their attribution",
			text: "Norway accused the rebels' leader of \"open contempt.\" Norwegian envoy Edda Marsk said the talks were \"finished for now.\"",
			want: []found{{"open contempt.", "Norway", quote.Fragment}, {"finished for now.", "Edda Marsk", quote.Fragment}},
		},
		{
			name: "a conjunction that opens the sentence is not part of the name after it",
			text: "Katarzyna Wróblewska runs the sanctions unit. Yet Wróblewska and others warn that listing ships one at a time is slow. “Every time we list 40 ships, they buy 50,” she said.",
			want: []found{{"Every time we list 40 ships, they buy 50,", "Katarzyna Wróblewska", quote.Full}},
		},
		{
			name: "a country's ministry speaks for the country",
			text: "Russia's Defense Ministry said it had carried out a \"massive strike\" on energy sites.\n\nRussia was not at the talks. Its Foreign Ministry said Moscow \"welcomes any steps toward peace.\" “We will watch closely,” the ministry said.",
			want: []found{{"massive strike", "Russia", quote.Fragment}, {"welcomes any steps toward peace.", "Russia", quote.Fragment}, {"We will watch closely,", "Russia", quote.Full}},
		},
		{
			name: "a family name before a given name of joined syllables, then the family name alone",
			text: "The ruling party's chairwoman, Seo Yu-na, resigned on Thursday. \"All responsibility for this result lies with me,\" Seo said.",
			want: []found{{"All responsibility for this result lies with me,", "Seo Yu-na", quote.Full}},
		},
		{
			name: "a double-barrelled surname alone is the person named in full with it, though its first half is a given name",
			text: "The president was introduced by Kayla Brennan-Osei, 29, of Columbus.\n\n\"I just want my name back,\" Brennan-Osei said.",
			want: []found{{"I just want my name back,", "Kayla Brennan-Osei", quote.Full}},
		},
		{
			name: "a state's name of two words that runs on to an organisation's word is the organisation's",
			text: "Clinics say they are ready. The New Mexico Recovery Providers Network said it had \"beds, staff and patients ready.\"",
			want: []found{{"beds, staff and patients ready.", "New Mexico Recovery Providers Network", quote.Fragment}},
		},
		{
			name: "the one asked answers, not the one who asked",
			text: "“It was $5,000 each time,” Ms. Fitzwilliam-Ahn said, under questioning from Nora Bhatt, a prosecutor.\n\nMs. Bhatt asked her what she expected in return.\n\n“That the ordinance would die in committee,” she replied.",
			want: []found{{"It was $5,000 each time,", "Fitzwilliam-Ahn", quote.Full}, {"That the ordinance would die in committee,", "Fitzwilliam-Ahn", quote.Full}},
		},
		{
			name: "a person, the place 'of' brings in, and an appositive with a list of names to the verb",
			text: "Sen. Walter Grigsby of North Carolina, the top Republican on the Senate Health, Education, Labor and Pensions Committee, said the rule amounted to \"loan forgiveness by another name.\"",
			want: []found{{"loan forgiveness by another name.", "Walter Grigsby", quote.Fragment}},
		},
		{
			name: "a verb joined by 'and' after the quotation has the clause's subject; the name after it is its object",
			text: "Brianna Castellanos-Reyes, a spokeswoman for the committee, said the party remained “fully committed” to holding the seat and called Ms. Okonkwo-Lewis “a candidate with no record.”",
			want: []found{{"fully committed", "Brianna Castellanos-Reyes", quote.Fragment}, {"a candidate with no record.", "Brianna Castellanos-Reyes", quote.Fragment}},
		},
		{
			name: "an unnamed source with a relative clause: the pronoun in it is the source, who is unidentified",
			text: "Travis Engebretsen, the nominee, declined to comment.\n\nBut a former member of the charity's board, who spoke on condition of anonymity because he feared retaliation, said the board \"never once voted on that contract.\"",
			want: []found{{"never once voted on that contract.", "", quote.Fragment}},
		},
		{
			name: "a definite description after an unnamed one of that noun is the unnamed one",
			text: "Garrett Lindahl, an agent in the sector for 20 years, testified first.\n\nOne Border Patrol agent, who spoke on condition of anonymity, said the numbers understate the problem. \"We catch the ones we see,\" the agent said.",
			want: []found{{"We catch the ones we see,", "", quote.Full}},
		},
		{
			name: "a clause after a place's name is no appositive of a speaker: 'according to' far after the quotation is another clause's",
			text: "China accused the Philippines on Monday of “deliberately provoking a confrontation” near a disputed shoal in the South China Sea, a day after coast guard ships fired water cannon at a supply boat and, according to Manila, injured three of its crew.",
			want: []found{{"deliberately provoking a confrontation", "China", quote.Fragment}},
		},
		{
			name: "a party tag with a district of two words between commas",
			text: "Sen. Ignacio Baca, D-Las Cruces, the committee's chairman, said both officials had “good intentions and bad timing.”",
			want: []found{{"good intentions and bad timing.", "Ignacio Baca", quote.Fragment}},
		},
		{
			name: "a subject whose title is of a country written before it",
			text: "\"It's a precinct line, your honor,\" Brett Kallenbach said.\n\nU.S. District Judge Aaron Feinstein-Rojas then cut in. \"Then why did the consultant draw it six blocks east?\" he asked.",
			want: []found{{"It's a precinct line, your honor,", "Brett Kallenbach", quote.Full}, {"Then why did the consultant draw it six blocks east?", "Aaron Feinstein-Rojas", quote.Full}},
		},
		{
			name: "a lede describes the speaker without a name, and the next paragraph names them with the noun",
			text: "A Texas sheriff told a House subcommittee on Thursday that his deputies are \"overwhelmed and outgunned\" along the river.\n\nSheriff Ramiro Quintanilla, who has run the county's office for 14 years, testified that arrests had tripled.",
			want: []found{{"overwhelmed and outgunned", "Ramiro Quintanilla", quote.Fragment}},
		},
		{
			name: "a lede's description is not given to someone else the next paragraph names first",
			text: "A lawyer for the tenants told the court on Monday that the landlord had \"abandoned the building.\"\n\nJudge Miriam Osterhout, who presided, said she would rule by Friday.",
			want: []found{{"abandoned the building.", "", quote.Fragment}},
		},
		{
			name: "a description before a name and a comma gives the name its noun; a pronoun after a sentence about the description is that person",
			text: "The committee's chairwoman, Senator Rosalind Achterberg, opened the questioning.\n\nMs. Helena Vukovic said the agency had hired instructors. The chairwoman was not satisfied.\n\n“How many of those will still be there in three years?” she asked.",
			want: []found{{"How many of those will still be there in three years?", "Rosalind Achterberg", quote.Full}},
		},
		{
			name: "an opening adverb before 'the company said'",
			text: "Halvern Foods did not answer calls on Monday. Later, the company said in an email that it \"does not comment on pending litigation.\"",
			want: []found{{"does not comment on pending litigation.", "Halvern Foods", quote.Fragment}},
		},
		{
			name: "'who' after a person, a place and a description in apposition is that person",
			text: "On Saturday she was joined by Senator Tim Kaine of Virginia, Mrs. Clinton's running mate, who told about 200 people that Ms. Okonkwo-Lewis was “the kind of prosecutor who reads the fine print.”",
			want: []found{{"the kind of prosecutor who reads the fine print.", "Tim Kaine", quote.Fragment}},
		},
		{
			name: "an organisation's document speaks for it, an appositive about the document aside",
			text: "The Fairmont Health Department's inspection report, obtained by the Ledger, describes “an active rodent infestation” in the kitchen.",
			want: []found{{"an active rodent infestation", "Fairmont Health Department", quote.Fragment}},
		},
		{
			name: "'the company said' after a quotation inside a sentence is the company the sentence before is about",
			text: "Halvern Foods is recalling about 120,000 pounds of chicken nuggets, the company said Saturday.\n\nThe recall is \"a precautionary measure,\" the company said in a statement.",
			want: []found{{"a precautionary measure,", "Halvern Foods", quote.Fragment}},
		},
		{
			name: "someone who spoke on condition of anonymity is unidentified, not the last man named",
			text: "Republican leaders have stood by Gregory Halvorsen. Privately, two strategists said the party's polling had shown his lead shrinking. One of them, who spoke on the condition of anonymity because he was not authorized to discuss the data, described the mood as “somewhere between nervous and grim.”",
			want: []found{{"somewhere between nervous and grim.", "", quote.Fragment}},
		},
		{
			name: "'and said' after a quotation shares the clause's subject, past the places the clause opens with",
			text: "Trump spoke in Iowa. At a rally in Council Bluffs, Iowa, on Monday, he called the Clinton Foundation \"the most corrupt enterprise in political history\" and said it should be \"shut down on day one.\"",
			want: []found{{"the most corrupt enterprise in political history", "Donald Trump", quote.Fragment}, {"shut down on day one.", "Donald Trump", quote.Fragment}},
		},
		{
			name: "a sentence's end stops the look for a preposition before a name",
			text: "Not everyone on the call agreed with her. Rep. Harlan Betancourt of Texas, a Freedom Caucus member who endorsed Trump in the spring, accused colleagues of \"running for the hills the minute it gets hard.\"",
			want: []found{{"running for the hills the minute it gets hard.", "Harlan Betancourt", quote.Fragment}},
		},
		{
			name: "a word that describes people keeps its place in an organisation's name of 'X of Y'",
			text: "The American Federation of Teachers said the plan was \"a promise without a budget.\" The Democratic Party of Wisconsin said its volunteers had \"knocked on more doors than ever.\"",
			want: []found{{"a promise without a budget.", "American Federation of Teachers", quote.Fragment}, {"knocked on more doors than ever.", "Democratic Party of Wisconsin", quote.Fragment}},
		},
		{
			name: "'the country's' department speaks for the country named before",
			text: "Mexico's government says it will not pay for a wall along the border.\n\n\"Mexico will not pay for a wall under any circumstances,\" the country's Foreign Relations Department said in a statement.",
			want: []found{{"Mexico will not pay for a wall under any circumstances,", "Mexico", quote.Full}},
		},
		{
			name: "an organisation's first word that looks like a misspelt title stays",
			text: "Observers were in every region. The Economic Community of West African States said voting had been \"peaceful, transparent and well organised.\"",
			want: []found{{"peaceful, transparent and well organised.", "Economic Community of West African States", quote.Fragment}},
		},
		{
			name: "a given name and a surname that is an organisation's word name a person",
			text: "West Virginia Governor Jim Justice said the plan was \"a disaster for coal country.\" The Los Angeles Times said it was \"long overdue.\"",
			want: []found{{"a disaster for coal country.", "Jim Justice", quote.Fragment}, {"long overdue.", "Los Angeles Times", quote.Fragment}},
		},
		{
			name: "a sentence with a show's title in marks is still narration for a description after it",
			text: "Tim Kaine, Clinton’s running mate, defended her record on Sunday on “Meet the Press.” “Hillary has sat across the table from these leaders,” the Virginia senator said.",
			want: []found{{"Hillary has sat across the table from these leaders,", "Tim Kaine", quote.Full}},
		},
		{
			name: "a name after a dateline's dash is its sentence's subject",
			text: "CONCORD, N.H. — Caroline Whitcombe has a standard answer for voters who are not sure about Donald Trump. \"I'm asking you to vote for me,\" the Republican nominee for governor says.",
			want: []found{{"I'm asking you to vote for me,", "Caroline Whitcombe", quote.Full}},
		},
		{
			name: "a possessive and a noun for a person before a name leave it the subject",
			text: "“Good for her,” Grace Kowalczyk said.\n\nHer friend Ilse Marchand-Obi, 55, a Democrat, was less impressed. “It took her long enough,” she said.",
			want: []found{{"Good for her,", "Grace Kowalczyk", quote.Full}, {"It took her long enough,", "Ilse Marchand-Obi", quote.Full}},
		},
		{
			name: "a family name that opens the name, the registry knowing a leader of that family name",
			text: "South Korea's unification minister, Pak Seo-yeon, and her deputy, Kim Ha-na, urged talks. “The door to dialogue remains open,” Kim said in Seoul.",
			want: []found{{"The door to dialogue remains open,", "Kim Ha-na", quote.Full}},
		},
		{
			name: "a son's suffix tells him from his father",
			text: "Dale Hutchins Sr. founded the company in 1962; Dale Hutchins Jr. runs it now. “Dad built this place with his own hands,” Hutchins Jr. said.",
			want: []found{{"Dad built this place with his own hands,", "Dale Hutchins Jr.", quote.Full}},
		},
		{
			name: "a new sentence whose verb has an object of its own says nothing of the quotation before",
			text: "In her letter, Commissioner Joyce Whitcombe wrote: “I can no longer serve.” Governor Peter Lasko thanked her.",
			want: []found{{"I can no longer serve.", "Joyce Whitcombe", quote.Full}},
		},
		{
			name: "the next paragraph gives the quotation to the person it names",
			text: "“This is a dark day for international law.”\n\nWith those words, Ghana's ambassador, Kwame Asante-Boadu, opened the session.",
			want: []found{{"This is a dark day for international law.", "Kwame Asante-Boadu", quote.Full}},
		},
		{
			name: "a second verb of the same subject, joined by and",
			text: "Foreign Secretary Helen Marsh called the talks “candid and constructive” and said both sides had agreed to “keep channels open” on trade.",
			want: []found{{"candid and constructive", "Helen Marsh", quote.Fragment}, {"keep channels open", "Helen Marsh", quote.Fragment}},
		},
		{
			name: "an organisation called back by the last words of its name",
			text: "The Philippine Coast Guard said a vessel had fired a water cannon at a boat. “This is the third such incident this month,” the coast guard said in a statement.",
			want: []found{{"This is the third such incident this month,", "Philippine Coast Guard", quote.Full}},
		},
		{
			name: "titles, then the name that ends a round-up's label",
			text: "Brightline Steel Chairman, President, and CEO Jim Tarrow: “This investment will create thousands of jobs.”",
			want: []found{{"This investment will create thousands of jobs.", "Jim Tarrow", quote.Full}},
		},
		{
			name: "a given name alone is the one person named in full with it",
			text: "Melanie Ortiz, 52, has driven the same school bus route for 23 years.\n\n“You can tell by how they get on,” Melanie said.",
			want: []found{{"You can tell by how they get on,", "Melanie Ortiz", quote.Full}},
		},
		{
			name: "given names listed before a full name share its surname",
			text: "Kirsten and Erik Halvorsen have argued about the dog for a decade.\n\n“He is not allowed on the couch,” Kirsten said.\n\n“He is near the couch,” said Erik.",
			want: []found{{"He is not allowed on the couch,", "Kirsten Halvorsen", quote.Full}, {"He is near the couch,", "Erik Halvorsen", quote.Full}},
		},
		{
			name: "a quotation a colon brings in has no speaker in the sentence after",
			text: "Gov. Rob Keane took calls on the radio. A caller told Keane: “You lied to us.” Keane disagreed.",
			want: []found{{"You lied to us.", "", quote.Full}},
		},
		{
			name: "a campaign's unnamed spokeswoman speaks for the campaign",
			text: "Asked about the post, a Whitcomb campaign spokeswoman said only that it “did not reflect the governor's views.”",
			want: []found{{"did not reflect the governor's views.", "Whitcomb campaign", quote.Fragment}},
		},
		{
			name: "a name, an appositive and a verb with its particle before a colon",
			text: "Eli Rourke, a spokesman for the Whitcomb campaign, pushed back: “We have more paid staff in Arizona than anyone.”",
			want: []found{{"We have more paid staff in Arizona than anyone.", "Eli Rourke", quote.Full}},
		},
		{
			name: "a text from a person, in a clause that ends with a colon",
			text: "At 2:14 a.m., Dana Kowalczyk's phone lit up with a text from her son, Pfc. Eli Kowalczyk, who had been deployed for months: “Landed. Love you.”",
			want: []found{{"Landed. Love you.", "Eli Kowalczyk", quote.Full}},
		},
		{
			name: "a person's kin before a quotation alone, and a lawyer who is not his client",
			text: "Shirley Adeyemi and her husband, Tunde Adeyemi, have lived in Croydon for forty years.\n\n‘They keep telling me next month,’ she said. Her husband shook his head. ‘Next month never comes.’\n\nOwen Thackeray was charged on Monday.\n\n“My client is innocent,” his lawyer said.",
			want: []found{
				{"They keep telling me next month,", "Shirley Adeyemi", quote.Full},
				{"Next month never comes.", "Tunde Adeyemi", quote.Full},
				{"My client is innocent,", "", quote.Full},
			},
		},
		{
			name: "an organisation's name that ends in a word never a name alone",
			text: "The Metropolitan Police said in a statement that the march had been “largely peaceful” and that four people were arrested.",
			want: []found{{"largely peaceful", "Metropolitan Police", quote.Fragment}},
		},
		{
			name: "a relative clause with another name and commas runs to the verb",
			text: "Ruth Baines, whose son Tyrell Baines, 22, was shot by a trooper in March, said in a statement that she was “relieved, but not at peace.”",
			want: []found{{"relieved, but not at peace.", "Ruth Baines", quote.Fragment}},
		},
		{
			name: "a description with the person's name in apposition after it",
			text: "Thorsby Paper's chief executive, Martin Achebe-Lund, said the closing of the mill was “painful but unavoidable.”",
			want: []found{{"painful but unavoidable.", "Martin Achebe-Lund", quote.Fragment}},
		},
		{
			name: "a place inside an unnamed speaker's description is not the speaker",
			text: "A bond trader at a large New York bank put it more bluntly: “Everybody just threw out their June forecasts.”",
			want: []found{{"Everybody just threw out their June forecasts.", "", quote.Full}},
		},
		{
			name: "a heading's word after a registered name is not part of it",
			text: "In Case You Missed It: Statement from National Security Advisor Jake Sullivan Welcoming Ceasefire Talks\n\n“This is a welcome step toward peace,” he said. The talks resume on welcoming terms.",
			want: []found{{"This is a welcome step toward peace,", "Jake Sullivan", quote.Full}},
		},
		{
			name: "an unknown word after a registered name may be a second surname",
			text: "Alejandro Giammattei Falla said: “Guatemala stands with its neighbours.”",
			want: []found{{"Guatemala stands with its neighbours.", "Alejandro Giammattei Falla", quote.Full}},
		},
		{
			name: "surname alone after the full name, the registry knowing another of that name",
			text: "Hillary Clinton campaigned in Ohio on Monday.\n\n“We are going to win this state,” Clinton said.",
			want: []found{{"We are going to win this state,", "Hillary Clinton", quote.Full}},
		},
		{
			name: "inverted, with a title, and an appositive with a place",
			text: "“The bill will pass the House next week,” said Rep. Jerry Nadler, a Democrat from New York.",
			want: []found{{"The bill will pass the House next week,", "Jerry Nadler", quote.Full}},
		},
		{
			name: "a party tag and an appositive between the quote and the verb",
			text: "“They would take the phones of anyone else,” Rep. Jim Jordan (R-Ohio), a member of the oversight panel, said in a phone interview.",
			want: []found{{"They would take the phones of anyone else,", "Jim Jordan", quote.Full}},
		},
		{
			name: "a place before a clause's subject does not take its noun",
			text: "Mayor Ann Ruiz visited the scene in Lakewood on Sunday.\n\nAt a briefing in Lakewood, the mayor also said the roads would reopen.\n\n“We do not see any danger to residents,” the mayor said.",
			want: []found{{"We do not see any danger to residents,", "Ann Ruiz", quote.Full}},
		},
		{
			name: "a surname that is also a title, once the full name is given",
			text: "Howard Dean spoke on Monday.\n\nDean, a former party chairman, poked at his rival, tweeting, “Notice the sniffing all the time.”",
			want: []found{{"Notice the sniffing all the time.", "Howard Dean", quote.Full}},
		},
		{
			name: "a participle whose subject is the verb's before it",
			text: "Bernie Sanders spoke in Ohio.\n\n“Start talking about the real issues,” Sanders said, suggesting a few questions, including, “Do you really think that billionaires need a tax break?”",
			want: []found{{"Start talking about the real issues,", "Bernie Sanders", quote.Full}, {"Do you really think that billionaires need a tax break?", "Bernie Sanders", quote.Full}},
		},
		{
			name: "a party tag between commas",
			text: "House Speaker Paul Ryan, R-Wis., said the families “do need to have their day in court” on Tuesday.",
			want: []found{{"do need to have their day in court", "Paul Ryan", quote.Fragment}},
		},
		{
			name: "a gender learnt from the text's own pronouns",
			text: "Thura Win Mya visited the capital on Wednesday, six years after she was released from prison.\n\nShe set up a commission, overseen by the diplomat Kofi Annan, to study the clashes.\n\n“Unity also means prosperity,” she said in the Oval Office.",
			want: []found{{"Unity also means prosperity,", "Thura Win Mya", quote.Full}},
		},
		{
			name: "a nickname the text uses only once is not the name",
			text: "“The nation is watching us tonight!” His niece, state Del. Marcia \"Tia\" Lowe (D-Norfolk), shouted to the crowd.",
			want: []found{{"The nation is watching us tonight!", "Marcia Lowe", quote.Full}},
		},
		{
			name: "a line of its own with a pronoun and a verb introduces the quotation",
			text: "Senator Ruth Calder answered with the example of her home town.\n\nShe said:\n\n“We have a situation in our cities that is getting worse every year, and we have to stop it.”",
			want: []found{{"We have a situation in our cities that is getting worse every year, and we have to stop it.", "Ruth Calder", quote.Full}},
		},
		{
			name: "a title's office between the title and the name",
			text: "“That can really give consumers a boost,” said Rivermart VP of Regional Sales Corey Haire, noting the refunds.",
			want: []found{{"That can really give consumers a boost,", "Corey Haire", quote.Full}},
		},
		{
			name: "a title's acronym given in parentheses, then before the surname",
			text: "Special Presidential Envoy for Climate (SPEC) John Kerry opened the meeting.\n\nIn closing remarks, SPEC Kerry said the goal was “within our grasp,” and thanked everyone.",
			want: []found{{"within our grasp,", "John Kerry", quote.Fragment}},
		},
		{
			name: "a name, a comma and the subject are no list",
			text: "In remarks launching the Summit for Democracy, President Biden urged action against “sustained and alarming challenges to democracy.” Additionally, President Biden noted progress.",
			want: []found{{"sustained and alarming challenges to democracy.", "Joe Biden", quote.Fragment}},
		},
		{
			name: "a term between an article and its noun is no quote",
			text: "On Taiwan, President Biden underscored that the United States remains committed to the “one China” policy.",
			want: nil,
		},
		{
			name: "a plural title before two surnames",
			text: "In their remarks, Secretaries Raimondo and Clouthier both shared their hopes. “The more our two countries become one market, the stronger we will be,” said Secretary Raimondo.",
			want: []found{{"The more our two countries become one market, the stronger we will be,", "Gina Raimondo", quote.Full}},
		},
		{
			name: "a short sentence about a person before a list of quotations",
			text: "President Biden opened the meeting by highlighting some of his achievements.\n\n- “When we took office, we inherited a total catastrophe.” (Watch)\n\n- “These are investments made in our future.” (Watch)\n\n- Families now have a “perpetual Golden Share” in the company.",
			want: []found{{"When we took office, we inherited a total catastrophe.", "Joe Biden", quote.Full}, {"These are investments made in our future.", "Joe Biden", quote.Full}},
		},
		{
			name: "one capitalised word the text never shows to be anyone is no speaker",
			text: "Culture and the arts are part of the plan.\n\nCulture: “Each covered agency must report every year.”\n\n“The filing is due in May,” GasBuddy said.",
			want: []found{{"Each covered agency must report every year.", "", quote.Full}, {"The filing is due in May,", "GasBuddy", quote.Full}},
		},
		{
			name: "capitalised words the text writes in lower case elsewhere name no one",
			text: "The department teaches political science to first-year students.\n\n“Students must register by May,” Political Science said.",
			want: []found{{"Students must register by May,", "", quote.Full}},
		},
		{
			name: "a title the registry knows as a word of office",
			text: "“We will secure the border this year,” said Border Czar Tom Homan.",
			want: []found{{"We will secure the border this year,", "Tom Homan", quote.Full}},
		},
		{
			name: "organisations' names: with '&', a country or a nationality inside",
			text: "“Her approach will be critical to permitting reform,” said American Exploration & Production Council CEO Anne Bradbury.\n\nAmerica First Policy Institute\n\n“It is our belief that she has shown a commitment to clean air.”\n\n“She understands conservation,” said American Wildlife Conservation Partners.",
			want: []found{
				{"Her approach will be critical to permitting reform,", "Anne Bradbury", quote.Full},
				{"It is our belief that she has shown a commitment to clean air.", "America First Policy Institute", quote.Full},
				{"She understands conservation,", "American Wildlife Conservation Partners", quote.Full},
			},
		},
		{
			name: "a title after the name and a place before the noun are what the person is",
			text: "“It creates stability in our tax code,” said Tom Mangan, President and CEO of Sukup Manufacturing Company.\n\n“Seniors will be owing less than they anticipated,” said Pennsylvania financial advisor Jay Foley on the provision.",
			want: []found{{"It creates stability in our tax code,", "Tom Mangan", quote.Full}, {"Seniors will be owing less than they anticipated,", "Jay Foley", quote.Full}},
		},
		{
			name: "a spokeswoman for the organisation named with her, at a sentence's start",
			text: "A Treasury spokeswoman said: “The sanctions will stay in place until the talks resume.”",
			want: []found{{"The sanctions will stay in place until the talks resume.", "Treasury", quote.Full}},
		},
		{
			name: "a sentence that ends in a word of a title ends the name",
			text: "The body was found near Graball Landing in Tallahatchie County. Moses Wright confirmed that it was his grandnephew, and said: “I knew him by the ring he wore.”",
			want: []found{{"I knew him by the ring he wore.", "Moses Wright", quote.Full}},
		},
		{
			name: "a party tag is not the speaker",
			text: "“The committee has done its work,” said Sen. Ben Sasse (R-Neb.).",
			want: []found{{"The committee has done its work,", "Ben Sasse", quote.Full}},
		},
		{
			name: "a speaker introduced after the quote before",
			text: "“Children need routines,” said Anna Reyes, a teacher. Parents agree, adds psychologist Mary Alvord.\n\n“Predictable days help them sleep,” she says.",
			want: []found{
				{"Children need routines,", "Anna Reyes", quote.Full},
				{"Predictable days help them sleep,", "Mary Alvord", quote.Full},
			},
		},
		{
			name: "a pronoun goes to the nearest person of its gender",
			text: "President Joe Biden met the governor on Monday. Governor Gretchen Whitmer thanked the crews.\n\n“We are rebuilding every bridge,” she said.",
			want: []found{{"We are rebuilding every bridge,", "Gretchen Whitmer", quote.Full}},
		},
		{
			name: "name, outlet and a colon",
			text: "Here's what they're saying:\n\nHoward Kurtz, Fox News: “This was the story of the week.”",
			want: []found{{"This was the story of the week.", "Howard Kurtz", quote.Full}},
		},
		{
			name: "name, title, organisation and a colon: the person, not the organisation",
			text: "Varshini Prakash, Executive Director, Sunrise Movement: “This is a victory for young people.”",
			want: []found{{"This is a victory for young people.", "Varshini Prakash", quote.Full}},
		},
		{
			name: "title, surname and a date in parentheses",
			text: "Secretary Bessent (11/9/25): “The economy is strong.”",
			want: []found{{"The economy is strong.", "Scott Bessent", quote.Full}},
		},
		{
			name: "a representative and a party tag before a colon",
			text: "Rep. Byron Donalds (R-FL): “This is a great day for Florida.”",
			want: []found{{"This is a great day for Florida.", "Byron Donalds", quote.Full}},
		},
		{
			name: "a surname and a verb that is not one of speech",
			text: "Robby Mook ran the campaign.\n\nMook agreed: “The debate went well for us.”",
			want: []found{{"The debate went well for us.", "Robby Mook", quote.Full}},
		},
		{
			name: "a series of tweets, and the second one",
			text: "Donald Trump swiped at Paul Ryan in a series of tweets: “Our very weak and ineffective leadership is not helping.”\n\n“Disloyal R's are far more difficult than Crooked Hillary.”",
			want: []found{
				{"Our very weak and ineffective leadership is not helping.", "Donald Trump", quote.Full},
				{"Disloyal R's are far more difficult than Crooked Hillary.", "Donald Trump", quote.Full},
			},
		},
		{
			name: "an unnamed spokeswoman speaks for the organisation named with her",
			text: "“We do not comment on pending rules,” a Treasury Department spokeswoman said.",
			want: []found{{"We do not comment on pending rules,", "U.S. Department of the Treasury", quote.Full}},
		},
		{
			name: "an unnamed source is not identified",
			text: "“The talks have stalled,” one senior diplomat said.",
			want: []found{{"The talks have stalled,", "", quote.Full}},
		},
		{
			name: "a place named after a person is not the speaker",
			text: "“The plant will reopen,” said Norman Ornstein of the American Enterprise Institute.",
			want: []found{{"The plant will reopen,", "Norman Ornstein", quote.Full}},
		},
		{
			name:  "remarks by someone without speaker labels are their words",
			title: "Remarks as Prepared for Delivery by Ambassador Linda Thomas-Greenfield at the Security Council",
			text:  "Thank you, Madam President.\n\nWe meet today at a difficult moment.",
			want:  []found{{"Thank you, Madam President.\n\nWe meet today at a difficult moment.", "Linda Thomas-Greenfield", quote.Full}},
		},
		{
			name: "a transcript label of an organisation's role is the role, not the organisation",
			text: "MS. JEAN-PIERRE: Good afternoon. We have guests today.\n\nWHITE HOUSE AIDE: The pool is moving now.\n\nMS. JEAN-PIERRE: Thank you all.",
			want: []found{
				{"Good afternoon. We have guests today.", "Karine Jean-Pierre", quote.Full},
				{"The pool is moving now.", "White House Aide", quote.Full},
				{"Thank you all.", "Karine Jean-Pierre", quote.Full},
			},
		},
		{
			name: "a transcript label the registry does not know starts a turn",
			text: "MS. JEAN-PIERRE: Good afternoon. We have guests today.\n\nCOACH RIVERS: Thank you for having us.\n\nMS. JEAN-PIERRE: Thank you, Coach.",
			want: []found{
				{"Good afternoon. We have guests today.", "Karine Jean-Pierre", quote.Full},
				{"Thank you for having us.", "Rivers", quote.Full},
				{"Thank you, Coach.", "Karine Jean-Pierre", quote.Full},
			},
		},
		{
			name: "a surname is the namesake named before it, though both are named in full again later",
			text: "Rep. Robert C. \"Bobby\" Scott held a cookout.\n\n“We will win,” Scott said.\n\nSen. Tim Scott was not there. Supporters of Bobby Scott cheered.",
			want: []found{{"We will win,", "Bobby Scott", quote.Full}},
		},
		{
			name: "a country before a titled person is what the title is of",
			text: "“We must win the AI race,” said U.S. Secretary of Energy Chris Wright.",
			want: []found{{"We must win the AI race,", "Chris Wright", quote.Full}},
		},
		{
			name: "an organisation's name runs on over 'of' and 'for'",
			text: "Richard Fiesta, Executive Director, Alliance for Retired Americans: “This is a good day.”\n\nThe International Council of Museums said: “We agree.”",
			want: []found{{"This is a good day.", "Richard Fiesta", quote.Full}, {"We agree.", "International Council of Museums", quote.Full}},
		},
		{
			name:  "a joint statement is its parties', not its title's words",
			title: "United States-Italy Joint Leaders’ Statement",
			text:  "The leaders met in Washington.",
			want:  []found{{"The leaders met in Washington.", "United States + Italy", quote.Full}},
		},
		{
			name: "a transcript label in capitals is written as people write names",
			text: "MS. PSAKI: Let me turn it over.\n\nMS. MUNOZ: Thank you, Jen. We met today.",
			want: []found{{"Let me turn it over.", "Jen Psaki", quote.Full}, {"Thank you, Jen. We met today.", "Munoz", quote.Full}},
		},
		{
			name:  "a transcript label names by surname a person a turn named in full",
			title: "Remarks by President Biden Honoring Team USA",
			text:  "THE PRESIDENT: Please welcome the javelin thrower Kara Winger.\n\nMS. WINGER: Thank you, Mr. President.",
			want:  []found{{"Please welcome the javelin thrower Kara Winger.", "Joe Biden", quote.Full}, {"Thank you, Mr. President.", "Kara Winger", quote.Full}},
		},
		{
			name:  "a transcript's label by the surname of a name given with initials",
			title: "Remarks by the Vice President in a Conversation with D.L. Hughley",
			text:  "The Vice President spoke on stage with the comedian D.L. Hughley.\n\nTHE VICE PRESIDENT: Thank you all for coming tonight.\n\nHUGHLEY: We are glad to have you here with us.",
			want:  []found{{"Thank you all for coming tonight.", "Kamala Harris", quote.Full}, {"We are glad to have you here with us.", "D.L. Hughley", quote.Full}},
		},
		{
			name: "a label's surname when the text slips on the given name once",
			text: "THE PRESIDENT: Now let me turn to Kent Masters, who runs the plant.\n\nMR. MASTERS: Thank you. We plan to open a new mine here next year.\n\nTHE PRESIDENT: I thank Ken Masters and his team.",
			want: []found{{"Now let me turn to Kent Masters, who runs the plant.", "Joe Biden", quote.Full}, {"Thank you. We plan to open a new mine here next year.", "Kent Masters", quote.Full}, {"I thank Ken Masters and his team.", "Joe Biden", quote.Full}},
		},
		{
			name:  "a transcript's label by the surname the title gives in full",
			title: "Remarks by the Vice President in a Conversation with D.L. Hughley",
			text:  "Remarks by the Vice President in a Conversation with D.L. Hughley\n\nTHE VICE PRESIDENT: Thank you all for coming tonight.\n\nMR. HUGHLEY: We are glad to have you here with us.\n\nTHE VICE PRESIDENT: It is good to be here.",
			want:  []found{{"Thank you all for coming tonight.", "Kamala Harris", quote.Full}, {"We are glad to have you here with us.", "D.L. Hughley", quote.Full}, {"It is good to be here.", "Kamala Harris", quote.Full}},
		},
		{
			name: "a verb in capitals heading a line names no one",
			text: "PROMISE MADE: “We will close the border.” (10/12/24)\n\nPROMISE KEPT: Crossings are at historic lows.",
			want: []found{{"We will close the border.", "", quote.Full}},
		},
		{
			name: "a description the text gave no one is the person the sentence before is about",
			text: "Maria Delgado toured the flooded district on Monday.\n\n“The levees will be rebuilt,” the Texas businesswoman said after the visit.",
			want: []found{{"The levees will be rebuilt,", "Maria Delgado", quote.Full}},
		},
		{
			name: "a description owned by another person's name is not that person",
			text: "Paul Hendry urged the council to reconsider.\n\n“It was a mistake,” Obama's former campaign strategist said on the radio.",
			want: []found{{"It was a mistake,", "Paul Hendry", quote.Full}},
		},
		{
			name: "a description whose gender does not fit the sentence before names no one",
			text: "Maria Delgado toured the flooded district on Monday.\n\n“The levees will be rebuilt,” the local businessman said.",
			want: []found{{"The levees will be rebuilt,", "", quote.Full}},
		},
		{
			name: "a long appositive between the name and the verb",
			text: "Taxes rose in the spring.\n\n“It is a sound plan,” Robert K. Lane, director of the Tax Center and a professor at the State University, said of the proposal.",
			want: []found{{"It is a sound plan,", "Robert K. Lane", quote.Full}},
		},
		{
			name: "a surname two people share, told apart by the pronoun after it",
			text: "Anna Reyes and her brother Carlos Reyes ran the family firm.\n\nIn 2001, Reyes sold her shares to a rival.\n\n“It was the right time to leave,” Reyes said.",
			want: []found{{"It was the right time to leave,", "Anna Reyes", quote.Full}},
		},
		{
			name: "a line whose subject is an office and its holder's name, before a list of quotations",
			day:  "2026-07-31",
			text: "The cabinet met on Friday, and its members spoke in turn.\n\nVice President JD Vance reported on the progress of the broadband plan.\n\n- “Every home will be connected.”\n\n- “We are ahead of schedule.”",
			want: []found{{"Every home will be connected.", "JD Vance", quote.Full}, {"We are ahead of schedule.", "JD Vance", quote.Full}},
		},
		{
			name: "an office whose name holds an 'and', as a title before a name",
			text: "The cabinet met on Friday.\n\nSecretary of Health and Human Services Xavier Becerra announced that the clinics would open.\n\n- “We will open forty clinics this year.”",
			want: []found{{"We will open forty clinics this year.", "Xavier Becerra", quote.Full}},
		},
		{
			name: "a heading's list of authors, some of them words the text shows nothing else of",
			text: "Companies released statements on the plan:\n\nJoint Statement of Acme, IBM, and Globex:\n\n“We share the goal of cleaner trucks.”",
			want: []found{{"We share the goal of cleaner trucks.", "Acme + IBM + Globex", quote.Full}},
		},
		{
			name: "after the verb, an organisation's titles in capitals and the name that closes the sentence",
			text: "Business groups praised the choice.\n\n“She will serve the country well,” said Acme Council of Builders Executive Vice President, Chief Policy Officer, and Head of Advocacy, Dana R. Whitfield.",
			want: []found{{"She will serve the country well,", "Dana R. Whitfield", quote.Full}},
		},
		{
			name: "after the verb, a title whose last word is another person's, then the name",
			text: "Business groups praised the choice.\n\n“She will serve the country well,” said Acme Council of Builders Chief Policy Officer, Dana R. Whitfield.\n\n“She knows the law,” said BCA Managing Vice President of Policy, Tom Okafor.",
			want: []found{{"She will serve the country well,", "Dana R. Whitfield", quote.Full}, {"She knows the law,", "Tom Okafor", quote.Full}},
		},
		{
			name: "a title's 'to' phrase before a name, the country in it a given name too",
			text: "Leaders praised the plan.\n\nFormer U.S. Ambassador to Israel Mark Dunmore described the proposal as “brilliant and historic,” in a post.",
			want: []found{{"brilliant and historic,", "Mark Dunmore", quote.Fragment}},
		},
		{
			name: "after the verb, a title holding a registered organisation, then the name",
			text: "Leaders praised the plan.\n\n“It is a brilliant plan,” said Ambassador to the United Nations Linda Thomas-Greenfield.",
			want: []found{{"It is a brilliant plan,", "Linda Thomas-Greenfield", quote.Full}},
		},
		{
			name: "an appositive between dashes before the verb, with a country in it",
			text: "The county drew notice.\n\nIn 2019, then-County Executive Dana Whitfield — now a U.S. Senator — bragged about “not taking part in enforcement” on the radio.",
			want: []found{{"not taking part in enforcement", "Dana Whitfield", quote.Fragment}},
		},
		{
			name: "an appositive between dashes after the quotation",
			text: "The county drew notice.\n\n“We will not take part in it,” Dana Whitfield — now a U.S. Senator — said in 2019.",
			want: []found{{"We will not take part in it,", "Dana Whitfield", quote.Full}},
		},
		{
			name: "a country's name as the surname after two names",
			text: "The debate went on into the night.\n\nRajan Kumar Nepal said: “We ask for fairness in trade.”",
			want: []found{{"We ask for fairness in trade.", "Rajan Kumar Nepal", quote.Full}},
		},
		{
			name: "a country's name as the surname after an accented given name",
			text: "The debate went on into the night.\n\nJosé Panama said: “We ask for fairness in trade.”",
			want: []found{{"We ask for fairness in trade.", "José Panama", quote.Full}},
		},
		{
			name:  "a statement's speaker after an honorific a scan garbled",
			title: "Statement by Mr, Kofi Baako to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Kofi Baako", quote.Full}},
		},
		{
			name:  "a statement's speaker after a Malay honorific and its apostrophe",
			title: "Statement by Dato' Seri Ahmad Zain to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Ahmad Zain", quote.Full}},
		},
		{
			name:  "a name with an apostrophe opening a word of it",
			title: "Statement by Siaosi ‘Ofa Fakatava to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Siaosi ‘Ofa Fakatava", quote.Full}},
		},
		{
			name:  "a name with apostrophes inside a word of it",
			title: "Statement by Hamid Tu’i’afa to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Hamid Tu’i’afa", quote.Full}},
		},
		{
			name:  "a name with lower-case syllables joined by hyphens",
			title: "Statement by Prayong Chan-o-cha to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Prayong Chan-o-cha", quote.Full}},
		},
		{
			name:  "a statement's speaker and the realm after their name: one speaker",
			title: "Statement by His Serene Highness Prince Rainier IV of Monaco to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Rainier IV", quote.Full}},
		},
		{
			name:  "a statement's speaker whose name holds a word that is never a name elsewhere",
			title: "Statement by Mr. Hong Soon-young to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Hong Soon-young", quote.Full}},
		},
		{
			name:  "a statement's speaker whose particle is joined to the name in small letters",
			title: "Statement by Mr. el-Khouri to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "el-Khouri", quote.Full}},
		},
		{
			name:  "a name with an apostrophe opening a word of it, written as a closing mark, and another inside a word",
			title: "Statement by Tevita ’Ulu'ilakepa Fonua to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Tevita ’Ulu'ilakepa Fonua", quote.Full}},
		},
		{
			name:  "a name's syllables in small letters, written apart",
			title: "Statement by Mr. Liu Shao wen to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Liu Shao wen", quote.Full}},
		},
		{
			name:  "a name whose last word is never a name elsewhere",
			title: "Statement by Mr. Amata Kessai Note to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Amata Kessai Note", quote.Full}},
		},
		{
			name:  "a name ending in a word that is a small word in English, written twice",
			title: "Statement by Vo To to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Vo To", quote.Full}},
		},
		{
			name:  "a name longer than ten words",
			title: "Statement by Dato Seri Setia Awang Haji Osman bin Pehin Datu Perdana Jaya Haji Mohd Salleh to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Setia Awang Haji Osman bin Pehin Datu Perdana Jaya Haji Mohd Salleh", quote.Full}},
		},
		{
			name:  "a capital's name after a name's particles is the name's",
			title: "Statement by Mr. Ernesto de la OTTAWA SOTO to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Ernesto de la Ottawa Soto", quote.Full}},
		},
		{
			name:  "a country's name after a name's particles is the name's",
			title: "Statement by Prince Karl von und zu Liechtenstein to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Karl von und zu Liechtenstein", quote.Full}},
		},
		{
			name:  "two speakers of a statement are not one name",
			title: "Statement by Mr. Tano Bekele and Ms. Ruth Amare on the Accord",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Tano Bekele + Ruth Amare", quote.Full}},
		},
		{
			name: "two people of one given name and surname, their middle names told apart",
			text: "“We lend,” Mary Ann Qwennan said.\n\n“We borrow,” Mary Jo Qwennan said.\n\n“We save,” Mary A. Qwennan said.",
			want: []found{{"We lend,", "Mary Ann Qwennan", quote.Fragment}, {"We borrow,", "Mary Jo Qwennan", quote.Fragment}, {"We save,", "Mary Ann Qwennan", quote.Fragment}},
		},
		{
			name: "a surname the text misspells once is the person it names in full",
			text: "Two voters, Maria Okonkwo and Bryce Hadley, saw the senator speak.\n\nOkonwo said the senator does not show consistency. “It is only when it suits her,” she said.",
			want: []found{{"It is only when it suits her,", "Maria Okonkwo", quote.Full}},
		},
		{
			name: "a surname one letter from another person's is not theirs when it is short",
			text: "Voters, among them Tamsin Dorne, saw the senator speak.\n\n“It is only when it suits her,” Dorn said.",
			want: []found{{"It is only when it suits her,", "Dorn", quote.Full}},
		},
		{
			name:  "a name with Saint abbreviated",
			title: "Statement by Marie de St. Amand to the General Debate",
			text:  "We meet in hard times, and we must act together.",
			want:  []found{{"We meet in hard times, and we must act together.", "Marie de St. Amand", quote.Full}},
		},
		{
			name: "the writer's own words, and a verb of the next quotation after a new sentence",
			text: "My parents, Hugh and Edith Marlow, lived in Maine.\n\nOnce, when my mother mentioned the storm, I laughed and said, “I do not fear the storm.” She became so upset that I had to change my answer: “Of course I fear it.” To which she said, “Thank God.”",
			want: []found{{"I do not fear the storm.", "", quote.Full}, {"Of course I fear it.", "", quote.Full}, {"Thank God.", "Edith Marlow", quote.Full}},
		},
		{
			name: "one quotation in two around its verb",
			text: "Hugh Marlow spoke at the fair.\n\n“We will win this county,” he said, “and the next one.”",
			want: []found{{"We will win this county,", "Hugh Marlow", quote.Full}, {"and the next one.", "Hugh Marlow", quote.Fragment}},
		},
		{
			name: "a council member's title is not part of her name",
			text: "The county drew notice.\n\n“There is fear in the neighbourhood,” said County Council Member Dana Whitfield.",
			want: []found{{"There is fear in the neighbourhood,", "Dana Whitfield", quote.Full}},
		},
		{
			name: "a name and its appositive before the verb, the closing comma left out",
			text: "The tour opened on Monday.\n\nDana R. Whitfield, President of the Museum Guild of America said: “It has been a privilege to work with her.”",
			want: []found{{"It has been a privilege to work with her.", "Dana R. Whitfield", quote.Full}},
		},
		{
			name: "a description that holds another description and a name, after the verb",
			text: "Airports slowed on Monday.\n\n“We have had enough of this,” said a 10-year veteran TSA officer in Phoenix.",
			want: []found{{"We have had enough of this,", "", quote.Full}},
		},
		{
			name:  "a statement's title naming an office with an 'and' before its holder",
			title: "Statement by Secretary of Health and Human Services Xavier Becerra on the Clinics",
			text:  "We will open forty clinics this year.",
			want:  []found{{"We will open forty clinics this year.", "Xavier Becerra", quote.Full}},
		},
		{
			name: "after the verb, a description and the name it describes after a comma",
			text: "“The buses will run on Monday,” said a spokesman for the transit union, Paul Dorsey.\n\n“We are ready,” said the mayor's chief of staff, Ruth Okafor.",
			want: []found{{"The buses will run on Monday,", "Paul Dorsey", quote.Full}, {"We are ready,", "Ruth Okafor", quote.Full}},
		},
		{
			name: "a given name counted from birth records tells the pronoun's gender",
			text: "Marta Kellerman leads the union; Paul Dorsey runs the city.\n\n“We will not back down,” she said in an interview.",
			want: []found{{"We will not back down,", "Marta Kellerman", quote.Full}},
		},
		{
			name: "a new sentence that reports other words does not take the quotation before it",
			text: "Marta Kellerman leads the union.\n\n“We will not back down,” Kellerman said. “The strike goes on.” Paul Dorsey, the mayor, said he would meet her.",
			want: []found{{"We will not back down,", "Marta Kellerman", quote.Full}, {"The strike goes on.", "Marta Kellerman", quote.Full}},
		},
		{
			name: "a subject, an appositive and a state of mind before a colon",
			text: "Marta Kellerman, the union's president, was defiant: “We will not back down.”",
			want: []found{{"We will not back down.", "Marta Kellerman", quote.Full}},
		},
		{
			name: "a description by an occupation the text gave no one else",
			text: "Paul Dorsey bought the tower in 2009.\n\n“It will be the tallest in the state,” the real estate mogul said.",
			want: []found{{"It will be the tallest in the state,", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a quotation standing alone after a sentence that reports one person's words",
			text: "Owen Thackeray runs the hospitals' lobby.\n\nThackeray said he was disappointed. “It will cost jobs.”",
			want: []found{{"It will cost jobs.", "Owen Thackeray", quote.Full}},
		},
		{
			name: "a compound modifier whose word is also a verb of speech",
			text: "Sen. Mark Halvorsen (R-Idaho) said on Sunday that he would oppose the nominee.\n\n“I cannot support her,” the first-term senator told reporters.",
			want: []found{{"I cannot support her,", "Mark Halvorsen", quote.Full}},
		},
		{
			name: "a place and a party after an article describe a person, not name one",
			text: "Sen. Mark Halvorsen (R-Idaho) said on Sunday that he would oppose the nominee.\n\n“I cannot support her,” the Idaho Republican told reporters.",
			want: []found{{"I cannot support her,", "Mark Halvorsen", quote.Full}},
		},
		{
			name: "a description opening the sentence before a colon is the person the sentence before is about",
			text: "Paul Dorsey spoke in Toledo.\n\nThe Republican nominee told the crowd: “We are going to win this state.”",
			want: []found{{"We are going to win this state.", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a short clause about a person ending in a colon",
			text: "The votes were counted on Tuesday.\n\nEmma Lindqvist took to Twitter: “I am with her.”",
			want: []found{{"I am with her.", "Emma Lindqvist", quote.Full}},
		},
		{
			name: "said of a person named in full: the subject speaks",
			text: "Paul Dorsey spoke in Toledo.\n\n“She is a liar,” Dorsey said of Marta Kellerman. “Crooked.”",
			want: []found{{"She is a liar,", "Paul Dorsey", quote.Full}, {"Crooked.", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a pronoun after two people of its gender joined as one subject is unsure",
			text: "Rachel Ibsen and Linnea Brandt both spoke at the rally.\n\n“We will win,” she said.",
			want: []found{{"We will win,", "", quote.Full}},
		},
		{
			name: "a given name alone in apposition to a description of a person",
			text: "Rachel Ibsen debated Owen Thackeray on Tuesday. Thackeray's wife, Joan, watched from the front row.\n\n“He was brilliant,” she said.",
			want: []found{{"He was brilliant,", "Joan", quote.Full}},
		},
		{
			name: "a description owned by a person the sentence before names is someone else",
			text: "Rachel Ibsen, a Democrat, faces Owen Thackeray, a Republican, in November.\n\n“It's wide open,” Thackeray's campaign manager said.",
			want: []found{{"It's wide open,", "", quote.Full}},
		},
		{
			name: "a person the text names only by a given name",
			text: "The rally began at noon, and the woman beside me had waited since dawn.\n\n“He is going to win,” Lorraine said, clapping. “I know it.”\n\n“We love him,” she said.",
			want: []found{{"He is going to win,", "Lorraine", quote.Full}, {"I know it.", "Lorraine", quote.Full}, {"We love him,", "Lorraine", quote.Full}},
		},
		{
			name: "an unnamed spokesperson of an organisation the registry does not know",
			text: "The day began.\n\n“We take these reports seriously,” an Acme Robotics spokesman said.",
			want: []found{{"We take these reports seriously,", "Acme Robotics", quote.Full}},
		},
		{
			name: "it, the group, the statement: the organisation or author the sentence before is about",
			text: "The Northwind Alliance released a statement on Monday.\n\n“We take these reports seriously,” it said.\n\nThe report was published Tuesday by the Harbor Trust.\n\n“The abuses are systematic,” the group said.\n\nSen. Tamsin Hale released a statement on Sunday.\n\n“We need answers,” read the statement.\n\n“We will act,” read a statement from Gov. Ruth Okafor.",
			want: []found{{"We take these reports seriously,", "Northwind Alliance", quote.Full}, {"The abuses are systematic,", "Harbor Trust", quote.Full}, {"We need answers,", "Tamsin Hale", quote.Full}, {"We will act,", "Ruth Okafor", quote.Full}},
		},
		{
			name: "a demonym after an article describes a person and names no one",
			text: "Rep. Dana Whitfield of Ohio spoke first. Then came Rep. Luis Ocampo of Texas.\n\n“I agree with my colleague,” the Texan said.",
			want: []found{{"I agree with my colleague,", "", quote.Full}},
		},
		{
			name: "a noun for one who does something, as the subject of speech",
			text: "Tom Reyes, 52, a welder from Youngstown, came to the rally with his son.\n\n“He talks like us,” the welder said.",
			want: []found{{"He talks like us,", "Tom Reyes", quote.Full}},
		},
		{
			name: "his or her words named before a colon",
			text: "Donald Trump spoke in Ohio on Monday.\n\nHis message was simple: “I will bring the jobs back.”",
			want: []found{{"I will bring the jobs back.", "Donald Trump", quote.Full}},
		},
		{
			name: "a verb of speech in the passive: its subject was spoken to",
			text: "Paul Dorsey met Mark Halvorsen on Monday.\n\n“We will win,” Halvorsen was told.\n\nHalvorsen was told by Dorsey: “You will lose.”",
			want: []found{{"We will win,", "", quote.Full}, {"You will lose.", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a second quotation after the first one's inverted attribution and a title with 'of'",
			text: "The plan was released.\n\n“We will replace outdated technology,” said Kate Marlow, Chief of Staff at the Council. “Through coordination, we act.”",
			want: []found{{"We will replace outdated technology,", "Kate Marlow", quote.Full}, {"Through coordination, we act.", "Kate Marlow", quote.Full}},
		},
		{
			name: "a sentence that is only a name and what the person is, then the quotation",
			text: "The plan was released.\n\nWhat they are saying:\n\nKate Marlow, Chief of Staff at the Harbor Council. “Through coordination, we act.”\n\nThe end.",
			want: []found{{"Through coordination, we act.", "Kate Marlow", quote.Full}},
		},
		{
			name: "idioms that say whose words: as X put it, in the words of X, to quote X, footage of X saying",
			text: "Paul Dorsey is a tax lawyer.\n\n“The code rewards the clever,” as Dorsey put it.\n\nIn the words of Ruth Okafor, a judge, “The law is slow.”\n\nTo quote Ruth Okafor: “The law is slow.”\n\nThe ad ends with footage of Paul Dorsey saying during a debate, “The code rewards the clever.”",
			want: []found{{"The code rewards the clever,", "Paul Dorsey", quote.Full}, {"The law is slow.", "Ruth Okafor", quote.Full}, {"The law is slow.", "Ruth Okafor", quote.Full}, {"The code rewards the clever.", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a person's job at an organisation: the person speaks, not the organisation",
			text: "The code is long.\n\nAs Paul Dorsey, a tax lawyer at the Urban Institute, recently put it, “The code rewards the clever.”",
			want: []found{{"The code rewards the clever.", "Paul Dorsey", quote.Full}},
		},
		{
			name: "the verb nearest the quotation has a subject no one can tell: unsure",
			text: "Paul Dorsey is a tax lawyer.\n\nDorsey said his client told him: “I paid what I owed.”",
			want: []found{{"I paid what I owed.", "", quote.Full}},
		},
		{
			name: "a person's response before a colon",
			text: "Sen. Ruth Okafor chairs the panel.\n\nOkafor's response was blunt: “The law is slow.”",
			want: []found{{"The law is slow.", "Ruth Okafor", quote.Full}},
		},
		{
			name: "the sentence that ends in a colon introduces the quotation, not its paragraph's first",
			text: "Governor Rob Keane defended his budget on Tuesday. Senator Dana Whitlock replied on Twitter:\n\n“Nobody voted for this mess.”",
			want: []found{{"Nobody voted for this mess.", "Dana Whitlock", quote.Full}},
		},
		{
			name: "a quoted transcript's first turn keeps its label",
			text: "Keane and Whitlock debated on Thursday. An excerpt:\n\n“KEANE: We balanced the budget.\n\n“WHITLOCK: You moved money around.”",
			want: []found{{"We balanced the budget.", "Keane", quote.Full}, {"You moved money around.", "Whitlock", quote.Full}},
		},
		{
			name: "they: the people the sentence before opens with",
			text: "Rachel Ibsen and Linnea Brandt both spoke at the rally.\n\n“We will win,” they said.",
			want: []found{{"We will win,", "Rachel Ibsen + Linnea Brandt", quote.Full}},
		},
		{
			name: "a person's office speaks in their name",
			text: "Sen. Tamsin Hale is on the committee.\n\n“We need answers,” Hale's office said in a statement.",
			want: []found{{"We need answers,", "Tamsin Hale", quote.Full}},
		},
		{
			name: "the statement their office issued",
			text: "Governor Rob Keane defended his budget on Tuesday. His office later issued a statement.\n\n“The governor stands by every line,” the statement said.",
			want: []found{{"The governor stands by every line,", "Rob Keane", quote.Full}},
		},
		{
			name: "a round-up's section about one person: the surname is the one its heading names",
			day:  "2023-04-09",
			text: "Joe Biden spoke in Ohio on Monday. Biden praised the workers.\n\nDenver Gazette: Jill Biden makes Denver first stop of her tour\n\n“We need to work together,” Biden said.",
			want: []found{{"We need to work together,", "Jill Biden", quote.Full}},
		},
		{
			name: "a participle after a comma and an adverb says the sentence's subject's words",
			text: "In 2020, the Harbor Trust refused to cover the Paul Dorsey laptop story, baselessly claiming there were “many, many red flags” in it.",
			want: []found{{"many, many red flags", "Harbor Trust", quote.Fragment}},
		},
		{
			name: "what someone is, in capitals, before their name in apposition",
			text: "The First Lady hosted a roundtable.\n\nYouth Climate Advocate, Dario Kemp, said: “A strong law is crucial.”",
			want: []found{{"A strong law is crucial.", "Dario Kemp", quote.Full}},
		},
		{
			name: "a line's label before a colon is not the subject of the verb after it",
			text: "What they are reading in the states.\n\nFlorida Times-Union: Rockford mayor calls the plan a ‘true turning point’ for the city",
			want: []found{{"true turning point", "", quote.Fragment}},
		},
		{
			name: "a title names carry inside them, after a word of the name",
			day:  "2013-09-25",
			text: "Mr. Hassan Sheikh Mohamud said: “Somalia is rising.”\n\nDato’ Sri Mohd Najib bin Tun Haji Abdul Razak said: “Malaysia is ready.”\n\nHis Majesty Mohammed VI said: “Morocco is ready.”",
			want: []found{{"Somalia is rising.", "Hassan Sheikh Mohamud", quote.Full}, {"Malaysia is ready.", "Mohd Najib bin Tun Haji Abdul Razak", quote.Full}, {"Morocco is ready.", "Mohammed VI", quote.Full}},
		},
		{
			name: "a quotation set between dashes right after a person's name",
			text: "Many have said the same thing, including the former governor Paul Dorsey -- “It is disqualifying to hide the returns” -- and Ruth Okafor, a former commissioner.",
			want: []found{{"It is disqualifying to hide the returns", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a description is the person its own sentence opens with, when the gender fits",
			text: "Ruth Okafor, the senator’s eldest daughter, spoke last week. She said fathers would not be eligible, and when pressed on why, the 34-year-old mother of three replied, “It is meant to benefit the mother.”",
			want: []found{{"It is meant to benefit the mother.", "Ruth Okafor", quote.Full}},
		},
		{
			name: "the book said: who the text says wrote it, paragraphs before",
			text: "Dr. Ann Leary was the White House physician.\n\nLeary wrote a memoir of her time at the White House.\n\nWhen the diagnosis was confirmed, Clinton did not want to stay in hospital.\n\n“She was back on the trail within days,” the book said.",
			want: []found{{"She was back on the trail within days,", "Ann Leary", quote.Full}},
		},
		{
			name: "a closing mark that opens a paragraph opens the quotation",
			text: "Mark Barabak noted that Pence was calm.\n\n” … he delivered a mix of orthodoxy that Reagan might have admired,” Barabak wrote.",
			want: []found{{"… he delivered a mix of orthodoxy that Reagan might have admired,", "Mark Barabak", quote.Fragment}},
		},
		{
			name: "a quoted title and a comma before a name leave it the subject: the quotation after is hers, not the last speaker's",
			text: "“We will win,” Dorsey said on Sunday.\n\nOn “Face the Nation,” Sen. Ruth Okafor, who lost the primary, named bigotry as the reason to vote. “The young are sick of it.”",
			want: []found{{"We will win,", "Dorsey", quote.Full}, {"The young are sick of it.", "Ruth Okafor", quote.Full}},
		},
		{
			name: "a pronoun after a sentence about someone the text does not name is no one's it names",
			text: "Donald Trump held a rally in Ohio.\n\nA retired miner in the crowd was less sure. “We will see,” he said.",
			want: []found{{"We will see,", "", quote.Full}},
		},
		{
			name: "a name that runs on into the quotation after a verb of speech is what is reported, not who reports it",
			text: "Governor Rob Keane faces an inquiry.\n\nTwo aides said Keane “knew for months about the payments.”",
			want: []found{{"knew for months about the payments.", "", quote.Fragment}},
		},
		{
			name: "a title with 'to' before a name and a colon",
			day:  "2025-08-19",
			text: "Leaders hailed the summit.\n\nFormer U.S. Ambassador to Russia Michael McFaul: “That was a very positive meeting.”",
			want: []found{{"That was a very positive meeting.", "Michael McFaul", quote.Full}},
		},
		{
			name: "a round-up of reactions: a name the text shows to be no one's, before its colon, speaks",
			day:  "2025-07-24",
			text: "Leaders hailed the plan.\n\nGecko Robotics: “We welcome the plan.”\n\nBatya Ungar-Sargon: “It is truly amazing.”\n\nMark Rutte: “It is a great plan.”\n\nHarbor Trust: “A bold step.”",
			want: []found{{"We welcome the plan.", "Gecko Robotics", quote.Full}, {"It is truly amazing.", "Batya Ungar-Sargon", quote.Full}, {"It is a great plan.", "Mark Rutte", quote.Full}, {"A bold step.", "Harbor Trust", quote.Full}},
		},
		{
			name: "a participle of speech that opens the sentence has the subject of the clause after the quotation",
			text: "Dorsey spoke at the summit.\n\nNoting that “the code rewards the clever,” Paul Dorsey called for reform.",
			want: []found{{"the code rewards the clever,", "Paul Dorsey", quote.Fragment}},
		},
		{
			name: "a passage under a line that names its source before a colon is the source's, never a name of the headline",
			day:  "2025-07-07",
			text: "The bill is law.\n\nWFTV (Orlando, Florida): Bill prompts largest investment as Russia and China work together\n\n“The Coast Guard has received nearly $25 billion in funding.”\n\nRep. Riley Moore: The Bill Delivers for West Virginia\n\n“It is a huge win for the American people.”",
			want: []found{{"The Coast Guard has received nearly $25 billion in funding.", "WFTV", quote.Full}, {"It is a huge win for the American people.", "Riley Moore", quote.Full}},
		},
		{
			name: "words that open with the speaker's own name are said of them, not by them",
			text: "Zelenskyy was called out for campaigning against Trump in Pennsylvania.\n\n“Zelenskyy was flown to Pennsylvania in an Air Force plane.”",
			want: []found{{"Zelenskyy was flown to Pennsylvania in an Air Force plane.", "", quote.Full}},
		},
		{
			name: "a name and titles between commas before a colon: the person, however long the titles",
			text: "Experts praised the report.\n\nAndrea Baccarelli, M.D., Ph.D., Dean of the Faculty, Harvard T.H. Chan School of Public Health: “We welcome it.”",
			want: []found{{"We welcome it.", "Andrea Baccarelli", quote.Full}},
		},
		{
			name: "a country that ends an organisation's name before a colon: the organisation speaks",
			text: "Unions praised the speech.\n\nEveryday Iraq and Afghanistan Veterans of America: “Last year, the President focused on burn pits.”",
			want: []found{{"Last year, the President focused on burn pits.", "Everyday Iraq and Afghanistan Veterans of America", quote.Full}},
		},
		{
			name: "what the words are about, before a colon, is not who says them",
			text: "Senator Paul Dorsey spoke on Sunday.\n\nOn the One Big Beautiful Bill: “I was worried about the deficit.”",
			want: []found{{"I was worried about the deficit.", "", quote.Full}},
		},
		{
			name: "what the words are about, a person with a title, before a colon, is not who says them",
			day:  "2025-02-28",
			text: "The President spoke on Friday.\n\nOn Ukrainian President Zelensky: “He took money out of this country.”",
			want: []found{{"He took money out of this country.", "", quote.Full}},
		},
		{
			name: "a medium after an inverted 'said' speaks; after 'told' it listens",
			text: "The bill passed on Thursday.\n\n“This could not be a bigger deal,” said CNN.\n\n“It is a big deal,” Paul Dorsey told CNN.",
			want: []found{{"This could not be a bigger deal,", "CNN", quote.Full}, {"It is a big deal,", "Paul Dorsey", quote.Full}},
		},
		{
			name: "a round-up's labels the text gives no name of their own, and a date after them",
			day:  "2025-09-30",
			text: "Democrats were under pressure.\n\nAxios (9/10/25): “A shutdown fight might be the only action.”\n\nThe Guardian (9/27/25): “Democrats are under pressure.”\n\nMoms for Liberty: “The President is taking important steps.”\n\nApril 2020: “Scientists debunk the theory.”",
			want: []found{{"A shutdown fight might be the only action.", "Axios", quote.Full}, {"Democrats are under pressure.", "Guardian", quote.Full}, {"The President is taking important steps.", "Moms for Liberty", quote.Full}, {"Scientists debunk the theory.", "", quote.Full}},
		},
		{
			name: "an organisation's name keeps the titles in it",
			day:  "2023-02-08",
			text: "Groups praised the nominee.\n\nMajor Cities Chiefs Association: “He has demonstrated commitment.”\n\nAfrican American Mayors Association: “We share his optimism.”",
			want: []found{{"He has demonstrated commitment.", "Major Cities Chiefs Association", quote.Full}, {"We share his optimism.", "African American Mayors Association", quote.Full}},
		},
		{
			name: "a list under a heading that names the speaker, each item what the words are about",
			day:  "2025-03-09",
			text: "Here is what you missed:\n\nPresident Trump on Sunday Morning Futures\n\n- On pausing tariffs: “I wanted to help the car makers.”\n\n- On Ukrainian President Zelensky: “He took money out of this country.”",
			want: []found{{"I wanted to help the car makers.", "Donald Trump", quote.Full}, {"He took money out of this country.", "Donald Trump", quote.Full}},
		},
		{
			name: "a name, what the words are about, and a colon",
			day:  "2025-03-09",
			text: "The Cabinet spoke this week.\n\nSecretary Marco Rubio on Venezuela: “The regime must go.”",
			want: []found{{"The regime must go.", "Marco Rubio", quote.Full}},
		},
		{
			name: "a heading that is an organisation's name ending in a country: the organisation speaks",
			day:  "2025-09-18",
			text: "Groups praised the nominee.\n\nWater and Sewer Distributors of America\n\n“Our organization particularly supports her efforts.”",
			want: []found{{"Our organization particularly supports her efforts.", "Water and Sewer Distributors of America", quote.Full}},
		},
		{
			name: "an outlet and a person's noun in lower case before a name and a colon",
			day:  "2025-03-05",
			text: "Pundits praised the speech.\n\nCBS News host Tony Dokoupil: “It was an extraordinary speech.”\n\nFormer immigration judge Andrew Arthur: “The president is doing what he said.”",
			want: []found{{"It was an extraordinary speech.", "Tony Dokoupil", quote.Full}, {"The president is doing what he said.", "Andrew Arthur", quote.Full}},
		},
		{
			name: "a longer clause about one person ending in a colon, when it names no one else",
			day:  "2025-04-30",
			text: "The President spoke on Tuesday.\n\nPresident Trump roasted the media for covering up the decline of the last administration: “We had a President that could not walk up a flight of stairs.”\n\nPresident Trump honored the memory of Lt. Col. Kip Taylor, a young father killed in the attack: “He was a hero.”",
			want: []found{{"We had a President that could not walk up a flight of stairs.", "Donald Trump", quote.Full}, {"He was a hero.", "", quote.Full}},
		},
		{
			name: "an organisation's unnamed officer speaks for it",
			text: "Tariffs on steel took effect on Monday.\n\nThe president of the Aluminum Association said: “We appreciate the focus on trade enforcement.”",
			want: []found{{"We appreciate the focus on trade enforcement.", "Aluminum Association", quote.Full}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC)
			if tt.day != "" {
				var err error
				if day, err = time.Parse(time.DateOnly, tt.day); err != nil {
					t.Fatal(err)
				}
			}
			got := extractOn(r, day, tt.title, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
