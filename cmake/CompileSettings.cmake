# One INTERFACE target carries the settings every target of ours compiles with,
# so a flag is changed in one place (qBittorrent's CommonConfig does the same).
add_library(openarchiver_settings INTERFACE)

target_compile_features(openarchiver_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(openarchiver_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OPENARCHIVER_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(openarchiver_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
elseif(MSVC)
    target_compile_options(openarchiver_settings INTERFACE /W4 /permissive- /utf-8)
endif()

if(OPENARCHIVER_SANITIZE)
    target_compile_options(openarchiver_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(openarchiver_settings INTERFACE -fsanitize=address,undefined)
endif()

# ccache when it is there: the test command builds two trees on two cores.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "Compiler launcher" FORCE)
endif()
