# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that the application id is spelled the same everywhere: the file
# names, the metainfo <id> and <launchable>, and the desktop file's Icon= key
# (packaging/CMakeLists.txt installs the icon as <id>.svg).
# Usage: cmake -DAPP_ID=... -DPACKAGING_DIR=... -P check_ids.cmake

set(desktop ${PACKAGING_DIR}/${APP_ID}.desktop)
set(metainfo ${PACKAGING_DIR}/${APP_ID}.metainfo.xml)
set(failures "")

foreach(file IN ITEMS ${desktop} ${metainfo} ${PACKAGING_DIR}/hubkeeper.svg)
    if(NOT EXISTS ${file})
        message(FATAL_ERROR "missing file: ${file}")
    endif()
endforeach()

file(READ ${metainfo} xml)
string(REGEX MATCH "<id>([^<]*)</id>" _ "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL APP_ID)
    string(APPEND failures "\n  metainfo <id> is '${CMAKE_MATCH_1}', expected '${APP_ID}'")
endif()
string(REGEX MATCH "<launchable type=\"desktop-id\">([^<]*)</launchable>" _ "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL "${APP_ID}.desktop")
    string(APPEND failures "\n  metainfo <launchable> is '${CMAKE_MATCH_1}', expected '${APP_ID}.desktop'")
endif()
foreach(binary IN ITEMS hubkeeper hubctl)
    if(NOT xml MATCHES "<binary>${binary}</binary>")
        string(APPEND failures "\n  metainfo does not provide binary '${binary}'")
    endif()
endforeach()

file(STRINGS ${desktop} icon_lines REGEX "^Icon=")
if(NOT icon_lines STREQUAL "Icon=${APP_ID}")
    string(APPEND failures "\n  desktop file has '${icon_lines}', expected 'Icon=${APP_ID}'")
endif()
file(STRINGS ${desktop} exec_lines REGEX "^Exec=")
if(NOT exec_lines MATCHES "^Exec=hubkeeper( |$)")
    string(APPEND failures "\n  desktop file has '${exec_lines}', expected 'Exec=hubkeeper ...'")
endif()

if(failures)
    message(FATAL_ERROR "application ids disagree:${failures}")
endif()
message(STATUS "ids agree: ${APP_ID}")
