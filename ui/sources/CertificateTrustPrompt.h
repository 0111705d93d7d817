#pragma once

#include "values/CertificateInfo.h"

class QWidget;

// Shows an untrusted certificate (who it names, who signed it, validity,
// SHA-256 fingerprint) and asks whether to trust it for one server (host and
// port): every source on that server then accepts it (CertificateExceptions).
// Cancel is the default: trusting must be a deliberate choice.
namespace CertificateTrustPrompt {

bool ask(QWidget* parent, const CertificateInfo& certificate, const QString& server);

// `text` with a zero-width space after each colon of a fingerprint
// ("AB:CD:…"), so a word-wrapped label can break the 95 characters that
// line breaking otherwise keeps together (and cuts off). For display only.
QString breakableFingerprints(const QString& text);

} // namespace CertificateTrustPrompt
