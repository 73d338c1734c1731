"""The app build's entry point (tools/build-app.sh): the same command line as `redflags`.

`redflags bench` measures in child processes started as `<python> -m game.bench --child ...` and
`<python> -c PROGRAM`; in the app the program itself stands in for python, so it understands
those two forms too.
"""

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def _as_python() -> bool:
    if len(sys.argv) < 3 or sys.argv[1] not in ("-m", "-c"):
        return False
    flag, target = sys.argv[1], sys.argv[2]
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    if flag == "-m":
        import runpy

        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})
    return True


if __name__ == "__main__":
    if _as_python():
        sys.exit(0)
    from game.cli import main

    sys.exit(main())
