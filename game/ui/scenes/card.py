"""The card: setup line, the chat as a phone conversation, the question and options 1–4.

Serves the SCENARIO phase (bubbles arrive one after another, ~0.65 s apart, with a typing
indicator before each message from them), then the steps before the move, each on this same
screen: SPOT ("Where is the red flag?": a message's number, a click on its bubble or on its
button), NAME ("What trick is this?": 3–4 tactic names from the glossary) and CHOOSE (the
options, in the order the session drew for this play: keys 1–4 follow the screen). After the
spot, the flag message is marked in the phone (outline and flag, and a line in words). Enter,
Space or a click shows the whole chat at once. Picking is immediate: a number key or a click
picks that option, which lights up for a moment before the game moves on — in a classroom a
single press is easier to follow than "select, then confirm". Tab/arrows + Enter also pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Sender
from game.model.session import Mode, Phase
from game.ui.input import Act, Input
from game.ui.layout import inset, paginate, split_cols, take_bottom, take_top
from game.ui.scenes.common import PlayScene, button_lines, option_buttons
from game.ui.services import tr
from game.ui.text import TextLayout
from game.ui.widgets import FocusGroup, centred, draw_group, flag_logo, panel, stack_buttons

if TYPE_CHECKING:
    from game.model.cards import ChatMessage
    from game.ui.app import App
    from game.ui.play import PlayContext
    from game.ui.theme import Colour

BUBBLE_INTERVAL = 0.65  # seconds between messages
BUBBLE_APPEAR = 0.3  # slide/fade duration of one bubble
FIRST_DELAY = 0.35
OPTIONS_DELAY = 0.5  # after the last bubble, before the options appear
OPTIONS_FADE = 0.3
STEP_PHASES = (Phase.SPOT, Phase.NAME, Phase.CHOOSE)  # the phases a pick on this screen answers


@dataclass
class Bubble:
    sender: Sender
    name: TextLayout | None
    text: TextLayout
    rect: pygame.Rect  # the bubble body, relative to the chat area
    name_rect: pygame.Rect | None

    @property
    def top(self) -> int:
        """Where the bubble begins, with the name above it."""
        return self.name_rect.y if self.name_rect is not None else self.rect.y


# What answers the card (besides the bar's keys): a number, Enter, a click, Tab and the arrows.
MOVES = (Act.NEXT, Act.DOWN, Act.RIGHT, Act.PREV, Act.UP, Act.LEFT)
ANSWER_ACTS = (Act.PICK, Act.CONFIRM, Act.CLICK, *MOVES)


class CardScene(PlayScene):
    name = "card"
    kind = "card"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.built_for: Phase | None = None
        self._build_options()
        self.clock = 0.0 if not self.ui.reduced_motion else 1e6
        self.options_t = 0.0 if not self.ui.reduced_motion else 1e6
        if self.state.phase is not Phase.SCENARIO:  # back a step, or resumed: chat was read
            self.clock = 1e6
        self.bubbles: list[Bubble] = []
        self.chat_area = pygame.Rect(0, 0, 0, 0)
        # the projector's card comes in two views, read from the back of the room at 1/24 of
        # the height: the chat (in pages when it is long), then the choices; Left/Right
        # go between them, the number keys pick from either
        self.paged = False
        self.view = "chat" if self.state.phase is Phase.SCENARIO else "choices"
        self.chat_pages: list[list[int]] = [[0]]  # the bubbles on each page
        self.chat_page = 0

    # -- the buttons of the step on screen ---------------------------------------------------

    def _button_phase(self) -> Phase:
        phase = self.session.phase
        return phase if phase in (Phase.SPOT, Phase.NAME) else Phase.CHOOSE

    def _build_options(self) -> None:
        """The buttons for the step on screen: the messages, the tactic names or the options
        (these in the order drawn for this play; the keys follow the screen)."""
        st, self.built_for = self.session.state, self._button_phase()
        buttons = {
            Phase.SPOT: ("message", [_preview(m.text) for m in st.card.chat]),
            Phase.NAME: ("tactic", [self.app.glossary.tactic_name(t) for t in st.name_options]),
            Phase.CHOOSE: ("option", [st.card.responses[i].text for i in st.response_order]),
        }
        self.options = option_buttons(*buttons[self.built_for])
        self.group = FocusGroup(self.options, index=None)

    def _follow_phase(self) -> None:
        """After a step this screen stays: new buttons for the step, laid out again."""
        if self._button_phase() is not self.built_for:
            self._build_options()
            if self.content.w:  # laid out already
                self.layout(self.app.size)
            self.options_t = 0.0 if not self.ui.reduced_motion else 1e6
            self.app.dirty = True

    def question_text(self) -> str:
        key = {Phase.SPOT: "spot_question", Phase.NAME: "name_question"}.get(self.session.phase)
        return self.app.glossary.word(key) if key else self.state.card.question

    def _question_h(self, width: int) -> float:
        """The height of the question at its size, `play_large`, `width` wide."""
        m = self.ui.m
        return (
            self.ui.engine.layout(self.question_text(), "display", m.play_large, width).h + m.unit
        )

    def step_result(self) -> str:
        """The line under the question: how the step before went, in words (never colour
        alone). Empty when there is nothing to say."""
        st, phase, words = self.session.state, self.session.phase, self.app.glossary
        scored = st.mode is not Mode.ALL_TEAMS  # All teams: the feedback says who was right
        if phase is Phase.SPOT:
            return words.word("spot_hint")
        if phase is Phase.CHOOSE and st.names:
            right = scored and st.name_right(st.turn)
            name = words.tactic_name(st.card.tags[0])
            return words.word("trick_right" if right else "trick_was", name=name)
        if phase is Phase.NAME and st.options.spot and st.card.flag_at == "setup":
            return words.word("flag_in_setup")  # no spot step: the card says why
        if phase in (Phase.NAME, Phase.CHOOSE) and st.spots:
            shown = [str(i + 1) for i in st.flag_messages]
            numbers = f" {words.word('and')} ".join(
                filter(None, [", ".join(shown[:-1]), shown[-1]])
            )
            right = scored and st.spot_right(st.turn)
            return words.word("you_were_right" if right else "flag_was", n=numbers)
        return ""

    def commit(self, index: int) -> None:
        """Tell the session what was picked (an index on screen)."""
        st = self.session.state
        if st.phase is Phase.SPOT:
            self.session.spot(index)
        elif st.phase is Phase.NAME:
            self.session.name(index)
        else:
            self.session.choose(st.response_order[index])

    # -- geometry --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        # the phone gets a wider column when the chat does not fit it; on a projector, or when
        # the chat and the options do not fit side by side at the least body size (the largest
        # text sizes), the card pages: the chat, then the choices
        self.paged = self.ui.m.projector
        if not self.paged and not any(self._layout_columns(s) for s in (0.43, 0.5, 0.57)):
            self.paged = True
        if self.paged:
            self._layout_paged()

    def _layout_columns(self, share: float) -> bool:
        """Lay out with `share` of the width for the setup and the phone; False when the chat
        or an option does not fit even at the smallest text."""
        m = self.ui.m
        left, right = split_cols(self.content, (share, 1 - share), m.pad * 1.2)
        ip = round(m.unit * 2.2)
        phone = self._place_setup(left, round(self.content.h * 0.25) - 2 * ip, m.pad * 0.8)
        chat_fits = self._place_phone(phone, 0.11, widen=True)
        # right column: the question (and the line on the step before), then the options
        # the question never shrinks to fit: a long one takes room from the options (issue 13)
        need = self._question_h(right.w - round(m.unit * 1.6))
        self.question_rect, opts = take_top(right, max(m.play_large * 2.7, need), m.pad * 0.4)
        return self._place_options(opts, m.pad * 0.75) and chat_fits

    def _layout_paged(self) -> None:
        """The projector's two views over the whole width: the setup and the phone; the
        question and the options. No body text below `m.least`: a long chat pages."""
        m = self.ui.m
        self.hint_rect, area = take_bottom(self.content, round(m.play_small * 1.5), m.unit)
        rest = self._place_setup(area, round(area.h * 0.3), m.pad * 0.6)
        phone_w = min(rest.w, round(max(rest.h * 1.25, rest.w * 0.7)))
        phone = pygame.Rect(rest.x + (rest.w - phone_w) // 2, rest.y, phone_w, rest.h)
        self._place_phone(phone, 0.1, widen=False)
        # pages of whole bubbles (with the name above one), each starting at the top
        bubbles, room = self.bubbles, self.chat_area.h
        self.chat_pages = paginate(
            [[i] for i in range(len(bubbles))],
            lambda _, page: bubbles[page[-1]].rect.bottom - bubbles[page[0]].top <= room,
        )
        self.chat_page = min(self.chat_page, len(self.chat_pages) - 1)
        # the choices: the question, then the options, over the whole width
        self.question_rect, opts = take_top(area, self._question_h(area.w), m.pad * 0.4)
        self._place_options(opts, m.pad * 0.6)

    def _place_setup(self, area: pygame.Rect, text_h: int, gap: float) -> pygame.Rect:
        """The situation at the top of `area`, its text as large as fits `text_h` (body text:
        at least 1/28 of the window height when it fits); returns the rest of `area`."""
        m = self.ui.m
        ip = round(m.unit * 2.2)
        text_w = area.w - 2 * ip - round(m.unit)
        lay = self.ui.engine.fit(self.state.card.setup, "body", text_w, text_h, m.body, m.least)
        self.setup_size = lay.size
        self.setup_rect, rest = take_top(area, lay.h + 2 * ip, gap)
        return rest

    def _place_phone(self, body: pygame.Rect, header: float, widen: bool) -> bool:
        """The phone in `body` (its header `header` of the screen's height) and the chat in it
        at the largest size from the body size down to `m.least` at which it fits; at the
        least, when `widen`, bubbles may take the screen's whole width. False when even that
        is not enough."""
        m = self.ui.m
        self.phone = body
        bezel, top = round(m.unit * 1.3), round(m.unit * 2.8)
        self.screen_rect = pygame.Rect(
            body.x + bezel, body.y + top, body.w - 2 * bezel, body.h - top - bezel
        )
        head_h = round(max(m.small * 1.9, self.screen_rect.h * header))
        self.header_rect, chat = take_top(self.screen_rect, head_h)
        area = self.chat_area = inset(chat, m.unit * 1.6, m.unit * 1.4)
        sizes = range(m.body, m.least, -1)
        size = next((s for s in sizes if self._measure_chat(s, area.w)[1] <= area.h), m.least)
        bubbles, height = self._measure_chat(size, area.w)
        if height > area.h and widen:
            bubbles, height = self._measure_chat(size, area.w, 1.0)
        self.bubbles, self.chat_size = bubbles, size
        return height <= area.h

    def _place_options(self, opts: pygame.Rect, gap: float) -> bool:
        """The option buttons in `opts`, below the line on the step before when they keep their
        size beside it (a larger text size never draws an option smaller, issue 13); False when
        a label does not fit its button at the least body size."""
        m = self.ui.m

        def place(rect: pygame.Rect) -> tuple[bool, int]:
            fits = stack_buttons(
                self.ui, self.options, self._indent(rect), round(gap), m.body * 4.6
            )
            return fits, self.options[0].size

        fits, size = place(opts)
        self.result_rect = pygame.Rect(0, 0, 0, 0)
        if self.step_result():
            result, below = take_top(opts, m.small * 2.6, m.pad * 0.3)
            if place(below) == (True, size):
                self.result_rect = result
            else:
                place(opts)
        self.placeholder = self.options[0].rect.unionall([o.rect for o in self.options])
        self.options_held = (fits, self.options[0].size)  # every label fits; their size
        return fits

    def _indent(self, rect: pygame.Rect) -> pygame.Rect:
        """The question and the options beside the phone start a step in, where the focus
        ring's pointer has room (the paged choices span the whole width)."""
        step = 0 if self.paged else self.ui.m.space(3)
        return pygame.Rect(rect.x + step, rect.y, rect.w - step, rect.h)

    def _page(self) -> tuple[Sequence[int], int]:
        """The bubbles on screen (on a projector, the chat page's) and how far up they move."""
        if not self.paged:
            return range(len(self.bubbles)), 0
        page = self.chat_pages[self.chat_page]
        return page, self.bubbles[page[0]].top if page else 0

    def _measure_chat(self, size: int, width: int, widest: float = 0.8) -> tuple[list[Bubble], int]:
        """The whole chat's bubbles at `size` on a screen `width` wide (each at most `widest`
        of it), and their height."""
        ui, m = self.ui, self.ui.m
        padx, pady = round(size * 0.6), round(size * 0.38)
        small = max(m.min_font, round(size * 0.78))
        max_w = round(width * widest)
        out: list[Bubble] = []
        y, prev = 0, None
        for msg in self.state.card.chat:
            y += round(size * 0.5) if prev else 0
            name = name_rect = None
            if msg.sender is Sender.NOTE:  # narration the class reads: never below `reading`
                lay = ui.engine.layout(msg.text, "italic", max(m.reading, small), width - 2 * padx)
                w, h = lay.w + 2 * padx, lay.h + round(pady * 1.2)
                rect = pygame.Rect((width - lay.w) // 2 - padx, y, w, h)
            else:
                them = msg.sender is Sender.THEM
                if (
                    them
                    and msg.name
                    and (not prev or (prev.sender, prev.name) != (msg.sender, msg.name))
                ):
                    name = ui.engine.layout(str(msg.name), "bold", small, max_w)
                    name_rect = pygame.Rect(round(size * 0.3), y, name.w, name.h)
                    y = name_rect.bottom + round(size * 0.12)
                lay = ui.engine.layout(msg.text, "body", size, max_w - 2 * padx)
                w, h = lay.w + 2 * padx, lay.h + 2 * pady
                rect = pygame.Rect(0 if them else width - w, y, w, h)
            out.append(Bubble(msg.sender, name, lay, rect, name_rect))
            y, prev = rect.bottom, msg
        return out, y

    # -- time ------------------------------------------------------------------------------

    def _progress(self, i: int) -> float:
        start = FIRST_DELAY + i * BUBBLE_INTERVAL
        return max(0.0, min(1.0, (self.clock - start) / BUBBLE_APPEAR))

    def _arrived(self) -> int:
        """How many messages have begun to show (they come in order)."""
        return sum(self._progress(i) > 0 for i in range(len(self.state.card.chat)))

    @property
    def chat_done(self) -> bool:
        return self._progress(len(self.bubbles) - 1) >= 1.0

    @property
    def animating(self) -> bool:
        scenario = self.state.phase is Phase.SCENARIO
        return self.picked is not None or scenario or self.options_t < OPTIONS_FADE

    def update(self, dt: float) -> None:
        self._follow_phase()
        if self.picked is not None:
            choice = self.flashed(dt)
            if choice is not None:
                self.commit(choice)  # the App follows the session to the next screen
                self._follow_phase()
            return
        if self.state.phase is Phase.SCENARIO:
            self.clock += dt
            newest = max(0, self._arrived() - 1)  # on a projector, the page of the newest
            self.chat_page = next(
                (k for k, page in enumerate(self.chat_pages) if newest <= page[-1]), 0
            )
            last_end = FIRST_DELAY + (len(self.bubbles) - 1) * BUBBLE_INTERVAL + BUBBLE_APPEAR
            if self.clock >= last_end + OPTIONS_DELAY:
                self.skip()
        elif self.options_t < OPTIONS_FADE:
            self.options_t += dt

    def skip(self) -> None:
        """Show the whole chat and the options (now: Enter, Space, a click)."""
        self.view = "choices"
        self.clock = max(self.clock, 1e6)
        if self.session.phase is Phase.SCENARIO:
            self.session.show_options()
        self._follow_phase()

    # -- input -----------------------------------------------------------------------------

    def handle(self, inp: Input) -> bool:
        self._follow_phase()  # a reveal may have moved the step on since the last frame
        if self.picked is not None:
            return inp.act not in (Act.BACK, Act.HELP, Act.FULLSCREEN, Act.QUIT)
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.handle_bar(inp):
            return True
        if self.paged and inp.act in (Act.LEFT, Act.RIGHT):
            self._turn(1 if inp.act is Act.RIGHT else -1)
            return True
        if inp.act not in ANSWER_ACTS:
            return False
        if inp.act is Act.PICK and inp.index >= len(self.options):
            return True  # no such option
        if self.session.phase is Phase.SCENARIO:
            self.skip()  # the chat is still arriving: the first answering key shows it all
            if inp.act in (Act.CONFIRM, Act.CLICK):
                return True
        self.answer(inp)
        return True

    def answer(self, inp: Input) -> None:
        """An option by its number, Enter on the focused one, a click on one (in the spot step
        also on a message), or Tab and the arrows moving the focus."""
        if inp.act is Act.CLICK and not (self._shows("choices") and self.group.at(inp.pos)):
            bubble = self.bubble_at(inp.pos) if self.session.phase is Phase.SPOT else None
            if bubble is not None:  # a tap on a bubble points at it
                self.pick(bubble)
        else:
            self.route_options(inp, lambda b: self.pick(self.options.index(b)))

    def bubble_at(self, pos: tuple[int, int]) -> int | None:
        shown, offset = self._page()
        area = self.chat_area.move(0, -offset)
        for i in shown:
            if self.bubbles[i].rect.move(area.topleft).inflate(8, 8).collidepoint(pos):
                return i
        return None

    def _turn(self, step: int) -> None:
        """Projector: Left/Right go through the chat's pages, then to the choices and back."""
        views = [("chat", i) for i in range(len(self.chat_pages))] + [("choices", 0)]
        here = ("choices", 0) if self.view == "choices" else ("chat", self.chat_page)
        i = max(0, min(len(views) - 1, views.index(here) + step))
        view, page = views[i]
        if view == "choices" and self.session.phase is Phase.SCENARIO:
            self.skip()
            return
        self.view, self.chat_page = view, page
        if view == "chat":
            self.clock = max(self.clock, 1e6)

    def pick(self, index: int) -> None:
        if self.session.phase not in STEP_PHASES or not 0 <= index < len(self.options):
            return
        self.flash_pick(index)

    # -- drawing ---------------------------------------------------------------------------

    def _shows(self, view: str) -> bool:
        """Whether "chat" or "choices" is on screen (both, unless the card pages)."""
        return not self.paged or self.view == view

    def draw(self, surface: pygame.Surface) -> None:
        self._follow_phase()
        st = self.state
        choices = self._shows("choices") and st.phase is not Phase.SCENARIO
        if st.phase in STEP_PHASES and self.picked is None and self.options_t >= OPTIONS_FADE:
            # all shown, nothing moves: the static layer is composed once (game/ui/layers.py)
            groups = [self.bar_group, self.group] if choices else [self.bar_group]
            key = (st.index, st.phase, st, self.view, self.chat_page)
            self.static_layer.draw(self.ui, surface, self.draw_static, groups, key)
            return
        self.draw_static(surface)
        draw_group(self.ui, surface, self.bar_group)
        if choices:
            k = min(1.0, self.options_t / OPTIONS_FADE)
            flash = self.options[self.picked].id if self.picked is not None else ""
            alpha = round(255 * (0.3 + 0.7 * k))
            draw_group(self.ui, surface, self.group, flash_id=flash, alpha=alpha)

    def texts(self) -> tuple[str, ...]:
        """The setup, the chat messages shown so far, then the question and the options."""
        card = self.session.state.card
        parts = [card.setup]
        scenario = self.session.phase is Phase.SCENARIO
        shown = card.chat[: self._arrived()] if scenario else card.chat
        parts += [chat_line(msg) for msg in shown]
        if not scenario:  # the step's question, how the step before went, its buttons
            parts += [self.question_text(), self.step_result(), *button_lines(self.options)]
        return tuple(parts)

    def draw_static(self, surface: pygame.Surface) -> None:
        """Everything but the buttons: the bar, the situation and the phone, the question (on
        a projector one view of them, and a line on how to turn)."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface, buttons=False)
        if self._shows("chat"):
            panel(ui, surface, self.setup_rect, t.panel)
            stripe = inset(self.setup_rect, 0, m.radius)
            stripe.w = round(m.unit * 0.8)
            pygame.draw.rect(surface, t.accent, stripe, border_radius=stripe.w // 2)
            text = inset(self.setup_rect, round(m.unit * 2.2)).move(round(m.unit * 0.5), 0)
            ui.text(surface, self.state.card.setup, text, size=self.setup_size, valign="middle")
            self._draw_phone(surface)
        if self._shows("choices"):
            self.draw_heading(surface, self.question_text(), self._indent(self.question_rect))
            if self.result_rect.h:
                ui.text(surface, self.step_result(), self._indent(self.result_rect), style="label")
            if self.state.phase is Phase.SCENARIO:
                panel(ui, surface, self.placeholder, t.panel, shadow=False, alpha=120)
                note = tr("The chat is coming in…  Press Enter to see the choices now.")
                ui.text(
                    surface, note, inset(self.placeholder, m.pad * 2), style="note", align="center"
                )
        if self.paged:
            ui.text(surface, self._hint(), self.hint_rect, style="note", align="center")

    def _hint(self) -> str:
        """Projector: how to turn to the other view (and which chat page shows)."""
        if self.view == "choices":
            return tr("Left: the chat again")
        if self.state.phase is Phase.SCENARIO:
            hint = tr("Press Enter to see the choices now.")
        else:
            hint = tr("Right: the choices")
        pages = len(self.chat_pages)
        if pages > 1:
            page = tr("Chat page {page} of {total}").format(page=self.chat_page + 1, total=pages)
            hint = f"{page}  ·  {hint}"
        return hint

    def _draw_phone(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        body = self.phone
        edge = t.panel_edge if t.button_border else (60, 64, 110)
        panel(ui, surface, body, t.phone_body, radius=round(m.unit * 4.2), edge=edge)
        speaker = pygame.Rect(0, 0, round(body.w * 0.18), max(3, round(m.unit * 0.8)))
        speaker.center = (body.centerx, body.y + round(m.unit * 1.45))
        pygame.draw.rect(surface, (60, 64, 100), speaker, border_radius=speaker.h // 2)
        radius = round(m.unit * 2.6)
        pygame.draw.rect(surface, t.phone_screen, self.screen_rect, border_radius=radius)
        head = self.header_rect
        pygame.draw.rect(
            surface,
            t.phone_bar,
            head,
            border_top_left_radius=radius,
            border_top_right_radius=radius,
        )
        pygame.draw.line(surface, t.panel_edge, head.bottomleft, head.bottomright, 1)
        # the contact: an avatar with an initial, and the name
        chat = self.state.card.chat
        them = (msg.name for msg in chat if msg.sender is Sender.THEM and msg.name)
        label = next(them, None) or tr("Chat")
        r = round(head.h * 0.32)
        centre = (head.x + round(m.unit * 1.8) + r, head.centery)
        hue = t.teams[sum(map(ord, label)) % len(t.teams)]
        self._disc(surface, centre, r, hue, label[:1].upper())
        name_x = centre[0] + r + round(m.unit * 1.2)
        name_box = pygame.Rect(name_x, head.y, head.right - name_x - round(m.unit * 1.2), head.h)
        colour = t.phone_bar_text
        ui.text(surface, label, name_box, style="key", colour=colour)
        # the messages so far (on a projector those of the chat page, moved up to the top)
        shown, offset = self._page()
        origin = (self.chat_area.x, self.chat_area.y - offset)
        arrived = self._arrived()
        numbered = self.state.spots and self.state.phase is not Phase.SCENARIO
        # the flag message(s) are marked once the spot step is behind
        marked = self.state.spots and self.state.phase in (Phase.NAME, Phase.CHOOSE)
        flags = set(self.state.flag_messages) if marked else set()
        for i in (i for i in shown if i < arrived):
            bubble = self.bubbles[i]
            self._draw_bubble(surface, bubble, self._progress(i), origin)
            if i in flags:
                self._mark_flag(surface, bubble.rect.move(origin), bubble.sender)
            if numbered:
                self._draw_number(surface, bubble.rect.move(origin), bubble.sender, i)
        if arrived in shown and self.state.phase is Phase.SCENARIO:
            nxt = self.bubbles[arrived]
            start = FIRST_DELAY + arrived * BUBBLE_INTERVAL
            if nxt.sender is Sender.THEM and self.clock > start - BUBBLE_INTERVAL * 0.75:
                self._draw_typing(surface, nxt.rect.move(origin))

    def _disc(
        self, surface: pygame.Surface, centre: tuple[int, int], r: int, colour: Colour, label: str
    ) -> None:
        """A filled circle with a short label in its middle: the contact's initial, a number."""
        pygame.draw.circle(surface, colour, centre, r)
        box = pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r)
        size = max(self.ui.m.min_font, round(r * 1.1))
        centred(self.ui, surface, label, box, size, self.ui.theme.team_text)

    def _draw_number(
        self, surface: pygame.Surface, rect: pygame.Rect, sender: Sender, i: int
    ) -> None:
        """The message's number in a disc on its outer top corner (what SPOT asks for)."""
        r = max(round(self.ui.m.min_font * 0.72), round(self.chat_size * 0.62))
        x = rect.x if sender is not Sender.YOU else rect.right
        self._disc(surface, (x, rect.y + round(r * 0.4)), r, self.ui.theme.accent, str(i + 1))

    def _mark_flag(self, surface: pygame.Surface, rect: pygame.Rect, sender: Sender) -> None:
        """The flag message: a thick outline and a small red flag beside it."""
        t = self.ui.theme
        width = max(3, round(self.chat_size * 0.18))
        pygame.draw.rect(
            surface, t.flag_red, rect.inflate(width * 2, width * 2), width, round(self.chat_size)
        )
        size = max(14, round(self.chat_size * 1.3))
        if sender is Sender.YOU:
            flag = pygame.Rect(rect.x - size - width * 2, rect.centery - size // 2, size, size)
        else:
            flag = pygame.Rect(rect.right + width * 2, rect.centery - size // 2, size, size)
        flag_logo(t, surface, flag)

    def _draw_bubble(
        self, surface: pygame.Surface, b: Bubble, p: float, origin: tuple[int, int]
    ) -> None:
        """One message, `p` of the way in (sliding up and fading in)."""
        ui, t = self.ui, self.ui.theme
        x, y = origin[0], origin[1] + round((1 - p) * self.chat_size * 0.8)
        alpha = round(255 * p)
        rect = b.rect.move(x, y)
        if b.sender is Sender.NOTE:
            bg = tuple(max(0, c - 18) for c in t.phone_screen)
            self._shape(surface, rect, bg, alpha, rect.h // 2, None)
            ui.blit_layout(surface, b.text, rect, t.note_text, "center", "middle", alpha=alpha)
            return
        if b.name is not None and b.name_rect is not None:
            ui.blit_layout(surface, b.name, b.name_rect.move(x, y), t.bubble_name, alpha=alpha)
        them = b.sender is Sender.THEM
        colour = t.bubble_them if them else t.bubble_you
        fg = t.bubble_them_text if them else t.bubble_you_text
        radius = round(self.chat_size * 0.75)
        self._shape(surface, rect, colour, alpha, radius, "left" if them else "right")
        text_rect = inset(rect, round(self.chat_size * 0.6), round(self.chat_size * 0.38))
        ui.blit_layout(surface, b.text, text_rect, fg, alpha=alpha)

    def _shape(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        colour: tuple[int, ...],
        alpha: int,
        radius: int,
        tail: str | None,
    ) -> None:
        """A bubble body; `tail` squares off one lower corner, as chat apps do."""
        outline = self.ui.theme.button_border
        tmp = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(
            tmp,
            (*colour[:3], alpha),
            tmp.get_rect(),
            border_radius=radius,
            border_bottom_left_radius=max(2, radius // 4) if tail == "left" else -1,
            border_bottom_right_radius=max(2, radius // 4) if tail == "right" else -1,
        )
        if outline is not None and colour != outline:
            pygame.draw.rect(tmp, (*outline, alpha), tmp.get_rect(), width=2, border_radius=radius)
        if self.ui.theme.shadow_alpha and tail is not None:
            shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(
                shade, (0, 0, 0, round(alpha * 0.12)), shade.get_rect(), border_radius=radius
            )
            surface.blit(shade, rect.move(0, 2).topleft)
        surface.blit(tmp, rect.topleft)

    def _draw_typing(self, surface: pygame.Surface, target: pygame.Rect) -> None:
        s = self.chat_size
        rect = pygame.Rect(target.x, target.y, round(s * 2.6), round(s * 1.4))
        self._shape(surface, rect, self.ui.theme.bubble_them, 255, rect.h // 2, "left")
        phase = int(self.clock * 4) % 3
        for i in range(3):
            c = (150, 150, 175) if i != phase else (90, 90, 120)
            pygame.draw.circle(
                surface,
                c,
                (rect.x + round(s * (0.75 + i * 0.55)), rect.centery),
                max(2, round(s * 0.14)),
            )


def chat_line(msg: ChatMessage) -> str:
    """A chat message as read aloud: "Noah says: …"."""
    if msg.sender is Sender.THEM:
        name = msg.name or tr("They")
        return tr("{name} says: {text}").format(name=name, text=msg.text)
    if msg.sender is Sender.YOU:
        return tr("You say: {text}").format(text=msg.text)
    return str(msg.text)


def _preview(text: str, limit: int = 60) -> str:
    """A message on its SPOT button: the start of it, so the button says which bubble it is."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
