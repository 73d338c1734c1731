"""Feedback: the rating (icon AND word), what the choice leads to, the safest choice, the
reason and the right reason, the red flag, the takeaway (prominent) and the points.

A safe choice gets one page: two columns (choice | reason) above the takeaway and the red flag.
A not-safe choice has more to say (the safest choice and why, the right reason), too much for
one page at a size the back of a room can read, so it always comes in two steps: the choices and
the red flag, then the reasons and the takeaway. Should that not fit either (a projector, the
largest text sizes), the parts follow one another on pages filled at the reading size
(`_paged_plan`), the takeaway on a page of its own rather than squeeze the last part: nothing is
left out, and a larger text size never draws a text smaller.

The pager beside the button shows the pages, and the button names what the next page shows, so
nobody goes on to the next card without having been shown every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

import pygame

from game.model.kinds import Rating
from game.model.session import CardResult, Mode
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
from game.ui.scenes.common import PlayScene
from game.ui.services import N_, ngettext, tr
from game.ui.text import Block, ColumnFit, block_groups
from game.ui.widgets import (
    Button,
    FocusGroup,
    centred,
    draw_pips,
    flag_logo,
    label_width,
    panel,
    rating_icon,
    verdict_icon,
)

if TYPE_CHECKING:
    from game.model.cards import Card
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext

# width shares of two columns side by side tried in turn; even first, so ties stay even
COLUMN_SPLITS = ((1, 1), (1.15, 0.85), (1.3, 0.7), (0.85, 1.15), (0.7, 1.3))
# the button before a page names what it shows: its one section, the reasons, or just "Next"
PAGE_LABELS = {
    ("safest",): N_("The safest choice"),
    ("reason",): N_("Your reason"),
    ("right",): N_("The right reason"),
    ("reason", "right"): N_("Why the safe choice is right"),
}
LABEL = Block("", role="semi", scale=0.78, colour="accent", gap=1.0)  # "You chose", …


def fit_side_by_side(
    ui: Ui, columns: list[list[Block]], rect: pygame.Rect, ip: int
) -> tuple[list[pygame.Rect], list[ColumnFit]]:
    """`columns` side by side in `rect` (panels, their text `ip` inside) at the split of
    COLUMN_SPLITS that fits them at the largest size, from the body size down to `m.least`."""
    m = ui.m

    def split(weights: tuple[float, ...]) -> tuple[list[pygame.Rect], list[ColumnFit]]:
        cols = split_cols(rect, weights, m.pad)
        zipped = zip(columns, cols, strict=True)
        return cols, [ui.column(col, inset(c, ip), m.body, m.least) for col, c in zipped]

    splits = COLUMN_SPLITS if len(columns) > 1 else ((1,),)
    return max(
        map(split, splits), key=lambda s: (all(f.fits for f in s[1]), min(f.base for f in s[1]))
    )


def flag_text(card: Card) -> str:
    return tr("Red flag: {flag}").format(flag=card.red_flag)


# the feedback's parts in reading order, what pages are made of: you chose (its text and
# explanation, a steal), the safest choice (after a not-safe one), your reason (the verdict, its
# explanation, your own words), the right reason (after a wrong one)
Sections = dict[str, list[Block]]
Icons = dict[str, tuple[Callable[..., None], object]]  # see FeedbackBase.icons


@dataclass
class Page:
    parts: list[str]  # the sections shown, one a column (see Sections)
    columns: list[list[Block]]  # one or two columns of blocks; none: the takeaway alone
    takeaway: bool = False  # the takeaway panel shows on this page
    flag: bool = False  # the red flag shows on this page
    cols: list[pygame.Rect] = field(default_factory=list)
    fits: list[ColumnFit] = field(default_factory=list)
    inner: list[pygame.Rect] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.fits for f in self.fits)


class Part(NamedTuple):
    """A part of the paged feedback: its section, the label it goes under and its blocks."""

    section: str
    label: Block
    blocks: list[Block]


def _page_blocks(box: list[Part]) -> list[Block]:
    """A page's blocks; a part that starts under a label shown on the page before repeats it."""
    head = [box[0].label] if box and box[0].blocks[0] is not box[0].label else []
    return head + [b for part in box for b in part.blocks]


def _split(part: list[Block]) -> list[list[Block]]:
    """A part too long for a page: its blocks one by one, but the label with the text after
    it and the verdict with its explanation."""
    pieces: list[list[Block]] = []
    for block in part:
        if pieces and (pieces[-1][-1].tag == "verdict" or pieces[-1][-1].colour == "accent"):
            pieces[-1].append(block)
        else:
            pieces.append([block])
    return pieces


class FeedbackBase(PlayScene):
    """What both feedback screens share: columns of blocks on panels, the takeaway, the red
    flag, and pages, whose button goes on to the next card only once every page was shown."""

    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    kind = "feedback"
    takeaway_rect: pygame.Rect
    flag_rect: pygame.Rect
    takeaway_size: int
    ip: int  # the columns' inner padding

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.next_btn = Button("next", self._last_label(), kind="primary", badge="Enter")
        self.group = FocusGroup([self.next_btn], index=0)
        self.pager = Pages()
        self.cols: list[pygame.Rect] = []
        self.col_inner: list[pygame.Rect] = []
        self.fits: list[ColumnFit] = []

    def _last_label(self) -> str:
        return N_("See the results") if self.state.is_last_card else N_("Next card")

    def _show_page(self) -> None: ...

    def click(self, pos: tuple[int, int]) -> None:
        """A click on the screen's own things, not on a button."""

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        # Left/Right, Backspace (not on the first page: before the facilitator's step back), a
        # page's number or a click on its circle turn the pages
        pager = self.pager
        if inp.act is Act.CLICK:
            turned = pager.go(pager.at(inp.pos))
        elif inp.act in (Act.LEFT, Act.RIGHT, Act.BACKSPACE):
            turned = pager.turn(1 if inp.act is Act.RIGHT else -1)
        else:
            turned = inp.act is Act.PICK and pager.paged and pager.go(inp.index)
        if turned:
            self.app.sound.play("next")
            self._show_page()
            return True
        if self.handle_bar(inp):
            return True
        if inp.act is Act.CLICK:
            button = self.group.at(inp.pos)
            if button is not None:
                self.activate(button)
            else:
                self.click(inp.pos)
            return True
        if inp.act is Act.CONFIRM:
            self.activate(self.group.focused or self.next_btn)
            return True
        if inp.act in (Act.NEXT, Act.PREV):
            self.group.move(1 if inp.act is Act.NEXT else -1)
            return True
        return inp.act in (Act.PICK, Act.LEFT, Act.RIGHT, Act.UP, Act.DOWN)

    def activate(self, button: Button) -> None:
        self.app.sound.play("next")
        if self.pager.turn(-1 if button.id == "back" else 1):  # never past a page unseen
            self._show_page()
        else:
            self.play.own_words = ""  # the player's words end with this card
            self.session.next()

    def icons(self) -> Icons:
        """The icon beside each tagged block: how it is drawn and what it shows."""
        return {}

    def draw_page(self, surface: pygame.Surface, takeaway: bool, flag: bool) -> None:
        """The page's columns (with their icons), the takeaway, the red flag and the pager."""
        ui, m, t, card, icons = self.ui, self.ui.m, self.ui.theme, self.state.card, self.icons()
        for col, inner, fit in zip(self.cols, self.col_inner, self.fits, strict=True):
            panel(ui, surface, col, t.panel)
            boxes = ui.draw_column(surface, fit, inner)
            for p in (p for p in fit.placed if p.block.tag in icons):
                draw, value = icons[p.block.tag]
                line = ui.engine.line_metrics(p.block.role, p.layout.size)[1]  # the first line
                r = line * 0.42
                draw(ui, surface, value, (inner.x + r + 1, boxes[p.block.tag].y + line / 2), r)
        if takeaway:  # behind a "!" in the `m.body * 1.5` its text was fitted without
            rect, ip, r = self.takeaway_rect, self.ip, round(m.body * 0.45)
            panel(ui, surface, rect, t.takeaway_bg)
            dot = pygame.Rect(rect.x + ip, rect.centery - r, 2 * r, 2 * r)
            pygame.draw.circle(surface, t.takeaway_text, dot.center, r)
            centred(ui, surface, "!", dot, max(m.min_font, round(r * 1.4)), t.takeaway_bg)
            star = round(m.body * 1.5)
            box = pygame.Rect(
                rect.x + ip + star, rect.y + ip, rect.w - 2 * ip - star, rect.h - 2 * ip
            )
            size, ink = self.takeaway_size, t.takeaway_text
            ui.text(surface, card.takeaway, box, style="strong", size=size, colour=ink)
        if flag:  # named, beside its logo
            rect = self.flag_rect
            logo = pygame.Rect(
                rect.x, rect.y + round(rect.h * 0.12), round(rect.h * 0.7), round(rect.h * 0.76)
            )
            flag_logo(t, surface, logo)
            box = pygame.Rect(logo.right + m.gap, rect.y, rect.right - logo.right - m.gap, rect.h)
            ui.text(surface, flag_text(card), box, style="strong")
        draw_pips(ui, surface, self.pager.pips, self.pager.index)


class FeedbackScene(FeedbackBase):
    name = "feedback"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.back_btn = Button("back", "Back", kind="quiet", icon=self._back_arrow)
        self.pages: list[Page] = []

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

        def part(
            label: str, text: str, why: str = "", role: str = "bold", **kw: Any
        ) -> list[Block]:
            """A label, a text and (when there is one) why."""
            blocks = [LABEL._replace(text=label, **kw), Block(text, role=role, gap=0.25)]
            return blocks + ([Block(why, gap=0.35, colour="text_muted")] if why else [])

        choice = part(tr("You chose"), chosen.text, chosen.feedback)
        if st.steal is not None:
            stolen = card.responses[st.steal.response]
            thief = tr("Team {letter} stole with").format(letter=st.teams[st.steal.team].letter)
            choice += part(thief, f"{stolen.text} ({self.app.glossary.rating_word(stolen.rating)})")
        safest: list[Block] = []
        if chosen.rating is not Rating.SAFE:
            best = card.responses[card.best_response_index]
            safest = part(
                tr("The safest choice"), best.text, best.feedback, indent=1.3, tag="safest"
            )
        good = card.reasons[card.right_reason_index]
        if st.reason is None:  # after a steal: no "why" (the steal showed the safe answer)
            right = part(tr("The right reason"), good.text, good.feedback)
            return {"choice": choice, "safest": safest, "reason": [], "right": right}
        given = card.reasons[st.reason]
        verdict = tr("Right!") if given.right else tr("Not quite")
        reason = part(tr("Your reason"), given.text)
        reason += [
            Block(verdict, role="semi", indent=1.5, tag="verdict", gap=0.4, colour="heading"),
            Block(given.feedback, gap=0.35, colour="text_muted"),
        ]
        if self.play.own_words:
            reason += part(tr("In your own words"), f"“{self.play.own_words}”", role="italic")
        right = [] if given.right else part(tr("The right reason"), good.text)
        return {"choice": choice, "safest": safest, "reason": reason, "right": right}

    def _page_plans(self, s: Sections) -> list[list[Page]]:
        """The ways to show the feedback, tried in turn: one page (a safe choice), two."""

        def page(*columns: tuple[str, ...], takeaway: bool = False, flag: bool = False) -> Page:
            kept = [c for c in columns if any(s[n] for n in c)]
            blocks = [[b for n in c for b in s[n]] for c in kept]
            return Page([c[0] for c in kept], blocks, takeaway=takeaway, flag=flag)

        one = [page(("choice", "safest"), ("reason", "right"), takeaway=True, flag=True)]
        two = [
            page(("choice",), ("safest",), flag=True),
            page(("reason",), ("right",), takeaway=True),
        ]
        safe = self.state.card.responses[self.state.choice or 0].rating is Rating.SAFE
        return [one, two] if safe else [two]  # after a not-safe choice always two steps

    # -- layout --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ui, m = self.ui, self.ui.m
        # with large text the header and the button row stop growing before the columns do
        self.header, rest = take_top(
            self.content, min(m.play_heading * 1.45, m.h * 0.12), m.pad * 0.6
        )
        self.bottom, rest = take_bottom(rest, max(48, min(m.body * 2.4, m.h * 0.11)), m.pad * 0.7)
        ip = self.ip = round(m.unit * 2.2)
        # the takeaway never below its size one text-size step smaller: larger text, larger
        least = m.least if m.step_below is None else max(m.least, round(m.step_below.body * 1.05))
        take = ui.engine.fit(
            self.state.card.takeaway,
            "bold",
            rest.w - 2 * ip - round(m.body * 1.5),
            round(rest.h * 0.2),
            round(m.body * 1.05),
            least,
        )
        self.takeaway_size = take.size
        self.take_low, above_take = take_bottom(rest, take.h + 2 * ip, m.pad * 0.7)
        self.take_alone = centered(rest, rest.w, self.take_low.h)  # a page of its own
        # on pages the red flag has a row of its own where the takeaway would be, so the
        # button row keeps room for the pager and the longer button label
        self.flag_row, above_flag = take_bottom(rest, self.bottom.h, m.pad * 0.7)
        sections = self._sections()
        plans = self._page_plans(sections)
        plans.append(self._paged_plan(sections, above_flag, rest, above_take))
        for plan in plans:
            for page in plan:
                if page.columns:
                    area = above_flag if page.flag and len(plan) > 1 else rest
                    page.cols, page.fits = fit_side_by_side(
                        ui, page.columns, above_take if page.takeaway else area, ip
                    )
                    page.inner = [inset(c, ip) for c in page.cols]
            if all(p.ok for p in plan):
                break
        # one size on every page, so turning a page does not jump in size (a part too long
        # for a page of its own even at the least size goes smaller, never outside its box)
        base = min(f.base for p in plan for f in p.fits)
        for page in plan:
            page.fits = [
                ui.column(col, inner, base) if page.ok else ui.page_column(col, inner, m.body)
                for col, inner in zip(page.columns, page.inner, strict=True)
            ]
        self.pages = plan
        self.pager.reset(len(plan))
        self._show_page()

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

        def fits(box: list[Part], rect: pygame.Rect) -> bool:
            return ui.column(_page_blocks(box), inset(rect, self.ip), m.body, m.least).fits

        groups: list[list[Part]] = []
        for name, section in s.items():
            for blocks in block_groups(section, lambda b: b.colour == "accent"):
                whole = [Part(name, blocks[0], blocks)]
                pieces = [blocks] if fits(whole, small) else _split(blocks)
                groups += [[Part(name, blocks[0], p)] for p in pieces]
        boxes = paginate(groups, lambda n, box: fits(box, first if n == 0 else rest))
        # the takeaway takes room on the last page: a part that no longer fits goes on a page
        # after, and the takeaway on a page of its own when even the last part alone does not
        if len(boxes[-1]) > 1 and not fits(boxes[-1], last):
            boxes.append([boxes[-1].pop()])
        if not fits(boxes[-1], last):
            boxes.append([])
        plan = [
            Page(list(dict.fromkeys(p.section for p in box)), [_page_blocks(box)] if box else [])
            for box in boxes
        ]
        plan[0].flag = plan[-1].takeaway = True
        return plan

    def _show_page(self) -> None:
        """The page's boxes, and the button row: [red flag | Back] … [pager] [the button]."""
        ui, m, bottom, pager = self.ui, self.ui.m, self.bottom, self.pager
        page = self.pages[pager.index]
        self.cols, self.col_inner, self.fits = page.cols, page.inner, page.fits
        self.takeaway_rect = self.take_low if page.columns else self.take_alone
        bw = round(min(bottom.w * 0.34, m.body * 10))
        back_w = label_width(ui, self.back_btn, bottom.h, m.body)
        # room for the focus ring and its marker at the button's left edge (widgets.focus_ring)
        ring = max(3, round(m.unit * 0.55)) + 1 + max(6, round(m.unit * 1.3)) + m.gap
        step = round(m.gap * 0.8)
        # the pager: a touch target, smaller with many pages so the buttons keep their room
        d = min(bottom.h, max(44, round(min(bottom.h * 0.62, m.body * 1.45))))
        d = max(24, min(d, (bottom.w - back_w - bw - 6 * m.gap) // pager.count - step))
        if pager.last:
            self.next_btn.label, width = self._last_label(), bw
        else:  # as wide as the longest label of a page with more after it, when there is room
            self.next_btn.label = self._more_label(pager.index + 1)
            labels = [self._more_label(n) for n in range(1, pager.count)]
            need = m.gap + max(
                label_width(ui, replace(self.next_btn, label=t), bottom.h, m.body) for t in labels
            )
            room = bottom.w - (d + step) * pager.count - back_w - ring - m.gap
            width = min(max(bw, min(need, round(bottom.w * 0.6))), room)
        self.next_btn.rect = in_row(bottom, [width], 0, "right")[0]
        left = pygame.Rect(bottom.x, bottom.y, self.next_btn.rect.x - ring - bottom.x, bottom.h)
        left = pager.place(left, d, step)
        buttons = [self.next_btn]
        if pager.index > 0:
            self.back_btn.size = m.body
            self.back_btn.rect = pygame.Rect(bottom.x, bottom.y, back_w, bottom.h)
            buttons = [self.back_btn, self.next_btn]
        self.flag_rect = pygame.Rect(self.flag_row if pager.paged else left)
        hover = self.group.hover
        self.group = FocusGroup(buttons, index=len(buttons) - 1)
        self.group.hover = hover if hover is not None and hover < len(buttons) else None

    def _more_label(self, next_page: int) -> str:
        """The button names what the next page shows ("Next" when it shows a mix)."""
        return PAGE_LABELS.get(tuple(self.pages[next_page].parts), N_("Next"))

    def spoken_focus(self) -> str | None:
        """Read-aloud: the focused button, and which page this is when there are pages."""
        button = self.group.focused
        if button is None or not self.pager.paged:
            return None if button is None else button.text
        where = tr("Page {page} of {total}").format(
            page=self.pager.index + 1, total=self.pager.count
        )
        return f"{button.text}. {where}"

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        # composed once per page (game/ui/layers.py)
        key = (self.session.state, self.play.own_words, self.pager.index, self.pager.count)
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
        if st.mode is Mode.TEAMS and result is not None:
            team = st.teams[result.team]
            message = ngettext(
                "Team {letter} {name}: +{points} point",
                "Team {letter} {name}: +{points} points",
                points,
            )
            return message.format(letter=team.letter, name=tr(team.name), points=points)
        return ngettext("+{points} point", "+{points} points", points).format(points=points)

    def texts(self) -> tuple[str, ...]:
        """The rating and points, every page's texts in order, the takeaway and the red flag."""
        result = self.result()
        rating = result.rating if result else Rating.SAFE
        parts = [self.app.glossary.rating_word(rating), self.points_text()]
        parts += [b.text for page in self.pages for column in page.columns for b in column]
        return (*parts, self.state.card.takeaway, flag_text(self.state.card))

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface, buttons=False)
        result = self.result()
        rating = result.rating if result else Rating.SAFE
        # header: icon + word, points on the right
        head = self.header
        r = round(head.h * 0.4)
        rating_icon(ui, surface, rating.value, (head.x + r + 4, head.centery), r)
        word = pygame.Rect(head.x + 2 * r + m.pad, head.y, round(head.w * 0.45), head.h)
        ui.text(
            surface, self.app.glossary.rating_word(rating), word, style="title", size=m.play_heading
        )
        ui.text(
            surface,
            self.points_text(),
            pygame.Rect(word.right, head.y, head.right - word.right, head.h),
            style="title",
            size=m.play_large,
            colour=t.accent,
            align="right",
        )
        page = self.pages[self.pager.index]
        self.draw_page(surface, page.takeaway, page.flag)

    def icons(self) -> Icons:
        result = self.result()
        return {
            "verdict": (verdict_icon, bool(result and result.reason_right)),
            "safest": (rating_icon, "safe"),
        }
