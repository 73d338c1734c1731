"""The help overlay (H from anywhere): the safe moves, the region's services with the date they
were checked and the emergency number, how to play, and the keys. Esc, H or Enter closes it and
the screen below carries on exactly where it was.

"For the facilitator": the keys that run a group game (N notes, B a point, U undo, S skip,
Backspace back, T timer, A–F then 1–4, V and Q for Students' phones). Shown everywhere except in a solo game (where they do
nothing): before a session the facilitator looks them up here too. A quiet strip along the
bottom, under the support numbers, never beside them, and only when it costs the help columns
nothing (every explanation, the same text size); otherwise the keys get a second page (Tab or
the button), so the first page stays all about help.

When the services with their "who it's for" lines do not fit the first page's column, the first
page keeps their names and numbers (a child must see the number at once) and says where the
rest is: the services get pages of their own, next after the first (Tab), every service with its
name, number and who it is for, at the reading size. Pages: 0 the help, 1 the facilitator's
keys, 2… the tricks, −1, −2… the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Tag
from game.model.session import scoring_rules
from game.ui.input import Act, Input
from game.ui.layout import chunk, inset, paginate, split_cols, take_bottom, take_top
from game.ui.scene import Scene, column_texts
from game.ui.services import N_, emergency_line, tr
from game.ui.text import Block, ColumnFit
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group, draw_pips, fit_label

if TYPE_CHECKING:
    from game.ui.app import App

SAFE_MOVES = (
    (N_("Stop"), N_("Stop replying. Don't send, don't pay, don't argue.")),
    (
        N_("Save the chat — never the picture"),
        N_("Screenshot the messages, the name and any threats."),
    ),
    (N_("Block and report"), N_("After saving, block and report them in the app or game.")),
    (N_("Tell someone you trust"), N_("You will not be in trouble for asking for help.")),
    (N_("Get help"), N_("Helplines and removal services are there for you.")),
    (
        N_("If it happens to someone else"),
        N_("Don't forward it. Support the person. Tell an adult."),
    ),
)
HOW_TO_PLAY = (
    N_("Read the chat. Pick the safest reply with 1–4 or a click."),
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


class HelpScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "help"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.close_btn = Button("close", "Close", kind="primary", badge="Esc")
        self.page_btn = Button("facilitator", "For the facilitator", kind="quiet", badge="Tab")
        self.group = FocusGroup([self.close_btn], index=0)
        self.page = 0  # 1: the facilitator's keys, when they have a page of their own
        self.paged = False
        self.strip = pygame.Rect(0, 0, 0, 0)
        self.strip_parts: list[tuple[ColumnFit, pygame.Rect]] = []  # the facilitator's strip
        # a page of its own for the points and the glossary of tricks (G, or the button)
        words = app.glossary
        self.tricks_btn = Button("tricks", words.word("tricks_page"), kind="quiet", badge="G")
        self.tricks_btn.translate = False
        self.tricks_pages: list[list[tuple[ColumnFit, pygame.Rect]]] = []
        # pages −1, −2… : the services, each with who it is for, when the first page has no room
        self.services_pages: list[list[tuple[ColumnFit, pygame.Rect]]] = []
        self.pips: list[pygame.Rect] = []  # their pager, when there are several (clickable)

    @property
    def for_facilitator(self) -> bool:
        """The facilitator's keys: in group games and outside a game, not in a solo game."""
        play = getattr(self.app, "play", None)
        return play is None or play.session.state.mode.is_group

    def _facilitator_title(self) -> Block:
        return Block(
            tr("For the facilitator, in group games"), role="semi", colour="accent", scale=0.82
        )

    def _facilitator_keys(self) -> list[Block]:
        return [
            Block(f"{tr(key)}:  {tr(what)}", gap=0.2, scale=0.85) for key, what in FACILITATOR_KEYS
        ]

    def _layout_strip(self, rest: pygame.Rect) -> int:
        """The facilitator's keys as a strip along the bottom of `rest`: the title, then the
        keys in three or four columns. Returns its height (the least of the two)."""
        ui, m = self.ui, self.ui.m
        keys = self._facilitator_keys()
        best: tuple[int, list[tuple[ColumnFit, pygame.Rect]]] | None = None
        for n in (4, 3):
            per = -(-len(keys) // n)
            title = ui.column([self._facilitator_title()], rest, m.small)
            y = title.h + round(m.small * 0.3)
            rects = split_cols(pygame.Rect(rest.x, 0, rest.w, rest.h), [1] * n, m.pad)
            parts = []
            for k, rect in enumerate(rects):
                chunk = keys[k * per : (k + 1) * per]
                if not chunk:
                    continue
                chunk = [
                    Block(b.text, b.role, b.scale, b.colour, 0.0) if not i else b
                    for i, b in enumerate(chunk)
                ]
                parts.append((ui.column(chunk, rect, m.small), rect))
            h = y + max(f.h for f, _ in parts)
            if best is None or h < best[0]:
                best = (
                    h,
                    [(title, pygame.Rect(rest.x, 0, rest.w, title.h))]
                    + [(f, r.move(0, y)) for f, r in parts],
                )
        assert best is not None
        self.strip_parts = best[1]
        return best[0]

    def _columns(self, detail: int = 2) -> list[list[Block]]:
        """Detail 2: everything; 1: no service descriptions; 0: also no move explanations."""
        label = Block("", role="semi", colour="accent", scale=0.82)
        moves = [label._replace(text=tr("Safe moves"))]
        for name, text in SAFE_MOVES:
            moves.append(Block(tr(name), role="bold", gap=0.6))
            if detail >= 1:
                moves.append(Block(tr(text), colour="text_muted", gap=0.1, scale=0.92))
        h = self.app.help
        where = [
            label._replace(text=tr("Where to get help")),
            Block(h.region, role="semi", colour="text_muted", scale=0.82, gap=0.2),
            Block(emergency_line(h), role="bold", colour="heading", gap=0.5, scale=1.05),
        ]
        for s in h.services:
            where.append(Block(s.name, role="bold", gap=0.6))
            where.append(Block(s.contact, role="semi", colour="accent", gap=0.05, scale=0.9))
            if s.about and detail >= 2:
                where.append(Block(s.about, colour="text_muted", gap=0.1, scale=0.92))
        if detail < 2 and any(s.about for s in h.services):  # the descriptions' own pages
            where.append(
                Block(tr("Who each one is for: next page (Tab)"), role="semi", gap=0.6, scale=0.9)
            )
        dates = sorted(s.checked for s in h.services if s.checked)
        if dates:  # one line for the list (the oldest check), so the descriptions keep their room
            where.append(
                Block(
                    tr("checked {date}").format(date=dates[0]),
                    role="italic",
                    colour="text_muted",
                    gap=0.6,
                    scale=0.8,
                )
            )
        play: list[Block] = []
        if detail >= 1:  # with very large text the keys stay and "how to play" goes
            play.append(label._replace(text=tr("How to play")))
            play += [Block(tr(line), gap=0.35, scale=0.92) for line in HOW_TO_PLAY]
        play.append(label._replace(text=tr("Keys"), gap=0.9 if play else 0.0))
        play += [Block(f"{tr(key)}:  {tr(what)}", gap=0.2, scale=0.92) for key, what in KEYS]
        play.append(
            Block(
                tr("Everything also works with a mouse or a touch screen."),
                colour="text_muted",
                gap=0.6,
                scale=0.85,
            )
        )
        return [moves, where, play]

    def _points(self) -> list[Block]:
        """The points: the session's scoring (or all of it outside a game), glossary words."""
        words = self.app.glossary
        play = getattr(self.app, "play", None)
        options = play.session.state.options if play else None
        teams = bool(play and play.session.state.mode.value == "teams")
        rules = scoring_rules(
            spot=options.spot if options else True,
            name=options.name if options else True,
            teams=teams or play is None,
        )
        label = Block("", role="semi", colour="accent", scale=0.82)
        points = [label._replace(text=words.word("scoring_heading"))]
        lines = [words.scoring_line(r.key, r.points, r.text) for r in rules if r.key != "never"]
        never = [words.scoring_line(r.key, r.points, r.text) for r in rules if r.key == "never"]
        points.append(Block("  ·  ".join(lines), gap=0.2, scale=0.88))
        points += [Block(text, role="semi", gap=0.2, scale=0.88) for text in never]
        return points

    def _tricks(self, tags: list[Tag], explain: bool, heading: bool) -> list[Block]:
        """Tricks by name, each with its one-line explanation for the age group played."""
        words = self.app.glossary
        play = getattr(self.app, "play", None)
        band = (play.setup if play else self.app.setup).band
        out: list[Block] = []
        if heading:
            label = Block("", role="semi", colour="accent", scale=0.82)
            out.append(label._replace(text=words.word("tricks_heading")))
        for tag in tags:
            out.append(Block(words.tactic_name(tag), role="bold", gap=0.5, scale=0.9))
            if explain:
                out.append(
                    Block(words.explain(tag, band), colour="text_muted", gap=0.05, scale=0.85)
                )
        return out

    def _fit_tricks(self, rest: pygame.Rect) -> list[list[tuple[ColumnFit, pygame.Rect]]]:
        """The points, then the glossary of tricks with their explanations in columns, on as
        many pages as they need at a readable size."""
        ui, m = self.ui, self.ui.m
        least = max(m.reading, m.small)
        top = ui.column(self._points(), rest, m.body, least)
        below = pygame.Rect(rest.x, rest.y + top.h + m.pad, rest.w, rest.h - top.h - m.pad)
        n = 3 if rest.w >= m.body * 36 else 2
        # below the points when there is room for it, else on pages of their own
        skip = 0 if below.h >= rest.h * 0.4 else n

        def box(i: int) -> pygame.Rect:
            page, col = divmod(i + skip, n)
            return split_cols(below if page == 0 else rest, [1] * n, m.pad * 1.2)[col]

        tags = list(Tag)
        groups = [self._tricks([tag], True, i == 0) for i, tag in enumerate(tags)]
        boxes = paginate(groups, lambda i, blocks: ui.column(blocks, box(i), m.body, least).fits)
        size = min(ui.column(b, box(i), m.body, least).base for i, b in enumerate(boxes))
        placed = [(ui.page_column(b, box(i), size), box(i)) for i, b in enumerate(boxes)]
        slots: list[tuple[ColumnFit, pygame.Rect] | None] = [None] * skip
        pages = chunk([*slots, *placed], n)
        pages[0] = [(top, pygame.Rect(rest.x, rest.y, rest.w, top.h)), *pages[0]]
        return [[p for p in page if p is not None] for page in pages]

    def _fit_services(self, rest: pygame.Rect) -> list[list[tuple[ColumnFit, pygame.Rect]]]:
        """The region, its emergency number, then every service with its number and who it is
        for, in columns on as many pages as they need at the reading size."""
        ui, m = self.ui, self.ui.m
        least = max(m.reading, m.small)
        h = self.app.help
        label = Block(tr("Where to get help"), role="semi", colour="accent", scale=0.82)
        d = max(44, round(m.body * 1.45))  # room at the top right for the pager's circles
        head = pygame.Rect(rest.x, rest.y, rest.w - 3 * (d + m.gap) - m.pad, rest.h)
        top = ui.column(
            [
                label,
                Block(h.region, role="semi", colour="text_muted", scale=0.82, gap=0.2),
                Block(emergency_line(h), role="bold", colour="heading", gap=0.5, scale=1.05),
            ],
            head,
            m.body,
            least,
        )
        below = pygame.Rect(rest.x, rest.y + top.h + m.pad, rest.w, rest.h - top.h - m.pad)
        n = 2 if rest.w >= m.body * 30 else 1
        boxes_of = split_cols(below, [1] * n, m.pad * 1.2)
        groups = [
            [
                Block(s.name, role="bold", gap=0.8),
                Block(s.contact, role="semi", colour="accent", gap=0.05, scale=0.9),
                *([Block(s.about, colour="text_muted", gap=0.1, scale=0.92)] if s.about else []),
            ]
            for s in h.services
        ]
        boxes = paginate(
            groups, lambda i, blocks: ui.column(blocks, boxes_of[i % n], m.body, least).fits
        )
        boxes = [[box[0]._replace(gap=0.0), *box[1:]] for box in boxes if box]
        size = min(ui.column(b, boxes_of[i % n], m.body, least).base for i, b in enumerate(boxes))
        placed = [
            (ui.page_column(b, boxes_of[i % n], size), boxes_of[i % n]) for i, b in enumerate(boxes)
        ]
        pages = chunk(placed, n)
        step = d + m.gap
        self.pips = [
            pygame.Rect(rest.right - (len(pages) - k) * step + m.gap, rest.y, d, d)
            for k in range(len(pages) if len(pages) > 1 else 0)
        ]
        return [[(top, pygame.Rect(head.x, head.y, head.w, top.h)), *p] for p in pages]

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = inset(m.screen, m.w * 0.025, m.h * 0.03)
        inner = inset(self.card, m.pad * 1.3)
        top, rest = take_top(inner, m.heading * 1.35, m.pad * 0.6)
        self.heading = top
        bw = fit_label(ui, self.close_btn, round(min(top.w * 0.24, m.body * 7.5)), top.h, m.body)
        self.close_btn.rect = pygame.Rect(top.right - bw, top.y, bw, top.h)
        th = round(top.h * 0.76)
        labels: tuple[str, ...] = (
            self.app.glossary.word("tricks_page"),
            N_("Back to help"),
            N_("Where to get help"),  # the services' pages, when they have their own
        )
        self.tricks_btn.badge = "Tab"  # the wider of its badges (G or Tab, see _label_pages)
        tw = fit_label(
            ui, self.tricks_btn, round(min(top.w * 0.34, m.small * 12)), th, m.small, labels
        )
        self.tricks_btn.rect = pygame.Rect(
            self.close_btn.rect.x - m.pad - tw, top.y + round(top.h * 0.12), tw, th
        )
        self.tricks_pages = self._fit_tricks(rest)
        self.paged = False
        self.strip_parts = []
        fitted = False
        if self.for_facilitator:
            # the strip at the bottom, when it takes at most a quarter of the card and costs the
            # help columns nothing (no explanation left out, no smaller text); else the
            # facilitator's keys get a page of their own
            self._fit_columns(rest)
            alone = self._fitted()
            h = self._layout_strip(rest)
            if h + m.pad <= rest.h * 0.25:
                self.strip, above = take_bottom(rest, h, m.pad)
                self.strip_parts = [(f, r.move(0, self.strip.y)) for f, r in self.strip_parts]
                fitted = self._fit_columns(above) and self._fitted() == alone
            if not fitted:
                self.strip_parts = []
                self.paged = True
        if not fitted:
            self._fit_columns(rest)
        short = self.details[1] < 2 and any(s.about for s in self.app.help.services)
        self.pips = []
        self.services_pages = self._fit_services(rest) if short else []
        if self.paged:  # one button goes through the pages: help, facilitator, tricks
            self.tricks_btn.rect = pygame.Rect(0, 0, 0, 0)
            ph = round(top.h * 0.76)
            labels = (
                N_("For the facilitator"),
                N_("Back to help"),
                N_("Where to get help"),
                self.app.glossary.word("tricks_page"),
            )
            pw = fit_label(
                ui, self.page_btn, round(min(top.w * 0.34, m.small * 12)), ph, m.small, labels
            )
            self.page_btn.rect = pygame.Rect(
                self.close_btn.rect.x - m.pad - pw, top.y + round(top.h * 0.12), pw, ph
            )
            blocks = [self._facilitator_title(), *self._facilitator_keys()]
            # the emergency number stays on this page too
            blocks.append(
                Block(emergency_line(self.app.help), role="bold", colour="heading", gap=1.2)
            )
            self.page_fit = ui.column(blocks, rest, m.body)
            self.page_rect = rest
        # a new size can have fewer pages (or no facilitator's page): stay as close as possible
        last_trick = 1 + len(self.tricks_pages)
        if self.page >= 2:
            self.page = min(self.page, last_trick) if self.tricks_pages else 0
        elif self.page == 1 and not self.paged:
            self.page = 0
        elif self.page < 0:
            self.page = max(self.page, -len(self.services_pages)) if self.services_pages else 0
        self.group.buttons = [self.close_btn] + (
            [self.page_btn] if self.paged else [self.tricks_btn]
        )
        self._label_pages()

    def _fitted(self) -> list[tuple[int, int, bool]]:
        """How the columns came out: per column its detail, its text size, whether it fits."""
        return [(d, f.base, f.fits) for d, f in zip(self.details, self.fits, strict=True)]

    def _fit_columns(self, rest: pygame.Rect) -> bool:
        """Lay out the three columns in `rest`; True when every one fits (at some detail)."""
        ui, m = self.ui, self.ui.m
        self.cols = split_cols(rest, (1.35, 1, 0.8), m.pad * 1.2)
        # each column keeps as much detail as fits: service descriptions go first, then the
        # explanations of the moves; the names, numbers and keys always stay
        self.fits = []
        self.details = []
        for i, rect in enumerate(self.cols):
            for detail in (2, 1, 0):
                fit = ui.column(self._columns(detail)[i], rect, m.body)
                if fit.fits:
                    break
            else:  # even the fewest words do not fit: smaller still, never outside the card
                fit = ui.column(self._columns(0)[i], rect, m.min_font - 1, m.last_resort_font)
            self.fits.append(fit)
            self.details.append(detail)
        return all(f.fits for f in self.fits)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        tricks = [2 + k for k in range(len(self.tricks_pages))]
        page_button = self.page_btn if self.paged else self.tricks_btn
        # the top button leads through every page once the services have pages of their own
        # (a mouse or touch user in solo play reaches them too); else it is the tricks' button
        through_all = self.paged or bool(self.services_pages)
        clicked = inp.act is Act.CLICK and page_button.rect.collidepoint(inp.pos)
        if (inp.act is Act.LETTER and inp.text == "g") or (
            clicked and not through_all
        ):  # G: the tricks' pages one after another, then back to help
            cycle = [*tricks, 0]  # from any other page (the facilitator's too): the first trick
            at = cycle.index(self.page) + 1 if self.page in cycle else 0
            self.page = cycle[at % len(cycle)]
            self._label_pages()
            return True
        pip = [
            k for k, r in enumerate(self.pips) if inp.act is Act.CLICK and r.collidepoint(inp.pos)
        ]
        if pip and self.page < 0:  # the services' pager
            self.page = -1 - pip[0]
            self._label_pages()
            return True
        if inp.act in (Act.NEXT, Act.PREV, Act.LEFT, Act.RIGHT) or (clicked and through_all):
            pages = self._order()
            step = -1 if inp.act in (Act.PREV, Act.LEFT) else 1
            at = pages.index(self.page) if self.page in pages else 0
            self.page = pages[(at + step) % len(pages)]
            self._label_pages()
            return True
        if inp.act in (Act.BACK, Act.HELP, Act.CONFIRM) or (
            inp.act is Act.CLICK and self.close_btn.rect.collidepoint(inp.pos)
        ):
            self.app.pop()
            return True
        return inp.act is not Act.FULLSCREEN

    def _order(self) -> list[int]:
        """The pages in the order Tab goes through them: help, its services, the facilitator's
        keys (when they have a page), the tricks."""
        services = [-1 - k for k in range(len(self.services_pages))]
        tricks = [2 + k for k in range(len(self.tricks_pages))]
        return [0, *services, *([1] if self.paged else []), *tricks]

    def _label_pages(self) -> None:
        """The page button names the page it goes to next."""
        words = self.app.glossary
        last = 1 + len(self.tricks_pages)
        going = words.word("tricks_page")
        if self.paged or self.services_pages:
            button = self.page_btn if self.paged else self.tricks_btn
            order = self._order()
            nxt = order[(order.index(self.page) + 1) % len(order)] if self.page in order else 0
            names = {0: N_("Back to help"), 1: N_("For the facilitator")}
            button.label = names.get(nxt, N_("Where to get help") if nxt < 0 else going)
            button.translate = nxt < 2
            button.badge = "Tab"  # it follows Tab's order; G still opens the tricks
        else:
            self.tricks_btn.badge = "G"
            more = self.page < last
            self.tricks_btn.label = going if more else N_("Back to help")
            self.tricks_btn.translate = not more

    def texts(self) -> tuple[str, ...]:
        if self.page >= 2:  # the tricks pages
            shown = [fit for fit, _ in self.tricks_pages[self.page - 2]]
        elif self.page < 0:  # the services' pages
            shown = [fit for fit, _ in self.services_pages[-1 - self.page]]
        else:
            shown = [self.page_fit] if self.page == 1 else self.fits
        return (tr("Help"), *column_texts(*shown))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        draw_card(ui, surface, self.card, tr("Help"), self.heading)
        if self.page >= 2 or self.page < 0:
            tricks = self.page >= 2
            page = (
                self.tricks_pages[self.page - 2] if tricks else self.services_pages[-1 - self.page]
            )
            if not tricks:
                draw_pips(ui, surface, self.pips, -1 - self.page)
            for i, (fit, rect) in enumerate(page):
                if i > (int(self.page == 2) if tricks else 1):
                    x = rect.x - round(m.pad * 0.7)
                    pygame.draw.line(surface, t.panel_edge, (x, rect.y), (x, rect.bottom), 1)
                ui.draw_column(surface, fit, rect)
        elif self.page == 1:
            ui.draw_column(surface, self.page_fit, self.page_rect)
        else:
            for i, (fit, rect) in enumerate(zip(self.fits, self.cols, strict=True)):
                if i:
                    x = rect.x - round(m.pad * 0.7)
                    pygame.draw.line(surface, t.panel_edge, (x, rect.y), (x, rect.bottom), 1)
                ui.draw_column(surface, fit, rect)
            if self.strip_parts:
                y = self.strip.y - round(m.pad * 0.5)
                pygame.draw.line(surface, t.panel_edge, (self.strip.x, y), (self.strip.right, y), 1)
                for fit, rect in self.strip_parts:
                    ui.draw_column(surface, fit, rect)
        draw_group(ui, surface, self.group)
