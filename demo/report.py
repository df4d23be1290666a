"""What the demo builder did to each object, printed as it goes and summed up at the end."""

from collections import Counter

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
STATUSES = (CREATED, UPDATED, UNCHANGED)


class Report:
    """Collects one status per object and writes a line for each to ``write`` (a callable)."""

    def __init__(self, write=None):
        self.write = write or (lambda line: None)
        self.counts = Counter()
        self.by_kind = Counter()

    def step(self, title):
        """Announce a stage of the build, so a slow run shows where it is."""
        self.write(f"{title}…")

    def record(self, kind, label, status):
        self.counts[status] += 1
        self.by_kind[kind, status] += 1
        self.write(f"  {status:<9} {kind}: {label}")

    @property
    def changed(self):
        return self.counts[CREATED] + self.counts[UPDATED]

    def summary(self):
        totals = ", ".join(f"{self.counts[status]} {status}" for status in STATUSES)
        # Kinds in the order the build met them: images, snippets, pages, translations.
        kinds = dict.fromkeys(kind for kind, _status in self.by_kind)
        detail = ", ".join(
            f"{kind} " + "/".join(str(self.by_kind[kind, status]) for status in STATUSES) for kind in kinds
        )
        return f"Demo content: {totals}. By kind ({'/'.join(STATUSES)}): {detail}"
