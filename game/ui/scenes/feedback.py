"""Feedback: the rating (icon AND word), what the choice leads to, the safest choice, the
reason and the right reason, the red flag, the takeaway (prominent) and the points.

Two columns side by side (choice | reason) above the red flag and takeaway; everything shrinks
together to fit, so it all shows at 1024×768 without scrolling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Rating
from game.model.session import Mode
from game.ui.input import Act, Input
from game.ui.layers import compose
from game.ui.layout import inset, split_cols, take_bottom, take_top
from game.ui.scenes.common import PlayScene
from game.ui.services import N_, tr
from game.ui.text import Block, ColumnFit
from game.ui.widgets import (
    Button,
    FocusGroup,
    flag_logo,
    panel,
    rating_icon,
    verdict_icon,
)

if TYPE_CHECKING:
    from game.ui.app import App, PlayContext

# width shares of the two columns (choice | reason) tried in turn; even first, so ties stay even
COLUMN_SPLITS = ((1, 1), (1.15, 0.85), (1.3, 0.7), (0.85, 1.15))
RATING_WORDS = {Rating.SAFE: N_("Safe"), Rating.RISKY: N_("Risky"), Rating.HARMFUL: N_("Harmful")}


class FeedbackScene(PlayScene):
    name = "feedback"
    kind = "feedback"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        label = N_("See the results") if self.state.is_last_card else N_("Next card")
        self.next_btn = Button("next", label, kind="primary", badge="Enter")
        self.group = FocusGroup([self.next_btn], index=0)

    def on_enter(self) -> None:
        result = self.state.last_result
        self.app.sound.play("reveal")  # then the rating's cue, once the chime has sounded
        safe = result and result.rating is Rating.SAFE
        self.app.sound.play("safe" if safe else "gentle", delay=0.35)

    def _blocks(self) -> tuple[list[Block], list[Block]]:
        st = self.state
        card = st.card
        choice = st.choice or 0
        chosen = card.responses[choice]
        label = dict(role="semi", scale=0.78, colour="accent", gap=1.0)
        left = [
            Block(tr("You chose"), **label),  # type: ignore[arg-type]
            Block(chosen.text, role="bold", gap=0.25),
            Block(chosen.feedback, gap=0.35, colour="text_muted"),
        ]
        if chosen.rating is not Rating.SAFE:
            best = card.responses[card.best_response_index]
            left += [
                Block(tr("The safest choice"), indent=1.3, tag="safest", **label),  # type: ignore[arg-type]
                Block(best.text, role="bold", gap=0.25),
                Block(best.feedback, gap=0.35, colour="text_muted"),
            ][: 2 if st.steal is not None else 3]  # after a steal: room for the steal
        if st.steal is not None:
            thief = st.teams[st.steal.team]
            stolen = card.responses[st.steal.response]
            left += [
                Block(tr("Team {letter} stole with").format(letter=thief.letter), **label),  # type: ignore[arg-type]
                Block(f"{stolen.text} ({tr(RATING_WORDS[stolen.rating])})", role="bold", gap=0.25),
            ]
        reason_i = st.reason or 0
        reason = card.reasons[reason_i]
        right_ok = reason.right
        right = [
            Block(tr("Your reason"), **label),  # type: ignore[arg-type]
            Block(reason.text, role="bold", gap=0.25),
            Block(
                tr("Right!") if right_ok else tr("Not quite"),
                role="semi",
                indent=1.5,
                tag="verdict",
                gap=0.4,
                colour="heading",
            ),
            Block(reason.feedback, gap=0.35, colour="text_muted"),
        ]
        if not right_ok:
            good = card.reasons[card.right_reason_index]
            right += [
                Block(tr("The right reason"), **label),  # type: ignore[arg-type]
                Block(good.text, role="bold", gap=0.25),
            ]
        if self.play.own_words:
            right += [
                Block(tr("In your own words"), **label),  # type: ignore[arg-type]
                Block(f"“{self.play.own_words}”", role="italic", gap=0.25),
            ]
        return left, right

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ui, m = self.ui, self.ui.m
        area = self.content
        # with large text the header and the button row stop growing before the columns do
        self.header, rest = take_top(area, min(m.heading * 1.45, m.h * 0.12), m.pad * 0.6)
        bottom, rest = take_bottom(rest, max(48, min(m.body * 2.4, m.h * 0.11)), m.pad * 0.7)
        bw = round(min(area.w * 0.34, m.body * 10))
        self.next_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        self.flag_rect = pygame.Rect(bottom.x, bottom.y, bottom.w - bw - m.pad, bottom.h)
        card = self.state.card
        ip = round(m.unit * 2.2)
        take = ui.engine.fit(
            card.takeaway,
            "bold",
            rest.w - 2 * ip - round(m.body * 1.5),
            round(rest.h * 0.2),
            round(m.body * 1.05),
            m.min_font,
        )
        self.takeaway_rect, rest = take_bottom(rest, take.h + 2 * ip, m.pad * 0.7)
        self.takeaway_size = take.size
        columns = self._blocks()
        # the fuller column may take more of the width (a not-safe choice brings the safest
        # choice and its explanation): the split that leaves out the fewest explanations, then
        # shows the largest text, wins; ties keep the even split
        best: tuple[tuple[int, int], list[pygame.Rect], list[ColumnFit]] | None = None
        for weights in COLUMN_SPLITS:
            cols = split_cols(rest, weights, m.pad)
            dropped, fits = self._fit_columns(columns, [inset(c, ip) for c in cols])
            score = (-dropped, min(f.base for f in fits))
            if best is None or score > best[0]:
                best = (score, cols, fits)
        assert best is not None
        _, self.cols, self.fits = best
        self.col_inner = [inset(c, ip) for c in self.cols]

    def _fit_columns(
        self, blocks: tuple[list[Block], list[Block]], inners: list[pygame.Rect]
    ) -> tuple[int, list[ColumnFit]]:
        """Fit both columns at one size; returns how many explanations had to go, and the fits."""
        ui, m = self.ui, self.ui.m
        full = list(blocks)
        columns = list(blocks)
        for _ in range(4):
            fits = [
                ui.column(col, inner, m.body) for col, inner in zip(columns, inners, strict=True)
            ]
            if all(f.fits for f in fits):
                break
            # too long even at the smallest size (a steal, a longer language): leave out the
            # explanations, the last first; the choices, the verdict and the labels always stay
            for i, f in enumerate(fits):
                muted = [j for j, b in enumerate(columns[i]) if b.colour == "text_muted"]
                if not f.fits and muted:
                    columns[i] = columns[i][: muted[-1]] + columns[i][muted[-1] + 1 :]
        base = min(f.base for f in fits)
        # The shared size may have come out smaller than the one a column was dropped at, so
        # give each left-out explanation back wherever it now fits.
        for i, inner in enumerate(inners):
            for block in full[i]:
                if block in columns[i]:
                    continue
                trial = [b for b in full[i] if b in columns[i] or b is block]
                trial_fit = ui.column(trial, inner, base)
                if trial_fit.fits and trial_fit.base >= base:
                    columns[i] = trial
        dropped = sum(len(f) - len(c) for f, c in zip(full, columns, strict=True))
        return dropped, [
            ui.column(col, inner, base) for col, inner in zip(columns, inners, strict=True)
        ]

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.handle_bar(inp):
            return True
        if inp.act is Act.CONFIRM or (
            inp.act is Act.CLICK and self.next_btn.rect.collidepoint(inp.pos)
        ):
            self.app.sound.play("next")
            self.play.own_words = ""  # the player's words end with this card
            self.session.next()
            self.after_action()
            return True
        return inp.act in (Act.NEXT, Act.PREV, Act.PICK, Act.CLICK)

    def draw(self, surface: pygame.Surface) -> None:
        key = (id(self.session.state), self.play.own_words)  # composed once (game/ui/layers.py)
        compose(self, surface, self.draw_static, [self.bar_group, self.group], key)

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface, buttons=False)
        st = self.state
        # the answering team's result (after a steal, the last result is the stealing team's)
        result = next((r for r in st.card_results if not r.stolen), st.last_result)
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
            size=m.heading,
            colour=t.heading,
            valign="middle",
        )
        points = result.points if result else 0
        if st.mode is Mode.TEAMS and result is not None:
            team = st.teams[result.team]
            text = tr("Team {letter} {name}: +{points} points").format(
                letter=team.letter, name=tr(team.name), points=points
            )
        else:
            text = tr("+{points} points").format(points=points)
        if not st.mode.keeps_score:  # together: discussion only, no points anywhere
            text = ""
        pts_box = pygame.Rect(
            word_box.right, self.header.y, self.header.right - word_box.right, self.header.h
        )
        ui.text(
            surface,
            text,
            pts_box,
            role="display",
            size=m.large,
            colour=t.accent,
            align="right",
            valign="middle",
        )
        # the two columns
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
        # takeaway: the one sentence to remember
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
            st.card.takeaway,
            text_box,
            role="bold",
            size=self.takeaway_size,
            colour=t.takeaway_text,
            valign="middle",
        )
        # the red flag, named
        fr = self.flag_rect
        logo = pygame.Rect(fr.x, fr.y + round(fr.h * 0.12), round(fr.h * 0.7), round(fr.h * 0.76))
        flag_logo(ui, surface, logo)
        text = tr("Red flag: {flag}").format(flag=st.card.red_flag)
        ui.text(
            surface,
            text,
            pygame.Rect(logo.right + m.gap, fr.y, fr.right - logo.right - m.gap, fr.h),
            role="bold",
            size=m.body,
            colour=t.text,
            valign="middle",
        )
