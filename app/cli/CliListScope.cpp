#include "CliListScope.h"

#include "search/SearchQuery.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliListScope)
};

} // namespace

CliListScope::CliListScope()
    : m_query(
        QStringLiteral("query"), Tr::tr("Only messages this search finds (as typed in the app)."), QStringLiteral("q"))
    , m_source(QStringLiteral("source"), Tr::tr("Only this source's mail."), QStringLiteral("name"))
    , m_folder(QStringLiteral("folder"), Tr::tr("Only this folder's mail."), QStringLiteral("path"))
{
}

void CliListScope::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_query, m_source, m_folder});
}

bool CliListScope::apply(const QCommandLineParser& parser, MessageListQuery* list, QString* refused) const
{
    list->within.sourceName = parser.value(m_source);
    list->within.folderPath = parser.value(m_folder);
    if (!parser.isSet(m_query)) {
        return true;
    }
    const SearchQuery search = SearchQuery::parse(parser.value(m_query));
    if (!search.isValid()) {
        *refused = search.error();
        return false;
    }
    if (!search.isEmpty()) {
        list->search = search;
    }
    return true;
}
