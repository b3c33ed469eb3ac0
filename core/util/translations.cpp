#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace vigia {

bool installTranslations(const QString &language)
{
    static QTranslator *ours = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **translator : {&ours, &qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QLocale reads a name it does not know (e.g. "xx_YY") as the C locale: that is no translation, not English.
    if (!language.isEmpty() && locale.language() == QLocale::C && language != QLatin1String("C"))
        return false;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(locale, QStringLiteral("vigia"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        ours = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        qt = nullptr;
    }
    return true;
}

} // namespace vigia
