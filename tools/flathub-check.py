#!/usr/bin/env python3
"""flathub-check.py: what a Flathub reviewer and its linter would reject in the manifest.

Usage:
  tools/flathub-check.py [MANIFEST]   check MANIFEST (default: flatpak/<app id>.json);
                                      prints each problem, exits 1 if any
  tools/flathub-check.py --self-test  checks that broken copies of the manifest are
                                      caught, one rule at a time (run by meson test)
  tools/flathub-check.py --local OUT  writes OUT: the manifest with the app built from
                                      this checkout (a "dir" source), for development

Checks: the runtime and SDK (GNOME, the current version), the command, narrow
finish-args; every source of every module pinned (archives and files by https
URL and sha256, git by tag and full commit, no "dir" and no branch) and watched
by x-checker-data; the build options Flathub's SDK needs (uchardet's CMake
policy, libxlsxwriter's locale-free numbers, poppler-data without CMake);
OpenCC on its 1.1 ABI; the app module last, from git, with options that
meson_options.txt declares and no bench build.
"""
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
APP_ID = "io.github.crossfoot.Crossfoot"
RUNTIME_VERSION = "51"
REQUIRED_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
FORBIDDEN_ARGS = re.compile(
    r"^--(filesystem=(host|home|/|~)|share=network|socket=x11$|socket=(session|system)-bus"
    r"|device=all|talk-name=org\.freedesktop\.Flatpak)")
DEPENDENCIES = ["poppler-data", "poppler", "uchardet", "opencc", "libxlsxwriter"]


def load_modules(modules, base, problems):
    """The module objects, module files (strings) read from @base."""
    out = []
    for module in modules:
        if isinstance(module, str):
            try:
                with open(os.path.join(base, module), encoding="utf-8") as f:
                    module = json.load(f)
            except (OSError, ValueError) as e:
                problems.append(f"module file {module}: {e}")
                continue
        out.append(module)
        out.extend(load_modules(module.get("modules", []), base, problems))
    return out


def check_source(name, source, is_app, problems):
    kind = source.get("type", "")
    url = source.get("url", "")
    where = f"module {name}: {kind} source {url or source.get('path', '')}"
    if kind == "dir":
        problems.append(f"{where}: Flathub builds from pinned sources, not a local folder")
        return
    if kind in ("archive", "file"):
        if not url.startswith("https://"):
            problems.append(f"{where}: not an https URL")
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"{where}: no sha256 of 64 hex digits")
    elif kind == "git":
        if not url.startswith("https://"):
            problems.append(f"{where}: not an https URL")
        if "branch" in source:
            problems.append(f"{where}: a branch moves; pin a tag and its commit")
        if not source.get("tag"):
            problems.append(f"{where}: no tag")
        if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
            problems.append(f"{where}: no full commit id beside the tag")
    elif kind not in ("patch", "shell"):
        problems.append(f"{where}: source type {kind!r} is not one Flathub reviews")
    if kind in ("archive", "file", "git") and "x-checker-data" not in source:
        problems.append(f"{where}: no x-checker-data, so no one hears of a new release")


def check(manifest, base, options_text):
    problems = []
    if manifest.get("id") != APP_ID:
        problems.append(f"id is {manifest.get('id')!r}, not {APP_ID}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if manifest.get("runtime-version") != RUNTIME_VERSION:
        problems.append(f"runtime-version is {manifest.get('runtime-version')!r}, "
                        f"not the current GNOME {RUNTIME_VERSION}")
    if manifest.get("command") != "crossfoot":
        problems.append("command is not crossfoot")

    args = manifest.get("finish-args", [])
    for arg in REQUIRED_ARGS:
        if arg not in args:
            problems.append(f"finish-args lack {arg}")
    for arg in args:
        if FORBIDDEN_ARGS.match(arg):
            problems.append(f"finish-args grant {arg}: files come through the portal, "
                            "nothing else is needed")

    modules = load_modules(manifest.get("modules", []), base, problems)
    by_name = {m.get("name"): m for m in modules}
    for name in DEPENDENCIES:
        if name not in by_name:
            problems.append(f"no module {name}")
    top = manifest.get("modules", [])
    app = top[-1] if top and isinstance(top[-1], dict) else {}
    if app.get("name") != "crossfoot" or app.get("buildsystem") != "meson":
        problems.append("the last module must be crossfoot, built with meson")

    for module in modules:
        name = module.get("name", "?")
        sources = module.get("sources", [])
        if not sources:
            problems.append(f"module {name}: no sources")
        for source in sources:
            check_source(name, source, module is app, problems)

    opts = lambda name: by_name.get(name, {}).get("config-opts", [])
    if "-DCMAKE_POLICY_VERSION_MINIMUM=3.5" not in opts("uchardet"):
        problems.append("module uchardet: needs -DCMAKE_POLICY_VERSION_MINIMUM=3.5 "
                        "(0.0.8 asks for CMake < 3.5, which the SDK's CMake 4 refuses)")
    if "-DUSE_DTOA_LIBRARY=ON" not in opts("libxlsxwriter"):
        problems.append("module libxlsxwriter: needs -DUSE_DTOA_LIBRARY=ON "
                        "(numbers printed without the locale)")
    if by_name.get("poppler-data", {}).get("buildsystem", "").startswith("cmake"):
        problems.append("module poppler-data: install it with its Makefile, not CMake")
    for source in by_name.get("opencc", {}).get("sources", []):
        pin = source.get("tag") or source.get("url", "")
        if not re.search(r"ver\.1\.1\.\d+", pin):
            problems.append(f"module opencc: {pin} is not on the 1.1 line "
                            "(1.3.2 broke the ABI the app is built for)")
    for source in by_name.get("poppler", {}).get("sources", []):
        version = re.search(r"poppler-(\d+)\.(\d+)", source.get("tag") or source.get("url", ""))
        if not version or int(version.group(1)) < 26:
            problems.append("module poppler: older than the 26.x releases; it parses "
                            "untrusted PDFs, take the current one")

    for opt in app.get("config-opts", []):
        m = re.match(r"-D([A-Za-z_]+)=(.*)", opt)
        if not m:
            continue
        if m.group(1) == "bench" and m.group(2) == "true":
            problems.append("module crossfoot: a release never builds the bench hooks")
        builtin = m.group(1) in ("buildtype", "prefix", "libdir", "optimization", "debug",
                                 "werror", "warning_level") or m.group(1).startswith("b_")
        if not builtin and f"option('{m.group(1)}'" not in options_text:
            problems.append(f"module crossfoot: {opt} is not in meson_options.txt")
    return problems


def local_manifest(manifest):
    """The same manifest with the app built from this checkout."""
    local = copy.deepcopy(manifest)
    local["modules"][-1]["sources"] = [{"type": "dir", "path": TOP}]
    return local


def self_test(manifest, base, options_text):
    """Every rule must catch the fault it is about."""
    def broken(change):
        m = copy.deepcopy(manifest)
        change(m)
        return m

    def deps(m):
        return {x["name"]: x for x in m["modules"] if isinstance(x, dict)}

    cases = {
        "dir source": lambda m: m["modules"][-1].update(sources=[{"type": "dir", "path": ".."}]),
        "runtime 50": lambda m: m.update({"runtime-version": "50"}),
        "host files": lambda m: m["finish-args"].append("--filesystem=host"),
        "network": lambda m: m["finish-args"].append("--share=network"),
        "no ipc": lambda m: m["finish-args"].remove("--share=ipc"),
        "no sha256": lambda m: deps(m)["poppler"]["sources"][0].pop("sha256"),
        "http url": lambda m: deps(m)["poppler"]["sources"][0].update(
            url="http://poppler.freedesktop.org/poppler-26.10.0.tar.xz"),
        "git branch": lambda m: m["modules"][-1]["sources"][0].update(branch="main"),
        "git no commit": lambda m: m["modules"][-1]["sources"][0].pop("commit"),
        "short commit": lambda m: m["modules"][-1]["sources"][0].update(commit="d46c523"),
        "no checker": lambda m: deps(m)["uchardet"]["sources"][0].pop("x-checker-data"),
        "uchardet policy": lambda m: deps(m)["uchardet"]["config-opts"].remove(
            "-DCMAKE_POLICY_VERSION_MINIMUM=3.5"),
        "xlsx dtoa": lambda m: deps(m)["libxlsxwriter"]["config-opts"].remove(
            "-DUSE_DTOA_LIBRARY=ON"),
        "poppler-data cmake": lambda m: deps(m)["poppler-data"].update(buildsystem="cmake-ninja"),
        "opencc 1.3": lambda m: deps(m)["opencc"]["sources"][0].update(
            url="https://github.com/BYVoid/OpenCC/archive/refs/tags/ver.1.3.2.tar.gz"),
        "old poppler": lambda m: deps(m)["poppler"]["sources"][0].update(
            url="https://poppler.freedesktop.org/poppler-24.09.0.tar.xz"),
        "bench build": lambda m: m["modules"][-1]["config-opts"].append("-Dbench=true"),
        "unknown option": lambda m: m["modules"][-1]["config-opts"].append("-Dnope=1"),
        "no opencc": lambda m: m["modules"].remove(deps(m)["opencc"]),
    }
    failures = 0
    clean = check(manifest, base, options_text)
    print(f"ok - the manifest itself: {len(clean)} problems" if not clean
          else "not ok - the manifest itself:\n  " + "\n  ".join(clean))
    failures += bool(clean)
    for label, change in cases.items():
        found = check(broken(change), base, options_text)
        print(f"{'ok' if found else 'not ok'} - {label}: {found[0] if found else 'not caught'}")
        failures += not found
    local = check(local_manifest(manifest), base, options_text)
    ok = len(local) == 1 and "local folder" in local[0]
    print(f"{'ok' if ok else 'not ok'} - the local manifest differs only by its dir source")
    failures += not ok
    return failures


def main(argv):
    path = os.path.join(TOP, "flatpak", APP_ID + ".json")
    mode = "check"
    if argv[1:2] == ["--self-test"]:
        mode = "self-test"
    elif argv[1:2] == ["--local"] and len(argv) == 3:
        mode = "local"
    elif len(argv) == 2:
        path = argv[1]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(TOP, "meson_options.txt"), encoding="utf-8") as f:
        options_text = f.read()
    base = os.path.dirname(os.path.abspath(path))
    if mode == "local":
        with open(argv[2] + ".tmp", "w", encoding="utf-8") as f:
            json.dump(local_manifest(manifest), f, indent=4, ensure_ascii=False)
        os.replace(argv[2] + ".tmp", argv[2])
        return 0
    if mode == "self-test":
        return 1 if self_test(manifest, base, options_text) else 0
    problems = check(manifest, base, options_text)
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
