#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

// Reads the messages of an mbox file one at a time, so a file of any size
// takes the memory of one message: mbox as Thunderbird (mboxo), Google
// Takeout and our own export (mboxrd) and Apple Mail or mutt (mboxcl2, with
// Content-Length) write it. Each message comes back with its "From " line
// removed, the empty line that ends it removed, and ">From " lines
// unquoted by the file's rule; what cannot be a message (an empty one, one
// beyond the size cap) is reported with its offset and skipped, and the
// reading goes on with the next one.
//
// Where a message ends: at a "From " line that follows an empty line and
// carries a time and a year, as every writer puts them there ("From
// - Sat Jan  1 10:00:00 2022", "From 1700…@xxx Tue Mar 05 14:23:01 +0000
// 2019"), so "From here on…" after a paragraph stays in the body. Mail
// with CRLF line ends whose last line ends in a bare LF had no line break
// at its end (mbox cannot hold that: writers add the LF), and loses the LF
// again, so such a message comes back byte for byte too. A message
// with a Content-Length header whose length ends right before the next
// separator (or the end of the file) is taken by that length and not
// unquoted: mboxcl2 quotes nothing.
class MboxReader
{
    Q_DECLARE_TR_FUNCTIONS(MboxReader)

public:
    // How "From " lines inside messages were quoted. mboxrd (one '>' added
    // to any number of '>' before "From ") is what Takeout and our export
    // write; mboxo (only "From " becomes ">From ") cannot tell a quoted line
    // from one that was ">From " already, so only ">From " is unquoted.
    enum class Quoting { Mboxrd, Mboxo };

    static constexpr qint64 DefaultMaxMessageBytes = 256LL * 1024 * 1024;

    struct Message
    {
        QByteArray bytes;
        qint64 offset = 0; // of its "From " line in the file
        QByteArray fromLine; // without the line break: sender and time of delivery
    };

    struct Problem
    {
        qint64 offset = 0;
        QString reason;
    };

    // `device` is open for reading; a file, so a Content-Length can be
    // checked and taken back (seek).
    explicit MboxReader(QIODevice* device,
                        Quoting quoting = Quoting::Mboxrd,
                        qint64 maxMessageBytes = DefaultMaxMessageBytes);

    // The next message; false at the end of the file, or when the file is
    // not an mbox or cannot be read (error() says which).
    bool next(Message* message);
    // What was skipped or looked wrong since the last call, each with its
    // offset; nothing that was read is lost for it.
    QList<Problem> takeProblems();
    // The file as a whole could not be read: empty while it can.
    QString error() const;
    // Bytes read so far, for progress.
    qint64 position() const;

    // "From - Sat Jan  1 10:00:00 2022": a separator after an empty line.
    static bool looksLikeSeparator(QByteArrayView line);
    // The IMAP flags a message's headers say it had in the mail program
    // that wrote the mbox: "Status: RO" and "X-Status: AF" (mutt, Apple
    // Mail, Pine), "X-Mozilla-Status: 0005" (Thunderbird's bits).
    static QStringList flagsOf(const QByteArray& message);

private:
    // Makes `wanted` bytes from the read position available in m_buffer
    // (fewer at the end of the file); moves the buffer.
    void ensure(qsizetype wanted);
    void seekTo(qint64 offset);
    // The next line (with its break), or a piece of at most 1 MB of a
    // longer one: a view into m_buffer, valid until the next call.
    bool readLine(QByteArrayView* line);
    // Takes the message by its Content-Length when that ends where the next
    // message (or the file) begins; `headers` are the lines read so far.
    bool takeByContentLength(const QByteArray& headers, Message* message);
    QByteArrayView unquoted(QByteArrayView line) const;
    void problem(qint64 offset, const QString& reason);

    QIODevice* m_device;
    Quoting m_quoting;
    qint64 m_maxMessageBytes;
    QByteArray m_buffer; // read from the file, not yet all taken
    qsizetype m_pos = 0; // the read position in m_buffer
    qint64 m_bufferOffset = 0; // the file offset of m_buffer's first byte
    bool m_deviceDone = false; // the file has nothing more to give
    bool m_started = false;
    bool m_ended = false;
    // The separator of the message to read next, found while reading the
    // one before it.
    QByteArray m_nextFrom;
    qint64 m_nextOffset = 0;
    QList<Problem> m_problems;
    QString m_error;
};
