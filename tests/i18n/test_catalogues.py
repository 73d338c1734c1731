"""Every UI message is translated: the catalogues parse, each message Babel extracts from game/
(with babel.cfg, like `tools/i18n.sh extract`) has a finished translation that keeps its
{placeholders}, key names and the product name (a message with a number: every plural form the
language has), and nothing drawn on screen escapes extraction."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game import i18n
from game.content.checks import lint_text

from .conftest import (
    ROOT,
    TRANSLATED,
    extracted,
    extracted_plurals,
    placeholders,
    po_path,
    read_catalogue,
)

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
    for msgid in ("Play", "Resume", "Foxes", "You", "Tip", "Ages 10–12", "Solo", "Tab / arrows"):
        assert msgid in found, msgid
    assert len(found) > 200
    # ngettext(singular, plural, n) reaches it as a pair (babel.cfg's `ngettext:1,2`)
    assert extracted_plurals()["+{points} point"] == "+{points} points"


def test_the_committed_template_has_every_message() -> None:
    """Run `tools/i18n.sh extract` and `update` after adding UI text; and nothing else."""
    with (ROOT / "assets" / "locale" / "redflags.pot").open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    template = {m.id[0] if m.pluralizable else m.id for m in messages}
    missing = sorted(set(extracted()) - template)
    assert not missing, f"not in redflags.pot (run tools/i18n.sh extract, then update): {missing}"
    unused = sorted(template - set(extracted()))
    assert not unused, f"no longer in the code (remove from the .pot and every .po): {unused}"
    plurals = {m.id[0]: m.id[1] for m in messages if m.pluralizable}
    assert plurals == extracted_plurals(), "plural pairs differ: run tools/i18n.sh extract"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_parses_and_names_its_language(language) -> None:
    path = po_path(language)
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, abort_invalid=True)
    assert str(catalogue.locale) == language
    assert i18n.read_catalogue(path).messages, "the game reads no messages from the catalogue"
    assert language in i18n.available_languages()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_extracted_message_has_a_finished_translation(language) -> None:
    catalogue = read_catalogue(language)
    plurals = extracted_plurals()
    problems = []
    for msgid, places in sorted(extracted().items()):
        where = ", ".join(f"{p}:{n}" for p, n in places[:2])
        message = catalogue.get(msgid)
        if message is None or not message.string:
            problems.append(f"untranslated ({where}): {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy ({where}): {msgid!r}")
        elif msgid in plurals or message.pluralizable:
            forms = message.string if message.pluralizable else ()
            if not message.pluralizable or message.id[1] != plurals.get(msgid):
                problems.append(f"not the plural pair of the code ({where}): {msgid!r}")
            elif len(forms) != catalogue.num_plurals or not all(forms):
                problems.append(f"a plural form missing ({where}): {msgid!r} -> {forms!r}")
            # a form may leave the number out where the singular does ("wrong reason picked")
            allowed = (placeholders(msgid), placeholders(plurals[msgid]))
            problems += [
                f"placeholders differ ({where}): {msgid!r} -> {form!r}"
                for form in forms
                if placeholders(form) not in allowed
            ]
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
        forms = message.string if message.pluralizable else (message.string,)
        for word, pattern in (*KEY_NAMES.items(), (PRODUCT, re.compile(PRODUCT))):
            if pattern.search(msgid) and any(word not in form for form in forms):
                problems.append(f"{word!r} lost: {msgid!r} -> {message.string!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_pass_the_content_lint(language) -> None:
    """The UI speaks like the cards: no blaming, graphic or shaming words in any language."""
    catalogue = read_catalogue(language)
    findings = [
        f"{m.id!r} -> {form!r}: {lint_text(form, language)}"
        for m in catalogue
        if m.id
        for form in (m.string if m.pluralizable else (m.string,))
        if lint_text(form, language)
    ]
    assert not findings, "\n".join(findings)


def test_switching_language_changes_the_text_returned() -> None:
    i18n.set_language("sv")
    assert i18n._("Play") == read_catalogue("sv").get("Play").string != "Play"
    i18n.set_language("en")
    assert i18n._("Play") == "Play"


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", {0: "+0 points", 1: "+1 point", 2: "+2 points", 5: "+5 points"}),
        ("sv", {0: "+0 poäng", 1: "+1 poäng", 2: "+2 poäng", 5: "+5 poäng"}),
    ],
)
def test_a_message_with_a_number_takes_the_form_for_it(language, texts) -> None:
    i18n.set_language(language)
    for n, text in texts.items():
        assert i18n.ngettext("+{points} point", "+{points} points", n).format(points=n) == text
    picked = i18n.ngettext("{n} card played", "{n} cards played", 1).format(n=1)
    assert picked == {"en": "1 card played", "sv": "1 kort spelat"}[language]


POLISH_LIKE = r"""msgid ""
msgstr ""
"Language: pl\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "{n} card"
msgid_plural "{n} cards"
msgstr[0] "{n} karta"
msgstr[1] "{n} karty"
msgstr[2] "{n} kart"

msgid "{n} card played"
msgid_plural "{n} cards played"
msgstr[0] "{n} karta zagrana"
msgstr[1] ""
msgstr[2] ""
"""


def test_a_catalogue_with_three_plural_forms_picks_the_right_one(tmp_path) -> None:
    path = tmp_path / "redflags.po"
    path.write_text(POLISH_LIKE, "utf-8")
    cat = i18n.read_catalogue(path)
    picked = {
        n: cat.ngettext("{n} card", "{n} cards", n).format(n=n) for n in (0, 1, 2, 5, 22, 112)
    }
    assert picked == {
        0: "0 kart",
        1: "1 karta",
        2: "2 karty",
        5: "5 kart",
        22: "22 karty",
        112: "112 kart",
    }
    # a form left empty: the English pair, not a mix of languages
    assert cat.ngettext("{n} card played", "{n} cards played", 3) == "{n} cards played"
    assert cat.ngettext("{n} card played", "{n} cards played", 1) == "{n} card played"
    assert cat.gettext("{n} card") == "{n} card"  # a plural is no singular translation


# --- nothing drawn escapes extraction --------------------------------------------------------

MARKERS = {"_", "N_", "tr", "ngettext"}


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
