"""Feedback: the rating (icon AND word), what the choice leads to, the safest choice, the
reason and the right reason, the red flag, the takeaway (prominent) and the points.

After a safe choice: one page, two columns side by side (choice | reason) above the takeaway
and the red flag, everything shrinking together to fit. After a not-safe choice there is much
more to say (the safest choice and why it is safe, the right reason), too much for one page on a
projector at 1024×768 or in a longer language without leaving something out or shrinking it all
to the floor, so the feedback always comes in two steps, each at a size the back of the room
can read:

1. the choices: what you chose and why | the safest choice and why it is safe, and the red flag;
2. the reasons: your reason, right or not and why | the right reason, and the takeaway.

A pager beside the button shows the pages (the current one filled), the button on a page with
more after it names what the next page shows ("Why the safe choice is right" before the reasons,
"The right reason" before that part alone, "Next" before a mix), so nobody can go on to the next
card without having been shown every page. Enter / Right / a click go forward, Backspace / Left /
Back go back, 1 and 2 (or a click on the pager) open a page. A safe answer too long for one page
gets the same two pages; should two pages still not hold it (a projector at 1024x768, the largest
text sizes), the parts follow one another on pages filled at the reading size (`_paged_plan`):
nothing is left out, and no explanation starts a page without its label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.model.kinds import Rating
from game.model.session import CardResult, Mode
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, paginate, split_cols, take_bottom, take_top
from game.ui.scenes.common import PlayScene
from game.ui.services import N_, tr
from game.ui.text import Block, ColumnFit, block_groups
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_pips,
    flag_logo,
    panel,
    rating_icon,
    verdict_icon,
)

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext

# width shares of the two columns (choice | reason) tried in turn; even first, so ties stay even
COLUMN_SPLITS = ((1, 1), (1.15, 0.85), (1.3, 0.7), (0.85, 1.15))
RATING_WORDS = {Rating.SAFE: N_("Safe"), Rating.RISKY: N_("Risky"), Rating.HARMFUL: N_("Harmful")}
MORE_LABEL = N_("Why the safe choice is right")  # the button before the reasons page
# the button before a page names what it shows: its one section, the reasons, or just "Next"
PAGE_LABELS = {
    ("safest",): N_("The safest choice"),
    ("reason",): N_("Your reason"),
    ("right",): N_("The right reason"),
    ("reason", "right"): MORE_LABEL,
}


@dataclass
class Sections:
    """The feedback in reading order, in the parts pages are made of."""

    choice: list[Block]  # you chose, its text and explanation (and a steal)
    safest: list[Block]  # the safest choice and why it is safe (a not-safe choice only)
    reason: list[Block]  # your reason, the verdict, its explanation (and your own words)
    right: list[Block]  # the right reason (a wrong reason only)


@dataclass
class Page:
    parts: list[str]  # the sections shown, one a column (see Sections)
    columns: list[list[Block]]  # one or two columns of blocks
    takeaway: bool = False  # the takeaway panel shows on this page
    flag: bool = False  # the red flag shows on this page
    cols: list[pygame.Rect] = field(default_factory=list)
    inner: list[pygame.Rect] = field(default_factory=list)
    fits: list[ColumnFit] = field(default_factory=list)

    @property
    def base(self) -> int:
        return min((f.base for f in self.fits), default=0)

    @property
    def ok(self) -> bool:
        return all(f.fits for f in self.fits)


class FeedbackScene(PlayScene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "feedback"
    kind = "feedback"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.next_btn = Button("next", self._last_label(), kind="primary", badge="Enter")
        self.back_btn = Button("back", "Back", kind="quiet", icon=self._back_arrow)
        self.group = FocusGroup([self.next_btn], index=0)
        self.pages: list[Page] = []
        self.page = 0
        self.pips: list[pygame.Rect] = []

    def _last_label(self) -> str:
        return N_("See the results") if self.state.is_last_card else N_("Next card")

    def on_enter(self) -> None:
        result = self.state.last_result
        self.app.sound.play("reveal")  # then the rating's cue, once the chime has sounded
        safe = result and result.rating is Rating.SAFE
        self.app.sound.play("safe" if safe else "gentle", delay=0.35)

    # -- what to show --------------------------------------------------------------------

    def _sections(self) -> Sections:
        st = self.state
        card = st.card
        chosen = card.responses[st.choice or 0]
        label = Block("", role="semi", scale=0.78, colour="accent", gap=1.0)
        choice = [
            label._replace(text=tr("You chose")),
            Block(chosen.text, role="bold", gap=0.25),
            Block(chosen.feedback, gap=0.35, colour="text_muted"),
        ]
        if st.steal is not None:
            thief = st.teams[st.steal.team]
            stolen = card.responses[st.steal.response]
            choice += [
                label._replace(text=tr("Team {letter} stole with").format(letter=thief.letter)),
                Block(f"{stolen.text} ({tr(RATING_WORDS[stolen.rating])})", role="bold", gap=0.25),
            ]
        safest: list[Block] = []
        if chosen.rating is not Rating.SAFE:
            best = card.responses[card.best_response_index]
            safest = [
                label._replace(text=tr("The safest choice"), indent=1.3, tag="safest"),
                Block(best.text, role="bold", gap=0.25),
                Block(best.feedback, gap=0.35, colour="text_muted"),
            ]
        if st.reason is None:  # after a steal: no "why" (the steal showed the safe answer)
            good = card.reasons[card.right_reason_index]
            right = [
                label._replace(text=tr("The right reason")),
                Block(good.text, role="bold", gap=0.25),
                Block(good.feedback, gap=0.35, colour="text_muted"),
            ]
            return Sections(choice, safest, [], right)
        reason_i = st.reason
        reason_card = card.reasons[reason_i]
        right_ok = reason_card.right
        reason = [
            label._replace(text=tr("Your reason")),
            Block(reason_card.text, role="bold", gap=0.25),
            Block(
                tr("Right!") if right_ok else tr("Not quite"),
                role="semi",
                indent=1.5,
                tag="verdict",
                gap=0.4,
                colour="heading",
            ),
            Block(reason_card.feedback, gap=0.35, colour="text_muted"),
        ]
        if self.play.own_words:
            reason += [
                label._replace(text=tr("In your own words")),
                Block(f"“{self.play.own_words}”", role="italic", gap=0.25),
            ]
        right = []
        if not right_ok:
            good = card.reasons[card.right_reason_index]
            right = [
                label._replace(text=tr("The right reason")),
                Block(good.text, role="bold", gap=0.25),
            ]
        return Sections(choice, safest, reason, right)

    def _page_plans(self, s: Sections) -> list[list[Page]]:
        """The ways to show the feedback: one page, or two (see `_paged_plan` for more)."""

        def page(*columns: tuple[str, ...], takeaway: bool = False, flag: bool = False) -> Page:
            kept = [c for c in columns if any(getattr(s, n) for n in c)]
            blocks = [[b for n in c for b in getattr(s, n)] for c in kept]
            return Page([c[0] for c in kept], blocks, takeaway=takeaway, flag=flag)

        one = [page(("choice", "safest"), ("reason", "right"), takeaway=True, flag=True)]
        two = [page(("choice",), ("safest",), flag=True), page(("reason",), ("right",))]
        two[0].flag = two[-1].takeaway = True
        return [one, two]

    # -- layout --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ui, m = self.ui, self.ui.m
        area = self.content
        # with large text the header and the button row stop growing before the columns do
        self.header, rest = take_top(area, min(m.play_heading * 1.45, m.h * 0.12), m.pad * 0.6)
        self.bottom, rest = take_bottom(rest, max(48, min(m.body * 2.4, m.h * 0.11)), m.pad * 0.7)
        card = self.state.card
        ip = self.ip = round(m.unit * 2.2)
        take = ui.engine.fit(
            card.takeaway,
            "bold",
            rest.w - 2 * ip - round(m.body * 1.5),
            round(rest.h * 0.2),
            round(m.body * 1.05),
            # never below the takeaway's largest size one text-size step smaller (its box is
            # a share of a height the button row's growth takes from): larger text, larger
            m.least if m.step_below is None else max(m.least, round(m.step_below.body * 1.05)),
        )
        self.take_low, above_take = take_bottom(rest, take.h + 2 * ip, m.pad * 0.7)
        self.take_alone = centered(rest, rest.w, self.take_low.h)  # a page of its own
        # on pages the red flag has a row of its own where the takeaway would be, so the
        # button row keeps room for the pager and the longer button label
        self.flag_row, above_flag = take_bottom(rest, self.bottom.h, m.pad * 0.7)

        def page_area(page: Page, single: bool) -> pygame.Rect:
            if page.takeaway:
                return above_take
            return above_flag if page.flag and not single else rest

        self.takeaway_size = take.size
        sections = self._sections()
        plans = self._page_plans(sections)
        if self.state.card.responses[self.state.choice or 0].rating is not Rating.SAFE:
            plans = plans[1:]  # after a not-safe choice always two steps: choices, then reasons
        # the largest text: the sections' blocks paged at the reading size, nothing left out
        plans.append(self._paged_plan(sections, above_flag, rest, above_take))
        for plan in plans:
            for page in plan:
                self._fit_page(page, page_area(page, len(plan) == 1))
            self._share_size(plan)
            if all(p.ok for p in plan):
                break
        for page in plan:  # a part too long for a page of its own even at the least size
            if not page.ok:
                page.fits = [
                    self.ui.page_column(col, inner, m.body)
                    for col, inner in zip(page.columns, page.inner, strict=True)
                ]
        self.pages = plan
        self.page = min(self.page, len(self.pages) - 1)
        self._layout_bottom()
        self._show_page(self.page)

    def _paged_plan(
        self, s: Sections, first: pygame.Rect, rest: pygame.Rect, last: pygame.Rect
    ) -> list[Page]:
        """The sections one after another, pages filled at the reading size (`paginate`): a
        page takes the next part (a label, its text and explanation) while it fits in the
        page's room (`first` with the red flag, `last` with the takeaway, `rest` between).
        A part too long for a page alone splits after its text, and the page it goes on to
        repeats its label, so no explanation starts a page unlabelled."""
        ui, m = self.ui, self.ui.m
        small = min(first, rest, last, key=lambda r: r.h)

        def fits(items: list[Piece], rect: pygame.Rect) -> bool:
            return ui.column(_blocks(items), inset(rect, self.ip), m.body, m.least).fits

        groups: list[list[Piece]] = []
        for name in ("choice", "safest", "reason", "right"):
            for part in block_groups(getattr(s, name), lambda b: b.colour == "accent"):
                pieces = [Piece(name, part[0], b) for b in part]
                if fits(pieces, small):
                    groups.append(pieces)
                else:
                    groups += [[Piece(name, part[0], b) for b in p] for p in _split(part)]
        boxes = paginate(
            [[g] for g in groups], lambda n, box: fits(_flat(box), first if n == 0 else rest)
        )
        # the takeaway takes room on the last page: a part that no longer fits goes on a page
        # after, and the takeaway on a page of its own when even the last part alone does not
        if len(boxes[-1]) > 1 and not fits(_flat(boxes[-1]), last):
            boxes.append([boxes[-1].pop()])
        if not fits(_flat(boxes[-1]), last):
            boxes.append([])
        plan = [Page(_parts(_flat(box)), [_blocks(_flat(box))] if box else []) for box in boxes]
        plan[0].flag = plan[-1].takeaway = True
        return plan

    def _fit_page(self, page: Page, rect: pygame.Rect) -> None:
        """Fit the page's columns into `rect` at the reading size or larger: the split that
        shows the largest text wins; ties keep the even split."""
        m, ip = self.ui.m, self.ip
        if not page.columns:  # the takeaway alone
            return
        splits = COLUMN_SPLITS if len(page.columns) == 2 else ((1,),)
        best: tuple[tuple[bool, int], list[pygame.Rect], list[ColumnFit]] | None = None
        for weights in splits:
            cols = split_cols(rect, weights, m.pad)
            fits = [
                self.ui.column(col, inset(c, ip), m.body, m.least)
                for col, c in zip(page.columns, cols, strict=True)
            ]
            score = (all(f.fits for f in fits), min(f.base for f in fits))
            if best is None or score > best[0]:
                best = (score, cols, fits)
        assert best is not None
        _, page.cols, page.fits = best
        page.inner = [inset(c, ip) for c in page.cols]

    def _share_size(self, plan: list[Page]) -> None:
        """All columns of all pages at one size, so turning a page does not jump in size."""
        base = min(p.base for p in plan if p.columns)
        for page in plan:
            if page.base == base or not page.ok:
                continue
            fits = [
                self.ui.column(col, inner, base)
                for col, inner in zip(page.columns, page.inner, strict=True)
            ]
            if all(f.fits for f in fits):
                page.fits = fits

    def _layout_bottom(self) -> None:
        """The button row: [red flag | Back] … [pager] [the button]."""
        ui, m = self.ui, self.ui.m
        bottom = self.bottom
        bw = round(min(bottom.w * 0.34, m.body * 10))
        paged = len(self.pages) > 1
        if paged:  # room for the longest label the button has on a page with more after it
            labels = {tr(self._more_label(n)) for n in range(1, len(self.pages))}
            more = max(ui.engine.layout(t, "semi", m.body, 10_000).w for t in labels)
            badge = round(m.body * 1.5 * 0.42 * 4.5)  # the Enter badge (see draw_button)
            need = more + badge + round(m.unit * 2.4 + m.unit * 1.4) + m.gap
            self.more_w = max(bw, min(need, round(bottom.w * 0.6)))
        else:
            self.more_w = bw
        self.last_w = bw
        back_text = ui.engine.layout(tr("Back"), "semi", m.body, 10_000).w
        self.back_w = round(back_text + m.body * 1.6 + m.unit * 4.4)
        # the pager: one numbered circle a page, beside the button
        self.pips = []
        if paged:
            # at least 44 px, a touch target (a click anywhere up the row counts too)
            d = min(bottom.h, max(44, round(min(bottom.h * 0.62, m.body * 1.45))))
            # many pages: smaller circles, so the buttons keep their room
            room = bottom.w - self.back_w - bw - 6 * m.gap
            d = max(24, min(d, room // len(self.pages) - round(m.gap * 0.8)))
            step = d + round(m.gap * 0.8)
            width = step * len(self.pages) - round(m.gap * 0.8)
            self.pager_rect = pygame.Rect(0, 0, width, bottom.h)
            self.pips = [pygame.Rect(0, bottom.centery - d // 2, d, d) for _ in self.pages]
        else:
            self.pager_rect = pygame.Rect(0, 0, 0, 0)
        if paged:  # many pages (a projector's reading size): the long button gives way
            ring = max(3, round(m.unit * 0.55)) + 1 + max(6, round(m.unit * 1.3))
            room = bottom.w - self.pager_rect.w - self.back_w - ring - 3 * m.gap
            self.more_w = max(min(self.more_w, room), min(bw, room))

    def _show_page(self, page: int) -> None:
        """Put the buttons and boxes where the page `page` wants them."""
        m, bottom = self.ui.m, self.bottom
        self.page = page
        current = self.pages[page]
        last = page == len(self.pages) - 1
        self.cols, self.col_inner, self.fits = current.cols, current.inner, current.fits
        self.takeaway_rect = self.take_low if current.columns else self.take_alone
        bw = self.last_w if last else self.more_w
        self.next_btn.label = self._last_label() if last else self._more_label(page + 1)
        self.next_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        # room for the focus ring and its marker at the button's left edge (widgets.focus_ring)
        ring = max(3, round(m.unit * 0.55)) + 1 + max(6, round(m.unit * 1.3))
        x = self.next_btn.rect.x - ring - m.gap
        if self.pips:
            self.pager_rect.right = x
            self.pager_rect.y = bottom.y
            px = self.pager_rect.x
            for pip in self.pips:
                pip.x = px
                px += pip.w + round(m.gap * 0.8)
            x = self.pager_rect.x - m.pad
        buttons = [self.next_btn]
        if page > 0:
            self.back_btn.size = m.body
            self.back_btn.rect = pygame.Rect(bottom.x, bottom.y, self.back_w, bottom.h)
            buttons = [self.back_btn, self.next_btn]
        if self.paged:
            self.flag_rect = pygame.Rect(self.flag_row)
        else:
            self.flag_rect = pygame.Rect(bottom.x, bottom.y, max(0, x - bottom.x), bottom.h)
        focus = len(buttons) - 1
        hover = self.group.hover
        self.group = FocusGroup(buttons, index=focus)
        self.group.hover = hover if hover is not None and hover < len(buttons) else None

    def _more_label(self, next_page: int) -> str:
        """The button names what the next page shows ("Next" when it shows a mix)."""
        return PAGE_LABELS.get(tuple(self.pages[next_page].parts), N_("Next"))

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1

    def spoken_focus(self) -> str | None:
        """Read-aloud: the focused button, and which page this is when there are pages."""
        button = self.group.focused
        if button is None:
            return None
        if not self.paged:
            return button.text
        where = tr("Page {page} of {total}").format(page=self.page + 1, total=len(self.pages))
        return f"{button.text}. {where}"

    # -- input ---------------------------------------------------------------------------

    def turn(self, page: int) -> None:
        if 0 <= page < len(self.pages) and page != self.page:
            self.app.sound.play("next")
            self._show_page(page)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        last = len(self.pages) - 1
        # before the facilitator's keys: Backspace turns back a page before it goes back a step
        if inp.act in (Act.LEFT, Act.BACKSPACE) and self.page > 0:
            self.turn(self.page - 1)
            return True
        if inp.act is Act.RIGHT and self.page < last:
            self.turn(self.page + 1)
            return True
        if inp.act is Act.PICK and self.paged and inp.index <= last:
            self.turn(inp.index)
            return True
        if self.handle_bar(inp):
            return True
        if inp.act is Act.CLICK:
            hit = next((i for i, pip in enumerate(self.pips) if self._pip_hit(pip, inp.pos)), None)
            if hit is not None:
                self.turn(hit)
                return True
            button = self.group.at(inp.pos)
            if button is not None:
                self.activate(button)
            return True
        if inp.act is Act.CONFIRM:
            self.activate(self.group.focused or self.next_btn)
            return True
        if inp.act in (Act.NEXT, Act.PREV):
            self.group.move(1 if inp.act is Act.NEXT else -1)
            return True
        return inp.act in (Act.PICK, Act.LEFT, Act.RIGHT, Act.UP, Act.DOWN)

    def _pip_hit(self, pip: pygame.Rect, pos: tuple[int, int]) -> bool:
        """A click near a page's circle opens it: the whole height of the row counts (touch)."""
        gap = round(self.ui.m.gap * 0.4)
        return pip.inflate(2 * gap, self.bottom.h - pip.h).collidepoint(pos)

    def activate(self, button: Button) -> None:
        if button is self.back_btn:
            self.turn(self.page - 1)
        elif self.page < len(self.pages) - 1:  # never past a page not yet shown
            self.turn(self.page + 1)
        else:
            self.app.sound.play("next")
            self.play.own_words = ""  # the player's words end with this card
            self.session.next()

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        # composed once per page (game/ui/layers.py)
        key = (self.session.state, self.play.own_words, self.page, len(self.pages))
        self.static_layer.draw(
            self.ui, surface, self.draw_static, [self.bar_group, self.group], key
        )

    def _back_arrow(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A left-pointing arrow: the Back button's icon (no font has to hold the glyph)."""
        t = self.ui.theme
        s = rect.h * 0.36
        cx, cy = rect.centerx, rect.centery
        w = max(3, round(rect.h * 0.13))
        pygame.draw.line(surface, t.text, (cx - s, cy), (cx + s, cy), w)
        pygame.draw.polygon(
            surface,
            t.text,
            [(cx - s - w * 0.6, cy), (cx - s * 0.15, cy - s * 0.8), (cx - s * 0.15, cy + s * 0.8)],
        )

    def result(self) -> CardResult | None:
        """The answering team's result (after a steal, the last result is the stealing team's)."""
        st = self.state
        return next((r for r in st.card_results if not r.stolen), st.last_result)

    def points_text(self) -> str:
        """ "+2 points", "Team A Foxes: +1 point"; nothing in a mode without points."""
        st, result = self.state, self.result()
        if not st.mode.keeps_score:  # together: discussion only, no points anywhere
            return ""
        points = result.points if result else 0
        # one point is a message of its own: "+1 points" reads wrong (see docs/TRANSLATING.md)
        if st.mode is Mode.TEAMS and result is not None:
            team = st.teams[result.team]
            message = (
                N_("Team {letter} {name}: +1 point")
                if points == 1
                else N_("Team {letter} {name}: +{points} points")
            )
            return tr(message).format(letter=team.letter, name=tr(team.name), points=points)
        return tr(N_("+1 point") if points == 1 else N_("+{points} points")).format(points=points)

    def texts(self) -> tuple[str, ...]:
        """The rating and points, every page's texts in order, the takeaway and the red flag."""
        result = self.result()
        rating = result.rating if result else Rating.SAFE
        parts = [tr(RATING_WORDS[rating]), self.points_text()]
        for page in self.pages:
            parts += [b.text for column in page.columns for b in column]
        parts += [self.state.card.takeaway, self.flag_text()]
        return tuple(parts)

    def flag_text(self) -> str:
        return tr("Red flag: {flag}").format(flag=self.state.card.red_flag)

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface, buttons=False)
        result = self.result()
        rating = result.rating if result else Rating.SAFE
        # header: icon + word, points on the right
        r = round(self.header.h * 0.4)
        rating_icon(ui, surface, rating.value, (self.header.x + r + 4, self.header.centery), r)
        word_box = pygame.Rect(
            self.header.x + 2 * r + m.pad, self.header.y, round(self.header.w * 0.45), self.header.h
        )
        ui.text(
            surface,
            tr(RATING_WORDS[rating]),
            word_box,
            role="display",
            size=m.play_heading,
            colour=t.heading,
            valign="middle",
        )
        text = self.points_text()
        pts_box = pygame.Rect(
            word_box.right, self.header.y, self.header.right - word_box.right, self.header.h
        )
        ui.text(
            surface,
            text,
            pts_box,
            role="display",
            size=m.play_large,
            colour=t.accent,
            align="right",
            valign="middle",
        )
        page = self.pages[self.page]
        # the columns of this page
        for col, inner, fit in zip(self.cols, self.col_inner, self.fits, strict=True):
            panel(ui, surface, col, t.panel)
            tags = ui.draw_column(surface, fit, inner)
            if "verdict" in tags:
                box = tags["verdict"]
                rr = box.h * 0.42
                right_ok = bool(result and result.reason_right)
                verdict_icon(ui, surface, right_ok, (inner.x + rr + 1, box.centery), rr)
            if "safest" in tags:
                box = tags["safest"]
                rr = box.h * 0.4
                rating_icon(ui, surface, "safe", (inner.x + rr + 1, box.centery), rr)
        if page.takeaway:
            self._draw_takeaway(surface)
        if page.flag:
            self._draw_flag(surface)
        draw_pips(self.ui, surface, self.pips, self.page)

    def _draw_takeaway(self, surface: pygame.Surface) -> None:
        """The takeaway: the one sentence to remember."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        take = self.takeaway_rect
        panel(ui, surface, take, t.takeaway_bg)
        ip = round(m.unit * 2.2)
        star_r = round(m.body * 0.45)
        centre = (take.x + ip + star_r, take.centery)
        pygame.draw.circle(surface, t.takeaway_text, centre, star_r)
        ui.text(
            surface,
            "!",
            pygame.Rect(centre[0] - star_r, centre[1] - star_r, 2 * star_r, 2 * star_r),
            role="display",
            size=max(m.min_font, round(star_r * 1.4)),
            colour=t.takeaway_bg,
            align="center",
            valign="middle",
        )
        text_box = pygame.Rect(
            centre[0] + star_r + ip,
            take.y + ip,
            take.right - centre[0] - star_r - 2 * ip,
            take.h - 2 * ip,
        )
        ui.text(
            surface,
            self.state.card.takeaway,
            text_box,
            role="bold",
            size=self.takeaway_size,
            colour=t.takeaway_text,
            valign="middle",
        )

    def _draw_flag(self, surface: pygame.Surface) -> None:
        """The red flag, named."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        fr = self.flag_rect
        logo = pygame.Rect(fr.x, fr.y + round(fr.h * 0.12), round(fr.h * 0.7), round(fr.h * 0.76))
        flag_logo(ui, surface, logo)
        text = self.flag_text()
        ui.text(
            surface,
            text,
            pygame.Rect(logo.right + m.gap, fr.y, fr.right - logo.right - m.gap, fr.h),
            role="bold",
            size=m.body,
            colour=t.text,
            valign="middle",
        )


class Piece(NamedTuple):
    """A block of the paged feedback, with its section and the label it goes under."""

    section: str
    label: Block | None
    block: Block


def _split(part: list[Block]) -> list[list[Block]]:
    """A part too long for a page: its blocks one by one, the label with the text after it
    and the verdict with its explanation."""
    pieces: list[list[Block]] = []
    for piece in block_groups(part, lambda b: True):
        if pieces and pieces[-1][-1].tag == "verdict":
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _blocks(items: list[Piece]) -> list[Block]:
    """A page's blocks; one that starts under a label shown on the page before repeats it."""
    blocks = [i.block for i in items]
    first = items[0] if items else None
    if first and first.label is not None and first.block is not first.label:
        blocks.insert(0, first.label)
    return blocks


def _flat(box: list[list[Piece]]) -> list[Piece]:
    return [piece for group in box for piece in group]


def _parts(items: list[Piece]) -> list[str]:
    return list(dict.fromkeys(i.section for i in items))
