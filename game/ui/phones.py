"""Students' phones on the projector: starting phones mode, the join panel (QR code, address,
room code, how many have answered — never who), the class's answers as bars with numbers and
the option text (never colour alone), and the pulse before and after at the summary.

The phone modules (game/phones/: the room with its secrets and hashlib, the report, ~8 ms) are
imported when phones mode is first used, not before the title; the server and its libraries by
`start_phones` only (game/phones/controller.py).
The server thread wakes the game with a pygame event (`PHONES_EVENT`); the App then takes the
newest counts and redraws.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import pygame

from game.model.kinds import Mode, Phase
from game.model.session import IllegalAction
from game.ui import services
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.phone_bars import BarRow, BarsLayout, bar_rows, draw_bars, layout_bars
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group, fit_labels

if TYPE_CHECKING:
    from game.phones.controller import Phones
    from game.phones.report import ClassReport
    from game.phones.room import StepResult
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext

PHONES_EVENT = pygame.event.custom_type()
PHONE_MODES = (Mode.TOGETHER, Mode.ALL_TEAMS)
ANSWER_PHASES = (Phase.SPOT, Phase.NAME, Phase.CHOOSE, Phase.EXPLAIN)

KIND_TITLES = {
    "spot": N_("Where is the red flag?"),
    "name": N_("What trick is this?"),
    "option": N_("What do you do?"),
    "reason": N_("Why is the safe choice right?"),
    "pulse": N_("Before and after"),
}
PULSE_WORDS = (N_("Agree"), N_("Not sure"), N_("Disagree"))
PULSE_STATEMENTS = {
    "know-what-to-do": N_(
        "If someone threatened to share a picture of me, I would know what to do."
    ),
    "could-tell": N_("I know an adult I could tell if something went wrong online."),
    "not-their-fault": N_("If someone is tricked into sending a picture, it is not their fault."),
}
SUMMARY_WORDS = {  # the saved summary's words (game/phones/report.py)
    "Statement": N_("Statement"),
    "Answered: {before} before, {after} after.": N_("Answered: {before} before, {after} after."),
    "How the class answered (phones, anonymous)": N_("How the class answered (phones, anonymous)"),
    "Pulse before and after": N_("Pulse before and after"),
    "Card {number}": N_("Card {number}"),
    "Where is the red flag?": N_("Where is the red flag?"),
    "What trick is this?": N_("What trick is this?"),
    "What do you do?": N_("What do you do?"),
    "Why is the safe choice right?": N_("Why is the safe choice right?"),
    "Agree": N_("Agree"),
    "Not sure": N_("Not sure"),
    "Disagree": N_("Disagree"),
}


def phones_of(app: App) -> Phones | None:
    play = getattr(app, "play", None)
    return play.phones if play is not None else None


def on_phones_event(app: App, event: pygame.event.Event) -> bool:
    """The server's wake-up: take the newest counts and redraw. True when it was ours."""
    if event.type != PHONES_EVENT:
        return False
    phones = phones_of(app)
    if phones is not None:
        phones.take()
        app.dirty = True
    return True


def _notify() -> None:
    """Called from the server's thread: wake the game (pygame.event.post is thread-safe)."""
    with contextlib.suppress(pygame.error):  # the display is gone: the game is closing
        pygame.event.post(pygame.event.Event(PHONES_EVENT))


def start_phones(app: App, play: PlayContext) -> str | None:
    """Start phones mode for a new session; a message for the facilitator when it cannot."""
    # pydantic and the YAML data, the phone modules: when phones mode starts, not before the title
    from game.content.glossary import GlossaryError, glossary
    from game.content.help import load_region
    from game.phones.controller import Phones
    from game.phones.steps import help_data

    setup = play.setup
    host = getattr(setup, "phones_host", None)
    if not host:
        return N_("No local network found: turn on Wi-Fi or the laptop's hotspot.")
    state = play.session.state
    teams = (
        [f"{t.letter} {tr(t.name)}" for t in state.teams] if state.mode is Mode.ALL_TEAMS else []
    )
    try:
        region_id = app.options.region or services.setting(app.settings, "region")
        region = load_region(services.resolve_region(region_id))
        help_list = help_data(region)
    except Exception:  # noqa: BLE001 - the page still shows the emergency line
        help_list = None
    try:
        words = glossary(getattr(play.session.state.card, "language", None) or app.language)
        tactic_name = words.tactic_name
    except (GlossaryError, OSError, ValueError, KeyError):
        tactic_name = None
    phones = Phones(
        host,
        notify=_notify,
        teams=teams,
        help_data=help_list,
        tactic_name=tactic_name,
        pulse=getattr(setup, "pulse", True),
    )
    try:
        phones.start()
    except OSError:
        return N_("Students' phones could not start on this address. Try another, or the hotspot.")
    play.phones = phones
    phones.sync(play.session.state)
    return None


def stop_phones(play: PlayContext | None) -> None:
    if play is None:
        return
    phones = play.phones
    if phones is not None:
        results = phones.finish()
        play.phones_results = tuple(results)
        play.phones = None


# --- drawing ----------------------------------------------------------------------------------


def qr_surface(matrix: list[list[bool]], size: int) -> pygame.Surface:
    """The QR code as black modules on white with a quiet zone of 4 modules, `size` px square
    (whole pixels per module, so a phone's camera reads it from the back of the room)."""
    n = len(matrix) + 8
    module = max(1, size // n)
    side = module * n
    surf = pygame.Surface((side, side))
    surf.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surf.fill((0, 0, 0), ((x + 4) * module, (y + 4) * module, module, module))
    return surf


def _answered(phones: Phones, connected_only: bool = False) -> tuple[int | None, int]:
    """(how many answered the open step, how many phones are here); None answered when no
    step is open (or it is the pulse)."""
    snap = phones.server.snapshot if phones.server else None
    here = snap.connected if snap else 0
    step = phones.step
    if connected_only or step is None or step.kind == "pulse":
        return None, here
    return (snap.answered if snap and snap.step and snap.step.key == step.key else 0), here


def answered_line(phones: Phones, *, connected_only: bool = False) -> str:
    """How many phones are here, or how many answered the open step (never who)."""
    count, here = _answered(phones, connected_only)
    if count is None:
        return tr("{here} phones connected").format(here=here)
    if count > here:  # some answered and then put their phone away
        return tr("{count} answered").format(count=count)
    return tr("{count} of {here} answered").format(count=count, here=here)


def pill_line(ui: Ui, phones: Phones, width: int) -> str:
    """The pill's words for a text box `width` wide: the code and the count, else the count,
    else only its digits ("3/25"), the first that fits on one line at the floor size (the
    largest text leaves the pill little room beside the buttons)."""
    count, here = _answered(phones)
    if count is None:
        digits = str(here)
    elif count > here:  # some answered and then put their phone away
        digits = str(count)
    else:
        digits = f"{count}/{here}"
    full = tr("Code {code} · {answered}").format(code=phones.code, answered=answered_line(phones))
    for text in (full, answered_line(phones)):
        if ui.engine.layout(text, "semi", ui.m.min_font, 10_000).w <= width:
            return text
    return digits


def draw_phones_pill(ui: Ui, surface: pygame.Surface, rect: pygame.Rect, phones: Phones) -> None:
    """In the top bar: the room code and how many have answered (V shows the answers)."""
    m, t = ui.m, ui.theme
    pygame.draw.rect(surface, t.panel, rect, border_radius=rect.h // 2)
    pygame.draw.rect(
        surface, t.panel_edge, rect, width=max(2, round(m.unit * 0.3)), border_radius=rect.h // 2
    )
    # a phone: a rounded outline with a home dot, so the pill reads as "phones" without words
    ph = pygame.Rect(0, 0, round(rect.h * 0.34), round(rect.h * 0.6))
    ph.center = (rect.x + round(rect.h * 0.55), rect.centery)
    pygame.draw.rect(surface, t.text_muted, ph, width=max(2, round(m.unit * 0.3)), border_radius=3)
    pygame.draw.circle(surface, t.text_muted, (ph.centerx, ph.bottom - 4), max(1, ph.w // 8))
    box = pygame.Rect(rect.x + rect.h, rect.y, rect.w - rect.h - m.gap, rect.h)
    text = pill_line(ui, phones, box.w)
    ui.text(surface, text, box, role="semi", size=m.small, colour=t.text, valign="middle")


def pill_width(ui: Ui, phones: Phones, room: int) -> int:
    m = ui.m
    text = tr("Code {code} · {answered}").format(code=phones.code, answered=answered_line(phones))
    lay = ui.engine.layout(text, "semi", m.small, 10_000)
    return min(room, lay.w + round(m.small * 3.2))


class PhonesJoinScene(Scene):
    """How the phones join: a big QR code, the address and the room code, and how many phones
    are in. Shown when the session starts; Q shows it again. Enter or Esc closes it."""

    name = "phones-join"
    opaque = False

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, size[0] * 0.86, size[1] * 0.9)
        inner = inset(self.card, m.pad)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        self.hint, rest = take_bottom(rest, m.small * 1.6, m.pad * 0.3)
        side = min(rest.h, round(rest.w * 0.5))
        self.qr_rect = pygame.Rect(rest.x, rest.y + (rest.h - side) // 2, side, side)
        self.words = pygame.Rect(
            self.qr_rect.right + m.pad, rest.y, rest.right - self.qr_rect.right - m.pad, rest.h
        )

    def handle(self, inp: Input) -> bool:
        if inp.act in (Act.BACK, Act.CONFIRM) or (inp.act is Act.LETTER and inp.text == "q"):
            self.app.pop()
            return True
        if inp.act is Act.CLICK:
            self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def texts(self) -> tuple[str, ...]:
        """Read aloud: how to join (not the count of phones, which changes as they come)."""
        phones = self.play.phones
        if phones is None:
            return (tr("Answer on your phone"),)
        return (
            tr("Answer on your phone"),
            tr("Scan the code, or open:") + " " + phones.url.removeprefix("http://").rstrip("/"),
            tr("Room code") + ": " + " ".join(phones.code),
            tr("Same Wi-Fi as this computer. No name, no app: answers are anonymous."),
        )

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        phones = self.play.phones
        draw_card(ui, surface, self.card, tr("Answer on your phone"), self.heading)
        if phones is None:
            return
        qr = qr_surface(phones.qr(), self.qr_rect.w)
        surface.blit(qr, qr.get_rect(center=self.qr_rect.center))
        address = phones.url.removeprefix("http://").rstrip("/")
        blocks = [  # one column that shrinks as a whole at the largest text sizes
            Block(tr("Scan the code, or open:"), colour="text_muted", gap=0.0),
            Block(address, role="display", scale=1.5, colour="heading", gap=0.2),
            Block(tr("Room code"), colour="text_muted", gap=0.8),
            Block(" ".join(phones.code), role="display", scale=2.0, colour="heading", gap=0.2),
            Block(answered_line(phones, connected_only=True), gap=0.8),
            Block(
                tr("Same Wi-Fi as this computer. No name, no app: answers are anonymous."),
                scale=0.8,
                colour="text_muted",
                gap=0.8,
            ),
        ]
        col = ui.column(blocks, self.words, m.body)
        ui.draw_column(surface, col, self.words)
        ui.text(
            surface,
            tr("Enter: continue · Q: show this again · V: show the answers"),
            self.hint,
            size=m.small,
            colour=t.text_muted,
            valign="middle",
        )


def phones_key(app: App, play: PlayContext, key: str) -> bool:
    """Q: how to join. V: the class's answers to the open step (closes them)."""
    if key == "q":
        app.push(PhonesJoinScene(app, play))
        return True
    phones = play.phones
    if phones is None or phones.step is None or phones.step.kind == "pulse":
        toast_text = N_("The phones have nothing to answer right now")
        app.show_toast(toast_text)
        return True
    app.push(PhonesRevealScene(app, play))
    return True


# --- the reveal -------------------------------------------------------------------------------


class PhonesRevealScene(Scene):
    """V on a class step: the answers close and the class's answers show as bars. Enter takes
    the class's most chosen answer (All teams: each team's); Esc closes (choose by hand)."""

    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)

    name = "phones-reveal"
    opaque = False

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play
        phones = play.phones
        assert phones is not None  # V opens this only while the phones are on
        self.result: StepResult | None = phones.reveal()
        all_teams = play.session.state.mode is Mode.ALL_TEAMS
        self.use_btn = Button(
            "use",
            N_("Enter each team's most chosen") if all_teams else N_("Take the class's answer"),
            kind="primary",
            badge="Enter",
        )
        self.close_btn = Button("close", N_("Close"), kind="quiet", badge="Esc")
        self.group = FocusGroup([self.use_btn, self.close_btn], index=None)
        self.rows = self.bar_rows()
        self.page = 0
        self.lay: BarsLayout | None = None

    def bar_rows(self) -> list[BarRow]:
        """Per choice the class's count and, in All-teams mode, each team's phones' counts."""
        result = self.result
        if result is None or not result.questions:
            return []
        st = self.play.session.state
        teams = result.team_counts if st.mode is Mode.ALL_TEAMS else ()
        return bar_rows(
            self.labels(),
            list(result.counts[0]),
            [t[0] for t in teams if t],
            [team.letter for team in st.teams][: len(teams)],
        )

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = centered(m.screen, size[0] * 0.9, size[1] * 0.9)
        inner = inset(self.card, m.pad)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        bottom, rest = take_bottom(rest, m.body * 2.2, m.pad * 0.4)
        widths = fit_labels(ui, [self.use_btn, self.close_btn], bottom.h, bottom.w - m.pad, m.body)
        x = bottom.right
        for b, w in zip((self.use_btn, self.close_btn), widths):
            b.rect = pygame.Rect(x - w, bottom.y, w, bottom.h)
            x -= w + m.pad
        # the reading size is the floor: with the projector theme the rows page, never shrink
        self.hint = pygame.Rect(0, 0, 0, 0)
        self.lay = layout_bars(ui, rest, self.rows, m.reading)
        if self.lay.paged:  # a line under the bars says which page and how to turn it
            self.hint, rest = take_bottom(rest, m.small * 1.6, m.pad * 0.3)
            self.lay = layout_bars(ui, rest, self.rows, m.reading)
        self.bars = rest
        self.page = min(self.page, len(self.lay.pages) - 1)

    def use_class_answer(self) -> None:
        result = self.result
        self.app.pop()
        if result is None:
            return
        from game.phones.steps import most_chosen, team_choices  # phone modules: not at start-up

        session = self.play.session
        st = session.state
        try:
            if st.mode is Mode.ALL_TEAMS:
                for team, choice in enumerate(team_choices(result, result.order)):
                    if choice is not None:
                        session.enter(team, choice)
                return
            choice = most_chosen(result, result.order)
            if choice is None:
                return
            action = {
                Phase.SPOT: session.spot,
                Phase.NAME: session.name,
                Phase.CHOOSE: session.choose,
                Phase.EXPLAIN: session.explain,
            }.get(st.phase)
            if action is not None:
                action(choice)
        except IllegalAction:
            return  # the App follows the session to the next step

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act is Act.BACK or (inp.act is Act.LETTER and inp.text == "v"):
            self.app.pop()
            return True
        if inp.act is Act.CONFIRM:
            if self.group.focused is self.close_btn:
                self.app.pop()
            else:
                self.use_class_answer()
            return True
        if inp.act in (Act.LEFT, Act.RIGHT) and self.lay is not None and self.lay.paged:
            step = 1 if inp.act is Act.RIGHT else -1
            self.page = max(0, min(len(self.lay.pages) - 1, self.page + step))
            return True
        if inp.act in (Act.NEXT, Act.PREV, Act.LEFT, Act.RIGHT):
            self.group.move(1 if inp.act in (Act.NEXT, Act.RIGHT) else -1)
            return True
        if inp.act is Act.CLICK:
            hit = self.group.at(inp.pos)
            if (
                hit is None
                and self.lay is not None
                and self.lay.paged
                and self.hint.collidepoint(inp.pos)
            ):
                self.page = (self.page + 1) % len(self.lay.pages)  # a click on "Page 1 of 2"
                return True
            if hit is self.use_btn:
                self.use_class_answer()
            elif hit is self.close_btn or not self.card.collidepoint(inp.pos):
                self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def heading_text(self) -> str:
        result = self.result
        title = tr(KIND_TITLES.get(result.kind, "")) if result else ""
        heading = tr("The class answered: {n}").format(n=result.answered if result else 0)
        return f"{heading} — {title}"

    def labels(self) -> list[str]:
        result = self.result
        if result is None or not result.questions:
            return []
        labels = list(result.questions[0].choices)
        if result.kind == "spot":
            labels = [tr("Message {n}").format(n=i + 1) + f": {c}" for i, c in enumerate(labels)]
        return labels

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the heading, then each choice with the class's count and share (and
        each team's count), as the bars show them; every page's rows."""
        return (self.heading_text(), *(row.text for row in self.rows))

    def page_line(self) -> str:
        if self.lay is None or not self.lay.paged:
            return ""
        where = tr("Page {page} of {total}").format(page=self.page + 1, total=len(self.lay.pages))
        keys = tr("Right: next page · Left: back")
        return f"{where} · {keys}"

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        draw_card(ui, surface, self.card, self.heading_text(), self.heading)
        if self.rows and self.lay is not None:
            draw_bars(ui, surface, self.bars, self.rows, self.lay, self.page)
        line = self.page_line()
        if line:
            ui.text(surface, line, self.hint, size=m.small, colour=t.text_muted, valign="middle")
        draw_group(ui, surface, self.group)


# --- the summary: pulse before and after ------------------------------------------------------


CARD_LINES = {
    "spot": N_("Spot: {n} of {total} found the red flag"),
    "name": N_("Name: {n} of {total} named the trick"),
    "option": N_("Move: {n} of {total} chose a safe option"),
    "reason": N_("Why: {n} of {total} chose the right reason"),
}


class PhonesSummaryScene(Scene):
    """V on the summary: the pulse before and after; Tab: how the class answered each card."""

    name = "phones-summary"
    opaque = False

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play
        phones = play.phones
        self.results: tuple[Any, ...] = (
            phones.results() if phones is not None else play.phones_results
        )
        self.page = 0  # 0: the pulse before and after; 1: each card

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, size[0] * 0.92, size[1] * 0.92)
        inner = inset(self.card, m.pad)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        self.hint, rest = take_bottom(rest, m.small * 1.6, m.pad * 0.3)
        self.body = rest

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.BACK or (inp.act is Act.LETTER and inp.text == "v"):
            self.app.pop()
            return True
        if inp.act in (Act.NEXT, Act.PREV, Act.LEFT, Act.RIGHT, Act.CONFIRM):
            self.page = 1 - self.page
            return True
        if inp.act is Act.CLICK:
            if self.card.collidepoint(inp.pos):
                self.page = 1 - self.page
            else:
                self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def draw(self, surface: pygame.Surface) -> None:
        if self.page == 1:
            self.draw_cards(surface)
        else:
            self.draw_pulse(surface)
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        ui.text(
            surface,
            tr("Tab: before and after / each card · Esc: close"),
            pygame.Rect(self.hint.centerx, self.hint.y, self.hint.w // 2, self.hint.h),
            size=m.small,
            colour=t.text_muted,
            align="right",
            valign="middle",
        )

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the page shown (Tab turns it and the new page is read)."""
        if self.page == 1:
            return (tr("How the class answered"), *(b.text for b in self.card_blocks()))
        found = {r.key: r for r in self.results}
        before, after = found.get("pulse:before"), found.get("pulse:after")
        parts = [tr("Before and after")]
        for q, (_, statement) in enumerate(PULSE_STATEMENTS.items()):
            counts = [
                tr(word)
                + ": "
                + " · ".join(
                    f"{when} {result.counts[q][c] if result is not None else 0}"
                    for when, result in ((tr("Before"), before), (tr("After"), after))
                )
                for c, word in enumerate(PULSE_WORDS)
            ]
            parts.append(tr(statement) + " " + "; ".join(counts))
        parts.append(
            tr("Answered: {before} before, {after} after.").format(
                before=before.answered if before else 0, after=after.answered if after else 0
            )
        )
        return tuple(parts)

    def card_blocks(self) -> list[Block]:
        from game.phones.report import card_scores  # phone modules: not at start-up

        st = self.play.session.state
        cards = {c.id: c for c in st.cards}
        blocks = []
        for number, flag, steps in card_scores(self.results, cards, st):
            blocks.append(
                Block(tr("Card {number}: {flag}").format(number=number, flag=flag), role="bold")
            )
            words = [
                tr(CARD_LINES[kind]).format(n=n, total=total)
                for kind, n, total in steps
                if kind in CARD_LINES and total
            ]
            if not words:
                blocks.pop()
                continue
            blocks.append(Block(" · ".join(words), colour="text_muted", gap=0.1, scale=0.9))
        if not blocks:
            blocks = [Block(tr("The phones have not answered a card yet."))]
        return blocks

    def draw_cards(self, surface: pygame.Surface) -> None:
        ui, m = self.ui, self.ui.m
        draw_card(ui, surface, self.card, tr("How the class answered"), self.heading)
        blocks = self.card_blocks()
        area = pygame.Rect(self.body.x, self.body.y, self.body.w, self.body.h)
        ui.draw_column(surface, ui.column(blocks, area, m.body), area)

    def _label_w(self, size: int) -> int:
        """Room for "Before 88" / "After 88" at `size` (no squeezing at the largest text)."""
        words = (tr("Before"), tr("After"))
        widest = max(self.ui.engine.layout(f"{w} 88", "body", size, 10_000).w for w in words)
        return widest + self.ui.m.gap

    def draw_pulse(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        draw_card(ui, surface, self.card, tr("Before and after"), self.heading)
        found = {r.key: r for r in self.results}
        before, after = found.get("pulse:before"), found.get("pulse:after")
        rows = list(PULSE_STATEMENTS.items())
        gap = round(m.pad * 0.5)
        row_h = (self.body.h - gap * (len(rows) - 1)) // len(rows)
        # the statement (up to two lines), the three answers, then Before and After: each
        # line readable, none squeezed (issue 15: readable at the largest text size)
        size = max(m.min_font, min(max(m.small, m.reading), round(row_h / 7.2)))
        for q, (_, statement) in enumerate(rows):
            row = pygame.Rect(self.body.x, self.body.y + q * (row_h + gap), self.body.w, row_h)
            said = ui.engine.layout(tr(statement), "body", size, row.w)
            title, groups = take_top(row, min(said.h + 4, round(size * 2.6)), 2)
            ui.text(surface, tr(statement), title, size=size, colour=t.heading, valign="bottom")
            most = (
                max(
                    [r.counts[q][c] for r in (before, after) if r is not None for c in range(3)]
                    or [1]
                )
                or 1
            )
            width = groups.w // len(PULSE_WORDS)
            for c, word in enumerate(PULSE_WORDS):
                box = pygame.Rect(groups.x + c * width, groups.y, width - m.gap, groups.h)
                label, lines = take_top(box, round(size * 1.3), 0)
                ui.text(surface, tr(word), label, size=size, colour=t.text, valign="middle")
                line_h = lines.h // 2
                for k, (when, result) in enumerate(((tr("Before"), before), (tr("After"), after))):
                    count = result.counts[q][c] if result is not None else 0
                    line = pygame.Rect(lines.x, lines.y + k * line_h, lines.w, line_h - 2)
                    name_w = min(line.w // 2, self._label_w(size))
                    ui.text(
                        surface,
                        f"{when} {count}",
                        pygame.Rect(line.x, line.y, name_w, line.h),
                        size=size,
                        colour=t.text_muted,
                        valign="middle",
                    )
                    bar = pygame.Rect(line.x + name_w, line.y + line.h // 4, 0, line.h // 2)
                    full = line.w - name_w
                    pygame.draw.rect(
                        surface, t.panel_edge, (bar.x, bar.y, full, bar.h), width=1, border_radius=3
                    )
                    bar.w = round(full * count / most)
                    if bar.w:
                        pygame.draw.rect(
                            surface, t.primary if k else t.text_muted, bar, border_radius=3
                        )
        answered = tr("Answered: {before} before, {after} after.").format(
            before=before.answered if before else 0, after=after.answered if after else 0
        )
        half = pygame.Rect(self.hint.x, self.hint.y, self.hint.w // 2, self.hint.h)
        ui.text(surface, answered, half, size=m.small, colour=t.text_muted, valign="middle")


def phones_report(play: PlayContext) -> ClassReport | None:
    """How the class answered (the pulse and each card's class steps, counts only), in the
    game's language: the one source of the saved summary's Markdown and PDF sections."""
    from game.phones.report import class_report  # phone modules: not at start-up

    phones = play.phones
    results = phones.results() if phones is not None else play.phones_results
    titles = {c.id: c.red_flag for c in play.session.state.cards}
    return class_report(results, lambda text: tr(SUMMARY_WORDS.get(text, text)), titles)


def phones_summary_text(play: PlayContext) -> str:
    """The saved summary's section: the pulse and each card's class steps, counts only."""
    from game.phones.report import report_markdown  # phone modules: not at start-up

    report = phones_report(play)
    return report_markdown(report) if report is not None else ""
