"""Mail each translator their work list, once a day, when there is new work (run it daily, e.g. cron)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.mail import send_mail
from wagtail.users.models import UserProfile

from translation import status
from translation.models import TranslationDigest
from translation.permissions import working_locale_ids
from translation.work_list import work_list


def translator_locales(user, target_locales):
    """The target locales ``user`` is confined to; none for editors and the unrestricted."""
    allowed = working_locale_ids(user)
    if not allowed:
        return []
    return [locale for locale in target_locales if locale.pk in allowed]


class Command(BaseCommand):
    help = _(
        "E-mail each translator the missing, outdated and partly translated items in their language, "
        "when something is new since their last digest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Only say who would get a digest."))

    def handle(self, *args, dry_run=False, **options):
        targets = status.target_locales()
        rows_cache = {}
        sent = 0
        users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("username")
        for user in users:
            locales = translator_locales(user, targets)
            if not locales:
                continue
            items = work_list(user, locales, rows_cache)
            digest = TranslationDigest.objects.filter(user=user).first()
            since = digest.last_sent_at if digest else None
            new = [
                item for item in items if since is None or (item.waiting_since and item.waiting_since > since)
            ]
            if not new:
                self.stdout.write(_("%(user)s: nothing new.") % {"user": user.get_username()})
                continue
            if not dry_run:
                self.send(user, items, new)
                TranslationDigest.objects.update_or_create(
                    user=user, defaults={"last_sent_at": timezone.now()}
                )
                sent += 1
            self.stdout.write(
                _("%(user)s: %(new)d new, %(total)d in all%(dry)s.")
                % {
                    "user": user.get_username(),
                    "new": len(new),
                    "total": len(items),
                    "dry": _(" (dry run, not sent)") if dry_run else "",
                }
            )
        self.stdout.write(_("%(count)d digest(s) sent.") % {"count": sent})

    def send(self, user, items, new):
        language = UserProfile.get_for_user(user).get_preferred_language()
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        with translation.override(language):
            subject = ngettext(
                "%(count)d new item to translate", "%(count)d new items to translate", len(new)
            ) % {"count": len(new)}
            body = render_to_string(
                "translation/work_digest.txt",
                {
                    "user": user,
                    "lines": [(item, any(item is fresh for fresh in new)) for item in items],
                    "base_url": base_url,
                    "work_list_url": f"{base_url}{reverse('translation_work_list')}",
                },
            )
        send_mail(subject, body, [user.email])
