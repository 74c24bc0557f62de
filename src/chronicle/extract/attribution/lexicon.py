"""The attribution extractor's word lists, all in one place.

Most lists were read off PolNeAR's training split, since that is what the extractor is measured
against; the comments say how, so that a list can be re-derived rather than guessed at.  The
lists are lemmas (as spaCy lemmatises them) or lower-cased forms, as each comment says.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------
# which words report

#: Reporting verbs, as spaCy lemmatises them ("hop" is its lemma of "hoping").  Derived from the
#: PolNeAR training split: verbal lemmas that head an annotated cue in >= 30% of their
#: occurrences (>= 3 cues), less parser noise, plus common speech-act verbs added by hand.
#: PolNeAR's notion of attribution is broad (endorsing, opposing, showing), hence the breadth.
CUE_LEMMAS: frozenset[str] = frozenset(
    """
    accord accuse acknowledge acquiesce add admit advocate agree alarm allege allude anger
    announce apologize appear applaud approve argue articulate ask assail assert assure
    attribute balk bemoan blame blast boast brag broadcast brush call caution chant characterize
    charge chide circulate cite claim clarify coin complain concede conclude condemn confirm
    congratulate contemplate contend contrast credit criticise criticize cry declare decline
    decry deem defend demand denounce deny deride describe disclose discuss dismiss dispute
    distance document doubt downplay dub dwell echo elaborate email emphasize endorse envision
    estimate exclaim expect explain express fear forecast foresee forward hail herald highlight
    hint hop hope illustrate imply indicate inform infuriate insist interject interpret invoke
    issue joke judge label lambast lament lash liken list mention mock mull muse name note
    observe offer opine oppose order outline pivot plead pledge point portray posit post praise
    preach predict prefer press proclaim promise pronounce propose question quip quote rail
    rattle reaffirm rebuff rebuke rebut recall recite recommend recount refer reference refuse
    refute reiterate reject relish remark remember remind repeat reply report repudiate request
    resist respond retweete reveal revile savage say scold seek seem shout show shrug side
    signal slam sound spar speculate state stress suggest suspect talk tell testify thank
    threaten tout trumpet tweet underscore unveil urge utter veto view voice vouch vow warn
    wonder worry write yell
    """.split()
)

#: Verbs whose passive subject is the speaker ("X was quoted as saying").
PASSIVE_SOURCE_LEMMAS = frozenset(["quote"])

#: Verbs of cognition and evidence, which report only with a clausal complement.
CLAUSE_CUE_LEMMAS = frozenset("find believe think know learn feel acknowledge insist hear".split())

#: Verbs of saying that make a catenative verb before them a cue ("used to say", "went on to
#: claim"): the model, trained on cue heads, sees only the first verb, rarely a cue by itself.
SAYING = frozenset("say tell claim argue insist deny warn call".split())

# --------------------------------------------------------------------------------------------
# stance

#: Lemmas that make the cue's stance explicit; everything else "asserts".  Verbs of denial
#: proper deny whatever they take (short of a request or proposal: "denied the request" is a
#: refusal); verbs of rejection deny only a claim ("rejected claims that ...", "dismissed reports")
#: or a that-clause, not a proposal or an offer.
DENY = frozenset("deny refute disavow dispute rebut contest".split())
REJECT = frozenset("reject dismiss repudiate brush".split())
CONDEMN = frozenset(
    "condemn denounce decry criticize criticise deplore censure castigate lambast lambaste slam "
    "blast rebuke excoriate".split()
)
#: Nouns naming a claim, whose rejection is a denial.
CLAIM_NOUNS = frozenset(
    """
    claim accusation allegation report charge suggestion rumor rumour assertion notion story
    speculation characterization characterisation assessment finding conclusion statement
    account insinuation contention theory idea premise narrative assertion criticism
    """.split()
)
#: Nouns naming a request or proposal, whose rejection or denial is a refusal.
PROPOSAL_NOUNS = frozenset(
    """
    offer proposal plan bid request application permit permission entry access bail visa appeal
    motion petition deal demand invitation call idea suggestion amendment bill measure
    """.split()
) - {"idea", "suggestion"}
#: Nominal cues whose stance is explicit ("her denial of", "their criticism of").
DENIAL_NOUNS = frozenset("denial rejection rebuttal refutation".split())
CONDEMNATION_NOUNS = frozenset("condemnation denunciation criticism attack".split())

# --------------------------------------------------------------------------------------------
# prepositions that open a content

#: Prepositions that introduce a prepositional content ("called for", "talked about", "accused X
#: of ...") and that PolNeAR includes in the cue.
CONTENT_PREPS = frozenset("for about of on against to with".split())

#: Prepositions of the reporting verb that PolNeAR keeps in a direct-object content when they
#: follow the object ("described X as Y", "blamed X for Y"): those inside in >50% of cases on
#: the training split.
OBJ_PREPS = frozenset("as for to with of about from over against since among in on at by".split())

#: Prepositions after a copula's adjective that introduce its content ("were critical of X").
ADJ_CONTENT_PREPS = frozenset("about of on with in to for over by".split())

#: Prepositions after a nominal cue that introduce its content ("concern about X", "took issue
#: with X").
NOUN_CONTENT_PREPS = frozenset("of for to on against about with over toward towards".split())

#: A preposition after an object noun that makes the noun part of the cue ("sounded a cautious
#: note about X", "traded barbs about X": X is the content). "on" and "over" lowered train.
TOPIC_OPENERS = frozenset(["about"])

#: Words that open a reported clause the parser hung on the verb as an adverbial one ("said
#: after the convention he would ...", "tweeted in the night that ...", "have not said when ...").
COMPLEMENT_MARKS = frozenset("that whether when how why what".split())

# --------------------------------------------------------------------------------------------
# how far a cue reaches

#: Adverbs that open a clause of their own and so never join the cue ("said when ...").
WH_ADVERBS = frozenset("when where why how as so while whenever".split())
#: Bare day names that PolNeAR keeps in the cue ("said Sunday").
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())

#: Object nouns that PolNeAR keeps in the cue together with the preposition or clause that
#: follows them ("took a position on X", "expressed confidence that X"): those that do so more
#: often than not on the training split.
CUE_OBJ_NOUNS = frozenset(
    """
    concern concerns criticism case position doubt doubts confidence opinion apology apologies
    grievance grievances sympathy skepticism stance statement statements question questions sign
    signs endorsement mention letter word words notion inclination
    """.split()
)

#: Light verbs whose object PolNeAR keeps in the cue when something follows it ("has doubts
#: about", "made the case that", "took issue with", "gave no indication of"): 43 to 1, 37 to 2,
#: 13 to 1, 10 to 3, 8 to 2 on the training split.
LIGHT_VERBS = frozenset("have make take provide give".split())

#: Catenative verbs that PolNeAR's cue runs through ("continued to say", "tends to hold"), as
#: against "wants" or "pledged", whose cue stops at the verb with "to ..." in the content.
CHAIN_VERBS = frozenset("continue try tend struggle move set fail choose strive need use go have".split())

#: Raising verbs: their subject is part of the content ("X seems to ...", "X is expected to ...").
RAISING_VERBS = frozenset("seem appear".split())
RAISING_PASSIVES = frozenset("expect ask believe say report think consider".split())

# --------------------------------------------------------------------------------------------
# sources that are not a reporting verb's subject

#: Sources that a bare "in" introduces as a cue: "In a Gallup poll, most voters ...".
SURVEY_NOUNS = frozenset("poll survey study".split())

#: Nouns that speak in a headline ("Poll: ...", "Report: ...", "Insiders: ...").
HEADLINE_SOURCE_NOUNS = frozenset(
    "poll report survey study newspaper source official insider historian expert analyst critic editorial".split()
)
#: Upper-case labels that are not speakers in a transcript ("UPDATE: ...").
LABELS = frozenset("UPDATE VIDEO WATCH BYLINE NOTE EDITOR'S NOTE PHOTO PHOTOS BREAKING READ MORE RELATED".split())

#: Abbreviations that may sit between a reporting clause and the next piece of its quotation
#: without ending the clause's sentence ("said on Sept. 12 in Valmora.").
ABBREVIATION_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Inc|Corp|Co|U\.S|U\.N)\.")

# --------------------------------------------------------------------------------------------
# who a source is

PERSON_PRONOUNS = frozenset("he she him her i we you".split())
#: Sources that are no one in particular: "Anyone who tells you they've had a touch of flu has
#: had a cold" is an attribution, but no one's claim.
NOBODY = frozenset("anyone anybody everyone everybody nobody whoever".split())
ORG_PRONOUNS = frozenset("it they them its".split())
#: Role nouns that stand for the person named last ("the leader said").
PERSON_NOUNS = frozenset(
    """
    leader president official spokesman spokeswoman spokesperson minister senator governor
    candidate secretary chairman chief director prime mayor lawmaker premier chancellor
    ambassador envoy general commander justice judge man woman
    """.split()
)

#: Nouns that can stand for any organisation or state named just before ("the government said").
GENERIC_ORG_NOUNS = frozenset(
    """government ministry agency company firm group organisation organization party administration
    department office council committee regime country state bank army military police""".split()
)

#: A source that is a piece of work ("KCNA photos of Kim's visit", "a report on Iran") is not
#: spoken by whom it is about: an entity under one of TOPIC_PREPS is its topic.
WORK_NOUNS = frozenset(
    "photo image picture video footage report study survey poll analysis document letter book film "
    "documentary article story map chart".split()
)
TOPIC_PREPS = frozenset("of about on over into".split())
