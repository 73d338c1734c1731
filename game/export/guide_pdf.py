"""The facilitator guide: how to run a session, ground rules, safeguarding, card notes, help.

The session advice comes from the content guide's "For the facilitator"; the ground rules, the
safeguarding steps and the safe moves from the glossary (the game's checklist screen and help
say the same); the card notes from the cards themselves; the help resources from the chosen
region's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from game.content.glossary import glossary
from game.content.help import Region
from game.export import _text as words
from game.export._pdf import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    BODY,
    FLAG,
    FLAG_TINT,
    HAIRLINE,
    HEAD,
    INK,
    MUTED,
    PANEL,
    PT,
    WHITE,
    FlowDoc,
    clean,
    file_path,
    flag_icon,
    language,
)
from game.export.cards_pdf import audience
from game.export.icons import move_icon
from game.i18n import _, ngettext
from game.model.cards import AgeBand, Card
from game.model.plans import LessonPlan


def render_guide(
    cards: Sequence[Card],
    language_code: str,
    region: Region,
    path: Path | str,
    *,
    plan: LessonPlan | None = None,
) -> Path:
    """Write the facilitator guide for `cards` and `region` to `path` and return the path.

    With a `plan`, `cards` are the plan's cards in order, and the plan's objectives and timings
    replace the general advice on running a session.
    """
    out = file_path(path)
    with language(language_code):
        title = _("Facilitator guide")
        doc = FlowDoc(
            title=f"Red Flags - {title}", lang=language_code, running=f"Red Flags  ·  {title}"
        )
        doc.page_label = _("Page {page}")
        doc.new_page()
        _cover(doc, cards, region, language_code, plan)
        if plan is None:
            _session_plan(doc, len(cards))
        else:
            _lesson_plan(doc, plan, cards)
        _ground_rules(doc, language_code)
        _safeguarding(doc, language_code)
        _safe_moves(doc, language_code)
        _card_notes(doc, cards)
        help_section(doc, region, language_code)
        doc.output(str(out))
    return out


# --- sections ---------------------------------------------------------------------------------


def _cover(
    doc: FlowDoc, cards: Sequence[Card], region: Region, lang: str, plan: LessonPlan | None
) -> None:
    x, w = doc.MARGIN, doc.width
    h = 38.0
    doc.fill_rgb(ACCENT)
    doc.rect(x, doc.cy, w, h, style="F", round_corners=True, corner_radius=5)
    flag_icon(doc, x + 9, doc.cy + 8, 9, WHITE)
    doc.use(HEAD, "B", 10, WHITE)
    doc.text_at(x + 19, doc.cy + 8.6, 80, "RED FLAGS")
    doc.use(HEAD, "B", 24, WHITE)
    doc.text_at(x + 9, doc.cy + 17.5, w - 18, _("Facilitator guide"))
    doc.use(BODY, "", 10.5, WHITE)
    doc.text_at(
        x + 9,
        doc.cy + 28.5,
        w - 18,
        clean(plan.title)
        if plan
        else _("Running a session on pressure, tricks and blackmail online"),
    )
    doc.cy += h + 5
    bands = (
        [plan.age_band]
        if plan
        else sorted({b for c in cards for b in c.age_bands}, key=list(AgeBand).index)
    )
    facts = [
        ngettext("{n} card", "{n} cards", len(cards)).format(n=len(cards)),
        _("Age bands: {bands}").format(bands=", ".join(b.value for b in bands)) if bands else "",
        _("Help resources: {region}").format(region=region.name_in(lang)),
    ]
    doc.text("   ·   ".join(f for f in facts if f), size=9.5, colour=MUTED, after=3)
    doc.text(
        _(
            "Red Flags uses short chat scenarios to help young people aged 10 to 17 spot the "
            "tricks people use online to pressure them for pictures or money, and to practise "
            "the safe moves. It is calm and practical: it names the tactic and shows the move, "
            "and it never blames the person being pressured."
        ),
        after=1,
    )


def _session_plan(doc: FlowDoc, card_count: int) -> None:
    doc.heading(_("How to run a session (30 to 60 minutes)"))
    doc.text(
        _(
            "Run it as a lesson with one class or group, where people can ask questions, "
            "not as an assembly. Plan about five minutes per card: four cards fill a "
            "30-minute session, eight cards a 60-minute one."
        ),
        after=2.5,
    )
    doc.subheading(_("Before"))
    doc.bullets(
        [
            _("Read the cards you will use, and these notes, yourself first."),
            _("Know your safeguarding procedure and who your safeguarding lead is."),
            _("Tell the group beforehand what the session will cover, so nobody is surprised."),
            _("Ask a second adult to join you if you can."),
            _("Assume someone in the room is affected, and plan as if they are."),
            _("Set up an anonymous question box, and print the help handout for everyone."),
        ]
    )
    doc.subheading(_("During"))
    steps = [
        (_("5 minutes"), _("Say what the session is about. Agree the ground rules together.")),
        (
            _("20 to 45 minutes"),
            _(
                "Play the cards. Read the setup and the chat aloud, let the groups choose, ask "
                "them why, then reveal the feedback and talk about it."
            ),
        ),
        (
            _("Throughout"),
            _(
                "Challenge blaming comments at once: the person doing the pressuring is "
                "responsible, never the person being pressured."
            ),
        ),
        (
            _("5 to 10 minutes"),
            _("Go through the safe moves and where to get help. End every session with this."),
        ),
    ]
    _timeline(doc, steps)
    doc.subheading(_("After"))
    doc.bullets(
        [
            _("Hand out the help sheet, and say where you will be if anyone wants to talk."),
            _("Open the question box and answer the questions next time, for the whole group."),
            _("If anyone told you something, follow your procedure the same day."),
        ]
    )


def _lesson_plan(doc: FlowDoc, plan: LessonPlan, cards: Sequence[Card]) -> None:
    doc.heading(_("Lesson plan: {title}").format(title=clean(plan.title)))
    doc.text(
        ngettext(  # a plan has 4 to 12 cards and 20 minutes or more
            "{minutes} minutes, ages {band}, {n} card.",
            "{minutes} minutes, ages {band}, {n} cards.",
            len(cards),
        ).format(minutes=plan.minutes, band=plan.age_band.value, n=len(cards)),
        size=9.5,
        colour=MUTED,
        after=2.5,
    )
    doc.subheading(_("Learning objectives"))
    doc.bullets([clean(line) for line in plan.objectives])
    doc.subheading(_("Timings"))
    minutes = _("{n} min")
    steps = [(minutes.format(n=plan.opening.minutes), clean(plan.opening.what))]
    for n, card in enumerate(cards, start=1):
        what = _("Card {n}: {red_flag}").format(n=n, red_flag=clean(card.red_flag))
        steps.append((minutes.format(n=plan.minutes_per_card), what))
    steps.append((minutes.format(n=plan.closing.minutes), clean(plan.closing.what)))
    _timeline(doc, steps)


def _timeline(doc: FlowDoc, steps: list[tuple[str, str]]) -> None:
    label_w = 34.0
    for when, what in steps:
        doc.use(BODY, "", 10.5, INK)
        h = doc.para(0, 0, doc.width - label_w - 6, what, draw=False, leading=1.3) + 4
        doc.ensure(h)
        doc.fill_rgb(ACCENT_TINT)
        doc.rect(
            doc.MARGIN, doc.cy, label_w, h - 1.5, style="F", round_corners=True, corner_radius=2
        )
        doc.use(HEAD, "", 9, ACCENT_DARK)
        doc.para(doc.MARGIN + 2.5, doc.cy + 1.6, label_w - 4, when, leading=1.15)
        doc.use(BODY, "", 10.5, INK)
        doc.para(doc.MARGIN + label_w + 4, doc.cy + 1.0, doc.width - label_w - 6, what, leading=1.3)
        doc.cy += h
    doc.cy += 1.5


def _ground_rules(doc: FlowDoc, lang: str) -> None:
    rules = [(r.name, r.detail) for r in glossary(lang).facilitator.ground_rules]
    gap = 4.0
    w = (doc.width - gap * (len(rules) - 1)) / len(rules)
    heights = []
    for title, body in rules:
        doc.use(HEAD, "", 11, ACCENT_DARK)
        th = doc.para(0, 0, w - 8, title, draw=False, leading=1.15)
        doc.use(BODY, "", 9.5, INK)
        heights.append(th + doc.para(0, 0, w - 8, body, draw=False, leading=1.3))
    h = max(heights) + 16
    doc.heading(_("Ground rules"), keep=h + 10)
    doc.text(
        _("Agree these with the group at the start, and write them where everyone can see."),
        after=3,
    )
    doc.ensure(h)
    for i, (title, body) in enumerate(rules):
        x = doc.MARGIN + i * (w + gap)
        doc.fill_rgb(PANEL)
        doc.rect(x, doc.cy, w, h, style="F", round_corners=True, corner_radius=3)
        doc.label_in_disc(x + 7, doc.cy + 7, 3.2, str(i + 1), ACCENT)
        doc.use(HEAD, "", 11, ACCENT_DARK)
        th = doc.para(x + 4, doc.cy + 12.5, w - 8, title, leading=1.15)
        doc.use(BODY, "", 9.5, INK)
        doc.para(x + 4, doc.cy + 13.5 + th, w - 8, body, leading=1.3)
    doc.cy += h + 2


def _safeguarding(doc: FlowDoc, lang: str) -> None:
    items = glossary(lang).facilitator.if_someone_tells
    intro = _(
        "Assume someone in the room is affected. Know your safeguarding procedure before you "
        "start, and have a second adult nearby if you can. Watch for anyone who goes quiet or "
        "leaves, and check in with them kindly afterwards."
    )
    pad = 6.0
    inner = doc.width - 2 * pad
    doc.use(BODY, "", 10, INK)
    h_intro = doc.para(0, 0, inner, intro, draw=False, leading=1.3)
    line_h = 10.5 * PT * 1.3
    doc.use(BODY, "", 10.5, INK)
    h_items = sum(max(len(doc.lines_of(item, inner - 9)), 1) * line_h + 1.6 for item in items)
    h = pad + 8 + h_intro + 4 + 7 + h_items + pad - 2
    doc.cy += 6
    doc.ensure(h)
    top = doc.cy
    doc.fill_rgb(FLAG_TINT)
    doc.rect(doc.MARGIN, top, doc.width, h, style="F", round_corners=True, corner_radius=4)
    doc.fill_rgb(FLAG)
    doc.rect(
        doc.MARGIN,
        top,
        2.2,
        h,
        style="F",
        round_corners=("TOP_LEFT", "BOTTOM_LEFT"),
        corner_radius=1.1,
    )
    x = doc.MARGIN + pad
    flag_icon(doc, x, top + pad - 0.5, 6.5, FLAG)
    doc.use(HEAD, "B", 14, FLAG)
    doc.text_at(x + 7, top + pad - 0.8, inner, _("Safeguarding"))
    y = top + pad + 8
    doc.use(BODY, "", 10, INK)
    y += doc.para(x, y, inner, intro, leading=1.3) + 4
    doc.use(HEAD, "", 11, INK)
    doc.text_at(x, y, inner, _("If a young person tells you something"))
    y += 7
    for n, item in enumerate(items, start=1):
        doc.label_in_disc(x + 2.4, y + line_h / 2, 2.4, str(n), FLAG)
        doc.use(BODY, "", 10.5, INK)
        y += doc.para(x + 9, y, inner - 9, item, leading=1.3) + 1.6
    doc.cy = top + h + 2


def _safe_moves(doc: FlowDoc, lang: str) -> None:
    doc.heading(_("The safe moves the cards teach"))
    icon_r = 5.0
    text_x = doc.MARGIN + 2 * icon_r + 5
    text_w = doc.width - (text_x - doc.MARGIN)
    for key, move in words.safe_moves(lang, with_support=True):
        doc.use(BODY, "", 10, INK)
        h = max(2 * icon_r, 6 + doc.para(0, 0, text_w, move.detail, draw=False, leading=1.3)) + 3.5
        doc.ensure(h)
        move_icon(doc, key, doc.MARGIN + icon_r, doc.cy + icon_r, icon_r)
        doc.use(HEAD, "", 11, ACCENT_DARK)
        doc.text_at(text_x, doc.cy, text_w, move.name)
        doc.use(BODY, "", 10, INK)
        doc.para(text_x, doc.cy + 5.6, text_w, move.detail, leading=1.3)
        doc.cy += h
    doc.text(words.moves_order_note(), size=10, style="I", colour=MUTED, after=1)


def _card_notes(doc: FlowDoc, cards: Sequence[Card]) -> None:
    doc.heading(_("Notes on each card"))
    doc.text(
        _(
            "The number is the card's place in the printed set; the id is printed small at the "
            "bottom of each card."
        ),
        size=9.5,
        colour=MUTED,
        after=3,
    )
    for n, card in enumerate(cards, start=1):
        _card_note(doc, n, card)


def _card_note(doc: FlowDoc, n: int, card: Card) -> None:
    w = doc.width
    label_w = 26.0
    body_x = doc.MARGIN + label_w
    body_w = w - label_w
    red_flag = clean(card.red_flag)
    rows: list[tuple[str, str, str]] = [
        (_("Remember"), clean(card.takeaway), "B"),
        (_("Talk about"), "\n".join(clean(d) for d in card.discuss), ""),
    ]
    if card.facilitator_tip:
        rows.append((_("Tip"), clean(card.facilitator_tip), "I"))
    # measure, so that one card's note is never split over two pages
    doc.use(HEAD, "", 11, INK)
    h = doc.para(0, 0, w - 14, red_flag, draw=False, leading=1.2) + 6.5
    for _label, text, style in rows:
        doc.use(BODY, style, 10, INK)
        h += doc.para(0, 0, body_w, text, draw=False, leading=1.3) + 1.8
    h += 4
    doc.ensure(h)
    top = doc.cy
    doc.label_in_disc(doc.MARGIN + 3.2, top + 3.3, 3.2, str(n), ACCENT)
    doc.use(HEAD, "", 11, INK)
    th = doc.para(doc.MARGIN + 9, top + 0.4, w - 14, red_flag, leading=1.2)
    doc.use(BODY, "", 8.5, MUTED)
    meta = f"{card.id}   ·   {audience(card)}"
    doc.text_at(doc.MARGIN + 9, top + 0.8 + th, w - 9, meta)
    y = top + th + 6.5
    for label, text, style in rows:
        doc.use(BODY, "B", 8.5, ACCENT_DARK)
        doc.text_at(doc.MARGIN + 9, y + 0.4, label_w - 9, label)
        doc.use(BODY, style, 10, INK)
        y += doc.para(body_x, y, body_w, text, leading=1.3) + 1.8
    doc.cy = y + 2
    doc.line_rgb(HAIRLINE, 0.25)
    doc.line(doc.MARGIN, doc.cy, doc.MARGIN + w, doc.cy)
    doc.cy += 3


def help_section(doc: FlowDoc, region: Region, lang: str, *, own_page: bool = True) -> None:
    """The region's services with contact and who they are for, the emergency line, the date.

    In the guide it starts on a page of its own, so it can be copied or pinned up by itself.
    """
    if own_page:
        doc.new_page()
    doc.heading(_("Where to get help: {region}").format(region=region.name_in(lang)))
    doc.text(glossary(lang).word("never_your_fault"), size=11, style="B", after=3)
    for service in region.services:
        name = clean(service.name)
        contact = clean(service.shown_contact)  # "": named by its number, said once
        about = clean(service.about_in(lang))
        checked = words.service_checked(service.checked, lang)
        doc.use(BODY, "", 10, INK)
        h = 17 + doc.para(0, 0, doc.width - 10, about, draw=False, leading=1.3)
        doc.ensure(h)
        doc.fill_rgb(PANEL)
        doc.rect(
            doc.MARGIN, doc.cy, doc.width, h - 2, style="F", round_corners=True, corner_radius=2.5
        )
        doc.use(HEAD, "" if contact else "B", 11, INK if contact else ACCENT)
        doc.text_at(doc.MARGIN + 5, doc.cy + 2.5, doc.width * 0.45, name)
        doc.use(HEAD, "B", 11, ACCENT)
        doc.text_at(
            doc.MARGIN + doc.width * 0.4, doc.cy + 2.5, doc.width * 0.6 - 5, contact, align="R"
        )
        doc.use(BODY, "", 10, INK)
        used = doc.para(doc.MARGIN + 5, doc.cy + 8, doc.width - 10, about, leading=1.3)
        doc.use(BODY, "", 7.5, MUTED)
        doc.text_at(doc.MARGIN + 5, doc.cy + 8 + used + 0.2, doc.width - 10, checked)
        doc.cy += h + 1.5
    doc.ensure(14)
    doc.cy += 1
    doc.fill_rgb(FLAG)
    doc.rect(doc.MARGIN, doc.cy, doc.width, 11, style="F", round_corners=True, corner_radius=2.5)
    doc.use(HEAD, "B", 12.5, WHITE)
    doc.text_at(doc.MARGIN + 5, doc.cy + 2.5, doc.width - 10, words.emergency_line(region))
    doc.cy += 14
    doc.text(words.checked_line(region, lang), size=8.5, colour=MUTED, after=0)
