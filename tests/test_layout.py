"""The layout's dependency rules: content apps know one module of the API, and nothing cycles back."""

import ast
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
CONTENT_APPS = ("home", "news")
PROJECT_PACKAGES = ("cms", "demo", "home", "news", "publishing", "sitesearch", "translation")
# Wagtail's and Django's model fields: an API class of the same name reads as the model field.
MODEL_FIELD_NAMES = {"StreamField", "RichTextField", "ImageField", "FileField", "TextField", "CharField"}


def python_files(*packages):
    for package in packages:
        for path in sorted((PROJECT_DIR / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path: Path) -> set[str]:
    """Modules imported at module level (imports inside functions run after the apps are loaded)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_content_apps_import_only_the_field_classes_from_the_api():
    for path in python_files(*CONTENT_APPS):
        api_imports = {name for name in top_level_imports(path) if name.startswith("cms.api")}
        assert api_imports <= {"cms.api.fields"}, path


def test_the_field_classes_import_no_content_app():
    modules = {module_name(path): path for path in python_files(*PROJECT_PACKAGES)}
    seen, todo = set(), ["cms.api.fields"]
    while todo:
        name = todo.pop()
        if name in seen or name not in modules:
            continue
        seen.add(name)
        todo.extend(top_level_imports(modules[name]))
    assert not {name for name in seen if name.split(".")[0] in CONTENT_APPS}


def test_no_class_of_ours_is_named_like_a_model_field():
    for path in python_files(*PROJECT_PACKAGES):
        classes = {
            node.name for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ClassDef)
        }
        assert not classes & MODEL_FIELD_NAMES, path


def test_the_project_package_holds_settings_urls_wsgi_the_api_and_page_bases_only():
    entries = {path.name for path in (PROJECT_DIR / "cms").iterdir() if path.name != "__pycache__"}
    assert entries == {"__init__.py", "settings", "urls.py", "wsgi.py", "api", "pages.py", "blocks.py"}


def layout_table_folders() -> list[str]:
    """The folders named in the first column of the README's "How the code is laid out" table."""
    readme = (PROJECT_DIR / "README.md").read_text()
    table = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    return [line.split("`")[1] for line in table.splitlines() if line.startswith("| `")]


def test_the_readme_layout_table_has_one_line_per_folder_and_every_package():
    folders = layout_table_folders()
    assert len(folders) == len(set(folders)), "a folder has two lines in the README's layout table"
    packages = {
        path.parent.name + "/" for path in PROJECT_DIR.glob("*/__init__.py") if path.parent.name != "tests"
    }
    assert packages <= set(folders), (
        f"missing from the README's layout table: {sorted(packages - set(folders))}"
    )
