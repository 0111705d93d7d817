#include "CertificateTrustPrompt.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CertificateTrustPrompt)
};

QString date(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat) : QStringLiteral("?");
}

} // namespace

namespace CertificateTrustPrompt {

bool ask(QWidget* parent, const CertificateInfo& certificate, const QString& server)
{
    const QString details =
        Tr::tr("<p>The server presented a certificate that your system does not trust. Trust it only if its "
               "fingerprint matches the one your provider or administrator gives you.</p>"
               "<table><tr><td nowrap>Issued to:</td><td>%1</td></tr><tr><td nowrap>Issued by:</td><td>%2</td></tr>"
               "<tr><td nowrap>Valid:</td><td>%3 to %4</td></tr><tr><td "
               "nowrap>SHA-256:</td><td><tt>%5</tt></td></tr></table>"
               "<p>Trust this certificate for %6? Every source on this server will accept it, until you remove it "
               "in a source's Details.</p>")
            .arg(certificate.subject.toHtmlEscaped(),
                 certificate.issuer.toHtmlEscaped(),
                 date(certificate.validFrom),
                 date(certificate.validUntil),
                 certificate.formattedFingerprint(),
                 server.toHtmlEscaped());
    QMessageBox box(QMessageBox::Warning, Tr::tr("Trust This Certificate?"), details, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("trustCertificateBox"));
    box.setTextFormat(Qt::RichText);
    QPushButton* trust = box.addButton(Tr::tr("&Trust for this server"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == trust;
}

QString breakableFingerprints(const QString& text)
{
    static const QRegularExpression Colon(QStringLiteral("(?<=[0-9A-F]{2}):(?=[0-9A-F]{2})"));
    QString result = text;
    return result.replace(Colon, QStringLiteral(":\u200B"));
}

} // namespace CertificateTrustPrompt
