#include "FetchResponse.h"

#include "ImapTokenizer.h"

#include <vmime/exception.hpp>

#include <algorithm>

namespace {

[[noreturn]] void malformed(const QByteArray& firstLine, const char* what)
{
    // The first line only, cut short: it is server text, and may be huge.
    throw vmime::exceptions::invalid_response("UID FETCH",
                                              std::string(what) + ": " + firstLine.left(200).toStdString());
}

} // namespace

std::optional<FetchResponse> FetchResponse::parse(ImapResponse response)
{
    // "* <n> FETCH (" is all in the first line.
    const QByteArray first = response.firstLine();
    const qsizetype numberEnd = first.indexOf(' ', 2);
    if (!first.startsWith("* ") || numberEnd < 0 || first.mid(numberEnd + 1, 7).toUpper() != "FETCH (") {
        return std::nullopt;
    }
    quint32 sequence = 0;
    if (!ImapTokenizer::toNumber(first.mid(2, numberEnd - 2), &sequence)) {
        return std::nullopt;
    }

    QList<ImapToken> tokens;
    if (!ImapTokenizer::tokenize(response, numberEnd + 8, tokens)) {
        malformed(first, "a quoted string never ends");
    }
    // The attributes, then the list's closing parenthesis.
    if (tokens.isEmpty() || tokens.constLast().kind != ImapToken::Close) {
        malformed(first, "the attribute list does not close");
    }
    tokens.removeLast();

    FetchResponse fetch;
    qsizetype i = 0;
    while (i < tokens.size()) {
        if (tokens[i].kind != ImapToken::Atom || i + 1 >= tokens.size()) {
            malformed(first, "an attribute without a value");
        }
        const QByteArray name = tokens[i].text.toUpper();
        ImapToken& value = tokens[i + 1];
        if (name == "UID" && value.kind == ImapToken::Atom) {
            // 0 and anything past 32 bits are no UIDs (RFC 3501 "nz-number"):
            // a UID of 4294967297 must never be stored as UID 1.
            if (!ImapTokenizer::toNumber(value.text, &fetch.uid) || fetch.uid == 0) {
                throw vmime::exceptions::invalid_response("UID FETCH",
                                                          "the server sent UID " + value.text.left(40).toStdString()
                                                              + ", which is no valid UID");
            }
        } else if (name == "RFC822.SIZE" && value.kind == ImapToken::Atom) {
            quint32 size = 0;
            if (ImapTokenizer::toNumber(value.text, &size)) {
                fetch.size = size;
            }
        } else if (name == "FLAGS" && value.kind == ImapToken::Open) {
            fetch.hasFlags = true;
            const qsizetype end = ImapTokenizer::skipValue(tokens, i + 1);
            if (end < 0) {
                malformed(first, "the flag list does not close");
            }
            for (qsizetype f = i + 2; f < end - 1; ++f) {
                fetch.flags << QString::fromUtf8(tokens[f].text);
            }
            i = end;
            continue;
        } else if (name == "INTERNALDATE" && value.kind == ImapToken::String) {
            // A date the server garbled is no reason to lose the message:
            // it stays invalid, and the message's own Date: is used.
            fetch.internalDate = parseInternalDate(value.text);
            fetch.badInternalDate = !fetch.internalDate.isValid();
        } else if (name == "BODY[]" || name == "BINARY[]" || name == "RFC822") {
            if (value.kind == ImapToken::String) {
                fetch.hasBody = true;
                fetch.body = std::move(value.text);
            }
        }
        i = ImapTokenizer::skipValue(tokens, i + 1);
        if (i < 0) {
            malformed(first, "a list does not close");
        }
    }
    return fetch;
}

QDateTime FetchResponse::parseInternalDate(const QByteArray& text)
{
    // dd-Mon-yyyy hh:mm:ss +zzzz (RFC 3501 "date-time"), parsed by hand:
    // month names are English whatever the locale.
    static const char* const Months[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const QList<QByteArray> parts = text.trimmed().split(' ');
    if (parts.size() != 3) {
        return {};
    }
    const QList<QByteArray> day = parts[0].split('-');
    const QList<QByteArray> time = parts[1].split(':');
    const QByteArray& zone = parts[2];
    if (day.size() != 3 || time.size() != 3 || zone.size() != 5 || (zone[0] != '+' && zone[0] != '-')) {
        return {};
    }
    const QByteArray monthName = day[1].toLower();
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName == Months[i]) {
            month = i + 1;
        }
    }
    bool ok[8] = {};
    const QDate date(day[2].toInt(&ok[0]), month, day[0].toInt(&ok[1]));
    const QTime clock(time[0].toInt(&ok[2]), time[1].toInt(&ok[3]), time[2].toInt(&ok[4]));
    const int hours = zone.mid(1, 2).toInt(&ok[5]);
    const int minutes = zone.mid(3, 2).toInt(&ok[6]);
    ok[7] = month != 0 && date.isValid() && clock.isValid();
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })) {
        return {};
    }
    const int offset = (zone[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    return QDateTime(date, clock, Qt::OffsetFromUTC, offset).toUTC();
}
