"""A small JSON Schema validator for the subset the OpenAPI document uses.

jsonschema is not installed; this covers $ref, type (one or a list), enum,
properties, required, additionalProperties: false, items, oneOf and anyOf.
"""

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}  # fmt: skip


def errors(schema, value, document, where="$") -> list[str]:
    if "$ref" in schema:
        target = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return errors(target, value, document, where)
    if "oneOf" in schema:
        results = [errors(option, value, document, where) for option in schema["oneOf"]]
        matches = sum(1 for result in results if not result)
        return [] if matches == 1 else [f"{where}: matches {matches} of oneOf: {min(results, key=len)}"]
    if "anyOf" in schema:
        results = [errors(option, value, document, where) for option in schema["anyOf"]]
        return [] if any(not result for result in results) else [f"{where}: no anyOf match: {results}"]
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        is_bool = isinstance(value, bool)
        if not any(isinstance(value, TYPES[n]) and (n == "boolean" or not is_bool) for n in names):
            return [*found, f"{where}: {value!r} is not {names}"]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{where}: missing {name}" for name in schema.get("required", []) if name not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{where}: unexpected {name}" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                found += errors(properties[name], item, document, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(schema["items"], item, document, f"{where}[{index}]")
    return found


def response_schema(document, path_template: str, status: str = "200") -> dict:
    return document["paths"][path_template]["get"]["responses"][status]["content"]["application/json"][
        "schema"
    ]
