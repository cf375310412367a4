from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chunav.knowledge.normalize import clean, key, key_of_clean, split_reserved
from chunav.knowledge.parties import is_nota, lookup_party


def test_keys_ignore_case_spacing_and_punctuation():
    assert key("LADAKH") == key(" Ladakh ") == key("ladakh")
    assert key("Jammu_&_Kashmir") == key("Jammu and Kashmir") == key("JAMMU & KASHMIR")
    assert clean("Communist Party of India  (Marxist)") == "Communist Party of India (Marxist)"


def test_reserved_suffix_is_split_off():
    assert split_reserved("GAYA (SC)") == ("GAYA", "SC")
    assert split_reserved("MAINPURI(GEN)") == ("MAINPURI", "GEN")
    assert split_reserved("Ladakh") == ("Ladakh", None)


def test_party_abbreviations_resolve():
    assert lookup_party("INC").name == "Indian National Congress"
    assert lookup_party("JKN").name == lookup_party("National Conference").name
    assert lookup_party("Ind.").kind == "independent"
    assert is_nota("None of the Above") and is_nota("NOTA") and not is_nota("BJP")
    assert lookup_party("Some New Front") is None


@given(st.text())
def test_key_and_clean_are_idempotent(text):
    assert key(key(text)) == key(text)
    assert clean(clean(text)) == clean(text)
    assert key_of_clean(clean(text)) == key(text)
