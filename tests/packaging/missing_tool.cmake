# SPDX-License-Identifier: GPL-3.0-or-later
# Run in place of a validator that CMake did not find, so the test fails loudly.
message(FATAL_ERROR "${TOOL} was not found when the build was configured. "
    "Install the Debian package '${DEBIAN_PACKAGE}' (or run `make deps`) and "
    "re-run cmake.")
