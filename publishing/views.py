"""The admin page of a coordinated release: which languages are ready, then publish or schedule them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Page

from publishing.release import release, release_versions


class ReleaseForm(forms.Form):
    """An optional go-live moment shared by every language."""

    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Go live at"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("Leave empty to publish every ready language now."),
    )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at and go_live_at <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future, or leave empty to publish now."))
        return go_live_at


def release_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    versions = release_versions(page)
    form = ReleaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        go_live_at = form.cleaned_data["go_live_at"]
        released = release(page, request.user, go_live_at)
        languages = ", ".join(str(version.locale.get_display_name()) for version in released)
        if go_live_at:
            message = _("Scheduled for %(moment)s in: %(languages)s.") % {
                "moment": timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M"),
                "languages": languages,
            }
        else:
            message = _("Published in: %(languages)s.") % {"languages": languages}
        messages.success(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "publishing/release.html",
        {"page": page, "versions": versions, "form": form, "any_ready": any(v.ready for v in versions)},
    )


def require_superuser(request):
    # Deliveries show the frontend's webhook URLs: administrators only.
    if not request.user.is_superuser:
        raise PermissionDenied


def webhook_deliveries_view(request):
    """The latest webhook deliveries with their outcome."""
    from publishing.models import WebhookDelivery

    require_superuser(request)
    deliveries = WebhookDelivery.objects.all()[:200]
    return TemplateResponse(request, "publishing/webhook_deliveries.html", {"deliveries": deliveries})


def webhook_resend_view(request, delivery_id):
    """POST: send a delivery again (a fresh round of attempts)."""
    from publishing.models import WebhookDelivery
    from publishing.webhooks import resend

    require_superuser(request)
    if request.method != "POST":
        return redirect("publishing_webhook_deliveries")
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id)
    resend(delivery)
    delivery.refresh_from_db()
    messages.success(
        request, _("Delivery sent again: %(status)s.") % {"status": delivery.get_status_display()}
    )
    return redirect("publishing_webhook_deliveries")
