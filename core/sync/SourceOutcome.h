#pragma once

#include <QMetaType>
#include <QString>

// What one of a source's use cases (SourceService) came to: done, or a
// failure with a kind the caller can act on and a sentence for the user.
struct SourceOutcome
{
    enum class Kind {
        Done,
        Invalid, // a field is wrong or the name is taken: the message says which
        NotFound, // the source was removed meanwhile
        ArchiveFailed, // the archive could not be written (disk full, locked, …)
        KeychainUnavailable, // no keychain answered: the password could be kept for this session
        KeychainFailed, // the keychain answered with an error
        PartlyDone, // the changes were saved, the new password was not
    };

    Kind kind = Kind::Done;
    qint64 sourceId = 0;
    // For the user: what failed and what to do; on success what was done
    // (e.g. what a removal kept and deleted), or empty.
    QString message;

    bool ok() const;

    static SourceOutcome done(qint64 sourceId, const QString& message = {});
    static SourceOutcome failed(Kind kind, qint64 sourceId, const QString& message);
};

Q_DECLARE_METATYPE(SourceOutcome)
