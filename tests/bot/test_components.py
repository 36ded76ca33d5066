"""Button custom ids: what a Regenerate or Variation press carries, read back as it was written."""

from __future__ import annotations

import re

import pytest

from bot.components import _ACTIONS, decode_actions, encode_actions
from bot.replies import DrumsActions

TEMPLATE = re.compile(r"pydrums:(?P<action>regen|vary):" + _ACTIONS)


@pytest.mark.parametrize(
    "actions",
    [
        DrumsActions("funk", 96, 2, 96, 0.55),
        DrumsActions(None, None, None, 120, 0.0),
        DrumsActions("reggae", None, 4, 75, 0.3, humanize=0, swing_amount=None),
        DrumsActions(None, 240, 8, 240, 1.0, humanize=100, swing_amount=100),
        DrumsActions("jazz", None, None, 140, 0.0, humanize=None, swing_amount=0),
        DrumsActions("funk", None, 4, 96, 0.0, form="AABA"),
        DrumsActions("x" * 40, 240, 8, 240, 1.0, humanize=100, swing_amount=100, form="ABCDABCD"),  # the longest
    ],
)
def test_actions_survive_the_round_trip_through_a_custom_id(actions):
    """Everything a button needs, humanize and swing as asked included, fits in 100 characters and reads back."""
    custom_id = f"pydrums:regen:{encode_actions(actions)}"
    assert len(custom_id) <= 100
    assert decode_actions(TEMPLATE.fullmatch(custom_id)) == actions


def test_buttons_made_before_humanize_still_read():
    """An older custom id, without humanize and swing asked, reads as 'left to the engine'."""
    old = TEMPLATE.fullmatch("pydrums:vary:funk:96:2:96:55")
    assert decode_actions(old) == DrumsActions("funk", 96, 2, 96, 0.55, humanize=None, swing_amount=None)
    assert encode_actions(DrumsActions("funk", 96, 2, 96, 0.55)) == "funk:96:2:96:55"  # unchanged when not asked


def test_the_refine_form_and_button_carry_the_longest_options_within_a_custom_id():
    """Refine's button and its form both fit in 100 characters and read back as written."""
    from bot.components import REFINE_FORM, RefineForm

    actions = DrumsActions("x" * 40, 240, 8, 240, 1.0, humanize=100, swing_amount=100, form="ABCDABCD")
    form = RefineForm(actions, 300)
    assert len(form.custom_id) <= 100 and len(f"pydrums:refine:{encode_actions(actions)}") <= 100
    assert decode_actions(REFINE_FORM.fullmatch(form.custom_id)) == actions


def test_a_submitted_form_is_read_by_its_input_id():
    from bot.components import submitted_text

    data = {"components": [{"type": 1, "components": [{"type": 4, "custom_id": "instruction", "value": "no crash"}]}]}
    assert submitted_text(data) == "no crash"
    assert (
        submitted_text({"components": [{"type": 18, "component": {"custom_id": "instruction", "value": "x"}}]}) == "x"
    )
    assert submitted_text({}) == ""
