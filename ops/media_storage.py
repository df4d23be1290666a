"""Media on object storage, split in two buckets: public media and private media.

When both ``AWS_STORAGE_BUCKET_NAME`` and ``AWS_PRIVATE_STORAGE_BUCKET_NAME`` are set, the
default storage is ``PublicPrivateStorage``: a file whose name starts with ``private/`` lives
in the private bucket, every other file in the public one. The private bucket is never
read by anyone but the CMS: its files are reached through the CMS's access-checked views
(``/images/…`` streams them, ``/documents/…`` redirects to a presigned URL that expires in
minutes), after the collection's view restriction admitted the client.

Which files are private: the originals and renditions of images, and documents, in a
collection with a view restriction or below one. ``place_media`` (connected to the model
signals in ``ops.apps``) keeps them there: a new file of such a collection is uploaded
under ``private/`` before Django would upload it in the public bucket; adding or removing a
restriction, or moving an image or document to another collection, moves the files
(copied, then the old copy deleted when the transaction commits), so a bucket URL made
before the restriction stops working.
"""

from django.core.files.storage import default_storage
from django.db import transaction
from storages.backends.s3 import S3Storage

PRIVATE = "private/"


class PublicPrivateStorage(S3Storage):
    """The public bucket, with every name under ``private/`` kept in the private bucket instead."""

    def __init__(self, *, private: dict, **public):
        super().__init__(**public)
        self.private = S3Storage(**private)

    def _open(self, name, mode="rb"):
        return self.private._open(name, mode) if name.startswith(PRIVATE) else super()._open(name, mode)

    def _save(self, name, content):
        return self.private._save(name, content) if name.startswith(PRIVATE) else super()._save(name, content)

    def delete(self, name):
        return self.private.delete(name) if name.startswith(PRIVATE) else super().delete(name)

    def exists(self, name):
        return self.private.exists(name) if name.startswith(PRIVATE) else super().exists(name)

    def size(self, name):
        return self.private.size(name) if name.startswith(PRIVATE) else super().size(name)

    def url(self, name, *args, **kwargs):
        if name.startswith(PRIVATE):
            return self.private.url(name, *args, **kwargs)
        return super().url(name, *args, **kwargs)

    def get_modified_time(self, name):
        if name.startswith(PRIVATE):
            return self.private.get_modified_time(name)
        return super().get_modified_time(name)

    def listdir(self, path):
        if f"{path.strip('/')}/".startswith(PRIVATE):
            return self.private.listdir(path)
        directories, files = super().listdir(path)
        if not path.strip("/") and any(self.private.listdir(PRIVATE)):
            directories = [*directories, PRIVATE.strip("/")]  # backups list every file from the root
        return directories, files


def splits_media() -> bool:
    return isinstance(default_storage, PublicPrivateStorage)


def private_name(name: str, private: bool) -> str:
    bare = name.removeprefix(PRIVATE)
    return PRIVATE + bare if private else bare


def is_private(collection) -> bool:
    from cms.api.private_media import restricted_collection_paths

    return any(collection.path.startswith(path) for path in restricted_collection_paths())


def upload_where_it_belongs(instance, collection):
    """Before Django uploads a new file: put it under ``private/`` if its collection is private."""
    file = instance.file
    if not file or file._committed or not is_private(collection):
        return
    name = private_name(file.field.generate_filename(instance, file.name), private=True)
    file.name = file.storage.save(name, file.file, max_length=file.field.max_length)
    file._committed = True  # Django's own upload (FileField.pre_save) is skipped


def move_file(file, private: bool) -> bool:
    """Copy ``file`` to the bucket it belongs in, if it is not there; the old copy goes at commit."""
    if not file or file.name.startswith(PRIVATE) == private:
        return False
    old = file.name
    try:
        content = file.storage.open(old)
    except FileNotFoundError:
        return False  # a lost file must not stop an editor from restricting its collection
    with content:
        file.name = file.storage.save(private_name(old, private), content, max_length=file.field.max_length)
    storage = file.storage
    transaction.on_commit(lambda: storage.delete(old))
    return True


def place_media(item):
    """Move an image (original and renditions) or a document to the bucket its collection calls for."""
    if not splits_media():
        return
    private = is_private(item.collection)
    if move_file(item.file, private):
        type(item).objects.filter(pk=item.pk).update(file=item.file.name)
    renditions = item.renditions.all() if hasattr(item, "renditions") else []  # documents have none
    for rendition in renditions:
        if move_file(rendition.file, private):
            type(rendition).objects.filter(pk=rendition.pk).update(file=rendition.file.name)
            rendition.purge_from_cache()  # Wagtail's rendition cache holds the old name


def place_collection_media(collection):
    """After a restriction on ``collection`` was added or removed: move what it covers."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if not splits_media():
        return
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.filter(collection__path__startswith=collection.path).select_related(
            "collection"
        ):
            place_media(item)


# Signal receivers ----------------------------------------------------------------------------


def before_media_save(sender, instance, **kwargs):
    if splits_media():  # otherwise not even a query
        upload_where_it_belongs(instance, instance.collection)


def before_rendition_save(sender, instance, **kwargs):
    if splits_media():
        upload_where_it_belongs(instance, instance.image.collection)


def after_media_save(sender, instance, **kwargs):
    place_media(instance)  # its collection may have changed


def after_restriction_change(sender, instance, **kwargs):
    place_collection_media(instance.collection)


def connect_signal_handlers():
    from django.db.models.signals import post_delete, post_save, pre_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    image, document = get_image_model(), get_document_model()
    for model in (image, document):
        pre_save.connect(before_media_save, sender=model, dispatch_uid=f"ops-media-upload-{model.__name__}")
        post_save.connect(after_media_save, sender=model, dispatch_uid=f"ops-media-place-{model.__name__}")
    pre_save.connect(before_rendition_save, sender=image.get_rendition_model(), dispatch_uid="ops-rendition")
    for signal in (post_save, post_delete):
        signal.connect(
            after_restriction_change, sender=CollectionViewRestriction, dispatch_uid="ops-restriction"
        )
