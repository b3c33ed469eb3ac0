# One INTERFACE target carries the compile settings every Vigia target shares.
add_library(vigia_settings INTERFACE)
add_library(Vigia::settings ALIAS vigia_settings)

target_compile_features(vigia_settings INTERFACE cxx_std_17)
target_compile_options(vigia_settings INTERFACE -Wall -Wextra -Wpedantic -Wold-style-cast)
if(VIGIA_WERROR)
    target_compile_options(vigia_settings INTERFACE -Werror)
endif()
target_compile_definitions(vigia_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    VIGIA_VERSION="${PROJECT_VERSION}")

if(VIGIA_SANITIZE)
    set(vigia_sanitizers -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(vigia_settings INTERFACE ${vigia_sanitizers})
    target_link_options(vigia_settings INTERFACE ${vigia_sanitizers})
endif()
