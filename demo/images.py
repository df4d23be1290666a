"""Demo pictures drawn with Pillow and stored as Wagtail images, found again by title.

The pictures hold shapes and colours only: words drawn into an image could not be
translated, so what a picture shows is said in its alt text, caption and credit, which
each page gives in its own language.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .report import CREATED, UNCHANGED, UPDATED

SIZE = (1200, 675)
# Part of each picture's file name: raise it when draw_picture changes, so that
# load_demo_content redraws the pictures an earlier version stored.
DRAWING = 2


@dataclass(frozen=True)
class ImageSpec:
    """A demo picture: its library title and two gradient colours."""

    key: str
    title: str
    start: str
    end: str

    @property
    def filename(self):
        return f"demo-{self.key}-v{DRAWING}.png"


IMAGES = [
    ImageSpec("meeting", "Demo: strategic cooperation meeting", "#0b3c6f", "#3f8fd2"),
    ImageSpec("office", "Demo: country office", "#114b45", "#4fb39f"),
    ImageSpec("world", "Demo: the organisation worldwide", "#1d2d5c", "#7e5bbf"),
    ImageSpec("data", "Demo: migration data", "#3b2a12", "#d99a2b"),
    ImageSpec("return", "Demo: return and reintegration", "#4a1631", "#d9577f"),
    ImageSpec("community", "Demo: host communities", "#21401a", "#8bc34a"),
    ImageSpec("climate", "Demo: climate and mobility", "#123a4a", "#39b5c9"),
]


def draw_picture(spec: ImageSpec) -> bytes:
    """A diagonal gradient with a few translucent circles, as PNG bytes."""
    mask = PillowImage.linear_gradient("L").rotate(45, expand=True).resize(SIZE)
    picture = PillowImage.composite(
        PillowImage.new("RGB", SIZE, spec.end), PillowImage.new("RGB", SIZE, spec.start), mask
    )
    overlay = PillowImage.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    # Circle positions derive from the key, so each picture differs but never changes between runs.
    seed = sum(map(ord, spec.key))
    for index in range(5):
        radius = 60 + (seed * (index + 3)) % 160
        x = (seed * (index + 7) * 37) % SIZE[0]
        y = (seed * (index + 11) * 53) % SIZE[1]
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 40 + 12 * index))
    picture = PillowImage.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(spec: ImageSpec):
    """Return ``(image, status)``; the picture is drawn when missing, or its file is, or it is outdated."""
    Image = get_image_model()
    image = Image.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None and _is_current(image, spec):
        return image, UNCHANGED
    status = CREATED if image is None else UPDATED
    if image is None:
        image = Image(title=spec.title)
    else:
        # Renditions of the old picture would keep showing it.
        image.renditions.all().delete()
        image.file.storage.delete(image.file.name)
    data = draw_picture(spec)
    image.file = ImageFile(io.BytesIO(data), name=spec.filename)
    # The admin's upload form records these; Wagtail uses the hash to spot duplicates.
    image.file_size = len(data)
    image.file_hash = hash_filelike(io.BytesIO(data))
    image.save()
    return image, status


def _is_current(image, spec: ImageSpec) -> bool:
    # The storage may add a suffix to a name already taken: demo-office-v2_Ab12Cd.png.
    name = Path(image.file.name).name
    return name.startswith(Path(spec.filename).stem) and image.file.storage.exists(image.file.name)
