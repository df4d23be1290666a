"""Trilingual words the generated articles are written with, and the word-for-word translator.

Every generated sentence is a sequence of these words, so its French and Dutch
versions are known exactly: a translation swaps each word for its counterpart and
leaves markup (wagtail-localize's ``<a id="a1">`` link markers) untouched.
"""

import re

# (English, French, Dutch). English words are unique, so the mapping back is exact.
WORDS = [
    ("office", "bureau", "kantoor"), ("migration", "migration", "migratie"),
    ("report", "rapport", "rapport"), ("families", "familles", "gezinnen"),
    ("partners", "partenaires", "partners"), ("data", "données", "gegevens"),
    ("support", "soutien", "steun"), ("return", "retour", "terugkeer"),
    ("workers", "travailleurs", "werknemers"), ("community", "communauté", "gemeenschap"),
    ("training", "formation", "opleiding"), ("city", "ville", "stad"),
    ("project", "projet", "project"), ("children", "enfants", "kinderen"),
    ("health", "santé", "gezondheid"), ("climate", "climat", "klimaat"),
    ("border", "frontière", "grens"), ("study", "étude", "studie"),
    ("new", "nouveau", "nieuw"), ("regional", "régional", "regionaal"),
    ("European", "européen", "Europees"), ("local", "local", "lokaal"),
    ("annual", "annuel", "jaarlijks"), ("safe", "sûr", "veilig"),
    ("launches", "lance", "lanceert"), ("publishes", "publie", "publiceert"),
    ("welcomes", "accueille", "verwelkomt"), ("supports", "soutient", "steunt"),
    ("presents", "présente", "presenteert"), ("meets", "rencontre", "ontmoet"),
    ("the", "le", "de"), ("a", "un", "een"),
    ("with", "avec", "met"), ("for", "pour", "voor"),
    ("in", "en", "in"), ("and", "et", "en"),
    ("of", "de", "van"), ("on", "sur", "over"),
    ("Belgium", "Belgique", "België"), ("Luxembourg", "Luxembourg", "Luxemburg"),
    ("Brussels", "Bruxelles", "Brussel"), ("Antwerp", "Anvers", "Antwerpen"),
    ("Ghent", "Gand", "Gent"), ("Liège", "Liège", "Luik"),
    ("today", "aujourd'hui", "vandaag"), ("together", "ensemble", "samen"),
    ("programme", "programme", "programma"), ("volunteers", "bénévoles", "vrijwilligers"),
    ("teachers", "enseignants", "leraren"), ("rights", "droits", "rechten"),
]  # fmt: skip
LANGUAGE_INDEX = {"en": 0, "fr": 1, "nl": 2}
SUBJECTS = ["office", "partners", "community", "city", "project", "programme", "volunteers", "teachers"]
VERBS = ["launches", "publishes", "welcomes", "supports", "presents", "meets"]
ADJECTIVES = ["new", "regional", "European", "local", "annual", "safe"]
OBJECTS = ["report", "families", "data", "support", "return", "workers", "training", "children", "health",
           "climate", "border", "study", "rights"]  # fmt: skip
PLACES = ["Belgium", "Luxembourg", "Brussels", "Antwerp", "Ghent", "Liège"]

_LEXICON = {code: {word[0]: word[index] for word in WORDS} for code, index in LANGUAGE_INDEX.items()}
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"[^\W\d_]+")


def sentence(rng, words: int = 8) -> str:
    """A headline-like English sentence: subject, verb, then adjective/object pairs and a place."""
    parts = ["the", rng.choice(SUBJECTS), rng.choice(VERBS), "a", rng.choice(ADJECTIVES), rng.choice(OBJECTS)]
    while len(parts) < words - 2:
        parts += [rng.choice(["for", "with", "and", "on"]), rng.choice(OBJECTS)]
    parts += ["in", rng.choice(PLACES)]
    text = " ".join(parts)
    return text[0].upper() + text[1:]


def translate(text: str, language: str) -> str:
    """Word-for-word translation of English ``text`` (plain or HTML) into ``language``."""
    lexicon = _LEXICON[language]

    def swap(match):
        word = match.group(0)
        translated = lexicon.get(word) or lexicon.get(word.lower())
        if translated is None:
            return word
        return translated[0].upper() + translated[1:] if word[0].isupper() else translated

    pieces = _TAG_OR_TEXT.split(text)
    return "".join(piece if piece.startswith("<") else _WORD.sub(swap, piece) for piece in pieces)
