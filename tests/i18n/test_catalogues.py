"""Every UI message is translated: the catalogues parse, each message Babel extracts from game/
(with babel.cfg, like `tools/i18n.sh extract`) has a finished translation that keeps its
{placeholders}, key names and the product name, and nothing drawn on screen escapes extraction."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game import i18n
from game.content.checks import lint_text

from .conftest import ROOT, TRANSLATED, extracted, placeholders, po_path, read_catalogue

# Key names the player presses; "Enter" only where it is the key ("press Enter", "Enter:",
# "Enter / Space"), not the verb ("Enter each team").
KEY_NAMES = {
    "Esc": re.compile(r"\bEsc\b"),
    "Enter": re.compile(r"[Pp]ress Enter|\bEnter\s*[:/]|Enter$"),
    "F11": re.compile(r"\bF11\b"),
    "Tab": re.compile(r"\bTab\b"),
    "1–4": re.compile("1–4"),
    "1–3": re.compile("1–3"),
}
PRODUCT = "Red Flags"


def test_extraction_finds_the_ui_messages() -> None:
    found = extracted()
    files = {path for places in found.values() for path, _ in places}
    # the scenes, the drawn button labels (Button:2), the model's team names (Team:1) and N_()
    # constants all reach the catalogue
    assert any(p.startswith("game/ui/scenes/") for p in files)
    for msgid in ("Play", "Resume", "Foxes", "You", "Stop", "Ages 10–12", "Safe", "Tab / arrows"):
        assert msgid in found, msgid
    assert len(found) > 200


def test_the_committed_template_has_every_message() -> None:
    """Run `tools/i18n.sh extract` and `update` after adding UI text."""
    with (ROOT / "assets" / "locale" / "redflags.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    missing = sorted(set(extracted()) - template)
    assert not missing, f"not in redflags.pot (run tools/i18n.sh extract, then update): {missing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_parses_and_names_its_language(language) -> None:
    path = po_path(language)
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, abort_invalid=True)
    assert str(catalogue.locale) == language
    assert i18n.read_catalogue(path), "the game reads no messages from the catalogue"
    assert language in i18n.available_languages()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_extracted_message_has_a_finished_translation(language) -> None:
    catalogue = read_catalogue(language)
    problems = []
    for msgid, places in sorted(extracted().items()):
        where = ", ".join(f"{p}:{n}" for p, n in places[:2])
        message = catalogue.get(msgid)
        if message is None or not message.string:
            problems.append(f"untranslated ({where}): {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy ({where}): {msgid!r}")
        elif placeholders(message.string) != placeholders(msgid):
            problems.append(f"placeholders differ ({where}): {msgid!r} -> {message.string!r}")
    assert not problems, f"{len(problems)} problems in {po_path(language)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_key_names_and_the_product_name(language) -> None:
    catalogue = read_catalogue(language)
    problems = []
    for msgid in extracted():
        message = catalogue.get(msgid)
        if message is None or not message.string:
            continue  # reported by the test above
        for word, pattern in (*KEY_NAMES.items(), (PRODUCT, re.compile(PRODUCT))):
            if pattern.search(msgid) and word not in message.string:
                problems.append(f"{word!r} lost: {msgid!r} -> {message.string!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_pass_the_content_lint(language) -> None:
    """The UI speaks like the cards: no blaming, graphic or shaming words in any language."""
    catalogue = read_catalogue(language)
    findings = [
        f"{m.id!r} -> {m.string!r}: {lint_text(m.string, language)}"
        for m in catalogue
        if m.id and isinstance(m.string, str) and lint_text(m.string, language)
    ]
    assert not findings, "\n".join(findings)


def test_switching_language_changes_the_text_returned() -> None:
    i18n.set_language("sv")
    assert i18n._("Play") == read_catalogue("sv").get("Play").string != "Play"
    i18n.set_language("en")
    assert i18n._("Play") == "Play"


# --- nothing drawn escapes extraction --------------------------------------------------------

MARKERS = {"_", "N_", "tr"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_every_marked_literal_reaches_the_catalogue() -> None:
    """A `_("...")` inside an f-string is invisible to Babel on Python 3.11: catch it here."""
    found = extracted()
    missing = []
    for path in _sources("game"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in MARKERS and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                    if arg.value not in found:
                        missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {arg.value!r}")
    assert not missing, (
        "marked but not extracted (move the call out of the f-string, or mark the words with "
        "N_() at module level):\n" + "\n".join(missing)
    )


def _literal_text(node: ast.AST | None) -> bool:
    """A string literal (or an f-string with words in it) that reaches the screen untranslated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and any(ch.isalpha() for ch in str(v.value))
            for v in node.values
        )
    return False


def test_ui_text_is_never_a_bare_literal() -> None:
    """Text handed to `ui.text(surface, TEXT, ...)`, `Block(TEXT)` or `Button(label=TEXT)` must go
    through tr()/N_() (a Button's second argument is extracted by babel.cfg's `Button:2`)."""
    bare = []
    for path in _sources("game/ui"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            arg = None
            if name == "text" and isinstance(node.func, ast.Attribute) and len(node.args) >= 2:
                arg = node.args[1]
            elif name == "Block" and node.args:
                arg = node.args[0]
            elif name == "Button":
                arg = next((k.value for k in node.keywords if k.arg == "label"), None)
                if isinstance(arg, ast.JoinedStr):
                    pass
                elif len(node.args) >= 2 and isinstance(node.args[1], ast.JoinedStr):
                    arg = node.args[1]
            if _literal_text(arg):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)[:70]}")
    assert not bare, "untranslatable UI text (wrap it in tr() or N_()):\n" + "\n".join(bare)
