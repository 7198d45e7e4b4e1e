"""The command line: the same engine as the wizard, without a window.

    privacy-wizard                          start the wizard
    privacy-wizard PROJECT                  start the wizard with a project open
    privacy-wizard render PROJECT --lang en,nl --format docx,pdf,html,md --out DIR
                   [--document policy,notice,records,consent]
    privacy-wizard check PROJECT [--lang nl] [--format text|json] [--document records]
                                            what the policy (or the record) covers and
                                            what must be fixed
    privacy-wizard diff OLD NEW --lang nl   print what changed between two project files
    privacy-wizard schema                   print the project file's JSON Schema

Errors are one line on stderr and a non-zero exit status, never a traceback: 2 for wrong
arguments and for any input that cannot be read (the file is named, with the field at fault), 1 for
everything else. ``check`` follows grep: 0 when nothing must be fixed, 1 when something must be
fixed, 2 when it cannot check (wrong arguments, a file it cannot read).

``render`` writes all the files or none: if one cannot be rendered or written, no file in the
folder is added or changed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from wizard import APP_NAME, __version__
from wizard.languages import LANGUAGES, SOURCE

if TYPE_CHECKING:
    import argparse

    from wizard.law.gate import NotPublishable
    from wizard.model.answers import Project

PROG = "privacy-wizard"
SUBCOMMANDS = ("render", "check", "diff", "schema", "gui")


class CliError(Exception):
    """A failure to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _json(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    # argparse loads here, not when the wizard starts without arguments (its first paint).
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise CliError(f"{message} (see '{PROG} --help')", 2)

    parser = _Parser(
        prog=PROG,
        description=f"{APP_NAME}: write a GDPR privacy policy from a project file.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    render = sub.add_parser(
        "render",
        help="write the policy files for a project",
        description="Write the privacy policy of PROJECT, one file per language and format.",
    )
    render.add_argument("project", metavar="PROJECT", help="the project file (.privacy.json)")
    render.add_argument(
        "--lang",
        help=f"languages, comma-separated: {','.join(LANGUAGES)} (default: the project's own "
        "choice)",
    )
    render.add_argument(
        "--format",
        dest="formats",
        help="formats, comma-separated: docx,pdf,html,md (default: the project's own choice)",
    )
    render.add_argument(
        "--document",
        dest="documents",
        help="documents, comma-separated: policy,notice,records,consent (default: policy); "
        "the record of processing activities is also written as .xlsx; with html or md, the "
        "notice and the consent texts are also written as <name>-<lang>.snippet.html and "
        ".snippet.md: fragments to paste into a web page, form or Markdown site (no <html>, "
        "<head> or <body>, no style), beside the complete .html and .md files",
    )
    render.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    render.add_argument(
        "--force", action="store_true", help="overwrite existing files without asking"
    )
    render.add_argument(
        "--draft",
        action="store_true",
        help="write the files even though the check finds points that must be fixed (or no "
        "effective date); every page and the metadata then say DRAFT",
    )

    check = sub.add_parser(
        "check",
        help="list what the policy covers and what is missing or risky",
        description=(
            "Check PROJECT: which information Art. 13 and 14 GDPR require the policy covers "
            "(and in which section), and what is missing or risky, with the article it rests "
            "on. Exit status: 0 when nothing must be fixed, 1 when something must be fixed, "
            "2 when the check cannot run."
        ),
    )
    check.add_argument("project", metavar="PROJECT", help="the project file (.privacy.json)")
    check.add_argument(
        "--lang",
        help="the policy language to check, also used for the report: "
        f"{', '.join(LANGUAGES)} (default: the project's first language)",
    )
    check.add_argument(
        "--document",
        choices=("policy", "records"),
        default="policy",
        help="policy (the default): Art. 13 and 14; records: the record of processing "
        "activities against Art. 30(1)",
    )
    check.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default), json for programs",
    )

    diff = sub.add_parser(
        "diff",
        help="print what changed between two project files",
        description=(
            "Print the changes from OLD to NEW, one per line, as the policy's 'what changed' "
            "summary would say them. Prints nothing when the answers are the same. The exit "
            "status is 0 either way; it is non-zero only for an error."
        ),
    )
    diff.add_argument("old", metavar="OLD", help="the earlier project file")
    diff.add_argument("new", metavar="NEW", help="the later project file")
    diff.add_argument(
        "--lang",
        default=SOURCE,
        help=f"the language of the output: {', '.join(LANGUAGES)} (default: {SOURCE})",
    )

    sub.add_parser("schema", help="print the JSON Schema of project files")
    gui = sub.add_parser("gui", help="start the wizard (the default)")
    gui.add_argument("project", nargs="?", help="a project file to open")
    return parser


def _render(args: argparse.Namespace) -> int:
    from wizard.documents import KINDS
    from wizard.law.gate import NotPublishable
    from wizard.loading import open_project
    from wizard.output import FORMATS, GenerationError, generate, output_jobs

    project = open_project(args.project)
    langs = _split(args.lang) if args.lang else None
    formats = _split(args.formats) if args.formats else None
    kinds = _split(args.documents) if args.documents else ["policy"]
    for kind in kinds:
        if kind not in KINDS:
            raise CliError(f"unknown document '{kind}' (choose from {', '.join(KINDS)})", 2)
    for lang in langs or []:
        if lang not in LANGUAGES:
            raise CliError(f"unknown language '{lang}' (choose from {', '.join(LANGUAGES)})", 2)
    for fmt in formats or []:
        if fmt not in FORMATS:
            raise CliError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})", 2)
    jobs = output_jobs(project, args.out, langs, formats, kinds)
    if not jobs:
        raise CliError("nothing to write: no language or no format chosen", 2)
    existing = [j.path for j in jobs if j.path.exists()]
    if existing and not args.force:
        raise CliError(
            f"{existing[0]} already exists; use --force to overwrite"
            + (f" ({len(existing)} files)" if len(existing) > 1 else "")
        )
    if any(j.fmt == "pdf" for j in jobs):
        from wizard.render.fonts import missing_in_pdf

        for gap in missing_in_pdf(project.model_dump(mode="json", exclude={"history"})):
            print(f"{PROG}: warning: the PDF cannot show {gap.described()}", file=sys.stderr)
    try:
        written = generate(project, args.out, langs, formats, draft=args.draft, documents=kinds)
    except NotPublishable as exc:
        _report_blockers(exc, project if "records" in kinds else None)
    except GenerationError as exc:
        raise CliError(f"{exc}; no file was written") from None
    except OSError as exc:
        raise CliError(
            f"{exc.filename or args.out}: {exc.strerror or exc}; no file was written"
        ) from None
    for path in written:
        print(path)
    return 0


def _report_blockers(exc: NotPublishable, record_of: Project | None = None) -> NoReturn:
    """What keeps the policy from being published: one line per finding on stderr (and, when
    the record of processing activities was asked for too, what it lacks), then exit status 1
    (the generation service wrote nothing)."""
    from wizard.law.gate import finding_line

    for finding in exc.findings:
        print(f"{PROG}: must fix: {finding_line(finding)}", file=sys.stderr)
    if record_of is not None:
        from wizard.documents.records_check import record_findings, record_report

        errors = [f for f in record_findings(record_of) if f.severity == "error"]
        if errors:
            print(f"{PROG}: " + record_report(errors).replace("\n", f"\n{PROG}: "), file=sys.stderr)
    raise CliError(
        f"{len(exc.findings)} point(s) must be fixed before the policy is published; "
        "nothing was written (use --draft to write a draft marked as such)"
    )


#: ``check``'s exit status when something must be fixed; 2 means it could not check.
CHECK_MUST_FIX = 1


def _check(args: argparse.Namespace) -> int:
    from wizard.i18n import translation
    from wizard.loading import open_project
    from wizard.review import report_data, report_text, review

    if args.lang is not None and args.lang not in LANGUAGES:
        raise CliError(f"unknown language '{args.lang}' (choose from {', '.join(LANGUAGES)})", 2)
    project = open_project(args.project)
    lang = args.lang or (project.publication.languages or [SOURCE])[0]
    if args.document == "records":
        from wizard.documents.records_check import record_findings, record_report

        found = record_findings(project, lang)
        if args.output_format == "json":
            data = {
                "project": str(args.project),
                "document": "records",
                "findings": [
                    {
                        "point": f"Art. 30(1)({f.point})",
                        "severity": f.severity,
                        "activity": f.where,
                        "message": f.message,
                    }
                    for f in found
                ],
            }
            print(_json(data))
        else:
            print(record_report(found, lang))
        return CHECK_MUST_FIX if any(f.severity == "error" for f in found) else 0
    report = review(project, lang)
    gettext = translation("ui", lang).gettext
    if args.output_format == "json":
        data = {"project": str(args.project), **report_data(report, gettext)}
        print(_json(data))
    else:
        print(report_text(report, gettext))
    return CHECK_MUST_FIX if report.errors else 0


def _diff(args: argparse.Namespace) -> int:
    from wizard.history import diff
    from wizard.loading import open_project

    if args.lang not in LANGUAGES:
        raise CliError(f"unknown language '{args.lang}' (choose from {', '.join(LANGUAGES)})", 2)
    old = open_project(args.old)
    new = open_project(args.new)
    for change in diff(old, new):
        print(change.text(args.lang))
    return 0


def _schema() -> int:
    from wizard.model import project_schema

    print(_json(project_schema()))
    return 0


def _gui(project: str | None) -> int:
    try:
        from wizard.ui.app import run
    except ImportError as exc:
        raise CliError(
            f"the wizard window cannot start: {exc}. The command line still works: "
            f"'{PROG} render PROJECT --out DIR'"
        ) from None
    status: int = run(sys.argv[:1], project)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list:
            return _gui(None)
        if args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-"):
            # `privacy-wizard PROJECT` opens the project in the wizard (file managers do this).
            args_list = ["gui", *args_list]
        args = _parser().parse_args(args_list)
        if args.command == "render":
            return _render(args)
        if args.command == "check":
            return _check(args)
        if args.command == "diff":
            return _diff(args)
        if args.command == "schema":
            return _schema()
        return _gui(args.project)
    except CliError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line, never a traceback
        from wizard.model import ProjectFileError
        from wizard.policy.engine import PolicyError

        if isinstance(exc, ProjectFileError):
            # An input that cannot be read: "could not do it", like wrong arguments.
            print(f"{PROG}: error: {exc.summary()}", file=sys.stderr)
            return 2
        if isinstance(exc, RecursionError | MemoryError):
            message = f"the input is too large or too deeply nested ({type(exc).__name__})"
        elif isinstance(exc, PolicyError):
            message = "cannot write the policy: " + "; ".join(exc.problems)
        elif isinstance(exc, OSError):
            message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
        else:
            message = f"unexpected problem: {type(exc).__name__}: {exc}"
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 1


def gui_main() -> int:
    """Entry point of the windowed launcher."""
    return main(sys.argv[1:] or [])
