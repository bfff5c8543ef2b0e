#!/usr/bin/env python3
"""Checks reStructuredText files with docutils, failing on any warning.

Sphinx-only directives and roles that the kernel's documentation uses
(kernel-doc, toctree, :c:func:, :ref:, :doc:) are accepted and ignored:
docutils alone does not know them, and their targets are checked by
scripts/kernel-doc separately.
"""
import os
import sys
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles


class Ignored(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = None

    def run(self):
        return []


class AnyOptions(dict):
    def __missing__(self, key):
        return directives.unchanged


Ignored.option_spec = AnyOptions()


class LiteralInclude(Directive):
    """Sphinx's literalinclude, as far as our documents use it: the file
    (relative to the document) must exist, and :start-at: / :end-before:
    must be found in it."""
    required_arguments = 1
    option_spec = {"language": directives.unchanged,
                   "start-at": directives.unchanged,
                   "end-before": directives.unchanged}

    def run(self):
        src = self.state.document.current_source
        path = os.path.join(os.path.dirname(src), self.arguments[0])
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as exc:
            raise self.error(f"literalinclude: {exc}")
        for opt, keep_from in (("start-at", True), ("end-before", False)):
            mark = self.options.get(opt)
            if mark is None:
                continue
            at = text.find(mark)
            if at < 0:
                raise self.error(f"literalinclude: {opt} '{mark}' not in {path}")
            text = text[at:] if keep_from else text[:at]
        return [nodes.literal_block(text, text)]
for name in ("kernel-doc", "toctree", "c:function", "c:type", "c:macro",
             "only", "tabularcolumns", "kernel-feat", "c:struct",
             "c:member", "c:enum"):
    directives.register_directive(name, Ignored)
directives.register_directive("literalinclude", LiteralInclude)


def literal_role(name, rawtext, text, lineno, inliner, options=None,
                 content=None):
    return [nodes.literal(rawtext, text)], []


for name in ("c:func", "c:type", "c:macro", "c:struct", "ref", "doc",
             "manpage", "c:member", "c:enum"):
    roles.register_local_role(name, literal_role)

failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        publish_doctree(text, source_path=path, settings_overrides={
            "report_level": 2, "halt_level": 2, "warning_stream": sys.stderr,
            "file_insertion_enabled": False})
    except Exception as exc:  # docutils raises SystemMessage on halt
        print(f"{path}: {exc}", file=sys.stderr)
        failed += 1
print(f"rst: {len(sys.argv) - 1 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
