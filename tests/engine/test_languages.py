"""Other languages' small words, read as English before the reader reads (`languages.py`)."""

import pytest

from pydrums_engine.intent import parse_intent
from pydrums_engine.languages import in_english


@pytest.mark.parametrize(
    ("said", "in_english_words"),
    [
        ("kick auf der 1 und 3, hihat 8tel", "kick on the 1 and 3, hihat 8ths"),
        ("Hi-Hat offen auf jedem &".lower(), "hi-hat open on every &"),
        ("basdrum op de tel 1 en op de 'en' van 2", "basdrum on 1 and on the 'and' of 2"),
        ("geen hihat, 2 maten", "no hihat, 2 bars"),
        ("kick på 1 och 3&, virvel på alla fjärdedelar", "kick on 1 and 3&, virvel on all quarters"),
        ("hihat på alla 'och'", "hihat on all the ands"),
        ("stopa na 1 i 3, werbla na 2", "kick on 1 and 3, snare on 2"),
        ("bez talerzy, a na końcu przejście na tomach", "without cymbals, and at the end fill on toms"),
        ("werbel 2;4", "snare 2, 4"),  # a list with semicolons
        # each language's words only where the request is in it: Spanish "en" is "on", not Dutch "and"
        ("bombo en 1 y 3", "bombo on 1 and 3"),
        ("kick on 1 and 3, snare on 2 and 4", "kick on 1 and 3, snare on 2 and 4"),
        ("i want a fill, w/ hats", "i want a fill, w/ hats"),  # no Polish without a Polish word
        (
            "cassa sull'1, sul 2& e sul 4, open hat in levare",
            "cassa on the 1, on the 2& e on the 4, open hat on the offbeats",
        ),
        ("baião em 2/4, caixa no 2", "baião in 2/4, caixa on 2"),
        ("caja solo en el 4, nada de caja en el 2", "caja only on the 4, no caja on the 2"),
    ],
)
def test_a_language_s_words_are_read_as_english(said, in_english_words):
    assert in_english(said) == in_english_words


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "kick auf der 1 und 3, snare auf 2 und 4, hihat 8tel",
            ["kick on 1 and 3", "snare on 2 and 4", "hi-hats on eighths"],
        ),
        ("die kick NICHT auf der 1, erst auf 1&", ["no kick on 1", "kick on the and of 1"]),
        (
            "basdrum op de tel 1 en op de 'en' van 2, snare op 2 en 4",
            ["kick on 1 and the and of 2", "snare on 2 and 4"],
        ),
        (
            "en beat utan kick, bara virvel och hihat",
            ["no kick", "only snare and hi-hats", "with snare", "with hi-hats"],
        ),
        ("walc w 3/4, stopa na 1, werbel na 2 i 3", ["kick on 1", "snare on 2 and 3", "in 3/4"]),
        ("basstromme på 1, 3 og 3&, skarptromme on 2 and 4", ["kick on 1, 3 and the and of 3", "snare on 2 and 4"]),
        ("potku on 1 and 2a, virveli 2 ja 4. kiitti", ["kick on 1 and the a of 2", "snare on 2 and 4"]),
        ("kopák na 1 a 3, virbl 2 a 4", ["kick on 1 and 3", "snare on 2 and 4"]),
        (
            "4 ütem, lábdob 1-en és 3-on, pergő 2 és 4, no lábcin, csak ride, and a tom fill a végén",
            ["kick on 1 and 3", "snare on 2 and 4", "no hi-hats", "with ride", "4 bars", "a tom fill at the end"],
        ),
        (
            "bochka na 1, na 2& i na e of 3, malyi tolko 2 i 4",
            ["kick on 1, the and of 2 and the e of 3", "snare on 2 and 4"],
        ),
        ("фанк, 2 такти, бочка на 1 і 3&, малий 2 і 4", ["kick on 1 and the and of 3", "snare on 2 and 4", "2 bars"]),
        ("kick 1'de ve 3'te, trampet 2 ve 4'te, crash yok", ["kick on 1 and 3", "snare on 2 and 4", "no crash"]),
    ],
)
def test_a_request_in_another_language_reads_as_the_drummer_meant(text, sentences):
    assert parse_intent(text).sentences() == sentences


def test_a_style_named_in_another_language_is_found(engine):
    """The style finder reads the English of the words when the request names none in English."""
    assert engine.read("рок 4 такта и в конце сбивка по томам").styles == ("rock",)
    assert engine.read("kick on 1 and 3, rock").styles == ("rock",)
