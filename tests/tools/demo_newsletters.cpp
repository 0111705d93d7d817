#include "demo_newsletters.h"

namespace {

// A 96x32 PNG: the sender's logo, attached inline and shown by cid:.
const QByteArray LogoBase64 = "iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgEAIAAAAyMjZAAAAABGdBTUEAALGPC/xhBQAAACBjSFJN\r\n"
                              "AAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAABmJLR0T///////8JWPfcAAAA\r\n"
                              "B3RJTUUH6gwHAAgQ9kLdkAAABzNJREFUeNrtmmtUU1cWx3cekEQeQh4GASkCwoBIUXAMRSuCdUQq\r\n"
                              "ihjEqosCZbAqDK2uSldrlTrqWNtqGSzaLrCg1YGCgEB9FkzAxlFBCKQiKALFhEcCKSCPGJJ+OE4n\r\n"
                              "FchCb9ckrjm/D3fdtfe+5+x79z/7nHtXSBxOXNzVq4DBPBdkQyeAebHBAsIQAgsIQwgsIAwhsIAw\r\n"
                              "hMACwhACCwhDCCwgDCGohk5AH+fD3z89b4NP+swBi3Zdu3/T7sCb8iZ/mcugRP8IDvFsMv3lOH5Q\r\n"
                              "kX3wkl0eSdYb7U4y59LfQV5pcO+W4duVDg3HlK3ZDKG7rFhS0p4yEIm8u1as2eF0OeGb5a4z/q47\r\n"
                              "5qekElLrnk845+Jaloyd8ZOXN/wyy/fNy4tzbM107Xv68y417//S+VLez/76x5+I7BnCz2U7doyc\r\n"
                              "amhcaejK/Bcj7UCOr3J4jLNjpYOIyOfFcK31j7DadX75tLRKXorzfEm8V5DMTuRaNH3nlK1mlrRl\r\n"
                              "ZBU6zrpmc2/K7OgzAUttV3z05/CpTo8nk9sms0ULp1tQCsgJJI2u3VxFb6P48QU8EVds6Of3v8NI\r\n"
                              "O9BvZYgZzxveueALbvh+eeGtB4VatjYOBLpen3SnAcv29FOxie75lBByAnyH7Bf8au0Um0+1VETJ\r\n"
                              "fLpq+ixVIXbnmUfp8/6i9CpgTWemmO+jfg8mwIFG/blxB6ZWmG5fkTw3nJ1eDFWsbg9kjzjmN2oT\r\n"
                              "ZhZJa6OUPt9d58ZfJ3cWnqXcMOtSjPW25ypqRi7AKmgAI+pARiqgtQLedW4tOh8ufXxIc+28X42d\r\n"
                              "YnMYc/4bnDr7w8ybtEJehcuolZOorelt5Qndaz/Yvzp7pppSRabCkw5RnFnNknvE3j8WLkkHADkA\r\n"
                              "zAE5NNVAS3B/TilUf9UNFncYc6ip4AUdsHyirH7epzg+YjXjA1Y8TRlzJmCp7YpiqLrd3YK80WjZ\r\n"
                              "inw6cvJ33dzdmTokLqusF/csHsedBwfhqKEr8zRGt4Sh/jHTg1NH70GWsrz69T0uOR+K4juSdCP5\r\n"
                              "eX5PLWRoEXmF4TbPKkvXfiCs8J8P9uqft99rqEO9XH9MNkPoLi0BNsSBwL/V7W2rl1zu2gRMkfs/\r\n"
                              "cquyanHLsGVOyVXHjQ5rK76tqnwse/dZ792Jw01keAWu9TzDvDf2yEwwdzQZNFhhJsDoOhBfwBNx\r\n"
                              "ayEcADYgy7nMKpbcQ3juTnRvd1/Q0MpRuuUPjGLKcGisTw9Hkrz99LqmK6rP1ELNUtvz1kfp88h+\r\n"
                              "JGeoR9eqPlMLtUvvR3cODqkBACCFSG7NXV1fDNUJNtxp6H19MbiDNaA+NO3M1FrTARRTGn27Xd7Z\r\n"
                              "ldS3XWUOANueZfyI4zwNd3UE8IA7jjdyS6pFXUYZ1K/vcTFkhX6PEXUg6tcUOmnR6lm+5dPSkAWV\r\n"
                              "/9KoWK5wQ7/si1a1YXIZ8iIZLaN4sVkT7lq0bHgLrv6xeWYkljtK30Pn65P8fW1qQk7Mtec8qXlm\r\n"
                              "YvnM/3j/HzCiDhSEGvVj81Tqk0YtVrYV9B+3P8nKplXDQQBal2Rz+8VHkXyAGLiIYiLy/WK51iVQ\r\n"
                              "HdIN0uDercPVGk+tFALJlSQxlNGiqI0ktXMv9zQj/x50wB+xAlwaFSsUrg839dSMHLZTMdto6KOA\r\n"
                              "5m6stGcwQtTWlKw84exoA4yqZx35H2uK0lo+/ryyVNy6eNyA9WBEvQdhRB1orWDBUy/AvnudDls6\r\n"
                              "C6N3K3z56LhnZG2r00XdmKAAz0CmndVRsy6TnQOmww6joh+H7lYro3RjkitW1Tq+qn92CzHDhnph\r\n"
                              "MnlqFmq8tIHZDKG7rETXnvnG1SvS53z/enExig5kLqXvor6//FvvIPYNeAUaQT35a00OUE6Sdq16\r\n"
                              "6LuDw8gCQZ8UDoQVpbXsPRfmSvGOphSQE0ATGupzkMPJWrBlt2f8qdaKN2U+3Zf7c1SHbG9Zq2h9\r\n"
                              "wSLvh+xj1u5mddSdG03SOPWNk5n35EBFpazfe6Wj0OJPWrY2Tiv4ruB6ZkcvmIIDiJ7vOfy2iTZj\r\n"
                              "3hvrVa57VKS+Xs1/8K++jYao0vgYhYBCY3wUHAktm9pIeiKdwsZbS7q3/XXhV7N+4o+ND/jQ4x3m\r\n"
                              "ptzEJPc5bciCPi1mgeCIFG6m3v/pl4xtkhOeDalHsqJc3ahoIQsu9k5hNQSDN7AAAJIBIAQAbCEE\r\n"
                              "AI6U20sGet+Cj+Bd2DSZnOVX+nNUh6LgS7Rf/xgawBQciD0H/ZvoG6fv+/cJXoeDs28bokgTYBRL\r\n"
                              "GF/AE0373eKVu1lE7iycKF6w8c61XqcOR2WWKhRZ5ic6e1jGvrSGk8H4G7Lkz/53fWfiouLdyTe3\r\n"
                              "fp1bturhhSb/DpdBydANlVKzb7BZxdcsQ5ZvXhOskz7a+/3ZT5tfM/STePEg4T/VY4hgFB0I8+KC\r\n"
                              "BYQhBBYQhhBYQBhCYAFhCIEFhCEEFhCGEFhAGEJgAWEIgQWEIcSvITvLVRly8CAAAAAldEVYdGRh\r\n"
                              "dGU6Y3JlYXRlADIwMjYtMTItMDdUMDA6MDg6MTYrMDA6MDAu6ozgAAAAJXRFWHRkYXRlOm1vZGlm\r\n"
                              "eQAyMDI2LTEyLTA3VDAwOjA4OjE2KzAwOjAwX7c0XAAAAABJRU5ErkJggg==\r\n";

QByteArray newsletter(const QByteArray& date, const QByteArray& subject, const QByteArray& headline, int issue)
{
    const QByteArray number = QByteArray::number(issue);
    return "From: ACME Outdoor <news@acme-outdoor.example>\r\n"
           "To: Alex Test <test@example.test>\r\n"
           "Subject: "
        + subject
        + "\r\n"
          "Date: "
        + date
        + "\r\n"
          "Message-ID: <newsletter-"
        + number
        + "@acme-outdoor.example>\r\n"
          "MIME-Version: 1.0\r\n"
          "Content-Type: multipart/related; boundary=\"rel-"
        + number
        + "\"\r\n"
          "\r\n"
          "--rel-"
        + number
        + "\r\n"
          "Content-Type: text/html; charset=utf-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n"
          "\r\n"
          "<html><head><style>body{font-family:Arial} "
          ".cta{background:url(https://cdn.acme-outdoor.example/bg.png)}</style></head>"
          "<body bgcolor=\"#f4f4f4\"><table width=\"600\" align=\"center\" cellpadding=\"12\" bgcolor=\"#ffffff\">"
          "<tr><td><img src=\"cid:logo-"
        + number
        + "@acme-outdoor.example\" alt=\"ACME Outdoor\" width=\"96\" height=\"32\"></td>"
          "<td align=\"right\"><font color=\"#555555\">Issue "
        + number
        + "</font></td></tr>"
          "<tr><td colspan=\"2\"><img src=\"https://cdn.acme-outdoor.example/hero-"
        + number
        + ".jpg\" width=\"576\" height=\"200\" alt=\"[Autumn collection]\">"
          "<h1 style=\"color:#1565c0\">"
        + headline
        + "</h1>"
          "<p>Dear Alex,</p><p>the days are getting shorter, the trails are getting quieter. Our autumn collection "
          "is here: <b>waterproof jackets</b>, warm layers and boots that keep going when you do.</p>"
          "<table width=\"100%\" cellpadding=\"6\"><tr>"
          "<td><img src=\"https://cdn.acme-outdoor.example/jacket.jpg\" width=\"170\" height=\"120\" "
          "alt=\"[Jacket]\"><br>Ridge Jacket<br><b>€149</b></td>"
          "<td><img src=\"https://cdn.acme-outdoor.example/boots.jpg\" width=\"170\" height=\"120\" "
          "alt=\"[Boots]\"><br>Trail Boots<br><b>€119</b></td>"
          "<td><img src=\"https://cdn.acme-outdoor.example/fleece.jpg\" width=\"170\" height=\"120\" "
          "alt=\"[Fleece]\"><br>Summit Fleece<br><b>€79</b></td>"
          "</tr></table>"
          "<p class=\"cta\"><a href=\"https://click.acme-outdoor.example/t/"
        + number
        + "?u=alex\">See the whole collection</a></p>"
          "<p><small>You receive this because you subscribed at acme-outdoor.example. "
          "<a href=\"https://click.acme-outdoor.example/unsubscribe?u=alex\">Unsubscribe</a></small></p>"
          "<img src=\"https://track.acme-outdoor.example/open.gif?u=alex&amp;i="
        + number
        + "\" width=\"1\" height=\"1\">"
          "<script>document.write('tracking')</script>"
          "</td></tr></table></body></html>\r\n"
          "--rel-"
        + number
        + "\r\n"
          "Content-Type: image/png\r\n"
          "Content-ID: <logo-"
        + number
        + "@acme-outdoor.example>\r\n"
          "Content-Disposition: inline; filename=\"logo.png\"\r\n"
          "Content-Transfer-Encoding: base64\r\n"
          "\r\n"
        + LogoBase64 + "--rel-" + number + "--\r\n";
}

} // namespace

QList<GeneratedMessage> demoNewsletters()
{
    QList<GeneratedMessage> result;
    const struct
    {
        QByteArray date;
        QByteArray subject;
        QByteArray headline;
        QDateTime internal;
    } issues[] = {
        {"Tue, 01 Oct 2024 08:00:00 +0000",
         "Autumn is here: the new collection",
         "Ready for autumn?",
         QDateTime(QDate(2024, 10, 1), QTime(8, 0), Qt::UTC)},
        {"Fri, 01 Nov 2024 08:00:00 +0000",
         "Your winter checklist",
         "Winter is coming to the hills",
         QDateTime(QDate(2024, 11, 1), QTime(8, 0), Qt::UTC)},
    };
    int issue = 41;
    for (const auto& entry : issues) {
        GeneratedMessage message;
        message.raw = newsletter(entry.date, entry.subject, entry.headline, issue++);
        message.internalDate = entry.internal;
        message.folder = QStringLiteral("INBOX");
        message.messageId = "newsletter-" + QByteArray::number(issue - 1) + "@acme-outdoor.example";
        message.kind = GeneratedMessage::Kind::Alternative;
        result << message;
    }
    return result;
}
