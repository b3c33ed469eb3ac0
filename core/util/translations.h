#pragma once

#include <QString>

namespace vigia {

// Installs Vigia's translation (embedded as :/i18n/vigia_<language>.qm) and Qt's own for a language such as
// "pt_BR"; an empty name means the system locale. English needs none. Returns false when Vigia has no
// translation for the language (the text stays English). Replaces what an earlier call installed.
bool installTranslations(const QString &language = {});

} // namespace vigia
