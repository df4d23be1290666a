"""How busy the machine was: load averages and the other processes using the CPU, sampled over a second.

The benchmark records this at the start and the end of a run, so a reader can tell a
quiet machine's figures from a shared one's.
"""

import os
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def load_averages() -> list[float] | None:
    try:
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            return [float(value) for value in loadavg.read().split()[:3]]
    except OSError:
        return None


def cpu_ticks() -> dict[int, tuple[str, int]]:
    """Per process: (command name, user + system clock ticks so far)."""
    ticks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        name = command_line(entry) or name
        fields = text[text.rindex(")") + 2 :].split()
        ticks[int(entry)] = (name, int(fields[11]) + int(fields[12]))
    return ticks


def command_line(pid: str) -> str:
    """The program and, for ``-m`` or a script, what it runs ("python -m bench.generate", "python3 pytest").

    No further arguments: they may carry URLs or credentials that a results file must not.
    """
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            words = [word.decode(errors="replace") for word in cmdline.read().split(b"\0") if word]
    except OSError:
        return ""
    if not words:
        return ""
    # Some programs (Chromium) rewrite their title into one string with every argument.
    program = words[0].split()[0].rsplit("/", 1)[-1]
    if len(words) > 2 and words[1] == "-m":
        return f"{program} -m {words[2]}"
    if len(words) > 1 and not words[1].startswith("-"):
        return f"{program} {words[1].split()[0].rsplit('/', 1)[-1]}"
    return program


def snapshot(seconds: float = 1.0, exclude: set[int] | None = None, threshold: float = 5.0) -> dict:
    """Load averages and every other process above ``threshold`` % of one core over ``seconds``."""
    exclude = (exclude or set()) | {os.getpid()}
    if not os.path.isdir("/proc"):
        return {"loadavg": None, "busy_processes": [], "note": "no /proc on this system"}
    before = cpu_ticks()
    time.sleep(seconds)
    after = cpu_ticks()
    busy = []
    for pid, (name, ticks) in after.items():
        if pid in exclude or pid not in before:
            continue
        percent = 100.0 * (ticks - before[pid][1]) / CLOCK_TICKS / seconds
        if percent >= threshold:
            busy.append({"pid": pid, "command": name, "cpu_percent": round(percent)})
    busy.sort(key=lambda process: -process["cpu_percent"])
    return {
        "loadavg": load_averages(),
        "cores": os.cpu_count(),
        "other_processes_cpu_percent": sum(process["cpu_percent"] for process in busy),
        "busy_processes": busy[:10],
    }


def describe(snapshot_: dict) -> str:
    """One line for the report: load averages, and the other processes' CPU."""
    loadavg = snapshot_.get("loadavg")
    if not loadavg:
        return "not recorded"
    processes = ", ".join(f"{p['command']} {p['cpu_percent']} %" for p in snapshot_["busy_processes"][:5])
    return (
        f"load average {loadavg[0]:.2f} / {loadavg[1]:.2f} / {loadavg[2]:.2f} (1 / 5 / 15 min) on "
        f"{snapshot_['cores']} cores; other processes {snapshot_['other_processes_cpu_percent']} % of a core"
        + (f" ({processes})" if processes else "")
    )
