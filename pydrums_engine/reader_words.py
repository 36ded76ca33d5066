"""The words the token reader knows, and what each kind of word does to a phrase.

The reader (reader.py) holds the forms; these tables hold the vocabulary those forms look for:
the words that link a voice to its places ("kick *should be on* 1"), that negate ("*no* crash"),
that name a place ("*four on the floor*", "*the ands*"), that correct ("*wait no*"), and so on.
A word a form should know is added here, next to a comment with the request it came from.
"""

from __future__ import annotations

import re

from .places import place_label

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}

BAR_NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1, "single": 1, "ten": 10, "twelve": 12, "sixteen": 16}

# Where the request named one bar ("in bar 8", "the last bar"), intent.py leaves this mark, so
# "kick on 1 in the last bar" is known for a place in one bar only.
BAR_MARK = "somebar"

STEP_WORDS = frozenset({"step", "steps"})

# "every 4 beats" is how often, not the count 4
EVERY_N = frozenset({"beat", "beats", "bar", "bars", "counts", "measures", "times", "note", "notes"})

WHOLE_BAR = (
    ("the", "whole", "bar"),
    ("the", "whole", "way"),
    ("the", "whole", "time"),
    ("all", "the", "way"),
    ("throughout",),
    ("all", "bar"),
    ("etc",),
    ("and", "so", "on"),
)

# "1 & a on every beat": the parts of one count said for every beat
ON_EACH_BEAT = tuple(
    (*on, each, unit) for on in (("on",), ()) for each in ("every", "each") for unit in ("beat", "count")
)
PART_KEYWORDS = {"": "beats", "e": "es", "&": "offbeats", "a": "as"}

LESS_OK = frozenset({"es", "as", "offbeats", "beats", "backbeat"})  # places "skip ..." may take away

NTH_STEP = {"2nd": "eighths", "second": "eighths", "other": "eighths", "4th": "quarters", "fourth": "quarters"}

SIXTEENTH = frozenset({"16th", "sixteenth"})  # "16th step 12": the grid's 12th step

# Counts a voice-to-text request writes as other words ("snare on to and for"): read as counts
# only right after "on" or a list's joiner and where the list ends (`_homophone_ends`)
SAID_AS_COUNT = {"to": "2", "too": "2", "for": "4", "fore": "4", "won": "1", "tree": "3"}
HOMOPHONE_BEFORE = frozenset({"on", "and", "n", "&", "+", ",", "the", "of"})  # "the and of too"

# A place said as the voice's adjective: "offbeat open hats", "backbeat claps", "downbeat kicks"
PLACE_ADJECTIVES = {
    "offbeat": "offbeats",
    "offbeats": "offbeats",
    "upbeat": "offbeats",
    "backbeat": "backbeat",
    "downbeat": "beats",
}

# A grid typed as steps, "x-x-x-x-x-x-x-x-" or "x.x.xx.x.x.x": hits and rests, at least four; or
# a lane full of hits, a bar's 16 (or 8) steps: "hat lane fully filled xxxxxxxxxxxxxxxx".
STEP_STRING = re.compile(r"(?<![a-z0-9&+-])((?=[.\-_|]*[xo])(?=[xo|]*[.\-_])[xo.\-_|]{4,}|x{16}|x{8})(?![a-z0-9])")

MAX_VOICE_WORDS = 3
DOTTED_RATES = {"quarters": "dotted-quarters", "eighths": "dotted-eighths"}  # "dotted 8ths on the hat"
COUNT_AND_PART = re.compile(r"\d[e&a+]")  # "2&", "3e": a count's part, typed as one token

FILLERS = frozenset(
    {"the", "a", "an", "some", "any", "all", "of", "my", "your", "straight", "steady", "solid"}
    | {
        "regular",
        "normal",
        "usual",
        "proper",
        "clicky",
        "loud",
        "full",  # "rim clicks pls not full snare"
        "real",  # "instead of a real snare hit"
        "lil",
        "little",
    }  # "no regular snare at all", "the clicky rim"
)

ON_WORDS = frozenset(
    {"on", "at", "hitting", "hits", "playing", "plays", "landing", "lands", "in", ":", "onto", "under"}
    | {"marks", "marking"}  # "the kick marks the four big dotted-quarter pulses"
)  # "kick under 1 and the & of 2": a count written under the grid's beats

# Words between a voice and its places: "the kick should be on 1", "snare always on 2 and 4".
LINKING = frozenset(
    {
        "only",
        "just",
        "always",
        "should",
        "be",
        "must",
        "exactly",
        "is",
        "are",
        "hits",
        "goes",
        "falls",
        "sits",
        "sit",
        "together",
        "land",
        "hit",
        "play",
        "go",
        "fall",
        "happen",
        "happens",
        "come",
        "comes",
        "coming",
        "need",
        "needs",
        "to",
        "stays",
        "stay",
        "stick",
        "sticks",
        "pattern",
        "thing",  # "the shaker thing going every 8th"
        "flick",  # "a lil snare flick on the very last 16th"
        "flicks",
        "part",
        "line",
        "doing",
        "doin",  # "shaker doin straight 16ths"
        "does",
        "keeps",
        "keeping",
        "running",
        "straight",
        "swung",
        "pounding",
        "hammering",
        "banging",
        "bang",  # "open hats bang on the &s"
        "bangs",
        "thumping",
        "tapping",
        "chugging",
        "out",
        # a stroke named after its voice: "a snare flam on the a of 4", "crash accent on 1"
        "flam",
        "flams",
        "drag",
        "drags",
        "ruff",
        "accent",
        "accents",
        "stroke",
        "strokes",
        "shot",
        "shots",
        "once",  # "crash once at the start of the bar"
        "alone",  # "i want the snare alone on TWO and FOUR"
        "note",  # "bombo note on the and of 2"
        "notes",
        "pushing",  # "the kick pushing the and of 4 into the next one"
        "pushes",
        "smack",  # "snare smack on 2 and 4"
        "smacks",
        "crack",
        "cracks",
        "click",  # "cross stick click on 2 and 4"
        "clicks",
        "but",  # "the crashy one but only on the one of each bar"
        "strictly",  # "keep the kick strictly on 1 and 3"
        "ever",  # "the kick only ever on the one"
        "both",  # "snare and tambourine both on 2 and 4"
        "still",  # "snare still 2 and 4"
        "beat",  # "a snare beat on 2 and 4"
        "locks",  # "kick locks (with my bass) on 1 and the & of 2"
        "lock",
        "locked",
        "locking",
        "also",  # "the snare also lands on the e of 2": besides (`ADDING_AFTER` reads it so)
        "solely",
        "i",  # "clap sound i want only on beat 2 and beat 4"
        "want",
        "sound",  # "clap sound on 2 and 4"
        "sounds",
        "shell",  # "cascara on the floor tom shell: 1, 2, 2&, 3& and 4&"
        "doubled",  # "snare AND clap doubled on 2 and 4"
        "stacked",
        "layered",
        "lane",  # "the kick lane has steps 1, 4 and 11"
        "track",
        "row",
        "channel",
        "has",
        "pickup",  # "a little snare pickup on the a of 4"
        "pickups",
        "normal",  # "snare normal 2 and 4", "snare as usual on 2 and 4"
        "usual",
        "as",
        "comp",  # "snare comp on the & of 1 and the & of 3": a jazz drummer's accompaniment
        "comps",
        "time",  # "ride time on 2 3 4"
        "along",  # "the hat just ticks along on every beat"
        "ticks",
        "tick",
        "ticking",
        "start",  # "kick start on and of 1": a word of English as a second language
        "put",  # "snare put at 2 and 4"
        "soft",  # "snare soft on 2 and 3": how it is played, not where
        "softly",
        "quiet",
        "gently",
        "gentle",
        "loud",
        "hard",
    }
)


# Words that put two voices on the same places: "claps doubling the snare on 2 and 4".
DOUBLING = (
    ("layered", "on", "top", "of"), ("stacked", "on", "top", "of"), ("on", "top", "of"),  # longest first
    ("doubling",), ("doubles",), ("doubled", "by"), ("doubled", "with"), ("layered", "with"), ("layered", "on"),
    ("stacked", "with"), ("stacked", "on"), ("together", "with"), ("along", "with"), ("alongside",),
    ("in", "unison", "with"),
    ("under", "every"), ("under", "each"), ("under", "all", "the"),  # "kick under every snare"
    ("with", "every"),  # "crash with every kick"
)  # fmt: skip

DOUBLE_VERBS = frozenset({"double", "layer", "stack", "reinforce", "thicken", "fatten"})  # "... the snare with claps"

# Verbs in -ing that do not lead a voice to its places ("kick missing on 1" is not a kick on 1).
NOT_LINKING = frozenset(
    {"missing", "resting", "dropping", "skipping", "leaving", "avoiding", "stopping", "pausing", "ending"}
    | {"nothing", "something", "anything", "everything", "ghosting", "during", "following", "starting"}
)

# Verbs in -s that do not lead a voice to its places: "the hat opens on the and of 4" is the
# open hat's place, "the kick rests on 1" no kick there.
TIME_KEEPERS = ("ch", "oh", "ph", "rc")  # who keeps "straight eighths" when no voice is named

# Before a voice named alone: words that want it ("i want a ride."), and verbs that may take it away.
WANTING = frozenset(
    {"i", "want", "need", "like", "give", "me", "a", "an", "the", "some", "please", "pls", "also", "then"}
)

WANTING |= {"every", "each", "few", "bars", "other", "couple"}  # "every 4 bars a crash": it plays, if not each bar
# Words that share a figure out among voices: "a paradiddle split between hi-hat and snare" plays both.
SHARED_OUT = frozenset({"split", "between", "alternating", "alternate", "across", "shared", "spread"})

TAKING_AWAY = frozenset(
    {"lay", "hold", "ease", "back", "spare", "enough", "less", "tone", "mute", "stop", "forget", "off"}
)  # ("but keep the fill OFF the toms")

EVERY_BAR = " (every bar)"  # said of a place asked for some bars only: it is asked of every bar

BAR_NOUNS = frozenset({"bar", "bars", "measure", "measures"})

BAR_ORDINALS = frozenset({"last", "first", "second", "third", "fourth", "final", "odd", "even", "2nd", "3rd", "4th"})

MOVES = frozenset({"move", "moving", "moved", "shift", "shifting", "push", "pushing", "bring", "put"})

# "kick, snare and a bit of shaker": words before a voice in a list
BEFORE_LISTED_VOICE = frozenset({"the", "a", "some", "little", "bit", "touch", "of", "like"})  # "and like the toms"

KEPT_TO = (("keep", "it", "to"), ("keep", "it", "with"), ("stick", "to"), ("stick", "with"), ("limit", "it", "to"))

SWAPS = frozenset({"swap", "swapping", "replace", "replacing", "switch", "trade", "sub", "substitute"})

OPENS = frozenset({"opens", "open", "opening", "opened"})  # after "hat": the open hat's places

NOT_LEADING = frozenset({"opens", "closes", "chokes", "rests", "stops", "misses", "skips", "avoids", "leaves"})

# A sentence that opens so tells what an earlier answer did wrong; "why not ..." suggests
COMPLAINTS = (("why",), ("last", "time"), ("last", "one"), ("the", "last", "one"), ("the", "last", "groove"))
COMPLAINTS += (("the", "last", "beat"), ("last", "groove"), ("your", "last"))
COMPLAINTS += (("i", "keep", "getting"), ("keep", "getting"), ("i", "kept", "getting"), ("you", "keep", "giving"))
COMPLAINTS += (("i", "hate", "when"), ("i", "hate", "it", "when"), ("hate", "when"), ("i", "hate", "how"))
COMPLAINTS += (("it", "keeps"), ("it", "kept"), ("it", "always"), ("you", "always"), ("it", "comes", "out"))
COMPLAINTS += (("i'm", "sick", "of"), ("sick", "of"), ("tired", "of"), ("it's", "annoying", "when"))
COMPLAINTS += (("u", "keep"), ("you", "keep"), ("u", "always"))
DOING = frozenset({"doing", "playing", "running", "keeping", "ticking", "chugging"})  # "a shaker doing 16ths"
KEEPS = frozenset({"keep", "keeps", "kept"})  # "my students keep putting the kick on 1": a habit (`_habit`)
STOPS = frozenset({"stop", "stops", "stopped", "quit", "quits"})
HABIT_DOING = frozenset({"putting", "adding", "playing", "hitting", "throwing", "sticking", "sneaking"})
SUGGESTIONS = (("why", "not"), ("why", "don't"))  # "dont" is read as "don't" (`intent._NO_APOSTROPHE`)

FEET_ONLY = (("feet", "only"), ("only", "feet"), ("just", "feet"), ("nothing", "with", "the", "hands"))

MAYBE = frozenset({"maybe", "also", "perhaps", "possibly", "prob", "probably"})

UP_TOP = (("only", "up", "top"), ("up", "top", "only"), ("alone", "up", "top"), ("only", "on", "top"))
UP_TOP += (("only", "for", "this"), ("only", "this", "time"))  # "no hats (ride only for this)"

SPANG = (("spang", "a", "lang"), ("spangalang",), ("spang", "alang"), ("ding", "ding", "a", "ding"), ("spang",))

TWO_STEP = (("two", "step"), ("2", "step"), ("twostep",), ("2step",))
COUNTRY = frozenset({"country", "texas", "honky", "tonk", "western"})  # "a country two-step": the dance's

IN_BETWEEN = (("in", "between"), ("between",), ("in", "the", "gaps"))  # "hats filling the 16ths in between"

# "hi-hat on all the remaining semiquavers": the places no voice was given
REMAINING = (("all", "the", "remaining"), ("the", "remaining"), ("all", "remaining"), ("the", "rest", "of", "the"))

NO_GHOSTS = tuple(
    (*no, *g)
    for no in (("no",), ("without",), *((verb, "the") for verb in ("drop", "lose", "ditch", "cut", "kill", "skip")))
    for g in (("ghost", "notes"), ("ghosts",), ("ghost", "note"))
)  # "drop the ghost notes, clean snare ONLY on 2 and 4"

# A skank beat is punk's; a reggae "skank" is the guitar's offbeat chop, not this
SKANK = (("skank", "beat"), ("skank", "beats"), *((w, "skank") for w in ("hardcore", "punk", "thrash", "skate")))

FLOOR = (
    ("four", "on", "the", "floor"), ("4", "on", "the", "floor"), ("four", "to", "the", "floor"),
    ("four", "on", "the", "flor"), ("4", "on", "the", "flor"),  # typed fast
    ("four", "on", "floor"), ("4", "on", "floor"),  # without the article (English as a second language)
    ("4", "otf"), ("four", "otf"), ("otf",), ("4otf",),
)  # fmt: skip

TAKES = frozenset(
    {"gets", "get", "takes", "take", "has", "have", "plays", "play", "fills", "fill", "covers", "owns", "own"}
    | {"clicks", "click", "goes", "go", "lands", "land", "hits", "hit", "sit", "sits", "catch", "catches"}
    | {"lock", "locks", "follow", "follows", "match", "matches", "push", "pushes", "mirror", "mirrors"}
    | {"doubling", "double", "doubles", "accent", "accents", "accenting", "punch", "punches", "punching"}
)  # "rim clicks there instead", "so the snare can sit there", "can the kick and a crash hit that"
TAKEN_HOW = frozenset({"to", "with", "onto", "exactly", "just", "right", "all", "of", "in"})  # "lock to exactly that"

MAY = frozenset({"can", "could", "will", "would", "should", "to", "just", "also"})  # before a verb of TAKES

SOMEWHERE = (
    ("somewhere",),
    ("anywhere",),
    ("wherever",),
    ("occasionally",),
    ("here", "and", "there"),
    ("in", "there"),
    ("at", "the", "start"),  # "crash at the start": it plays
    ("first",),  # "crashy one first, lil fill at the end"
    ("to", "start"),
    ("at", "the", "beginning"),
    ("at", "the", "top"),
    ("on", "top"),  # "throw a shaker on top of it"
)

NOT_A_PLACE_AFTER = ("am", "pm", "step", "steps", "bar", "bars")  # "at 3 am", "a 16 step bar"

BEFORE_COUNT = frozenset({"the", "beat", "beats", "count", "counts", "all", "big", "main", "strong", "number"})

# How a list of places may open: "on straight 8ths" (not within a list: "snare on 2 and 4,
# straight eighths" is the hats' feel, not more places for the snare)
LIST_OPENERS = frozenset({"straight", "steady", "even"})

CLAUSE_ENDS = frozenset({",", ";", "."})

# Words that take back what was just said: "snare on 3... wait no, 2 and 4", "hats on quarters,
# no actually 8ths" (`Reader._correction`; intent.py reads a meter or a fill said again after them).
CORRECTIONS = (
    ("wait", "no"), ("no", "wait"), ("wait", "nah"), ("no", "actually"), ("actually", "no"), ("nah", "actually"),
    ("scratch", "that"), ("or", "rather"), ("i", "mean"), ("no", "no"), ("nah",), ("actually",),
    ("wait", ","),
    ("wait", "swap", "that"), ("wait", "change", "that"), ("swap", "that"), ("change", "that"),  # "swap that, kick 1 3"
    ("wait",),  # "bell on 2 and 4 wait make the bell the ands instead" (`Reader._correction`: something must follow)
)  # fmt: skip

# After a correction, words before what replaces it: "wait no he just texted, the & of 3"
CORRECTION_GAP = 6
PLUS_GAP = 6  # "the & of 4 on the kick as a pickup? plus 1 and 3": how far "plus" may follow the places

MOVED_OFF = frozenset({"displaced", "shifted", "moved", "broken", "offset"})  # "a displaced backbeat"

# "i mean it", "i mean literally": not a correction (nor "i mean ONLY those two": `Reader._correction`)
EMPHASIS = frozenset({"it", "that", "this", "business", "literally", "really", "those", "exactly"})

LOOK_BACK = 24  # how far back "hit that" looks for the places it means

DROPPING = tuple((w, *the) for w in ("scratch", "drop", "lose", "remove", "cut", "minus") for the in (("the",), ()))

WHOSE = (("on",), ("only", "for"), ("just", "for"), ("only", "on"), ("for",))  # places, then whose

CORRECTION_LEADS = frozenset({"make", "it", "that", "its", "it's", "on", "at", "to", "just", "only", "put"})

# After a voice named alone, words that go on about it without placing it (`_named_alone`)
ALONE_AFTER = frozenset({"doing", "going", "when", "whenever", "like", "groove", "grooves", "beat"})  # "a tom groove"
ALONE_AFTER |= {"carry", "carries", "carrying", "drive", "drives", "driving"}  # "the 808 and clap carry it"
ALONE_AFTER |= {"only"}  # "disco w/o the open hat on the offbeats, closed hat only": it plays
ALONE_AFTER |= {"plays", "playing", "can", "pls", "please", "plz"}  # "the bell plays the long pattern"

# Words around a count that make it a place ("on 3", "1 e & a", "the and of 2"), not a number
PLACE_NEIGHBOURS = frozenset({"on", "at", "of", "e", "&", "beat", "count"})  # not "+": "7/8 as 2+2+3"

NAMED_ALONE = frozenset({"offbeats", "offbeat", "upbeats", "upbeat", "downbeats", "downbeat", "ands", "quarters"})

AND_WORDS = frozenset({"and", "n", "adn", "nad", "annd"})  # "2 n 4", and the typos of "and"

CARRIES = frozenset({"carries", "carry", "carrying", "takes", "handles", "holds", "holding", "covers", "does"})
# "claps enter bar 5", "tamb joins bar 3", "kick slams back in bar 8": it plays, from that bar
ENTERS = frozenset({"enter", "enters", "entering", "join", "joins", "joining", "comes", "come", "coming"})
ENTERS |= frozenset({"drops", "slams", "back", "from", "starting", "starts", "start", "kicks"})
LAYERED = frozenset({"sd", "cp", "rs", "tb", "sh", "cb"})  # a backbeat's layers: "clap with the snare on 2 and 4"
NTH_HIT = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "last": -1}  # "that 2nd kick"
THROWN_IN = ("throw", "toss", "sneak", "slip", "chuck")
PLEASE = frozenset({"pls", "please", "plz"})
LIST_END = frozenset({",", ";", ".", ":", "or", "nor", "/", "either", "at", "anywhere", "please", "pls"}) | AND_WORDS

LIST_JOINERS = frozenset({",", "&", "+", "or", "plus", "then"}) | AND_WORDS  # "kick on 1 then the a of 2"

VOICE_JOINERS = frozenset({"or", ",", "&", "+", "plus", "/"}) | AND_WORDS

NEGATORS = frozenset(
    {
        "mute",
        "forget",
        "no",
        "without",
        "not",
        "minus",
        "skip",
        "drop",
        "lose",
        "zero",
        "never",
        "don't",
        "avoid",
        "ditch",
    }
    | {"remove", "omit", "exclude", "excluding", "nix", "sans", "cut", "kill"}
    | {"hate", "hates", "dislike", "dislikes"}  # "she hates the tss sound": no hats
)

KEEPING_OUT = frozenset({"keep", "leave", "take", "cut", "drop", "pull"})  # "keep the kick out of it"

NOT_EVEN = frozenset({"even", "a", "any", "one", "single", "ghost", "ghosts", "hit", "hits", "note", "notes"})

NEGATING_PHRASES = (
    ("nothing", "from"), ("lay", "off"), ("hold", "off", "on"), ("hold", "off"), ("ease", "off"), ("hold", "the"),
    ("stay", "away", "from"), ("stay", "off"),
    ("leave", "out"), ("get", "rid", "of"), ("take", "out"), ("take", "away"), ("do", "not"),
    ("don't", "bother", "with"), ("everything", "but"), ("everything", "except"),
    ("anything", "but"), ("anything", "except"),  # "go wild, anything but a snare on 3"
    # what the answers keep doing wrong: "the bot keeps putting snare on 3"
    *((lead, verb) for lead in ("keeps", "stop", "quit") for verb in ("putting", "adding", "throwing", "sticking")),
)  # fmt: skip

# "never landing together with the kick", "not at the same time as the snare" (`_apart`)
APART_VERBS = frozenset({"landing", "land", "lands", "playing", "play", "hitting", "hit", "sounding", "be", "on"})
TOGETHER = (("together", "with"), ("at", "the", "same", "time", "as"), ("with",), ("under",), ("over",))

# Verbs between a negation and its voices: "don't use the cross-stick", "no more crash", "leave out the ride".
NEGATED_VERBS = frozenset({"use", "using", "want", "need", "play", "playing", "have", "include", "put", "more", "out"})
NEGATED_VERBS |= {"land", "place", "hit", "add", "touch"}  # "dont land the kick on 3", "dont touch the toms"
NEGATED_VERBS |= {"let", "allow"}  # "don't let the kick land on beat 3"
# Verbs that say voices play the groove: "no hats, caixa and surdo carry it"
CARRYING = frozenset({"carry", "carries", "drive", "drives", "hold", "holds", "handle", "handles", "take", "takes"})
# After a voice a "no" names, the verb that puts it somewhere: "don't let the kick land on 3"
LANDING_VERBS = frozenset({"land", "lands", "hit", "hits", "fall", "falls", "go", "goes", "play", "plays", "sit", "be"})

NOTHING_VERBS = frozenset(
    {"hits", "plays", "sounds", "lands", "happens", "goes", "hit", "play", "sound", "should", "be"}
)

NOTHING_WORDS = frozenset(
    {"nothing", "nothin", "nuthin", "silence", "rest", "space", "gap", "hole", "holes", "pause", "dropout"}
)

# Words before a voice's name that make it no voice of the groove: "let it ride", "no more kick".
NOT_BEFORE_ALONE = NEGATORS | NOTHING_WORDS | frozenset({"it", "more", "less", "fewer", "than", "or", "nor"})

# Words that make a place an addition to what a voice already plays: "the snare on the a of 4 too".
ADDING_AFTER = frozenset({"too", "also", "as", "besides", "extra", "additionally"})

ADDING_BEFORE = frozenset({"also", "add", "adding", "plus", "extra", "additional", "another", "accent", "accents"})

SMALL_WORDS = frozenset({"a", "an", "the", "little", "small", "quick", "tiny", "short", "soft", "light"})

# Words after a voice list that leave every other voice out: "kick and clap, nothing else".
THE_KIT = (("kit",), ("drums",), ("set",), ("drumset",), ("drumkit",))
NOTHING_ELSE = (("nothing", "else"), ("and", "nothing", "else"), ("that's", "it"), ("and", "that's", "it"))

WHOLE_GROOVE = tuple(("that's", "the", "whole", w) for w in ("groove", "beat", "pattern", "thing", "kit"))
NOTHING_ELSE_OR_WHOLE = (*NOTHING_ELSE, *WHOLE_GROOVE)

ONLY_BEFORE = frozenset({"only", "just", "purely", "simply", "solo"})

ONLY_AFTER = frozenset({"only", "alone", "solo"})

BAR_WORDS = frozenset({"every", "each", "per", "bar", "bars", "bar's", "measure", "of", "the", "in", "all"})

RATE_WORDS = {
    "quarter": "quarters",
    "quarters": "quarters",
    "crotchets": "quarters",
    "crotchet": "quarters",
    "eighth": "eighths",
    "eighths": "eighths",
    "8th": "eighths",
    "8ths": "eighths",
    "quaver": "eighths",
    "triplet": "triplets",
    "triplets": "triplets",
    "quavers": "eighths",
    "sixteenth": "sixteenths",
    "sixteenths": "sixteenths",
    "16th": "sixteenths",
    "16ths": "sixteenths",
    "semiquaver": "sixteenths",
    "semiquavers": "sixteenths",
    "qtr": "quarters",  # typed on a phone: "ride qtrs"
    "qtrs": "quarters",
    "qrtrs": "quarters",
}

LANES = frozenset({"lane", "track", "row", "line", "channel"})  # a DAW's row of one voice

# "the toms sound cheesy on this kit": leave them out
SOUNDING_WRONG = frozenset(
    {"cheesy", "cheap", "bad", "awful", "terrible", "lame", "tacky", "annoying", "horrible", "corny", "dated", "off"}
)

EMPTY = frozenset({"empty", "open", "silent", "blank", "clear", "free", "bare"})

QUITE = frozenset({"completely", "totally", "totaly", "fully", "entirely", "all", "dead"})

ANY_SOUND = frozenset({"instrument", "instruments", "drum", "drums", "hit", "hits", "sound", "sounds", "notes"})

NOT_AFTER_VOICE = frozenset(
    {"never", "not", "off", "mustn't", "shouldn't", "doesn't", "don't", "isn't", "can't", "won't", "nowhere", "away"}
    | {"avoid", "avoids", "avoiding", "skip", "skips", "skipping"}  # "the kick to avoid the 1 completely"
)

ONE_BEFORE = frozenset({"extra", "more", "hit", "additional", "last", "little", "quick", "ghost", "accent", "single"})

TRIPLET_ORDINALS = {"first": "", "second": "&", "middle": "&", "third": "a", "last": "a", "final": "a"}

TRIPLET_NOUNS = frozenset({"triplet", "note", "eighth", "8th", "partial", "subdivision"})

# "the last 16th of beat 2", "the second eighth of 3": a part of a quarter beat, by its place in it.
PART_OF_BEAT = {
    **{(n, w): p for n, p in (("first", ""), ("second", "e"), ("third", "&"), ("fourth", "a"), ("last", "a"))
       for w in ("16th", "sixteenth")},
    **{(n, w): p for n, p in (("first", ""), ("second", "&"), ("last", "&")) for w in ("8th", "eighth")},
}  # fmt: skip

# "the (very) last 16th of the bar": the last count's part (a bar, not "of beat 2": `PART_OF_BEAT`)
LAST_OF_BAR = {
    (last, w): part
    for last in ("last", "final")
    for words, part in ((("16th", "sixteenth", "step"), "a"), (("8th", "eighth"), "&"), (("beat", "count"), ""))
    for w in words
}

NOTE_VALUES = {"4": "quarters", "8": "eighths", "16": "sixteenths"}  # "every 8 note"

# "hats fill in the gaps": they play where the voices placed so far do not (linear)
IN_THE_GAPS = tuple(
    (verb, *into, "gaps")
    for verb in ("fill", "fills", "filling", "fillin", "play", "plays", "playing")
    for into in (("in", "the"), ("the",), ("all", "the"), ("in", "all", "the"))
)

KEEPS_TIME = tuple(
    (verb, *the, noun)
    for verb in ("keep", "keeps", "keeping", "carry", "carries", "carrying", "hold", "holds", "holding")
    for the in ((), ("the",))
    for noun in ("time", "groove", "pulse")
)

EXCEPT = (
    ("except",),
    ("xcept",),
    ("exept",),
    ("excpet",),
    ("excluding",),
    ("apart", "from"),
    ("other", "than"),
    ("except", "for"),
    ("but", "not"),
)
EXCEPT_OR_BUT = (*EXCEPT, ("but",))  # "hats closed but the and of 4"
EXCEPT_BUT_BESIDES = (*EXCEPT_OR_BUT, ("besides",))

NAMED_PLACES: tuple[tuple[tuple[str, ...], str], ...] = (
    *(((off, rate), "offbeats") for off in ("offbeat", "upbeat") for rate in ("8ths", "eighths")),  # "the offbeat 8ths"
    (("both", "beats"), "beats"),  # "old time polka in 2/4 - kick on both beats"
    *(  # "every other beat starting from 2": the backbeat; "... from 1" (or said alone): 1 and 3
        (("every", "other", "beat", start, on, n), place)
        for start in ("starting", "beginning")
        for on in ("from", "on", "at", "with")
        for n, place in (("2", "backbeat"), ("two", "backbeat"), ("1", "alternate"), ("one", "alternate"))
    ),
    (("every", "other", "beat"), "alternate"),
    (("dotted", "quarters"), "dotted-quarters"),  # 6/8, 12/8: the felt beats; x/4: 1, 2&, 4
    *((("dotted", e), "dotted-eighths") for e in ("8ths", "eighths")),  # not "dotted 8th, 16th": a figure
    *((("dotted", e, "notes"), "dotted-eighths") for e in ("8th", "eighth")),
    *(((each, "dotted", e), "dotted-eighths") for each in ("every", "each") for e in ("8th", "eighth")),
    *(((each, big, "beat"), "beats") for each in ("every", "each") for big in ("big", "main", "strong", "felt")),
    *((("the", big, "beats"), "beats") for big in ("big", "main", "felt")),
    *(
        ((each, "dotted", "quarter", *note), "dotted-quarters")
        for each in ("every", "each")
        for note in ((), ("note",))
    ),
    (("dotted", "quarter", "notes"), "dotted-quarters"),
    (("dotted", "quarter"), "dotted-quarters"),
    (("the", "numbers"), "counts"),  # "the closed hat is on the numbers": every numbered count
    (("numbers",), "counts"),
    (("the", "counts"), "counts"),  # "ride on the counts" (5/4): every count of the bar
    (("every", "count"), "counts"),  # "hats on every count but not 5"
    (("each", "count"), "counts"),
    (("all", "the", "counts"), "counts"),
    (("every", "number"), "counts"),
    (("each", "number"), "counts"),
    (("every", "odd", "step"), "eighths"),  # a piano roll's 1, 3, 5, ...
    (("every", "step"), "steps"),  # of the grid, whatever its size ("12 steps a bar in 12/8")
    (("each", "step"), "steps"),
    (("all", "16", "steps"), "sixteenths"),
    (("all", "sixteen", "steps"), "sixteenths"),
    (("all", "steps"), "sixteenths"),
    (("odd", "steps"), "eighths"),
    (("every", "second", "beat"), "alternate"),
    *(
        ((*each, "odd", beats), "alternate")
        for each in ((), ("every",), ("the",))
        for beats in ("beats", "beat", "ones")
    ),
    *(
        ((*each, "even", beats), "backbeat")
        for each in ((), ("every",), ("the",))
        for beats in ("beats", "beat", "ones")
    ),
    *(  # "every 3rd sixteenth", "one hit every three steps": 1, 1a, 2&, 3e ... from the one, each bar
        (("every", n, sixteenth), "dotted-eighths")
        for n in ("3rd", "third", "three", "3")
        for sixteenth in ("sixteenth", "sixteenths", "16th", "16ths", "step", "steps")
    ),
    *(  # "a hit every three eighth notes": 1, 2& and 4 (3+3+2)
        (("every", n, eighth, *note), "dotted-quarters")
        for n in ("3rd", "third", "three", "3")
        for eighth in ("eighth", "eighths", "8th", "8ths")
        for note in ((), ("note",), ("notes",))
    ),
    (("every", "beat"), "beats"),
    (("each", "beat"), "beats"),
    (("all", "four", "beats"), "beats"),
    (("all", "four", "quarter", "notes"), "beats"),
    (("all", "four", "quarters"), "beats"),
    (("all", "4", "quarter", "notes"), "beats"),
    (("all", "4", "quarters"), "beats"),  # "ride on all 4 quarters w the bell on the upbeats"
    (("all", "4", "beats"), "beats"),
    (("all", "four"), "beats"),  # "kick on all four"
    (("all", "4"), "beats"),
    (("all", "three"), "beats"),
    (("all", "3"), "beats"),
    (("all", "the", "beats"), "beats"),
    (("all", "beats"), "beats"),
    (("every", "downbeat"), "beats"),
    *(  # odd meters: a group is a felt beat ("kick on start of each group")
        ((*the, where, "of", each, "group"), "beats")
        for the in (("the",), ())
        for where in ("start", "top", "beginning", "head")
        for each in ("each", "every")
    ),
    *(  # "ride bell on the group starts" (9/8 as 2+2+2+3): the felt beats
        ((*the, "group", starts), "beats")
        for the in (("the",), ("each",), ("every",), ())
        for starts in ("starts", "start", "downbeats", "beginnings")
    ),
    (("the", "starts", "of", "the", "groups"), "beats"),
    (("every", "group"), "beats"),
    (("each", "group"), "beats"),
    *(
        (("the", first, *note, "of", each, "group"), "beats")  # "the first note of each group"
        for first in ("first", "start", "beginning", "one", "downbeat")
        for note in ((), ("note",), ("eighth",), ("beat",))
        for each in ("each", "every")
        for group in ("group", "grouping")
    ),
    *(
        (("first", *note, "of", each, group), "beats")
        for note in ((), ("note",))
        for each in ("each", "every")
        for group in ("group", "grouping")
    ),
    (("downbeats",), "beats"),
    (("a", "downbeat"), "beats"),  # "never on a downbeat or an and": any of them
    (("any", "downbeat"), "beats"),
    (("an", "and"), "offbeats"),
    (("any", "and"), "offbeats"),
    *(  # "a crash at the start of each bar", "the top of the bar": its one
        (("the", where, "of", *bar), "1")
        for where in ("start", "beginning", "top", "head")
        for bar in (
            ("the", "bar"),
            ("each", "bar"),
            ("every", "bar"),
            ("the", "measure"),
            ("each", "measure"),
            ("every", "measure"),
            ("a", "bar"),
            ("bar",),
        )
    ),
    (("the", "downbeat"), "1"),  # a bar's downbeat is its one ("the downbeat of every bar")
    (("downbeat",), "1"),
    (("the", "beat"), "beats"),
    *(  # "every offbeat 8th", "the upbeat eighths": the offbeats, said with their note value
        ((*each, beat, note), "offbeats")
        for each in (("every",), ("each",), ())
        for beat in ("offbeat", "offbeats", "upbeat", "upbeats")
        for note in ("8th", "8ths", "eighth", "eighths", "quaver", "quavers")
    ),
    (("the", "beats"), "beats"),  # "cowbell on the beats"
    (("offbeats",), "offbeats"),
    (("off", "beats"), "offbeats"),
    (("offbeat",), "offbeats"),
    (("off", "beat"), "offbeats"),
    (("upbeats",), "offbeats"),
    (("up", "beats"), "offbeats"),
    (("upbeat",), "offbeats"),
    (("between", "the", "beats"), "offbeats"),
    (("between", "beats"), "offbeats"),
    (("between",), "offbeats"),  # "hi-hat in between" (the kicks on the beat)
    (("ands",), "offbeats"),
    (("an", "&"), "offbeats"),  # "kick never lands on an &": on any of them
    (("any", "&"), "offbeats"),
    (("any", "ands"), "offbeats"),
    (("any", "of", "the", "ands"), "offbeats"),  # "dont put kck on any of the ands"
    *(  # 12/8: "a hat on the last triplet of each beat", every big beat's "a"
        (("the", "last", note, "of", each, "beat"), "as")
        for note in ("triplet", "eighth", "8th", "note")
        for each in ("each", "every")
    ),
    (("any", "of", "the", "offbeats"), "offbeats"),
    (("any", "of", "the", "beats"), "beats"),
    (("e's",), "es"),  # "the e's": the second sixteenth of every count
    (("es",), "es"),
    (("a's",), "as"),  # "the a's": the last sixteenth of every count
    (("ah's",), "as"),
    (("every", "and"), "offbeats"),
    (("every", "&"), "offbeats"),
    (("every", "+"), "offbeats"),
    (("each", "and"), "offbeats"),  # "the ride bell on each and in between"
    (("each", "+"), "offbeats"),
    (("&", "s"), "offbeats"),
    (("+", "s"), "offbeats"),  # "hat ONLY on the +'s"
    (("and's",), "offbeats"),
    (("backbeat",), "backbeat"),
    (("backbeats",), "backbeat"),
    (("back", "beat"), "backbeat"),
    *(  # "the and of every beat", "the 'a' of each count": that part of every count
        ((part, "of", each, unit), place)
        for part, place in (("and", "offbeats"), ("&", "offbeats"), ("+", "offbeats"), ("e", "es"), ("a", "as"))
        for each in ("every", "each")
        for unit in ("beat", "count")
    ),
    *(  # "the sixteenth right before each beat": every count's a; "the 8th after every beat": its &
        ((note, *just, side, each, "beat"), place)
        for note, before, after in (
            ("sixteenth", "as", "es"),
            ("16th", "as", "es"),
            ("eighth", "offbeats", "offbeats"),
            ("8th", "offbeats", "offbeats"),
        )
        for just in ((), ("right",), ("just",))
        for side, place in (("before", before), ("after", after))
        for each in ("every", "each")
    ),
    *(
        ((each, *words), place)  # "the open hat on each upbeat"
        for each in ("every", "each")
        for words, place in ((("upbeat",), "offbeats"), (("offbeat",), "offbeats"), (("off", "beat"), "offbeats"))
    ),
)

NAMED_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # the same, by first word (in order)

for _words, _place_key in NAMED_PLACES:
    NAMED_BY_FIRST.setdefault(_words[0], []).append((_words, _place_key))

BAR_PREFIXES = frozenset({("every", "bar's"), ("each", "bar's"), ("every", "measure's"), ("each", "measure's")})

SUFFIX = {"&": "&", "+": "&", "e": "e", "a": "a"}

BARE_COUNT = re.compile(r"\d[&+ea]?")
EIGHTH_COUNT = re.compile(r"(?:1[0-2]|\d)")  # 12/8 counted in eighths: "1 3 5 6 8 10 12"

# "just ONE snare per bar, on 4": how many hits a bar (`Reader._hits_a_bar`); intent.py writes
# it as one mark, so the bar words that count bars or name one leave it alone
PER_BAR = "perbar"
_PER = (("per",), ("a",), ("each",), ("every",), ("in", "the"), ("in", "each"), ("in", "every"))
A_BAR = ((PER_BAR,), *((*per, bar) for per in _PER for bar in ("bar", "measure")))
HIT_NOUNS = frozenset({"hit", "hits", "note", "notes", "stroke", "strokes"})

# After a voice, what it plays that a "no" takes away instead of the voice: "no hat rolls"
PARTS_OF_A_VOICE = frozenset(
    {"roll", "rolls", "fill", "fills", "flam", "flams", "triplets", "stutter", "stutters", "buzz", "buzzes"}
    | {"ratchet", "ratchets", "doubles", "chokes", "swells", "splashes", "runs", "licks"}
)

# After a place said first, verbs that give it to a voice: "the e of 3 needs a kick"
NEEDS = frozenset({"needs", "gets", "wants", "deserves"})

# Negating verbs that are nouns after "the": "the drop is kick and rim on 3", "the cut"
NOUN_NEGATORS = frozenset({"drop", "cut", "kill", "skip"})

# Motown's "four on the snare": every beat ("..., the 4-on-the-snare sound")
FOUR_ON_THE_SNARE = tuple((*the, four, "on", "the", "snare") for the in (("the",), ()) for four in ("four", "4"))

# "only has a big drum and a hi hat": what a kit holds, said before the voices it keeps to
OWNING = frozenset({"has", "have", "got", "owns", "own", "uses"})

# "catch it w/ kick + crash", "nail that with the snare": a figure said before, played by the voices after
CATCHING = frozenset({"catch", "catching", "nail", "nailing", "mark", "marking", "punctuate", "hit", "hitting", "put"})
GAPS = frozenset({"gap", "gaps", "space", "spot", "hole", "pocket", "breath", "rest"})  # "put a clap in that gap"

# Figures a drummer names in a word or two, each as the rules it implies (rules that give way to
# the words, as "money beat"'s): "a gravity blast", "blast for a few bars"
_GRAVITY = ((("sd",), "sixteenths", "gravity blast: snare on sixteenths"),)
_BLAST = (
    (("bd",), "beats", "blast beat: kick on every beat"),
    (("sd",), "offbeats", "blast beat: snare on the offbeats"),
)
_HAMMER = (
    (("bd",), "eighths", "hammer blast: kick on eighths"),
    (("sd",), "eighths", "hammer blast: snare on eighths, with the kick"),
)
# The darbuka's rhythms as a drummer plays them on the kit, written as the darbuka player
# writes them, an eighth a stroke of a 4/4 bar: D (dum, the low stroke) on the kick, T (tek,
# the high one) on the snare. The same figures are data/grooves/arabic.toml's.
DARBUKA_ROWS = {
    "maqsum": "D T - T D - T -",
    "maksum": "D T - T D - T -",
    "baladi": "D D - T D - T -",
    "beledi": "D D - T D - T -",
    "saidi": "D T - D D - T -",
    "malfuf": "D - - T - - T -",
    "malfouf": "D - - T - - T -",
    "ayoub": "D - - T D - T -",
    "ayyoub": "D - - T D - T -",
    "zaar": "D - - T D - T -",
}
_EIGHTHS = ("1", "1&", "2", "2&", "3", "3&", "4", "4&")
_STROKES = {"D": (("bd",), "dum on the kick"), "T": (("sd",), "tek on the snare")}


def _darbuka(name: str, row: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """A darbuka rhythm's strokes as places: "maqsum: dum on the kick on 1", one a stroke."""
    return tuple(
        (_STROKES[stroke][0], place, f"{name}: {_STROKES[stroke][1]} on {place_label(place)}")
        for stroke, place in zip(row.split(), _EIGHTHS, strict=True)
        if stroke in _STROKES
    )


# A figure borrowed from another instrument gives each voice the words place to the words:
# "boom bap w/ maqsum inside, kick 1 & 3, snare 2 & 4" keeps the drummer's own kick and snare
BORROWED_FIGURES = frozenset(DARBUKA_ROWS)


def borrowed(said: str) -> bool:
    """Whether a figure's name, or a rule it read ("maqsum: dum on the kick on 1"), is borrowed."""
    return said.split(":")[0] in BORROWED_FIGURES


NAMED_FIGURES: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], str, str], ...]] = {
    **{(name,): _darbuka(name, row) for name, row in DARBUKA_ROWS.items()},
    ("hammer", "blast"): _HAMMER,
    ("hammer", "blasts"): _HAMMER,
    ("gravity", "blast"): _GRAVITY,
    ("gravity", "blasts"): _GRAVITY,
    ("gravity", "roll"): _GRAVITY,
    ("blast", "beat"): _BLAST,
    ("blast", "beats"): _BLAST,
    ("blast",): _BLAST,
    ("blasts",): _BLAST,
    ("blasting",): _BLAST,
}  # longest first: "a gravity blast" is no blast beat
NOT_A_FIGURE_BEFORE = frozenset({"a", "have", "had", "having", "tabl", "tabla"})  # "have a blast", "a tabl baladi"

# "gallop on the double bass", "galloping hats": the voice plays an eighth and two sixteenths a beat
GALLOPS = frozenset({"gallop", "galloping", "gallops"})
GALLOP_PLACES = ("beats", "offbeats", "as")
