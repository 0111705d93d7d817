#pragma once

// People, prose and the plain and HTML bodies of generated mail. Helpers of
// MailGenerator.

#include "DeterministicRandom.h"
#include "MimeEncoding.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <cstddef>
#include <string_view>

namespace MailGen {

template<typename T, std::size_t N>
const T& pick(DeterministicRandom& random, const T (&list)[N])
{
    return list[random.below(N)];
}

// Density falls like 1/sqrt(rank): the word lists are ordered by frequency,
// and this skew is what makes the text compress like real prose.
template<std::size_t N>
std::string_view pickFrequent(DeterministicRandom& random, const std::string_view (&list)[N])
{
    const double u = random.unit();
    return list[static_cast<std::size_t>(u * u * static_cast<double>(N))];
}

inline void append(QByteArray& out, std::string_view text)
{
    out.append(text.data(), static_cast<qsizetype>(text.size()));
}

inline QByteArray bytesOf(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// ---------------------------------------------------------------------------
// People and text

struct Person
{
    QByteArray display; // UTF-8, may be empty
    QByteArray address;
};

Person drawPerson(DeterministicRandom& random, bool wantNonAscii);
// The mailbox owner: the recipient of incoming mail, the sender of sent mail.
Person owner();
// A mailbox as mail clients write it; raw UTF-8 only when `raw8bit`.
QByteArray formatMailbox(DeterministicRandom& random, const Person& person, bool raw8bit);

struct Prose
{
    Language language = Language::English;
    QByteArray greeting;
    QList<QByteArray> paragraphs;
    QList<QByteArray> closing;
    QByteArray disclaimer;
    QByteArray quoteIntro;
    QList<QByteArray> quoted;
    bool nestedQuote = false;
};

Prose drawProse(DeterministicRandom& random,
                Language language,
                bool windows1252,
                const Person& sender,
                const Person& recipient,
                bool reply,
                int quoteDepth,
                const QDateTime& quotedDate);

// The text/plain body, wrapped at 72 columns, CRLF line breaks.
QByteArray renderPlain(const Prose& prose);
// The text/html body; `imageCid`, if not empty, is an inline image to show.
QByteArray renderHtml(DeterministicRandom& random, const Prose& prose, const QByteArray& imageCid);

} // namespace MailGen
