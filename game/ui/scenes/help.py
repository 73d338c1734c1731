"""The help overlay (H from anywhere): the safe moves, the region's services with the date they
were checked and the emergency number, how to play, and the keys. Esc, H or Enter closes it and
the screen below carries on exactly where it was.

"For the facilitator": the keys that run a group game, everywhere but in a solo game (where
they do nothing), on a page of their own (Tab) with the emergency number, so the first page
stays all about help.

The services are never smaller than `m.least` nor than the rest of the help (the numbers are
read from the back of the room), and a number or web address is never cut inside a name. When
the services with their "who it's for" lines do not fit the first page's column so, the first
page keeps their names and numbers (a child must see the number at once) and says where the
rest is: the services get pages of their own, next after the first (Tab), every service with its
name, number and who it is for. When even the names and numbers do not fit, the services' column
gets more room, then "how to play" and the keys go to a page of their own, then the first page
keeps only the emergency number.

The pages are named (kind, number), in the order Tab goes through them: the help, its services,
how to play (when not on the first page), the facilitator's keys (in group games), the tricks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Mode, SafeMove, Tag
from game.model.session import scoring_rules
from game.ui.input import Act, Input
from game.ui.layout import Pages, chunk, in_row, inset, page_columns, split_cols, take_top
from game.ui.scene import Scene, column_texts
from game.ui.services import N_, ServiceInfo, emergency_line, tr
from game.ui.text import Block, ColumnFit, block_groups, cuts_a_word
from game.ui.widgets import Button, FocusGroup, draw_card, draw_pips, fit_label

if TYPE_CHECKING:
    from game.ui.app import App

# the safe moves, in the glossary's words (the handouts and the guide use the same ones)
SAFE_MOVES = [m for m in SafeMove if m is not SafeMove.LISTEN]  # listening is the adults' move
# how a card is played: its first line by the steps that are on (spot the red flag, name the
# trick), in the words of the cards' own questions
HOW_TO_PLAY = {
    (True, True): N_(
        "Read the chat. Spot the red flag: pick the message that shows it. Then name the trick."
    ),
    (True, False): N_("Read the chat. Spot the red flag: pick the message that shows it."),
    (False, True): N_("Read the chat. Name the trick it uses."),
    (False, False): N_("Read the chat."),
}
HOW_TO_MOVE = (
    N_("Pick the safest reply with 1–4 or a click."),
    N_("Then pick why it is safest with 1–3."),
)
KEYS = (
    ("1–4", N_("pick")),
    (N_("Enter / Space"), N_("continue, show all")),
    (N_("Tab / arrows"), N_("move the focus")),
    ("Esc", N_("pause, or back")),
    ("H", N_("this help")),
    ("M", N_("sound on or off")),
    ("R", N_("read aloud again")),
    ("F11", N_("full screen")),
)
FACILITATOR_KEYS = (
    ("N", N_("notes for this card")),
    ("B", N_("+1 for explaining (then the team letter)")),
    ("U", N_("take the award back")),
    ("S", N_("skip a card (press twice)")),
    (N_("Backspace"), N_("back one step")),
    ("T", N_("hold the timer")),
    (N_("A–F, then 1–4"), N_("a team's choice (All teams)")),
    ("V", N_("Students' phones: show the answers")),
    ("Q", N_("Students' phones: how to join")),
)


Part = tuple[ColumnFit, pygame.Rect]  # a laid-out column and where it goes
Page = tuple[str, int]  # its kind and its number among the pages of that kind
HELP: Page = ("help", 0)
# the page button names the page it goes to (the tricks by the glossary's word)
PAGE_NAMES = {
    "help": N_("Back to help"),
    "services": N_("Where to get help"),
    "play": N_("How to play"),
    "facilitator": N_("For the facilitator"),
}
LABEL = Block("", role="semi", colour="accent", scale=0.82)  # a section's label


def _cuts_an_address(fits: list[ColumnFit], soft: tuple[str, ...] = (".", "/")) -> bool:
    """Whether a service's number or address in `fits` is cut anywhere but after one of
    `soft` (by default a dot or a slash)."""
    contacts = (p.layout for fit in fits for p in fit.placed if p.block.tag == "contact")
    return any(cuts_a_word(lay, soft) for lay in contacts)


class HelpScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "help"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.close_btn = Button("close", "Close", kind="primary", badge="Esc")
        # the top button goes to the next page (named after it): the tricks (G), or the next
        # in Tab's order when there are more pages than help and tricks
        self.page_btn = Button("pages", app.glossary.word("tricks_page"), kind="quiet", badge="G")
        self.page_btn.translate = False
        self.group = FocusGroup([self.close_btn, self.page_btn], index=0)
        self.pages: dict[Page, list[Part]] = {}  # in Tab's order
        self.pager = Pages()  # which of them shows
        self.services = Pages()  # the services' circles, when they have several pages

    @property
    def page(self) -> Page:
        return list(self.pages)[self.pager.index] if self.pages else HELP

    @property
    def for_facilitator(self) -> bool:
        """The facilitator's keys: in group games and outside a game, not in a solo game."""
        return self.app.play is None or self.app.play.session.state.mode.is_group

    def _facilitator_keys(self) -> list[Block]:
        keys = [
            Block(f"{tr(key)}:  {tr(what)}", gap=0.2, scale=0.85) for key, what in FACILITATOR_KEYS
        ]
        return [LABEL._replace(text=tr("For the facilitator, in group games")), *keys]

    def _where(self) -> list[Block]:
        """The head of the services: the region and its emergency number."""
        h = self.app.help
        return [
            LABEL._replace(text=tr("Where to get help")),
            Block(h.region, role="semi", colour="text_muted", scale=0.82, gap=0.2),
            Block(emergency_line(h), role="bold", colour="heading", gap=0.5, scale=1.05),
        ]

    def _service(self, s: ServiceInfo, about: bool = True) -> list[Block]:
        contact = Block(s.contact, role="semi", colour="accent", gap=0.05, tag="contact")
        return [
            Block(s.name, role="bold", gap=0.6),
            *([contact] if s.contact else []),
            *(
                [Block(s.about, colour="text_muted", gap=0.1, scale=0.92)]
                if s.about and about
                else []
            ),
        ]

    def _moves(self, detail: int) -> list[Block]:
        """The safe moves; detail 0: without their explanations."""
        moves = [LABEL._replace(text=tr("Safe moves"))]
        for move in (self.app.glossary.move(m) for m in SAFE_MOVES):
            moves.append(Block(move.name, role="bold", gap=0.6))
            if detail >= 1:
                moves.append(Block(move.short, colour="text_muted", gap=0.1, scale=0.92))
        return moves

    def _where_column(self, detail: int) -> list[Block]:
        """The services. Detail 2: everything; 1: no descriptions; 0: only the emergency
        number, the rest on the services' own pages."""
        h = self.app.help
        where = self._where()
        for s in h.services if detail else ():
            where += self._service(s, detail >= 2)
        pointer = (
            N_("Who each one is for: next page (Tab)")
            if detail
            else N_("Every service and its number: next page (Tab)")
        )
        if detail < 2 and (not detail or any(s.about for s in h.services)):
            where.append(Block(tr(pointer), role="semi", gap=0.6, scale=0.9))
        return where + self._checked() if detail == 2 else where

    def _checked(self) -> list[Block]:
        """When the services were checked, with the full list (on the first page or last on
        the services' own): one line (the oldest check), so the descriptions keep their room."""
        dates = sorted(s.checked for s in self.app.help.services if s.checked)
        text = tr("checked {date}").format(date=dates[0]) if dates else ""
        return [Block(text, role="italic", colour="text_muted", gap=0.6, scale=0.8)][: len(dates)]

    def _play(self, detail: int) -> list[Block]:
        """How to play and the keys; detail 0: the keys only."""
        st = self.app.play.session.state if self.app.play else None
        steps = (not st or st.options.spot, not st or st.options.name)
        play: list[Block] = []
        if detail >= 1:  # with very large text the keys stay and "how to play" goes
            play.append(LABEL._replace(text=tr("How to play")))
            lines = (HOW_TO_PLAY[steps], *HOW_TO_MOVE)
            play += [Block(tr(line), gap=0.35, scale=0.92) for line in lines]
        play.append(LABEL._replace(text=tr("Keys"), gap=0.9 if play else 0.0))
        play += [Block(f"{tr(key)}:  {tr(what)}", gap=0.2, scale=0.92) for key, what in KEYS]
        play.append(
            Block(
                tr("Everything also works with a mouse or a touch screen."),
                colour="text_muted",
                gap=0.6,
                scale=0.85,
            )
        )
        return play

    def _points(self) -> list[Block]:
        """The points: the session's scoring (or all of it outside a game), glossary words."""
        words = self.app.glossary
        st = self.app.play.session.state if self.app.play else None
        rules = scoring_rules(
            spot=not st or st.options.spot,
            name=not st or st.options.name,
            teams=not st or st.mode is Mode.TEAMS,
        )
        points = [LABEL._replace(text=words.word("scoring_heading"))]
        lines = [words.scoring_line(r.key, r.points, r.text) for r in rules if r.key != "never"]
        never = [words.scoring_line(r.key, r.points, r.text) for r in rules if r.key == "never"]
        points.append(Block("  ·  ".join(lines), gap=0.2, scale=0.88))
        points += [Block(text, role="semi", gap=0.2, scale=0.88) for text in never]
        return points

    def _tricks(self) -> list[list[Block]]:
        """Each trick by name with its one-line explanation for the age group played."""
        words = self.app.glossary
        band = (self.app.play or self.app).setup.band  # the game's, else the one set up
        groups = [
            [
                Block(words.tactic_name(tag), role="bold", gap=0.5, scale=0.9),
                Block(words.explain(tag, band), colour="text_muted", gap=0.05, scale=0.85),
            ]
            for tag in Tag
        ]
        groups[0].insert(0, LABEL._replace(text=words.word("tricks_heading")))
        return groups

    def _paged(
        self,
        kind: str,
        top: list[Block],
        head: pygame.Rect,
        groups: list[list[Block]],
        n: int,
        least: int,
    ) -> dict[Page, list[Part]]:
        """`top` in `head`, then `groups` (each kept whole) in `n` columns under it, on as many
        pages as they need at `least` or larger; `top` on every page of the services in two
        columns, else on the first page only (the next pages' columns share `head`)."""
        ui, m = self.ui, self.ui.m
        again = kind == "services" and n > 1
        rest = self.rest
        top_fit = ui.column(top, head, m.body, least)
        below = take_top(rest, top_fit.h, m.pad)[1]
        # the tricks start on the next page when little room is left under `top`, the
        # services when their first does not fit there
        room = below.h >= rest.h * 0.4
        if kind == "services":
            room = ui.column(
                groups[0], split_cols(below, [1] * n, m.pad * 1.2)[0], m.body, least
            ).fits
        skip = 0 if again or room else n

        def box(i: int) -> pygame.Rect:
            page, col = divmod(i + skip, n)
            return split_cols(below if again or not page else head, [1] * n, m.pad * 1.2)[col]

        placed = page_columns(ui, groups, box, m.body, least)
        first = (top_fit, pygame.Rect(head.x, head.y, head.w, top_fit.h))
        return {
            (kind, k): [*([first] if again or not k else []), *(p for p in page if p is not None)]
            for k, page in enumerate(chunk([*[None] * skip, *placed], n))
        }

    def _fit_services(self) -> dict[Page, list[Part]]:
        """The region, its emergency number, then every service with its number and who it is
        for, in columns on as many pages as they need, never below `m.least`, with a pager at
        the top right. One column when two would cut an address."""
        m, rest = self.ui.m, self.rest
        d = m.pip  # room at the top right for the pager's circles
        head = pygame.Rect(rest.x, rest.y, rest.w - 3 * (d + m.gap) - m.pad, rest.h)
        groups = [self._service(s) for s in self.app.help.services] or [[]]
        groups[-1] += self._checked()  # with the last service, never on a page of its own
        for n in (2, 1) if rest.w >= m.body * 30 else (1,):
            pages = self._paged("services", self._where(), head, groups, n, m.least)
            if not _cuts_an_address([fit for parts in pages.values() for fit, _ in parts]):
                break
        self.services.reset(len(pages))
        self.services.place(pygame.Rect(rest.x, rest.y, rest.w, d), d, m.gap)
        return pages

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = inset(m.screen, m.w * 0.025, m.h * 0.03)
        inner = inset(self.card, m.pad * 1.3)
        top, rest = take_top(inner, m.heading * 1.35, m.pad * 0.6)
        self.heading, self.rest = top, rest
        bw = fit_label(ui, self.close_btn, round(min(top.w * 0.24, m.body * 7.5)), top.h, m.body)
        labels = (self.app.glossary.word("tricks_page"), *PAGE_NAMES.values())
        labels = labels if self.for_facilitator else labels[:-1]  # no facilitator's page
        self.page_btn.badge = "Tab"  # the wider of its badges
        th = round(top.h * 0.76)
        tw = fit_label(
            ui, self.page_btn, round(min(top.w * 0.34, m.small * 12)), th, m.small, labels
        )
        self.page_btn.rect, self.close_btn.rect = in_row(top, [tw, bw], m.pad, "right")
        self.page_btn.rect.inflate_ip(0, th - top.h)  # a quiet button, less tall
        self._fit_columns(rest)
        keys: dict[Page, list[Part]] = {}
        if self.for_facilitator:  # the keys, and the emergency number under them
            emergency = Block(emergency_line(self.app.help), role="bold", colour="heading", gap=1.2)
            blocks = [*self._facilitator_keys(), emergency]
            keys = {("facilitator", 0): [(ui.column(blocks, rest, m.body), rest)]}
        detail = self.details[1]  # how much of the services the first page holds
        short = not detail or detail < 2 and any(s.about for s in self.app.help.services)
        page = self.page
        self.pages = {
            HELP: list(zip(self.fits, self.cols, strict=True)),
            **(self._fit_services() if short else {}),
            **(self._fit_play() if len(self.cols) < 3 else {}),
            **keys,
            **self._paged(
                "tricks",
                self._points(),
                rest,
                self._tricks(),
                3 if rest.w >= m.body * 36 else 2,
                max(m.reading, m.small),
            ),
        }
        if page not in self.pages:  # a new size made fewer pages: the last of its kind
            page = [HELP, *(p for p in self.pages if p[0] == page[0])][-1]
        self.pager.reset(len(self.pages))
        self._show(page)

    def _fit_columns(self, rest: pygame.Rect) -> None:
        """Lay out the first page's columns in `rest`: the services first (`_fit_where`), then
        the safe moves and the keys, never larger than the services. When the services' names
        and numbers or the others' explanations do not fit in thirds of it, the services get
        more room, then the keys go to a page of their own. Three columns with every address
        whole come first, then those with one cut after a dot."""
        m = self.ui.m
        thirds = [((1.35, 1, 0.8), ()), ((1.1, 1.3, 0.8), ())]
        for shares, soft in [*thirds, *((s, (".", "/")) for s, _ in thirds), ((1, 1.25), ())]:
            self.cols = split_cols(rest, shares, m.pad * 1.2)
            where = self._fit_where(self.cols[1])
            columns = (self._moves, self._where_column, self._play)[: len(shares)]
            fitted = [
                where if i == 1 else self._fit_other(blocks, rect, min(m.body, where[0].base))
                for i, (rect, blocks) in enumerate(zip(self.cols, columns, strict=True))
            ]
            self.fits, self.details = (list(x) for x in zip(*fitted, strict=True))
            if min(self.details) >= 1 and not _cuts_an_address(self.fits[1:2], soft):
                break

    def _fit_other(
        self, blocks: Callable[[int], list[Block]], rect: pygame.Rect, top: int
    ) -> tuple[ColumnFit, int]:
        """A column with as much detail as fits: the explanations of the moves go, and "how to
        play"; the names of the moves and the keys always stay."""
        ui, m = self.ui, self.ui.m
        for detail in (2, 1, 0):
            fit = ui.column(blocks(detail), rect, top)
            if fit.fits:
                return fit, detail
        # even the fewest words do not fit: smaller still, never outside the card
        return ui.column(blocks(0), rect, m.min_font - 1, m.last_resort_font), 0

    def _fit_play(self) -> dict[Page, list[Part]]:
        """How to play and the keys, on a page of their own."""
        groups = block_groups(self._play(2), lambda block: block.colour == "accent")
        return self._paged("play", [], self.rest, groups, 2, self.ui.m.least)

    def _fit_where(self, rect: pygame.Rect) -> tuple[ColumnFit, int]:
        """The first page's services column and its detail (`_where_column`): the most that
        fits at `m.least` or larger with no number or address cut inside a name (a child
        copying it down gets it wrong). The rest is on the services' own pages."""
        ui, m = self.ui, self.ui.m
        for detail in (2, 1, 0):
            fit = ui.column(self._where_column(detail), rect, m.body, m.least)
            if fit.fits and not _cuts_an_address([fit]):
                return fit, detail
        # even the emergency number alone does not fit: smaller, never outside the card
        return ui.column(self._where_column(0), rect, m.least, m.last_resort_font), 0

    def handle(self, inp: Input) -> bool:
        act, pos = inp.act, inp.pos
        if act is Act.HOVER:
            return self.group.set_hover(pos)
        kind, number = self.page
        pip = self.services.at(pos) if act is Act.CLICK and kind == "services" else -1
        if act is Act.LETTER and inp.text == "g":  # the tricks' pages one by one, then help
            self._show(("tricks", number + 1 if kind == "tricks" else 0))
        elif pip >= 0:  # the services' pager
            self._show(("services", pip))
        elif act in (Act.NEXT, Act.PREV, Act.LEFT, Act.RIGHT) or (
            act is Act.CLICK and self.page_btn.rect.collidepoint(pos)
        ):
            self._show(self._next(-1 if act in (Act.PREV, Act.LEFT) else 1))
        elif act in (Act.BACK, Act.HELP, Act.CONFIRM) or (
            act is Act.CLICK and self.close_btn.rect.collidepoint(pos)
        ):
            self.app.pop()
        else:
            return act is not Act.FULLSCREEN
        return True

    def _next(self, step: int) -> Page:
        """The page `step` away in Tab's order, round to the other end."""
        return list(self.pages)[(self.pager.index + step) % self.pager.count]

    def _show(self, page: Page) -> None:
        """Show `page` (one that does not exist: help). The page button names the page it goes
        to next; its badge is G while it only goes through the tricks, else Tab (it follows
        Tab's order; G still opens the tricks)."""
        self.pager.go(list(self.pages).index(page) if page in self.pages else 0)
        kind = self._next(1)[0]
        self.page_btn.label = PAGE_NAMES.get(kind) or self.app.glossary.word("tricks_page")
        self.page_btn.translate = kind != "tricks"
        self.page_btn.badge = "G" if {k for k, _ in self.pages} <= {"help", "tricks"} else "Tab"

    def texts(self) -> tuple[str, ...]:
        return (tr("Help"), *column_texts(*(fit for fit, _ in self.pages[self.page])))

    def draw(self, surface: pygame.Surface) -> None:
        # the page composed once (game/ui/layers.py), over the screen below
        key = (self.page, self.texts(), tuple(self.card))
        self.static_layer.draw(self.ui, surface, self.paint, [self.group], key, over=True)

    def paint(self, surface: pygame.Surface) -> None:
        """Everything but the buttons: the card, the page's columns and its pager."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        draw_card(ui, surface, self.card, tr("Help"), self.heading)
        parts = self.pages[self.page]
        left = min(rect.x for _, rect in parts)
        for fit, rect in parts:
            if rect.x > left:  # a rule between columns
                x = rect.x - round(m.pad * 0.7)
                pygame.draw.line(surface, t.panel_edge, (x, rect.y), (x, rect.bottom), 1)
            ui.draw_column(surface, fit, rect)
        if self.page[0] == "services":
            draw_pips(ui, surface, self.services.pips, self.page[1])
