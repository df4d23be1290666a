"""Admin download and upload of XLIFF files (Reports › XLIFF files, and "Download XLIFF" on a page).

The same export and all-or-nothing import as ``export_xliff`` / ``import_xliff``. A
translator only downloads and uploads files for the locales they work in.
"""

import io
import tempfile
import zipfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page
from wagtail_localize.models import MissingTranslationError

from . import xliff
from .permissions import working_locale_ids
from .po_files import Problem


def locales_for(user):
    """Target locales ``user`` may exchange files for."""
    locales = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    allowed = working_locale_ids(user)
    return locales if allowed is None else locales.filter(pk__in=allowed)


class ExportForm(forms.Form):
    locale = forms.ModelChoiceField(
        queryset=Locale.objects.none(), to_field_name="language_code", label=gettext_lazy("Language")
    )
    version = forms.ChoiceField(
        choices=[(version, f"XLIFF {version}") for version in xliff.VERSIONS],
        initial="2.1",
        label=gettext_lazy("Version"),
    )
    page = forms.ModelChoiceField(
        queryset=Page.objects.none(),
        required=False,
        widget=AdminPageChooser(),
        label=gettext_lazy("English page"),
        help_text=gettext_lazy("Leave empty for everything missing or outdated in the language."),
    )
    subtree = forms.BooleanField(required=False, label=gettext_lazy("Include the pages below it"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = locales_for(user)
        self.fields["page"].queryset = Page.objects.filter(locale=Locale.get_default(), depth__gt=1)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [
            super(MultipleFileField, self).clean(file, initial) for file in files if file
        ] or super().clean(None, initial)


class UploadForm(forms.Form):
    files = MultipleFileField(label=gettext_lazy("XLIFF files"))
    publish = forms.BooleanField(required=False, label=gettext_lazy("Publish each translation after import"))
    dry_run = forms.BooleanField(required=False, label=gettext_lazy("Only check the files"))


def render(request, export_form, upload_form, problems=(), status=200):
    return TemplateResponse(
        request,
        "translation/xliff.html",
        {
            "page_title": _("XLIFF files"),
            "export_form": export_form,
            "upload_form": upload_form,
            "problems": problems,
            "media": export_form.media,
        },
        status=status,
    )


def xliff_index(request):
    """The two forms; GET with form data downloads, POST uploads."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    if request.method == "POST":
        return upload(request)
    if "locale" in request.GET:
        return download(request)
    initial = {"page": request.GET.get("page")} if request.GET.get("page", "").isdigit() else {}
    return render(request, ExportForm(user=request.user, initial=initial), UploadForm())


def download(request):
    form = ExportForm(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, form, UploadForm(), status=400)
    locale = form.cleaned_data["locale"]
    with tempfile.TemporaryDirectory() as directory:
        paths = xliff.export(
            locale,
            Path(directory),
            form.cleaned_data["version"],
            page=form.cleaned_data["page"],
            subtree=form.cleaned_data["subtree"],
        )
        if not paths:
            messages.info(request, _("Nothing to translate: every string is already translated."))
            return render(request, form, UploadForm())
        if len(paths) == 1:
            response = HttpResponse(paths[0].read_bytes(), content_type="application/xliff+xml")
            name = paths[0].name
        else:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, path.name)
            response = HttpResponse(buffer.getvalue(), content_type="application/zip")
            name = f"{locale.language_code}-xliff-{form.cleaned_data['version']}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def upload(request):
    form = UploadForm(request.POST, request.FILES)
    export_form = ExportForm(user=request.user)
    if not form.is_valid():
        return render(request, export_form, form, status=400)
    allowed = set(locales_for(request.user))
    rejected, accepted = [], []
    with tempfile.TemporaryDirectory() as directory:
        for uploaded in form.cleaned_data["files"]:
            # The uploaded name is only shown; the file is stored under a name of our own.
            path = Path(directory) / f"upload-{len(rejected) + len(accepted)}.xlf"
            with path.open("wb") as destination:
                for chunk in uploaded.chunks():
                    destination.write(chunk)
            checked = xliff.check_file(path)
            checked.path = uploaded.name
            checked.problems = [
                Problem(uploaded.name, problem.line, problem.message) for problem in checked.problems
            ]
            for translation, _po in checked.imports:
                if translation.target_locale not in allowed:
                    checked.problems.append(
                        Problem(
                            uploaded.name,
                            1,
                            _("you do not translate into '%(locale)s'")
                            % {"locale": translation.target_locale.language_code},
                        )
                    )
            (accepted if checked.accepted else rejected).append(checked)

    if rejected:
        problems = [str(problem) for checked in rejected for problem in checked.problems]
        messages.error(
            request,
            _("%(count)d file(s) rejected, nothing imported from them.") % {"count": len(rejected)},
        )
    for checked in accepted:
        strings = sum(len(po) for _translation, po in checked.imports)
        if form.cleaned_data["dry_run"]:
            messages.info(
                request,
                _("%(path)s: valid, %(count)d translated string(s).")
                % {"path": checked.path, "count": strings},
            )
            continue
        try:
            xliff.import_checked(checked, user=request.user, publish=form.cleaned_data["publish"])
        except MissingTranslationError:
            xliff.import_checked(checked, user=request.user, publish=False)
            messages.warning(
                request,
                _("%(path)s: imported, but not published: some strings are still untranslated.")
                % {"path": checked.path},
            )
            continue
        messages.success(
            request,
            _("%(path)s: imported %(count)d translated string(s).")
            % {"path": checked.path, "count": strings},
        )
    if rejected:
        return render(request, export_form, UploadForm(), problems=problems, status=400)
    return redirect(reverse("translation_xliff"))
