"""One build step on top of pyproject.toml: ship the top-level folders inside the package.

``queries/``, ``shapes/``, ``ontology/`` and ``corpus/`` stay at the top of the repository,
one copy of each file, where people edit them. Building a wheel (``pip install .``,
``python -m build``, or a wheel built from the sdist, which carries the folders) copies
them into ``kgbuild/_shipped/`` in the build directory, where an installed kgbuild finds
them with importlib.resources (``kgbuild.resources``). Nothing is written into ``src/``. An
editable install copies nothing (setuptools' editable mode): kgbuild run from its checkout
reads the top-level folders, so edits take effect without reinstalling.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = {  # top-level folder -> the files of it the package ships
    "queries": ("*.rq",),
    "shapes": ("*.ttl",),
    "ontology": ("*.ttl", "*.jsonld", "frames/*.jsonld"),
    "corpus": ("*.txt", "*.json", "errata.tsv", "kgbuild.toml"),
}
TARGET = os.path.join("kgbuild", "_shipped")  # kgbuild.resources.PACKAGED


def shipped_files() -> list[str]:
    """The shipped files, relative to the project's top (the build's working folder)."""
    files = []
    for folder, patterns in SHIPPED.items():
        found = sorted({path.as_posix() for p in patterns for path in Path(folder).glob(p)})
        if not found:
            raise SystemExit(f"setup.py: no {' '.join(patterns)} in {folder}/ to ship")
        files.extend(found)
    return files


class BuildPyShipped(build_py):
    """build_py, then the shipped files copied to ``<build_lib>/kgbuild/_shipped/``."""

    def _shipped_mapping(self) -> dict[str, str]:
        """Built file -> its source, as setuptools' ``get_output_mapping`` gives them."""
        return {os.path.join(self.build_lib, TARGET, path): path for path in shipped_files()}

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # kgbuild reads the checkout's folders
            return
        # a file deleted or renamed since the last build must not linger in the wheel
        shutil.rmtree(os.path.join(self.build_lib, TARGET), ignore_errors=True)
        for target, source in self._shipped_mapping().items():
            self.mkpath(os.path.dirname(target))
            self.copy_file(source, target, preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:  # setuptools lists get_output_mapping() then
            return outputs
        return [*outputs, *self._shipped_mapping()]

    def get_output_mapping(self) -> dict[str, str]:
        return {**super().get_output_mapping(), **self._shipped_mapping()}

    def get_source_files(self) -> list[str]:  # what the sdist carries
        return [*super().get_source_files(), *shipped_files()]


setup(cmdclass={"build_py": BuildPyShipped})
