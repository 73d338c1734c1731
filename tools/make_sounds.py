#!/usr/bin/env python3
"""Generate the game's short sound cues into assets/sounds/.

Uses only the Python standard library, so anyone can rebuild the sounds:

    python tools/make_sounds.py            # writes assets/sounds/*.wav
    python tools/make_sounds.py OUT_DIR    # writes somewhere else

Every cue is 22050 Hz, mono, 16-bit PCM, at most 0.4 s long, normalised to a
peak of -14 dBFS (the limit is -12 dBFS) and has a short fade-in and fade-out
so it never clicks. The output is deterministic: running the script twice
gives byte-identical files. The generated sounds are released under CC0.

The cues are meant to be soft and friendly. In particular ``gentle.wav`` (the
cue for a risky or harmful answer) is a calm, open tone, never a buzzer: the
game must not make a player feel punished for a wrong choice.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
PEAK_DBFS = -14.0  # target peak; the project limit is -12 dBFS
MAX_SECONDS = 0.4
FADE_IN = 0.004  # seconds
FADE_OUT = 0.020  # seconds

Signal = list[float]


def silence(seconds: float) -> Signal:
    return [0.0] * int(round(seconds * RATE))


def note(
    freq: float,
    seconds: float,
    *,
    attack: float = 0.005,
    decay: float = 0.15,
    partials: tuple[tuple[float, float, float], ...] = ((1.0, 1.0, 1.0),),
) -> Signal:
    """A struck/plucked tone.

    ``partials`` are (frequency ratio, amplitude, decay multiplier): higher
    partials usually decay faster, which makes the tone soft rather than harsh.
    ``decay`` is the time constant (s) of the exponential decay.
    """
    n = int(round(seconds * RATE))
    out = []
    for i in range(n):
        t = i / RATE
        env_a = min(1.0, t / attack) if attack > 0 else 1.0
        env_a = 0.5 - 0.5 * math.cos(math.pi * env_a)  # smooth attack
        s = 0.0
        for ratio, amp, dmul in partials:
            f = freq * ratio
            if f >= RATE / 2:
                continue
            s += amp * math.exp(-t / (decay * dmul)) * math.sin(2 * math.pi * f * t)
        out.append(env_a * s)
    return out


def glide(f0: float, f1: float, seconds: float) -> Signal:
    """A sine whose pitch rises (or falls) exponentially from f0 to f1,
    shaped by a raised-cosine (Hann) envelope: a soft 'bloop'."""
    n = int(round(seconds * RATE))
    out = []
    phase = 0.0
    for i in range(n):
        x = i / (n - 1)
        f = f0 * (f1 / f0) ** x
        phase += 2 * math.pi * f / RATE
        env = math.sin(math.pi * x) ** 2
        # a touch of 2nd harmonic for warmth
        out.append(env * (math.sin(phase) + 0.15 * math.sin(2 * phase)))
    return out


def mix(*tracks: tuple[float, Signal]) -> Signal:
    """Mix (start_seconds, signal) pairs into one signal."""
    length = max(int(round(start * RATE)) + len(sig) for start, sig in tracks)
    out = [0.0] * length
    for start, sig in tracks:
        off = int(round(start * RATE))
        for i, v in enumerate(sig):
            out[off + i] += v
    return out


def lowpass(sig: Signal, cutoff: float) -> Signal:
    """One-pole low-pass filter to take the edge off a sound."""
    a = math.exp(-2 * math.pi * cutoff / RATE)
    y = 0.0
    out = []
    for v in sig:
        y = (1 - a) * v + a * y
        out.append(y)
    return out


def finish(sig: Signal) -> Signal:
    """Trim to the length limit, apply fades and normalise the peak."""
    sig = sig[: int(MAX_SECONDS * RATE)]
    n = len(sig)
    fi = max(1, int(FADE_IN * RATE))
    fo = max(1, int(FADE_OUT * RATE))
    for i in range(min(fi, n)):
        sig[i] *= 0.5 - 0.5 * math.cos(math.pi * i / fi)
    for j in range(min(fo, n)):
        sig[n - 1 - j] *= 0.5 - 0.5 * math.cos(math.pi * j / fo)
    peak = max(abs(v) for v in sig) or 1.0
    gain = 10 ** (PEAK_DBFS / 20) / peak
    return [v * gain for v in sig]


# Soft "marimba/bell" timbre: fundamental, a quiet octave and a quieter,
# quickly decaying upper partial.
MELLOW = ((1.0, 1.0, 1.0), (2.0, 0.18, 0.5), (3.0, 0.05, 0.3))
CHIME = ((1.0, 1.0, 1.0), (2.0, 0.25, 0.6), (2.76, 0.08, 0.35), (4.0, 0.04, 0.25))
WOOD = ((1.0, 1.0, 1.0), (3.93, 0.12, 0.25))


def make_choose() -> Signal:
    """A soft wooden pluck (D5), about 0.14 s."""
    return lowpass(note(587.33, 0.14, attack=0.002, decay=0.035, partials=WOOD), 3500)


def make_reveal() -> Signal:
    """A gentle two-note chime rising a fourth (E5 then A5)."""
    return mix(
        (0.0, note(659.25, 0.40, attack=0.004, decay=0.12, partials=CHIME)),
        (0.11, note(880.00, 0.29, attack=0.004, decay=0.12, partials=CHIME)),
    )


def make_next() -> Signal:
    """A soft rising blip (G4 up to D5), about 0.16 s."""
    return lowpass(glide(392.0, 587.33, 0.16), 3000)


def make_safe() -> Signal:
    """A warm major third (C5 + E5), the E arriving just after the C."""
    return mix(
        (0.0, note(523.25, 0.40, attack=0.008, decay=0.16, partials=MELLOW)),
        (0.05, note(659.25, 0.35, attack=0.008, decay=0.16, partials=MELLOW)),
    )


def make_gentle() -> Signal:
    """A calm, open, neutral tone (G4 with a quiet fifth, D5) with a soft
    attack: says "let's look at this" without sounding like a buzzer."""
    return lowpass(
        mix(
            (0.0, note(392.00, 0.36, attack=0.025, decay=0.14, partials=MELLOW)),
            (0.0, [0.45 * v for v in note(587.33, 0.36, attack=0.025, decay=0.12)]),
        ),
        2500,
    )


CUES = {
    "choose": make_choose,
    "reveal": make_reveal,
    "next": make_next,
    "safe": make_safe,
    "gentle": make_gentle,
}


def write_wav(path: Path, sig: Signal) -> None:
    frames = b"".join(
        struct.pack("<h", max(-32768, min(32767, int(round(v * 32767))))) for v in sig
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv: list[str]) -> int:
    out_dir = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[1] / "assets" / "sounds"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, make in CUES.items():
        sig = finish(make())
        path = out_dir / f"{name}.wav"
        write_wav(path, sig)
        peak = max(abs(v) for v in sig)
        print(f"{path}: {len(sig) / RATE:.3f} s, peak {20 * math.log10(peak):.1f} dBFS")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
