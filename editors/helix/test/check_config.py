#!/usr/bin/env python3
"""Checks editors/helix/languages.toml: valid TOML that runs the agentls binary over stdio for
Markdown, next to marksman. Prints one line per check and `helix-config: N passed, N failed`."""
import pathlib
import sys
import tomllib

path = pathlib.Path(__file__).resolve().parent.parent / "languages.toml"
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok - " if ok else "not ok - ") + name + ("" if ok or not detail else f": {detail}"))


try:
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    check("languages.toml parses as TOML", True)
except (OSError, tomllib.TOMLDecodeError) as err:
    config = {}
    check("languages.toml parses as TOML", False, err)

server = config.get("language-server", {}).get("agentls", {})
check("defines [language-server.agentls]", bool(server), config.get("language-server"))
check("runs the agentls binary", server.get("command") == "agentls", server.get("command"))
check("speaks stdio (`--stdio` or no argument)", server.get("args", []) in ([], ["--stdio"]), server.get("args"))
languages = [lang for lang in config.get("language", []) if lang.get("name") == "markdown"]
check("has one [[language]] named markdown", len(languages) == 1, languages)
servers = languages[0].get("language-servers", []) if languages else []
names = [s if isinstance(s, str) else s.get("name") for s in servers]
check("markdown uses agentls", "agentls" in names, names)
check("markdown keeps marksman (agentls is added, not a replacement)", "marksman" in names, names)
check("no other key overrides the built-in markdown language", set(languages[0]) == {"name", "language-servers"} if languages else False, languages)

passed = sum(results)
print(f"helix-config: {passed} passed, {len(results) - passed} failed")
sys.exit(0 if all(results) else 1)
