"""Russian, Ukrainian and Turkish (see `pydrums_engine.languages`).

their English: "бочка на 1 и 3, малый на 2 и 4", "bochka na 1 i 3", "хет восьмими, бочка на 1 і 3",
"kik 1'de ve 2'nin ve'sinde, trampet 2 ve 4'te". Added to `pydrums_engine.languages.LANGUAGES`.
"""

from __future__ import annotations

import re

from .language import NUMBERS, Language

# --- Russian ---------------------------------------------------------------------------------
# The drum nouns with their case endings: "бочка на 1", "без бочки", "с бочкой", "на бочку"
_RU_KIT = {
    **dict.fromkeys(("бочка", "бочки", "бочке", "бочку", "бочкой", "бочкою", "бочек", "бочками", "бочках"), "kick"),
    **dict.fromkeys(("бас-бочка", "бас-бочки", "бас-бочку", "бас-бочкой", "кик", "кика", "кику", "киком"), "kick"),
    **dict.fromkeys(("большой барабан", "большого барабана", "большим барабаном", "бас-барабан"), "kick"),
    **dict.fromkeys(("малый", "малого", "малому", "малым", "малом", "малый барабан", "малого барабана"), "snare"),
    **dict.fromkeys(("малым барабаном", "малом барабане", "рабочий", "рабочего", "рабочему", "рабочим"), "snare"),
    **dict.fromkeys(("рабочем", "рабочий барабан", "снейр", "снейра", "снейром", "снэр", "снэра", "снэром"), "snare"),
    **dict.fromkeys(("хэт", "хэта", "хэту", "хэтом", "хэте", "хет", "хета", "хету", "хетом", "хете"), "hi-hat"),
    **dict.fromkeys(("хай-хэт", "хай-хэта", "хай-хэтом", "хай-хэте", "хайхэт", "хайхэта", "хай-хет"), "hi-hat"),
    **dict.fromkeys(("хай-хета", "хай-хетом", "хай-хете", "хайхет", "хайхета", "хай хэт", "хай хет"), "hi-hat"),
    **dict.fromkeys(("хэты", "хэтов", "хэтам", "хэтами", "хэтах", "хеты", "хетов", "хетами", "хетах"), "hi-hats"),
    **dict.fromkeys(("хэт ногой", "хет ногой", "хэтом ногой", "хетом ногой", "хэт педалью"), "hi-hat foot"),
    **dict.fromkeys(("открытый хэт", "открытый хет", "открытым хэтом", "открытым хетом"), "open hi-hat"),
    **dict.fromkeys(("открытие хэта", "открытие хета", "открытием", "открытия", "открытие"), "open hi-hat"),
    **dict.fromkeys(("закрытый хэт", "закрытый хет", "закрытым хэтом", "закрытым хетом"), "closed hi-hat"),
    **dict.fromkeys(("тарелка", "тарелку", "тарелкой", "тарелке"), "cymbal"),
    **dict.fromkeys(("тарелки", "тарелок", "тарелкам", "тарелками", "тарелках", "железо", "железа"), "cymbals"),
    **dict.fromkeys(("крэш", "крэша", "крэшу", "крэшем", "крэше", "креш", "креша", "крешу", "крешем"), "crash"),
    **dict.fromkeys(("райд", "райда", "райду", "райдом", "райде"), "ride"),
    **dict.fromkeys(("колокол райда", "колокол", "колоколу", "колоколом", "колоколе", "белл"), "ride bell"),
    **dict.fromkeys(("том", "тома", "томы", "томов", "томам", "томами", "томах"), "toms"),
    **dict.fromkeys(("напольный том", "напольного тома", "напольном томе", "флор-том", "флортом"), "floor tom"),
    **dict.fromkeys(("кросстик", "кросстика", "кросстиком", "кросс-стик", "кросс-стиком", "кросс стик"), "cross-stick"),
    **dict.fromkeys(("римшот", "римшота", "римшотом", "римшоты", "обод", "ободу", "ободом"), "rimshot"),
    **dict.fromkeys(("клэп", "клэпа", "клэпу", "клэпом", "клэпы", "клэпов", "клеп", "клепа", "клепом"), "clap"),
    **dict.fromkeys(("клепы", "клепов", "хлопок", "хлопка", "хлопком", "хлопки", "хлопков", "хлопками"), "clap"),
    **dict.fromkeys(("ковбелл", "ковбелла", "ковбеллом", "ковбел", "ковбела", "ковбелом"), "cowbell"),
    **dict.fromkeys(("шейкер", "шейкера", "шейкером", "маракасы", "маракасов"), "shaker"),
    **dict.fromkeys(("бубен", "бубна", "бубну", "бубном", "бубне", "тамбурин", "тамбурина"), "tambourine"),
}  # fmt: skip
_RU_WORDS = {
    "на": "on", "в": "in", "во": "in", "и": "and", "а": "and", "с": "with", "со": "with", "без": "without",
    "не": "not", "нет": "no", "ни": "not even", "никаких": "no", "только": "only", "лишь": "only",
    "просто": "", "кроме": "except",
    "вместо": "instead of", "все": "all", "всё": "all", "весь": "all", "всех": "all", "всю": "all",
    "каждый": "every", "каждую": "every", "каждого": "every", "каждой": "every", "каждом": "every",
    "каждая": "every", "каждое": "every", "каждые": "every", "каждого такта": "of every bar",
    "в каждом такте": "in every bar", "доля": "beat", "долю": "beat", "доли": "beats", "долей": "beats",
    "долям": "beats", "долях": "beats", "счёт": "count", "счет": "count",
    "такт": "bar", "такта": "bars", "тактов": "bars", "такты": "bars", "такте": "bar", "тактах": "bars",
    "тактам": "bars", "в конце": "at the end", "в самом конце": "at the very end", "под конец": "at the end",
    "в конце такта": "at the end of the bar", "в конце последнего такта": "at the end of the last bar",
    "в начале": "at the start", "сбивка": "fill", "сбивку": "fill", "сбивкой": "fill", "сбивки": "fill",
    "брейк": "fill", "брейка": "fill", "брейком": "fill", "по томам": "around the toms",
    "восьмые": "8ths", "восьмыми": "8ths", "восьмых": "8ths", "восьмушки": "8ths", "восьмушками": "8ths",
    "шестнадцатые": "16ths", "шестнадцатыми": "16ths", "шестнадцатых": "16ths", "четверти": "quarters",
    "четвертями": "quarters", "четвертях": "quarters", "триоли": "triplets", "триолями": "triplets",
    "триолях": "triplets", "открытый": "open", "открытым": "open", "открытые": "open", "открытая": "open",
    "закрытый": "closed", "закрытым": "closed", "закрытые": "closed", "первый": "first", "первую": "first",
    "первой": "first", "последний": "last", "последнюю": "last", "последнем": "last", "последнего": "last",
    "в колокол": "on the bell", "ногой": "foot",
    "раз": "1", "один": "1", "одна": "1", "два": "2", "две": "2", "три": "3", "четыре": "4", "пять": "5",
    "шесть": "6", "семь": "7", "восемь": "8", "два раза": "twice", "раза": "times", "ни разу": "never",
    "каждый раз": "every time", "ещё раз": "again", "еще раз": "again", "в этот раз": "this time",
    "в том же": "in the same", "том же": "the same", "о том": "about that", "при том": "",
    "пожалуйста": "please", "пжлст": "please", "пж": "please", "плиз": "please", "плз": "please",
    "спасибо": "thanks", "спс": "thanks",
    "для": "for", "тоже": "also", "также": "also", "вообще": "at all", "совсем": "at all", "ничего": "nothing",
    "ничего сложного": "plain", "без лишнего": "plain", "ну": "", "короче": "", "стандарт": "standard",
    "надо": "", "нужно": "", "нужен": "", "нужна": "", "хочу": "i want", "чтобы": "", "чтоб": "",
    "бит": "beat", "ритм": "rhythm", "грув": "groove", "припев": "chorus", "припева": "chorus",
    "куплет": "verse", "куплета": "verse", "нашей группы": "", "погромче": "louder", "громко": "loud",
    "тихо": "quiet", "потише": "quieter", "медленный": "slow", "медленно": "slow", "быстрый": "fast",
    "быстро": "fast", "рок": "rock", "фанк": "funk", "фанка": "funk", "вальс": "waltz", "джаз": "jazz",
    "свинг": "swing", "блюз": "blues", "регги": "reggae", "хаус": "house", "диско": "disco",
    "босса нова": "bossa nova", "боса нова": "bossa nova", "хип-хоп": "hip-hop", "барабан": "drum",
    "барабаны": "drums",
    **{f"на {m}": f"in {m}" for m in ("3/4", "4/4", "5/4", "6/8", "7/8", "9/8", "12/8")},
    **{f"{s} 2/4": "snare 2 and 4" for s in ("малый", "рабочий", "малый барабан")},
    **{f"{s} 2/4": "clap 2 and 4" for s in ("клэп", "клеп", "хлопок", "хлопки")},
    **{f"на {n} {w}": f"not on {n}" for n in NUMBERS for w in ("не надо", "не нужно")},
    **{f"на {n} ничего": f"nothing on {n}" for n in NUMBERS},
    **{f"на {n} ничего не {w}": f"nothing plays on {n}" for n in NUMBERS for w in ("играло", "играет", "было")},
    **{f"на {w}": e for w, e in (("хэте", "hi-hat"), ("хете", "hi-hat"), ("хай-хэте", "hi-hat"), ("райде", "ride"))},
    **{
        f"{f} {w}": f"fill with {e}"  # "сбивка малым": a fill on the snare
        for f in ("fill", "сбивка", "сбивку", "брейк")
        for w, e in (("малым", "snare"), ("бочкой", "kick"), ("томами", "toms"))
    },
    **_RU_KIT,
}  # fmt: skip
# Typed in Latin letters: "bochka na 1 i 3, malyi tolko 2 i 4", "v kontse sbivku na tomah"
_RU_LATIN = {
    **dict.fromkeys(("bochka", "bochki", "bochke", "bochku", "bochkoi", "bochkoy", "bochkoj", "bochkoyu"), "kick"),
    **dict.fromkeys(("malyi", "malyy", "malyj", "maly", "malogo", "malym", "malom", "rabochiy", "rabochii"), "snare"),
    **dict.fromkeys(("khet", "kheta", "khetom", "heta", "hetom", "hety", "hetov", "haihet"), "hi-hat"),
    **dict.fromkeys(("tarelki", "tarelok", "tarelkami", "tarelka", "zhelezo"), "cymbals"),
    **dict.fromkeys(("kresh", "kresha", "kreshem", "krash", "crasha", "crashem"), "crash"),
    **dict.fromkeys(("raid", "raida", "raidom", "rayd", "ride-a"), "ride"),
    **dict.fromkeys(("tomy", "tomah", "tomakh", "tomov", "tomam", "tomami"), "toms"),
    **dict.fromkeys(("krosstik", "krosstikom", "kross-stik"), "cross-stick"),
    **dict.fromkeys(("klep", "klepa", "klepom", "klap", "klapa"), "clap"),
    **dict.fromkeys(("buben", "bubna", "bubnom"), "tambourine"),
    "na": "on", "i": "and", "v": "in", "s": "with", "bez": "without", "ne": "not", "net": "no", "ni": "not even",
    "tolko": "only", "tol'ko": "only", "tolka": "only", "prosto": "", "krome": "except", "vmesto": "instead of",
    "vse": "all", "kazhdyi": "every", "kazhduyu": "every", "kazhdogo": "every", "kazhdoi": "every",
    "dolyu": "beat", "doli": "beats", "takt": "bar", "takta": "bars", "taktov": "bars",
    "v kontse": "at the end", "v konce": "at the end", "sbivka": "fill", "sbivku": "fill", "sbivkoi": "fill",
    "breik": "fill", "brejk": "fill", "vosmymi": "8ths", "vosmye": "8ths", "vosmyh": "8ths",
    "shestnadcatymi": "16ths", "chetvertyami": "quarters", "chetverti": "quarters", "trioli": "triplets",
    "otkrytyi": "open", "otkrytyy": "open", "otkrytym": "open", "zakrytyi": "closed", "pervyi": "first",
    "poslednii": "last", "posledniy": "last",
    **dict(zip(("raz", "dva", "tri", "chetyre", "pyat", "shest", "sem", "vosem"), NUMBERS, strict=True)),
    "odin": "1",
    "pozhaluista": "please", "pozhaluysta": "please", "pozhalusta": "please", "pzh": "please",
    "spasibo": "thanks", "sps": "thanks", "dlya": "for", "bita": "beat", "a do etogo": "and before that",
    "do etogo": "before that", "bez lishnego": "plain", "lishnego": "extra", "nichego": "nothing",
    "ne nado": "not", "nado": "", **{f"na {n} ne nado": f"not on {n}" for n in NUMBERS},
    "trochu": "a bit", "vobshe": "at all", "voobshche": "at all",
}  # fmt: skip
# Style names as Russian and Ukrainian write them (the style finder reads them in English)
_CYRILLIC_STYLES = {
    "рок": "rock", "джаз": "jazz", "фанк": "funk", "свинг": "swing", "свінг": "swing", "блюз": "blues",
    "диско": "disco", "хаус": "house", "техно": "techno", "панк": "punk", "метал": "metal", "вальс": "waltz",
    "регги": "reggae", "реггі": "reggae", "хип-хоп": "hip hop", "хіп-хоп": "hip hop", "шаффл": "shuffle",
    "босса-нова": "bossa nova", "самба": "samba", "сальса": "salsa", "драм-н-бейс": "drum and bass",
}  # fmt: skip
RUSSIAN = Language(
    "Russian",
    re.compile(
        r"\w*[ыэъё]\w*|\b(?:и|только|такта|тактов|малый|рабочий|кроме|каждую|каждого|конце|сбивк\w*|надо|нужно|что|чтобы)\b"
        r"|\b(?:bochk\w*|malyi|malyy|malom|tolko|sbivk\w*|chetvertyami|vosmymi|v kontse|ne nado|dlya|taktov)\b"
    ),
    {**_RU_WORDS, **_RU_LATIN, **_CYRILLIC_STYLES},
)

# --- Ukrainian -------------------------------------------------------------------------------
_UK_KIT = {
    **dict.fromkeys(("бочка", "бочки", "бочці", "бочку", "бочкою", "бочок", "бочками", "бочках"), "kick"),
    **dict.fromkeys(("бас-бочка", "бас-бочки", "бас-бочку", "кік", "кіка", "кіком", "великий барабан"), "kick"),
    **dict.fromkeys(("малий", "малого", "малому", "малим", "малім", "малий барабан", "малого барабана"), "snare"),
    **dict.fromkeys(("малим барабаном", "робочий", "робочого", "робочим", "снер", "снера", "снейр"), "snare"),
    **dict.fromkeys(("хет", "хета", "хету", "хетом", "хеті", "хай-хет", "хай-хета", "хай-хетом"), "hi-hat"),
    **dict.fromkeys(("хай-хеті", "хайхет", "хайхета", "хай хет"), "hi-hat"),
    **dict.fromkeys(("хети", "хетів", "хетам", "хетами", "хетах"), "hi-hats"),
    **dict.fromkeys(("хет ногою", "хетом ногою", "хет педаллю", "хай-хет ногою"), "hi-hat foot"),
    **dict.fromkeys(("відкритий хет", "відкритим хетом", "відкриття хета", "відкриттям", "відкриття"), "open hi-hat"),
    **dict.fromkeys(("закритий хет", "закритим хетом"), "closed hi-hat"),
    **dict.fromkeys(("тарілка", "тарілку", "тарілкою", "тарілці"), "cymbal"),
    **dict.fromkeys(("тарілки", "тарілок", "тарілкам", "тарілками", "тарілках", "залізо", "заліза"), "cymbals"),
    **dict.fromkeys(("креш", "креша", "крешу", "крешем", "креші", "крэш"), "crash"),
    **dict.fromkeys(("райд", "райда", "райду", "райдом", "райді"), "ride"),
    **dict.fromkeys(("дзвін райда", "дзвін", "дзвону", "дзвоном", "дзвоні", "белл"), "ride bell"),
    **dict.fromkeys(("том", "томи", "томів", "томам", "томами", "томах"), "toms"),
    **dict.fromkeys(("підлоговий том", "флор-том", "флортом"), "floor tom"),
    **dict.fromkeys(("кросстік", "кросстіка", "кросстіком", "кросс-стік", "кросс-стіком", "кросстик"), "cross-stick"),
    **dict.fromkeys(("римшот", "римшота", "римшотом", "римшоти", "обід", "ободу", "ободом"), "rimshot"),
    **dict.fromkeys(("клеп", "клепа", "клепу", "клепом", "клепи", "клепів", "оплески", "оплесками"), "clap"),
    **dict.fromkeys(("ковбел", "ковбела", "ковбелом", "ковбелл"), "cowbell"),
    **dict.fromkeys(("шейкер", "шейкера", "шейкером", "маракаси"), "shaker"),
    **dict.fromkeys(("бубон", "бубна", "бубну", "бубном", "бубні", "тамбурин"), "tambourine"),
}  # fmt: skip
_UK_WORDS = {
    "на": "on", "в": "in", "у": "in", "і": "and", "й": "and", "та": "and", "а": "and", "з": "with",
    "із": "with", "зі": "with", "без": "without", "не": "not", "ні": "not even", "ніяких": "no", "жодних": "no",
    "жодного": "no", "тільки": "only", "лише": "only",
    "лиш": "only", "просто": "", "крім": "except", "замість": "instead of", "всі": "all", "усі": "all",
    "все": "all", "весь": "all", "кожну": "every", "кожен": "every", "кожний": "every", "кожного": "every",
    "кожній": "every", "кожна": "every", "кожне": "every", "кожному": "every", "кожного такту": "of every bar",
    "доля": "beat", "долю": "beat", "долі": "beats", "доль": "beats", "такт": "bar", "такту": "bar",
    "такті": "bar", "такти": "bars", "тактів": "bars", "тактах": "bars", "в кінці": "at the end",
    "у кінці": "at the end", "наприкінці": "at the end", "в кінці такту": "at the end of the bar",
    "на початку": "at the start", "брейк": "fill", "брейка": "fill", "брейком": "fill", "збивка": "fill",
    "збивку": "fill", "сбивка": "fill", "сбивку": "fill", "по томах": "around the toms",
    "по томам": "around the toms", "восьмими": "8ths", "восьмі": "8ths", "восьмих": "8ths",
    "шістнадцятими": "16ths", "шістнадцяті": "16ths", "шістнадцятих": "16ths", "четвертями": "quarters",
    "чвертями": "quarters", "чверті": "quarters", "четвертні": "quarters", "тріолі": "triplets",
    "тріолями": "triplets", "тріолях": "triplets", "відкритий": "open", "відкритим": "open",
    "відкриті": "open", "закритий": "closed", "закритим": "closed", "перший": "first", "першу": "first",
    "останній": "last", "останню": "last", "останнього": "last", "ногою": "foot",
    "першої": "the 1st", "другої": "the 2nd", "третьої": "the 3rd", "четвертої": "the 4th",
    "раз": "1", "один": "1", "одна": "1", "два": "2", "дві": "2", "три": "3", "чотири": "4", "п'ять": "5",
    "пʼять": "5", "шість": "6", "сім": "7", "вісім": "8", "кожного разу": "every time", "жодного разу": "never",
    "цього разу": "this time", "ще раз": "again", "будь ласка": "please", "плз": "please",
    "дякую": "thanks", "для": "for", "теж": "also", "також": "also", "взагалі": "at all", "нічого": "nothing",
    "нічого не грало": "nothing", "не більше": "", "треба": "", "потрібно": "", "хочу": "i want",
    "щоб": "", "починається з": "starts on", "починається": "starts", "весь час": "all the time",
    "як у": "like in", "як": "like", "основний": "main", "тихенько": "soft", "тихо": "soft",
    "повільний": "slow", "повільно": "slow", "швидкий": "fast", "бит": "beat", "біт": "beat",
    "ритм": "rhythm", "грув": "groove", "приспів": "chorus", "рок": "rock", "фанк": "funk",
    "вальс": "waltz", "джаз": "jazz", "свінг": "swing", "блюз": "blues", "реггі": "reggae",
    "хаус": "house", "боса нова": "bossa nova", "босса нова": "bossa nova", "барабан": "drum",
    "барабани": "drums",
    **{f"на {m}": f"in {m}" for m in ("3/4", "4/4", "5/4", "6/8", "7/8", "9/8", "12/8")},
    **{f"{s} 2/4": "snare 2 and 4" for s in ("малий", "робочий", "малий барабан")},
    **{f"{s} 2/4": "clap 2 and 4" for s in ("клеп", "оплески")},
    **{f"на {n} {w}": f"not on {n}" for n in NUMBERS for w in ("не треба", "не потрібно", "не надо")},
    **{f"на {n} нічого": f"nothing on {n}" for n in NUMBERS},
    **{f"на {n} нічого не {w}": f"nothing plays on {n}" for n in NUMBERS for w in ("грало", "грає", "було")},
    **{f"на {w}": e for w, e in (("хеті", "hi-hat"), ("хай-хеті", "hi-hat"), ("райді", "ride"))},
    **{
        f"{f} {w}": f"fill with {e}"  # "fill малим": a fill on the snare
        for f in ("fill", "брейк", "збивка", "збивку")
        for w, e in (("малим", "snare"), ("бочкою", "kick"), ("томами", "toms"))
    },
    **_UK_KIT,
}  # fmt: skip
_UK_LATIN = {
    **dict.fromkeys(("bochka", "bochky", "bochku", "bochkoyu", "bochkoiu", "bochtsi"), "kick"),
    **dict.fromkeys(("malyi", "malyy", "malym", "maloho", "robochyi"), "snare"),
    **dict.fromkeys(("khet", "kheta", "khetom", "het", "heta", "hetom"), "hi-hat"),
    **dict.fromkeys(("tarilky", "tarilok", "tarilkamy"), "cymbals"),
    **dict.fromkeys(("tomy", "tomakh", "tomah", "tomiv"), "toms"),
    **dict.fromkeys(("klep", "klepa", "klepom"), "clap"),
    "na": "on", "i": "and", "ta": "and", "z": "with", "bez": "without", "ne": "not", "ni": "not even",
    "tilky": "only", "tilki": "only", "lyshe": "only", "razom z": "with", "razom": "together",
    "kozhnu": "every", "kozhen": "every", "kozhnyi": "every", "vsi": "all", "taktiv": "bars", "takty": "bars",
    "v kintsi": "at the end", "naprykintsi": "at the end", "breik": "fill", "brejk": "fill",
    "vosmymy": "8ths", "shistnadtsiatymy": "16ths", "chvertiamy": "quarters", "trioli": "triplets",
    "bud laska": "please", "diakuiu": "thanks", "dyakuyu": "thanks",
    **dict(zip(("odyn", "dva", "try", "chotyry", "piat", "shist", "sim", "visim"), NUMBERS, strict=True)),
}  # fmt: skip
UKRAINIAN = Language(
    "Ukrainian",
    re.compile(
        r"\w*[іїєґ]\w*|\b(?:razom|bochkoyu|bochkoiu|tilky|kozhn\w*|naprykintsi|v kintsi|bud laska|tarilk\w*)\b"
        r"|\b\d[&ea]?\s+ta\s+\d"  # "2 ta 4": 2 and 4
    ),
    {**_UK_WORDS, **_UK_LATIN, **_CYRILLIC_STYLES},
)

# --- Turkish ---------------------------------------------------------------------------------
_TR_NOUNS = {
    "trampet": "snare", "kik": "kick", "bas davul": "kick", "bas": "kick", "hihat": "hi-hat", "hi-hat": "hi-hat",
    "zil": "cymbals", "crash": "crash", "ride": "ride", "tom": "toms", "clap": "clap", "alkış": "clap",
    "tef": "tambourine", "kovbel": "cowbell", "shaker": "shaker",
}  # fmt: skip
_TR_KIT = {
    **dict.fromkeys(("trampet", "trampete", "trampeti", "trampetin", "trampette", "trampetle", "trampetler"), "snare"),
    **dict.fromkeys(("kiki", "kike", "kikin", "kikte", "kikle", "bas davul", "bas davulu", "bas"), "kick"),
    **dict.fromkeys(("hihatı", "hihatin", "hihatın", "hihata", "hihatta", "hihatla", "hihatler"), "hi-hat"),
    **dict.fromkeys(("açık hihat", "açık hi-hat", "açık hat"), "open hi-hat"),
    **dict.fromkeys(("kapalı hihat", "kapalı hi-hat", "kapalı hat"), "closed hi-hat"),
    **dict.fromkeys(("zil", "ziller", "zilleri", "zillere", "zillerde", "zillerle"), "cymbals"),
    **dict.fromkeys(("tomlar", "tomları", "tomlara", "tomlarda", "tomlarla", "tomu", "tomda"), "toms"),
    "yer tomu": "floor tom", "kenar vuruşu": "cross-stick",
    **dict.fromkeys(("alkış", "el çırpma", "klap"), "clap"),
    **dict.fromkeys(("tef", "tefi"), "tambourine"),
    **dict.fromkeys(("davul", "davullar", "davulları"), "drums"),
    # "zilsiz", "hihatsız": without it; "crash yok", "clap olmasın": no crash, no clap
    **{f"{w}{s}": f"without {e}" for w, e in _TR_NOUNS.items() for s in ("siz", "sız", "suz", "süz", "'siz", "'sız")},
    **{f"{w} {n}": f"no {e}" for w, e in _TR_NOUNS.items() for n in ("yok", "olmasın", "olmasin", "istemiyorum")},
    **{f"{w} {n}": f"add {e}" for w, e in _TR_NOUNS.items() for n in ("ekle", "ekleyin", "ekler misin")},
}  # fmt: skip
_TR_SUFFIX = {
    "loc": ("'de", "'da", "'te", "'ta"),
    "dat": ("'e", "'a", "'ye", "'ya"),
    "gen": ("'in", "'ın", "'un", "'ün", "'nin", "'nın", "'nun", "'nün"),
}
_TR_PARTS = {  # "2'nin ve'sinde": on the and of 2; "4'ün a'sı": the a of 4
    "ve'si": "the and of", "ve'sinde": "on the and of", "ve'sine": "on the and of",
    "e'si": "the e of", "e'sinde": "on the e of", "e'sine": "on the e of",
    "a'sı": "the a of", "a'sında": "on the a of", "a'sına": "on the a of",
}  # fmt: skip
_TR_COUNTS = {
    **{
        f"{n}{p}{s}": f"on {n}{p}"  # "1'de", "4a'da", "3'e": on 1, on 4a, on 3
        for n in NUMBERS
        for p in ("", "&", "e", "a")
        for s in _TR_SUFFIX["loc"] + _TR_SUFFIX["dat"]
    },
    **{f"{n}{g} {w}": f"{e} {n}" for n in NUMBERS for g in _TR_SUFFIX["gen"] for w, e in _TR_PARTS.items()},
    **dict.fromkeys(("8'lik", "8'lık", "8'likler", "8'likle", "8'liklerle", "8'liklerde"), "8ths"),
    **dict.fromkeys(("16'lık", "16'lik", "16'lıklar", "16'lıkla", "16'lıklarla", "16'lıklarda"), "16ths"),
    **dict.fromkeys(("4'lük", "4'lükler", "4'lükle", "4'lüklerle", "4'lüklerde"), "quarters"),
}  # fmt: skip
_TR_WORDS = {
    "ve": "and", "ile": "with", "sadece": "only", "yalnızca": "only", "yalnız": "only", "bir tek": "only",
    "her": "every", "hepsi": "all", "tüm": "all", "bütün": "all", "vuruş": "beat", "vuruşta": "on the beat",
    "vuruşa": "on the beat", "vuruşlar": "beats", "vuruşlarda": "on the beats", "her vuruşta": "on every beat",
    "her vuruşa": "on every beat", "zamanda": "on the beat", "ölçü": "bars", "ölçülük": "bar", "ölçüde": "bar",
    "ölçüsü": "bars", "yok": "none", "olmasın": "", "olmasin": "", "olsun": "",
    "değil": "not", "hiç": "no", "sonunda": "at the end", "sonda": "at the end", "en sonda": "at the very end",
    "son ölçüde": "in the last bar", "geçiş": "fill", "dolgu": "fill", "küçük": "little", "bir": "a",
    "sekizlik": "8ths", "sekizlikler": "8ths", "sekizlikte": "on 8ths", "sekizliklerde": "on 8ths",
    "her sekizlikte": "on every eighth", "onaltılık": "16ths", "onaltılıklar": "16ths", "dörtlük": "quarters",
    "dörtlükler": "quarters", "üçleme": "triplets", "triole": "triplets", "açık": "open", "kapalı": "closed",
    "ilk": "first", "son": "last", "iki": "2", "üç": "3", "dört": "4", "beş": "5", "altı": "6",
    "yedi": "7", "sekiz": "8", "lütfen": "please", "teşekkürler": "thanks", "sağol": "thanks",
    "ve'ler": "the ands", "ve'lerde": "on the ands", "ve'lere": "on the ands", "offbeat'ler": "offbeats",
    "offbeat'lerde": "on the offbeats", "offbeat'lere": "on the offbeats", "upbeat'lerde": "on the upbeats",
    "lazım": "", "arada": "in between", "yani": "", "ekle": "add", "ekleyin": "add", "klasik": "classic",
    "basit": "simple", "ritim": "beat", "ritmi": "beat", "civarı": "", "notlar": "notes", "yavaş": "slow",
    "hızlı": "fast",
    **_TR_COUNTS,
    **_TR_KIT,
}  # fmt: skip
TURKISH = Language(
    "Turkish",
    re.compile(
        r"\b(?:trampet\w*|sadece|yalnızca|olsun|olmasın|lazım|ölçü\w*|vuruş\w*|sekizlik\w*|dörtlük\w*"
        r"|onaltılık\w*|zil(?:ler\w*|siz|li)?|davul\w*|açık|kapalı|ekle|sonunda|yok|lütfen|her vuruşta)\b"
        r"|\d[&ea]?'(?:de|da|te|ta|nin|nın|in|ın|un|ün|lik|lık|lük)\b|\bve'\w+|\b\d+\s+ve\s+\d"
    ),
    _TR_WORDS,
)
