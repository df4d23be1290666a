"""Admin wiring: the release view and its entry in the page editor's action menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem

from publishing import views


@hooks.register("register_admin_urls")
def register_release_url():
    return [
        path("publishing/release/<int:page_id>/", views.release_view, name="publishing_release"),
        path("publishing/webhooks/", views.webhook_deliveries_view, name="publishing_webhook_deliveries"),
        path(
            "publishing/webhooks/<int:delivery_id>/resend/",
            views.webhook_resend_view,
            name="publishing_webhook_resend",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_webhook_deliveries_menu_item():
    return AdminOnlyMenuItem(
        _("Webhook deliveries"), reverse("publishing_webhook_deliveries"), icon_name="link", order=900
    )


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


class ReleaseWithTranslationsMenuItem(ActionMenuItem):
    """ "Publish or schedule with translations", for pages that exist in more than one language."""

    label = _("Publish or schedule with translations")
    name = "action-release-with-translations"
    icon_name = "upload"

    def is_shown(self, context):
        if context["view"] != "edit" or context["locked_for_user"]:
            return False
        page = context["page"]
        return (
            self.get_user_page_permissions_tester(context).can_publish() and page.get_translations().exists()
        )

    def get_url(self, parent_context):
        return reverse("publishing_release", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_release_menu_item():
    return ReleaseWithTranslationsMenuItem(order=15)
