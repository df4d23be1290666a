"""Demo pictures drawn with Pillow and stored as Wagtail images, found again by title."""

import io
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .report import CREATED, UNCHANGED, UPDATED

SIZE = (1200, 675)


@dataclass(frozen=True)
class ImageSpec:
    """A demo picture: its library title, two gradient colours and a caption drawn on it."""

    key: str
    title: str
    start: str
    end: str
    caption: str

    @property
    def filename(self):
        return f"demo-{self.key}.png"


IMAGES = [
    ImageSpec("meeting", "Demo: strategic cooperation meeting", "#0b3c6f", "#3f8fd2", "Brussels"),
    ImageSpec("office", "Demo: country office", "#114b45", "#4fb39f", "Belgium · Luxembourg"),
    ImageSpec("world", "Demo: the organisation worldwide", "#1d2d5c", "#7e5bbf", "175 member states"),
    ImageSpec("data", "Demo: migration data", "#3b2a12", "#d99a2b", "Data"),
    ImageSpec("return", "Demo: return and reintegration", "#4a1631", "#d9577f", "Reintegration"),
    ImageSpec("community", "Demo: host communities", "#21401a", "#8bc34a", "Communities"),
    ImageSpec("climate", "Demo: climate and mobility", "#123a4a", "#39b5c9", "Climate"),
]


def draw_picture(spec: ImageSpec) -> bytes:
    """A diagonal gradient with a few translucent circles and the caption, as PNG bytes."""
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
    font = ImageFont.load_default(size=64)
    draw.rectangle((0, SIZE[1] - 130, SIZE[0], SIZE[1]), fill=(0, 0, 0, 90))
    draw.text((60, SIZE[1] - 65), spec.caption, font=font, fill=(255, 255, 255, 255), anchor="lm")
    picture = PillowImage.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(spec: ImageSpec):
    """Return ``(image, status)``; the picture is drawn only when missing, or its file is."""
    Image = get_image_model()
    image = Image.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None and image.file.storage.exists(image.file.name):
        return image, UNCHANGED
    status = CREATED if image is None else UPDATED
    image = image or Image(title=spec.title)
    data = draw_picture(spec)
    image.file = ImageFile(io.BytesIO(data), name=spec.filename)
    # The admin's upload form records these; Wagtail uses the hash to spot duplicates.
    image.file_size = len(data)
    image.file_hash = hash_filelike(io.BytesIO(data))
    image.save()
    return image, status
