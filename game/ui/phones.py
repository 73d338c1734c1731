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
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Mode, Phase
from game.model.session import IllegalAction
from game.ui import services
from game.ui.input import Act, Input
from game.ui.layout import (
    Pages,
    centered,
    in_row,
    inset,
    paginate,
    split_cols,
    take_bottom,
    take_top,
)
from game.ui.phone_bars import BarRow, BarsLayout, bar_rows, draw_bar, draw_bars, layout_bars
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group, draw_pips, fit_labels

if TYPE_CHECKING:
    from game.phones.controller import Phones
    from game.phones.report import ClassReport
    from game.phones.room import StepResult
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext

PHONES_EVENT = pygame.event.custom_type()
ANSWER_PHASES = (Phase.SPOT, Phase.NAME, Phase.CHOOSE, Phase.EXPLAIN)  # session.spot(), ...

SAME_WIFI = N_("Same Wi-Fi as this computer. No name, no app: answers are anonymous.")
WHEN = (N_("Before"), N_("After"))  # the pulse's two lines of bars
LINE = 1.35  # the pulse table's line height, in text sizes


def on_phones_event(app: App, event: pygame.event.Event) -> bool:
    """The server's wake-up: take the newest counts and redraw. True when it was ours."""
    if event.type != PHONES_EVENT:
        return False
    if app.play is not None and app.play.phones is not None:
        app.play.phones.take()
        app.dirty = True
    return True


def _notify() -> None:
    """Called from the server's thread: wake the game (pygame.event.post is thread-safe)."""
    with contextlib.suppress(pygame.error):  # the display is gone: the game is closing
        pygame.event.post(pygame.event.Event(PHONES_EVENT))


def start_phones(app: App, play: PlayContext) -> str | None:
    """Start phones mode for a new session; a message for the facilitator when it cannot."""
    # pydantic and the YAML data, the phone modules: when phones mode starts, not before the title
    from game.content.glossary import GlossaryError
    from game.content.help import load_region
    from game.phones.controller import Phones
    from game.phones.steps import help_data

    setup, state = play.setup, play.session.state
    if not setup.phones_host:
        return N_("No local network found: turn on Wi-Fi or the laptop's hotspot.")
    teams = (
        [f"{t.letter} {tr(t.name)}" for t in state.teams] if state.mode is Mode.ALL_TEAMS else []
    )
    try:
        region_id = app.options.region or app.settings.region
        help_list = help_data(load_region(services.resolve_region(region_id)))
    except Exception:  # noqa: BLE001 - the page still shows the emergency line
        help_list = None
    try:
        tactic_name = app.glossary.tactic_name
    except (GlossaryError, OSError, ValueError, KeyError):
        tactic_name = None
    phones = Phones(
        setup.phones_host,
        notify=_notify,
        teams=teams,
        help_data=help_list,
        tactic_name=tactic_name,
        pulse=setup.pulse,
    )
    try:
        phones.start()
    except OSError:
        return N_("Students' phones could not start on this address. Try another, or the hotspot.")
    play.phones = phones
    phones.sync(state)
    return None


def stop_phones(play: PlayContext | None) -> None:
    if play is not None and play.phones is not None:
        play.phones_results = tuple(play.phones.finish())
        play.phones = None


def results_of(play: PlayContext) -> tuple[StepResult, ...]:
    """Every step's counts so far (kept on the play context once the phones have stopped)."""
    return play.phones.results() if play.phones is not None else play.phones_results


def phones_report(play: PlayContext) -> ClassReport | None:
    """How the class answered (the pulse and each card's class steps, counts only), in the
    game's language: the one source of the saved summary's Markdown and PDF sections."""
    from game.phones.report import class_report  # phone modules: not at start-up

    titles = {c.id: c.red_flag for c in play.session.state.cards}
    return class_report(results_of(play), tr, titles)


# --- the join screen and the pill in the top bar ----------------------------------------------


def qr_surface(matrix: list[list[bool]], size: int) -> pygame.Surface:
    """The QR code as black modules on white with a quiet zone of 4 modules, `size` px square
    (whole pixels per module, so a phone's camera reads it from the back of the room)."""
    module = max(1, size // (len(matrix) + 8))
    surf = pygame.Surface((module * (len(matrix) + 8),) * 2)
    surf.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surf.fill((0, 0, 0), ((x + 4) * module, (y + 4) * module, module, module))
    return surf


def asking(phones: Phones | None) -> bool:
    """Whether the phones have a class step open (not the pulse): V shows its answers."""
    return phones is not None and phones.step is not None and phones.step.kind != "pulse"


def connected(phones: Phones) -> int:
    return phones.server.snapshot.connected if phones.server else 0


def answered(phones: Phones) -> tuple[str, str]:
    """How many answered the open step, in words and in digits ("3 of 25 answered", "3/25"), or
    how many phones are here while none is open (or it is the pulse); never who."""
    here = connected(phones)
    if not asking(phones):
        return tr("{here} phones connected").format(here=here), str(here)
    result = phones.counts()
    count = result.answered if result is not None else 0
    if count > here:  # some answered and then put their phone away
        return tr("{count} answered").format(count=count), str(count)
    return tr("{count} of {here} answered").format(count=count, here=here), f"{count}/{here}"


def pill_line(ui: Ui, phones: Phones, width: int) -> str:
    """The pill's words for a text box `width` wide: the code and the count, else the count,
    else only its digits ("3/25"), the first that fits on one line at the floor size (the
    largest text leaves the pill little room beside the buttons)."""
    words, digits = answered(phones)
    for text in (tr("Code {code} · {answered}").format(code=phones.code, answered=words), words):
        if ui.engine.layout(text, "semi", ui.m.min_font, 10_000).w <= width:
            return text
    return digits


def pill_width(ui: Ui, phones: Phones, room: int) -> int:
    text = pill_line(ui, phones, 10_000)
    return min(room, ui.engine.layout(text, "semi", ui.m.small, 10_000).w + round(ui.m.small * 3.2))


def draw_phone_icon(ui: Ui, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A phone (a rounded outline with a home dot) in the pill's square `rect`, so the pill
    reads as "phones" without words."""
    colour, width = ui.theme.text_muted, max(2, round(ui.m.unit * 0.3))
    phone = centered(rect, rect.h * 0.34, rect.h * 0.6)
    pygame.draw.rect(surface, colour, phone, width=width, border_radius=3)
    pygame.draw.circle(surface, colour, (phone.centerx, phone.bottom - 4), max(1, phone.w // 8))


def phones_key(app: App, play: PlayContext, key: str) -> bool:
    """Q: how to join. V: the class's answers to the open step (closes them)."""
    if key == "q":
        app.open_phones_join()
    elif not asking(play.phones):
        app.show_toast(N_("The phones have nothing to answer right now"))
    else:
        app.open_phones_answers()
    return True


class PhonesPanel(Scene):
    """A card over the screen, dimmed: a heading, the body, and a line of keys at the bottom.
    Modal: nothing but H and F11 reaches the App. Esc, the letter that opened it or a click
    outside the card closes it; `act` has the panel's own keys."""

    opaque = False
    share = (0.9, 0.9)  # of the window's width and height
    letter = "v"
    closes: tuple[Act, ...] = (Act.BACK,)

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play

    def frame(self, size: tuple[int, int]) -> pygame.Rect:
        """Place the card and its heading; the room under the heading."""
        m = self.ui.m
        self.card = centered(m.screen, size[0] * self.share[0], size[1] * self.share[1])
        self.heading, rest = take_top(inset(self.card, m.pad), m.heading * 1.4, m.pad * 0.3)
        return rest

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.hint, self.body = take_bottom(self.frame(size), m.small * 1.6, m.pad * 0.3)

    def handle(self, inp: Input) -> bool:
        outside = inp.act is Act.CLICK and not self.card.collidepoint(inp.pos)
        if inp.act in self.closes or outside or (inp.act, inp.text) == (Act.LETTER, self.letter):
            self.app.pop()
            return True
        used = self.act(inp)
        return used if used is not None else inp.act not in (Act.HELP, Act.FULLSCREEN)

    def act(self, inp: Input) -> bool | None:
        """The panel's own input; None when it is none of its keys."""
        return None


class PhonesJoinScene(PhonesPanel):
    """How the phones join: a big QR code, the address and the room code, and how many phones
    are in. Shown when the session starts; Q shows it again. Enter or Esc closes it."""

    name = "phones-join"
    share = (0.86, 0.9)
    letter = "q"
    closes = (Act.BACK, Act.CONFIRM, Act.CLICK)

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        rest, pad = self.body, self.ui.m.pad
        side = min(rest.h, round(rest.w * 0.5))
        qr_column, self.words = in_row(rest, (side, rest.w - side - pad), pad)
        self.qr_rect = centered(qr_column, side, side)

    def blocks(self, phones: Phones) -> list[Block]:
        """One column that shrinks as a whole at the largest text sizes."""
        url = phones.url.removeprefix("http://").rstrip("/")
        return [
            Block(tr("Scan the code, or open:"), colour="text_muted", gap=0.0),
            Block(url, role="display", scale=1.5, colour="heading", gap=0.2),
            Block(tr("Room code"), colour="text_muted", gap=0.8),
            Block(" ".join(phones.code), role="display", scale=2.0, colour="heading", gap=0.2),
            Block(tr("{here} phones connected").format(here=connected(phones)), gap=0.8),
            Block(tr(SAME_WIFI), scale=0.8, colour="text_muted", gap=0.8),
        ]

    def texts(self) -> tuple[str, ...]:
        """Read aloud: how to join (not the count of phones, which changes as they come)."""
        if self.play.phones is None:
            return (tr("Answer on your phone"),)
        scan, url, room, code, _, wifi = (b.text for b in self.blocks(self.play.phones))
        return (tr("Answer on your phone"), f"{scan} {url}", f"{room}: {code}", wifi)

    def draw(self, surface: pygame.Surface) -> None:
        ui, m = self.ui, self.ui.m
        phones = self.play.phones
        draw_card(ui, surface, self.card, tr("Answer on your phone"), self.heading)
        if phones is None:
            return
        qr = qr_surface(phones.qr(), self.qr_rect.w)
        surface.blit(qr, qr.get_rect(center=self.qr_rect.center))
        ui.draw_column(surface, ui.column(self.blocks(phones), self.words, m.body), self.words)
        hint = tr("Enter: continue · Q: show this again · V: show the answers")
        ui.text(surface, hint, self.hint, style="note")


# --- the reveal -------------------------------------------------------------------------------


class PhonesRevealScene(PhonesPanel):
    """V on a class step: the answers close and the class's answers show as bars. Enter takes
    the class's most chosen answer (All teams: each team's); Esc closes (choose by hand)."""

    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)

    name = "phones-reveal"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        assert play.phones is not None  # V opens this only while the phones are on
        self.result: StepResult | None = play.phones.reveal()
        st = play.session.state
        all_teams = st.mode is Mode.ALL_TEAMS
        self.use_btn = Button(
            "use",
            N_("Enter each team's most chosen") if all_teams else N_("Take the class's answer"),
            kind="primary",
            badge="Enter",
        )
        self.close_btn = Button("close", N_("Close"), kind="quiet", badge="Esc")
        self.group = FocusGroup([self.use_btn, self.close_btn], index=None)
        # per choice the class's count and, in All-teams mode, each team's
        self.rows: list[BarRow] = []
        result = self.result
        if result is not None and result.questions:
            labels = list(result.questions[0].choices)
            if result.kind == "spot":
                labels = [
                    tr("Message {n}").format(n=i + 1) + f": {c}" for i, c in enumerate(labels)
                ]
            teams = [t[0] for t in result.team_counts if t] if all_teams else []
            self.rows = bar_rows(labels, result.counts[0], teams, [t.letter for t in st.teams])
        self.pages = Pages()
        self.lay: BarsLayout  # made in layout

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        bottom, rest = take_bottom(self.frame(size), m.body * 2.2, m.pad * 0.4)
        widths = fit_labels(ui, [self.close_btn, self.use_btn], bottom.h, bottom.w - m.pad, m.body)
        self.close_btn.rect, self.use_btn.rect = in_row(bottom, widths, m.pad, align="right")
        # the reading size is the floor: with the projector theme the rows page, never shrink
        self.lay = layout_bars(ui, rest, self.rows, m.reading)
        if self.lay.paged:  # a line under the bars says which page and how to turn it
            self.hint, rest = take_bottom(rest, m.small * 1.6, m.pad * 0.3)
            self.lay = layout_bars(ui, rest, self.rows, m.reading)
        self.bars = rest
        self.pages.reset(len(self.lay.pages))

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
            if choice is not None and st.phase in ANSWER_PHASES:
                getattr(session, st.phase.value)(choice)  # session.spot, .name, .choose...
        except IllegalAction:
            return  # the App follows the session to the next step

    def press(self, button: Button) -> None:
        if button is self.use_btn:
            self.use_class_answer()
        else:
            self.app.pop()

    def act(self, inp: Input) -> bool | None:
        if inp.act in (Act.LEFT, Act.RIGHT) and self.pages.paged:
            self.pages.turn(1 if inp.act is Act.RIGHT else -1)
        elif inp.act is Act.CLICK and self.pages.paged and self.hint.collidepoint(inp.pos):
            self.pages.go((self.pages.index + 1) % self.pages.count)  # on "Page 1 of 2"
        elif inp.act is Act.CONFIRM and self.group.focused is None:
            self.use_class_answer()
        else:
            return self.group.route(inp, self.press)
        return True

    def heading_text(self) -> str:
        from game.phones.report import KIND_TITLES  # phone modules: not at start-up

        result = self.result
        heading = tr("The class answered: {n}").format(n=result.answered if result else 0)
        return heading + " — " + (tr(KIND_TITLES[result.kind]) if result else "")

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the heading, then each choice with the class's count and share (and
        each team's count), as the bars show them; every page's rows."""
        return (self.heading_text(), *(row.text for row in self.rows))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        draw_card(ui, surface, self.card, self.heading_text(), self.heading)
        draw_bars(ui, surface, self.bars, self.rows, self.lay, self.pages.index)
        if self.pages.paged:
            where = tr("Page {page} of {total}").format(
                page=self.pages.index + 1, total=self.pages.count
            )
            line = where + " · " + tr("Right: next page · Left: back")
            ui.text(surface, line, self.hint, style="note")
        draw_group(ui, surface, self.group)


# --- the summary: pulse before and after ------------------------------------------------------


class PhonesSummaryScene(PhonesPanel):
    """V on the summary: the pulse before and after, on as many pages as its statements need at
    a readable size; Tab turns to how the class answered each card."""

    name = "phones-summary"
    share = (0.92, 0.92)

    def __init__(self, app: App, play: PlayContext) -> None:
        # phone modules: not at start-up
        from game.phones.report import PULSE_WORDS, answered_line, pulse_counts
        from game.phones.room import PULSE_CHOICES, PULSE_STATEMENTS

        super().__init__(app, play)
        self.results = results_of(play)
        found = {r.key: r for r in self.results}
        before, after = found.get("pulse:before"), found.get("pulse:after")
        self.answered = answered_line(before, after, tr)
        # message ids: the statements (the table's rows) and the answers' words (its columns)
        self.statements = [statement for _, statement in PULSE_STATEMENTS]
        self.words = [PULSE_WORDS[choice] for choice in PULSE_CHOICES]
        # per statement, per answer: how many before and after
        self.pulse = [[(b or 0, a or 0) for b, a in row] for row in pulse_counts(before, after)]
        self.pages = Pages()  # the pulse's pages, then the cards' page
        self.pulse_pages = [list(range(len(self.statements)))]  # the statements on each page
        self.size = self.label_w = self.number_w = 0

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        m = self.ui.m
        # the pulse at the body size when it fits one page, else paged at the least reading
        # size, never smaller than the "Answered" line under it (issue 15)
        floor = max(m.least, m.small)
        every = list(range(len(self.statements)))
        self.size = next((s for s in range(m.body, floor, -1) if self.fits(s)), floor)
        self.pulse_pages = paginate([[q] for q in every], lambda _, qs: self.spare(qs, floor) >= 0)
        self.label_w, self.number_w = self.label_width(self.size), self.number_width(self.size)
        self.pages.reset(len(self.pulse_pages) + 1)
        self.heading = self.pages.place(self.heading, m.pip, m.gap)

    def width(self, text: str, size: int) -> int:
        return self.ui.engine.layout(text, "body", size, 10_000).w

    def label_width(self, size: int) -> int:
        """The column of "Before" and "After", left of the answers' columns."""
        return max(self.width(tr(w), size) for w in WHEN) + self.ui.m.gap

    def number_width(self, size: int) -> int:
        """Room for the largest count (at least two digits, so the bars line up)."""
        most = max(n for row in self.pulse for pair in row for n in pair)
        return self.width("8" * max(2, len(str(most))), size)

    def said(self, statements: list[int], size: int) -> list[int]:
        """The statements' heights, wrapped in the body's width."""
        layout, w = self.ui.engine.layout, self.body.w
        return [layout(tr(self.statements[q]), "body", size, w).h for q in statements]

    def spare(self, statements: list[int], size: int) -> int:
        """The body's height left under the answers' words and these statements, each with a
        Before and an After line, at `size` (below 0: they do not fit)."""
        line, said = round(size * LINE), self.said(statements, size)
        return self.body.h - line - sum(h + self.ui.m.pad // 2 + 2 * line for h in said)

    def fits(self, size: int) -> bool:
        """Whether the whole pulse fits one page at `size`, every word and number whole beside
        a bar."""
        cell = (self.body.w - self.label_width(size)) / len(self.words) - self.ui.m.gap
        need = [self.width(tr(w), size) for w in self.words] + [self.number_width(size) * 2]
        return self.spare(list(range(len(self.statements))), size) >= 0 and max(need) <= cell

    def act(self, inp: Input) -> bool | None:
        """Tab, the arrows, Enter or a click turn the pages (round); a click on a circle goes
        to its page."""
        if inp.act is Act.CLICK and self.pages.at(inp.pos) >= 0:
            self.pages.go(self.pages.at(inp.pos))
            return True
        forward = (Act.NEXT, Act.RIGHT, Act.CONFIRM, Act.CLICK)
        if inp.act not in (*forward, Act.PREV, Act.LEFT):
            return None
        step = 1 if inp.act in forward else -1
        self.pages.go((self.pages.index + step) % self.pages.count)
        return True

    @property
    def on_cards(self) -> bool:
        return self.pages.last

    def title(self) -> str:
        return tr("How the class answered") if self.on_cards else tr("Before and after")

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the page shown (Tab turns it and the new page is read)."""
        if self.on_cards:
            return (self.title(), *(b.text for b in self.card_blocks()))
        before, after = (tr(w) for w in WHEN)
        return (
            self.title(),
            *(
                tr(self.statements[q])
                + " "
                + "; ".join(
                    f"{tr(word)}: {before} {b} · {after} {a}"
                    for word, (b, a) in zip(self.words, self.pulse[q])
                )
                for q in self.pulse_pages[self.pages.index]
            ),
            self.answered,
        )

    def card_blocks(self) -> list[Block]:
        from game.phones.report import CARD_HEADING, CARD_LINES, card_scores  # not at start-up

        st = self.play.session.state
        blocks = []
        for number, flag, steps in card_scores(self.results, {c.id: c for c in st.cards}, st):
            words = [
                tr(CARD_LINES[kind]).format(n=n, total=total)
                for kind, n, total in steps
                if kind in CARD_LINES and total
            ]
            if words:
                heading = tr(CARD_HEADING).format(number=number, flag=flag)
                blocks.append(Block(heading, role="bold"))
                blocks.append(Block(" · ".join(words), colour="text_muted", gap=0.1, scale=0.9))
        return blocks or [Block(tr("The phones have not answered a card yet."))]

    def draw(self, surface: pygame.Surface) -> None:
        ui, m = self.ui, self.ui.m
        draw_card(ui, surface, self.card, self.title(), self.heading)
        draw_pips(ui, surface, self.pages.pips, self.pages.index)
        left, right = split_cols(self.hint, (1, 1), 0)
        if self.on_cards:
            ui.draw_column(surface, ui.column(self.card_blocks(), self.body, m.body), self.body)
        else:
            self.draw_pulse(surface)
            ui.text(surface, self.answered, left, style="note")
        keys = tr("Tab: before and after / each card · Esc: close")
        ui.text(surface, keys, right, style="note", align="right")

    def draw_pulse(self, surface: pygame.Surface) -> None:
        """A table: the answers' words over their columns, then each statement of the page
        with a line of bars before and one after (each with its number, not colour alone)."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        size, line, body = self.size, round(self.size * LINE), self.body
        statements = self.pulse_pages[self.pages.index]
        # the room to spare spreads the statements apart, up to a line between them
        spare = max(0, self.spare(statements, size)) // max(1, len(statements) - 1)
        gap = m.pad // 2 + min(line, spare)
        header = pygame.Rect(body.x + self.label_w, body.y, body.w - self.label_w, line)
        cols = split_cols(header, (1,) * len(self.words), m.gap)
        for word, col in zip(self.words, cols):
            ui.text(surface, tr(word), col, role="bold", size=size, valign="middle")
        y = header.bottom
        for i, (q, height) in enumerate(zip(statements, self.said(statements, size))):
            box = pygame.Rect(body.x, y + (gap if i else m.pad // 2), body.w, height)
            ui.text(surface, tr(self.statements[q]), box, size=size, colour=t.heading)
            y = box.bottom
            most = max(max(pair) for pair in self.pulse[q]) or 1
            for k, when in enumerate(WHEN):
                label = pygame.Rect(body.x, y, self.label_w, line)
                ui.text(surface, tr(when), label, style="note", size=size)
                for col, pair in zip(cols, self.pulse[q]):
                    number = pygame.Rect(col.x, y, self.number_w, line)
                    ui.text(surface, str(pair[k]), number, size=size, valign="middle")
                    x = number.right + m.gap // 2
                    bar = pygame.Rect(x, y + line // 4, col.right - x, line // 2)
                    draw_bar(ui, surface, bar, pair[k] / most, t.primary if k else t.text_muted)
                y += line
