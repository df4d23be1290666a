from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ops.views import failed_tasks_view


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    return [path("reports/failed-tasks/", failed_tasks_view, name="ops_failed_tasks")]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return AdministratorsMenuItem(
        _("Failed tasks"), reverse("ops_failed_tasks"), icon_name="warning", order=900
    )
