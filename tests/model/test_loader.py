from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.decks import load_deck_text, load_decks

BROKEN = Path(__file__).parent / "broken_decks"


def expected_messages(path: Path) -> list[str]:
    return [
        line.removeprefix("# expect: ").strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect: ")
    ]


def test_a_good_deck_loads_with_every_card(good_deck_path: Path) -> None:
    result = load_decks([good_deck_path])
    assert result.ok, result.errors
    assert [c.id for c in result.cards] == [
        "coins-for-a-picture",
        "our-little-secret",
        "pay-or-they-post",
    ]
    assert result.decks[0].info.title == "Test deck"


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_broken_deck_gives_exactly_the_expected_plain_words(path: Path) -> None:
    result = load_decks([path])
    got = [str(e).removeprefix(str(path)).lstrip(", ").lstrip(": ") for e in result.errors]
    want = expected_messages(path)
    assert len(got) == len(want), got
    for message, expected in zip(got, want, strict=True):
        assert message.startswith(expected), (message, expected)


def test_all_errors_of_a_file_are_collected_not_just_the_first() -> None:
    result = load_decks([BROKEN / "wrong-type.yaml"])
    assert len(result.errors) == 2


def test_the_same_card_id_in_two_files_is_an_error(tmp_path: Path, good_deck_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text(good_deck_path.read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(
        good_deck_path.read_text(encoding="utf-8").replace("id: test-deck", "id: other"),
        encoding="utf-8",
    )
    result = load_decks([tmp_path])
    assert any("already used in" in e.message for e in result.errors)


def test_a_missing_path_and_an_empty_folder_are_reported(tmp_path: Path) -> None:
    result = load_decks([tmp_path / "nope.yaml", tmp_path])
    assert [e.message for e in result.errors] == [
        "there is no such file or folder",
        "this folder has no .yaml deck files",
    ]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("deck: {id: x, title: Å}".encode("latin-1"))
    result = load_decks([path])
    assert "UTF-8" in result.errors[0].message


def test_an_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    deck, errors = load_deck_text("\n".join(lines), "bomb.yaml")
    assert deck is None
    assert "aliases" in errors[0].message


def test_deep_nesting_gives_a_clear_error() -> None:
    deck, errors = load_deck_text("[" * 5000 + "]" * 5000, "deep.yaml")
    assert deck is None and errors


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_deck_or_plain_errors_never_an_exception(text: str) -> None:
    deck, errors = load_deck_text(text, "fuzz.yaml")
    assert (deck is None) == bool(errors)
    for error in errors:
        assert str(error).startswith("fuzz.yaml")


_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30))
_tree = st.recursive(
    _scalar,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(st.sampled_from(["deck", "cards", "x"]), _tree, max_size=3))
def test_parseable_but_wrong_decks_give_plain_errors(data: dict) -> None:
    import yaml

    deck, errors = load_deck_text(yaml.safe_dump(data), "fuzz.yaml")
    assert deck is None and errors
