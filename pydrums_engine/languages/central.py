"""Polish, Czech and Hungarian (see `pydrums_engine.languages`).

Czech: "kopák na 1 a 3, virbl 2 a 4, hajtka v osminách, bez činelů". Hungarian: "lábdob 1-en és
3-on, pergő 2 és 4, lábcin nyolcadok, lábdob nélkül, 4 ütem, tam fill a végén". Hungarian puts
"nélkül" (without) after its noun ("lábdob nélkül"): each drum noun with it is a phrase of its own.
"""

from __future__ import annotations

import re

from .language import NUMBERS, Language

POLISH = Language(
    "Polish",
    re.compile(
        r"\b(?:stop[aęy]|werbel|werbl[aeu]|talerz\w*|tylko|bez|taktów|takty|przejście|ósemk\w*"
        r"|szesnastk\w*|walc|czyli|wszystkie|tomach|tomy|na końcu)\b"
    ),
    {
        "na końcu": "at the end", "na koniec": "at the end", "a na końcu": "and at the end", "na": "on",
        "i": "and", "w": "in", "od": "of", "z": "with", "stopa": "kick", "stopy": "kick", "stopę": "kick",
        "stopie": "kick", "werbel": "snare", "werbla": "snare", "werblu": "snare", "werblem": "snare",
        "talerz": "cymbals", "talerze": "cymbals", "talerzy": "cymbals", "talerzami": "cymbals",
        "blachy": "cymbals", "blach": "cymbals", "tomy": "toms", "tomach": "toms", "tomów": "toms",
        "tomami": "toms", "tylko": "only", "bez": "without", "nie": "no", "taktów": "bars", "takty": "bars",
        "taktach": "bars", "takt": "bar", "przejście": "fill", "przejścia": "fill", "ósemki": "8ths",
        "ósemek": "8ths", "ósemkach": "8ths", "ósemkami": "8ths", "szesnastki": "16ths", "16tki": "16ths",
        "16-tki": "16ths", "szesnastek": "16ths", "ćwierćnuty": "quarters", "ćwierćnut": "quarters",
        "wszystkie": "all", "każdy": "every", "każdą": "every", "każde": "every", "walc": "waltz",
        "czyli": "", "zwykły": "plain", "zwykly": "plain", "crasha": "crash", "crashem": "crash",
        "hihatu": "hihat", "hi-hatu": "hihat", "bluesa": "blues", "coś jak": "something like",
        "cos jak": "something like", "wiesz": "", "taki": "a", "klimat": "vibe", "spokojnie": "calm",
        **dict(zip(("raz", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem"), NUMBERS, strict=True)),
    },
)  # fmt: skip


_CZECH_NUMBERS = ("jedna", "dva", "tři", "čtyři", "pět", "šest", "sedm", "osm")
CZECH = Language(
    "Czech",
    re.compile(
        r"\b(?:kop[aá]k\w*|virbl\w*|hajtk\w*|[čc]inel\w*|[šs]estn[aá]ctin\w*|osmin\w*|[čc]tvr[tť]ov\w*"
        r"|[čc]tvrtin\w*|takt[uů]|taktech|jenom|jen|na konci|nakonec|přes|p[řr]echod\w*|pros[ií]m"
        r"|d[ií]ky|jednoduch\w*|ka[žz]d[ýyáaéeou]|ka[žz]dou|v[šs]echny|[žz][aá]dn[ýyáaée]j?|kotel|kotle|kotlem)\b"
    ),
    {
        # drum nouns (a Czech drummer's words: kopák, virbl, hajtka, činely, tomy, kotel)
        "kopák": "kick", "kopáku": "kick", "kopákem": "kick", "kopáky": "kick", "kopáků": "kick",
        "kopak": "kick", "kopaku": "kick", "kopakem": "kick", "kopaky": "kick",
        "basový buben": "kick", "basovej buben": "kick", "velký buben": "kick", "velkej buben": "kick",
        "basák": "kick", "basáku": "kick",
        "virbl": "snare", "virblu": "snare", "virblem": "snare", "virbly": "snare", "virblů": "snare",
        "malý buben": "snare", "malej buben": "snare",
        "hajtka": "hi-hat", "hajtky": "hi-hat", "hajtku": "hi-hat", "hajtkou": "hi-hat", "hajtce": "hi-hat",
        "hajtek": "hi-hat", "hihatka": "hi-hat", "hihatky": "hi-hat", "hihatku": "hi-hat", "hihatu": "hi-hat",
        "hi-hatu": "hi-hat", "hajtka otevřená": "open hi-hat", "otevřená hajtka": "open hi-hat",
        "otevřenou hajtku": "open hi-hat", "otevřený hajtky": "open hi-hat", "otevřené hajtky": "open hi-hat",
        "zavřená hajtka": "closed hi-hat", "zavřenou hajtku": "closed hi-hat",
        "činel": "cymbals", "činely": "cymbals", "činelů": "cymbals", "činelem": "cymbals", "činelech": "cymbals",
        "činelama": "cymbals", "činelům": "cymbals", "činelu": "cymbals",
        "cinel": "cymbals", "cinely": "cymbals", "cinelu": "cymbals", "cinelů": "cymbals",
        "crashe": "crash", "crashem": "crash", "crashů": "crash", "crashi": "crash", "ridu": "ride",
        "ridem": "ride", "ridě": "ride", "rajd": "ride", "rajdu": "ride", "rajdem": "ride",
        "tomy": "toms", "tomů": "toms", "tomech": "toms", "tomama": "toms", "tomům": "toms",
        "kotel": "floor tom", "kotle": "floor tom", "kotlem": "floor tom", "kotli": "floor tom",
        "přes ráfek": "cross-stick", "rimšot": "rimshot", "tlesknutí": "clap", "tleskání": "clap",
        "kravský zvonec": "cowbell", "kravák": "cowbell", "kravský zvon": "cowbell", "šejkr": "shaker",
        "šejkru": "shaker", "tamburína": "tambourine", "tamburínu": "tambourine", "tamburíny": "tambourine",
        "bicí": "drums", "bubny": "drums",
        # places, counts, note values
        "na konci": "at the end", "on konci": "at the end", "na konec": "at the end", "nakonec": "at the end",
        "na závěr": "at the end",
        "na každou dobu": "on every beat", "na každou": "on every", "na dobu": "on", "na": "on",
        "a": "and", "i": "and", "v": "in", "ve": "in", "s": "with", "se": "with", "bez": "without",
        "doba": "beat", "dobu": "beat", "doby": "beats", "dob": "beats", "dobách": "beats", "době": "beat",
        "každý": "every", "každou": "every", "každé": "every", "každá": "every", "každej": "every",
        "všechny": "all", "všech": "all", "všechno": "all",
        "takt": "bar", "takty": "bars", "taktů": "bars", "taktech": "bars", "taktu": "bar", "taktem": "bar",
        "každou osminu": "every 8th", "na každou osminu": "on every 8th", "osminy": "8ths", "osmin": "8ths",
        "osminách": "8ths", "osminama": "8ths",
        "osminový noty": "8ths", "osminové noty": "8ths", "osminových notách": "8ths", "osminový": "8th",
        "osminové": "8th", "v osminách": "on 8ths", "v osminovejch": "on 8ths",
        "každou šestnáctinu": "every 16th", "na každou šestnáctinu": "on every 16th", "šestnáctiny": "16ths",
        "šestnáctin": "16ths", "šestnáctinách": "16ths",
        "šestnáctinama": "16ths", "šestnáctinový noty": "16ths", "šestnáctinové noty": "16ths",
        "šestnáctinový": "16th", "šestnáctinové": "16th", "v šestnáctinách": "on 16ths",
        "čtvrťový noty": "on quarters", "čtvrťové noty": "on quarters", "čtvrťový": "quarter",
        "čtvrťové": "quarter", "čtvrťovejch": "quarters", "čtvrtky": "quarters", "čtvrtkách": "quarters",
        "čtvrtiny": "quarters", "čtvrtinách": "quarters", "ve čtvrtkách": "on quarters",
        "v čtvrtkách": "on quarters", "ve čtvrtinách": "on quarters", "ve čtvrťových notách": "on quarters",
        "trioly": "triplets", "triol": "triplets", "triolách": "triplets", "triola": "triplet", "triolu": "triplet",
        "noty": "notes",
        # the & of a count, counted aloud "jedna a dva a": said in quotes
        **{f"{q}{w} a{q}": f"{n}&" for q in "\"'" for w, n in zip(_CZECH_NUMBERS, NUMBERS, strict=True)},
        # negation, only
        "ne": "not", "není": "no", "žádný": "no", "žádná": "no", "žádné": "no", "žádnej": "no", "žádnou": "no",
        "nic": "nothing", "nic víc": "nothing else", "nic jinýho": "nothing else", "nic jiného": "nothing else",
        "jen": "only", "jenom": "only", "pouze": "only", "místo": "instead of", "ale": "but", "taky": "also",
        # fills, states, order
        "přechod": "fill", "přechodem": "fill", "přechodu": "fill", "break": "fill", "breakem": "fill",
        "přes": "on", "otevřený": "open", "otevřená": "open", "otevřenou": "open", "otevřené": "open",
        "otevřenej": "open", "zavřený": "closed", "zavřená": "closed", "zavřenou": "closed", "zavřené": "closed",
        "první": "first", "poslední": "last", "prvním": "first", "posledním": "last",
        "prosím": "please", "prosim": "please", "díky": "thanks", "diky": "thanks", "děkuju": "thanks",
        "dík": "thanks",
        "jednoduchej": "simple", "jednoduchý": "simple", "jednoduchou": "simple", "jednoduché": "simple",
        "na cvičení": "for practice", "cvičení": "practice", "něco": "something", "jako": "like",
        "trochu": "a little", "rytmus": "beat", "mezi": "between",
        **dict(zip(("jedna", "dva", "tři", "čtyři", "pět", "šest", "sedm", "osm"), NUMBERS, strict=True)),
        "jednu": "1", "dvě": "2",
        # "na dvojku a čtyřku": on the two and the four
        **{f"{stem}{end}": n for stem, n in (("jedničk", "1"), ("dvojk", "2"), ("trojk", "3"), ("čtyřk", "4"),
                                              ("pětk", "5"), ("šestk", "6"), ("sedmičk", "7"), ("osmičk", "8"))
           for end in ("a", "u", "y")},
        "dvojce": "2", "trojce": "3", "čtyřce": "4", "jedničce": "1",
    },
)  # fmt: skip

# Hungarian puts "nélkül" (without) after its noun: "lábdob nélkül" is "without kick"
_HU_DRUMS = {
    "lábdob": "kick", "nagydob": "kick", "basszusdob": "kick", "pergő": "snare", "pergődob": "snare",
    "kisdob": "snare", "lábcin": "hi-hat", "hi-hat": "hi-hat", "hihat": "hi-hat", "cin": "cymbals",
    "cinek": "cymbals", "cintányér": "cymbals", "cintányérok": "cymbals", "crash": "crash", "ride": "ride",
    "tam": "toms", "tamok": "toms", "tom": "toms", "tomok": "toms", "taps": "clap", "kolomp": "cowbell",
    "csörgődob": "tambourine",
}  # fmt: skip
HUNGARIAN = Language(
    "Hungarian",
    re.compile(
        r"\b(?:l[aá]bdob\w*|perg[őo]\w*|l[aá]bcin\w*|[üu]tem\w*|nyolcad\w*|tizenhatod\w*|negyedek\w*"
        r"|n[ée]lk[üu]l|és|csak|minden|a v[ée]g[ée]n|a v[ée]g[ée]re|k[ée]rlek|k[öo]szi|cint[aá]ny[ée]r\w*"
        r"|tamok\w*|nincs|semmi|nyitott|z[aá]rt|[aá]tvezet[ée]s\w*|kisdob\w*|nagydob\w*)\b"
    ),
    {
        # drum nouns with their case endings (-t object, -on/-en on, -ra/-re onto, -val/-vel with)
        "lábdob": "kick", "lábdobot": "kick", "lábdobon": "kick", "lábdobra": "kick", "lábdobbal": "kick",
        "lábdobok": "kick", "lábdobnak": "kick", "lábdobos": "kick", "nagydob": "kick", "nagydobot": "kick",
        "basszusdob": "kick", "basszusdobot": "kick", "basszus dob": "kick",
        "pergő": "snare", "pergőt": "snare", "pergőn": "snare", "pergőre": "snare", "pergővel": "snare",
        "pergők": "snare", "pergődob": "snare", "pergődobot": "snare", "kisdob": "snare", "kisdobot": "snare",
        "kisdobon": "snare", "kisdobra": "snare",
        "lábcin": "hi-hat", "lábcint": "hi-hat", "lábcinen": "hi-hat", "lábcinre": "hi-hat",
        "lábcinnel": "hi-hat", "lábcinek": "hi-hat", "lábcineket": "hi-hat", "hi-hatet": "hi-hat",
        "hihatet": "hi-hat", "hi-hattel": "hi-hat", "hihattel": "hi-hat", "hi-hatre": "hi-hat",
        "nyitott lábcin": "open hi-hat", "nyitott lábcint": "open hi-hat", "nyitott hi-hat": "open hi-hat",
        "zárt lábcin": "closed hi-hat", "zárt lábcint": "closed hi-hat",
        "cintányér": "cymbals", "cintányérok": "cymbals", "cintányérokat": "cymbals", "cintányért": "cymbals",
        "cinek": "cymbals", "cineket": "cymbals", "cinekkel": "cymbals",
        "crash cint": "crash", "crash cin": "crash", "crasht": "crash", "crash-t": "crash", "crash-sel": "crash",
        "ride cint": "ride", "ride cin": "ride", "ride-ot": "ride", "ridet": "ride", "ride-dal": "ride",
        "tam": "toms", "tamok": "toms", "tamokat": "toms", "tamokon": "toms", "tamokkal": "toms",
        "tamot": "toms", "tomok": "toms", "tomokat": "toms", "tomokon": "toms", "tomokkal": "toms",
        "álló tam": "floor tom", "állótam": "floor tom", "padlótam": "floor tom", "álló tamot": "floor tom",
        "taps": "clap", "tapsot": "clap", "kolomp": "cowbell", "kolompot": "cowbell",
        "csörgődob": "tambourine", "csörgődobot": "tambourine", "rimshot": "rimshot", "peremütés": "rimshot",
        **{f"{w} nélkül": f"without {e}" for w, e in _HU_DRUMS.items()},
        "nélkül": "without",
        # places, counts, note values
        "és": "and", "meg": "and", "minden": "every", "mindegyik": "every", "összes": "all",
        "az összes": "all the", "az": "the",
        "ütés": "beat", "ütésre": "beat", "ütésen": "beat", "ütések": "beats", "ütésekre": "beats",
        "minden ütésre": "on every beat", "minden negyedre": "on every beat",
        "felütés": "offbeat", "felütésre": "offbeat", "felütések": "offbeats", "felütésekre": "offbeats",
        "felütéseken": "offbeats", "felütésen": "offbeat",
        "egy ütem": "1 bar", "egy ütemet": "1 bar", "egy ütemes": "1 bar", "ütem": "bar", "ütemet": "bar",
        "ütemes": "bar", "ütemnyi": "bar", "ütemen": "bar", "ütemek": "bars", "ütemeket": "bars",
        "ütemben": "bar", "ütemig": "bars",
        "nyolcad": "8th", "nyolcadok": "8ths", "nyolcadokat": "8ths", "nyolcadokban": "8ths",
        "nyolcadban": "8ths", "nyolcadot": "8ths", "nyolcadokra": "8ths", "nyolcados": "8th",
        "tizenhatod": "16th", "tizenhatodok": "16ths", "tizenhatodokat": "16ths", "tizenhatodokban": "16ths",
        "tizenhatodban": "16ths", "tizenhatodos": "16th", "tizenhatodokra": "16ths",
        "negyed": "quarter", "negyedek": "quarters", "negyedeket": "quarters", "negyedekben": "quarters",
        "negyedekre": "quarters", "negyedes": "quarter",
        "triola": "triplets", "triolák": "triplets", "triolákat": "triplets", "triolás": "triplet",
        # a count with its case ending, "2-n", "4-en", "3-on", "1-re": the count
        **{f"{n}-{end}": n for n in NUMBERS
           for end in ("n", "en", "on", "ön", "re", "ra", "es", "as", "os", "ös", "esre", "asra", "osra", "ösre",
                       "esen", "ason", "oson", "ösön")},
        "egyre": "on 1", "egyesre": "on 1", "kettőre": "on 2", "kettesre": "on 2", "kettőn": "on 2",
        "háromra": "on 3", "hármasra": "on 3", "hármon": "on 3", "négyre": "on 4", "négyesre": "on 4",
        "ötre": "on 5", "hatra": "on 6", "hétre": "on 7", "nyolcra": "on 8",
        "egy": "one", "kettő": "2", "két": "2", "három": "3", "négy": "4", "öt": "5", "hét": "7", "nyolc": "8",
        # negation, only
        "nincs": "no", "ne legyen": "no", "ne": "no", "nem": "not", "semmi": "nothing", "semmit": "nothing",
        "csak": "only", "csakis": "only", "helyett": "instead", "de": "but",
        # fills, states, order
        "a végén": "at the end", "a végére": "at the end", "végén": "at the end", "a legvégén": "at the end",
        "átvezetés": "fill", "átvezetést": "fill", "átvezetéssel": "fill",
        "nyitott": "open", "nyitva": "open", "zárt": "closed", "zárva": "closed",
        "első": "first", "utolsó": "last", "kérlek": "please", "légyszi": "please", "légy szíves": "please",
        "köszi": "thanks", "köszönöm": "thanks", "kösz": "thanks",
        "mindegy": "whatever", "kéne": "", "kellene": "", "egyszerű": "simple", "valami": "something",
        "mint": "like", "gyakorláshoz": "for practice",
    },
)  # fmt: skip
