"""An import-linter contract: a domain reaches another domain only through its public modules.

A domain's `service`, `reads` and `schemas` (its sub-packages' too) are what other domains may
import; its models, repository, routes, tasks and helpers are its own. The composition root
(app, cli, jobs runtime, startup) wires domains together and may import anything.
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class DomainBoundariesContract(Contract):
    type_name = "domain_boundaries"

    domains = fields.ListField(subfield=fields.StringField())
    public_modules = fields.ListField(subfield=fields.StringField())
    composers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        domains: list[str] = list(self.domains)  # type: ignore[call-overload]
        public = set(self.public_modules)  # type: ignore[call-overload]
        composers: list[str] = list(self.composers)  # type: ignore[call-overload]
        breaches = []
        for domain in domains:
            for imported in sorted(graph.find_descendants(domain)):
                # `domain.service`, or a sub-package's (`system.audit.service`) once a
                # domain grows sub-packages.
                path = imported[len(domain) + 1 :].split(".")
                if any(part in public for part in path):
                    continue
                for importer in sorted(graph.find_modules_that_directly_import(imported)):
                    if _inside(importer, domain) or any(_inside(importer, c) for c in composers):
                        continue
                    for detail in graph.get_import_details(importer=importer, imported=imported):
                        breaches.append(
                            f"{importer}:{detail['line_number']} imports {imported}"
                            f" (a private module of {domain})"
                        )
        return ContractCheck(kept=not breaches, metadata={"breaches": breaches})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["breaches"]:
            output.print_error(f"- {line}")
        output.new_line()
        output.print(
            "Import the domain's service, reads or schemas instead (or move the code to the "
            "composition root when it composes domains)."
        )


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")
