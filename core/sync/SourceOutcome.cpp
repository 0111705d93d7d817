#include "SourceOutcome.h"

bool SourceOutcome::ok() const
{
    return kind == Kind::Done;
}

SourceOutcome SourceOutcome::done(qint64 sourceId, const QString& message)
{
    return {Kind::Done, sourceId, message};
}

SourceOutcome SourceOutcome::failed(Kind kind, qint64 sourceId, const QString& message)
{
    return {kind, sourceId, message};
}
