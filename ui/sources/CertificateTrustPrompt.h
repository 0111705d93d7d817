#pragma once

#include "values/CertificateInfo.h"

class QWidget;

// Shows an untrusted certificate (who it names, who signed it, validity,
// SHA-256 fingerprint) and asks whether to trust it for one source only.
// Cancel is the default: trusting must be a deliberate choice.
namespace CertificateTrustPrompt {

bool ask(QWidget* parent, const CertificateInfo& certificate, const QString& sourceName);

} // namespace CertificateTrustPrompt
