#pragma once

// The vocabulary of the mail generator. Word lists run from frequent to rare:
// the generator draws early entries more often, so the text has the skewed
// word frequencies (and hence the compression ratio) of real prose. All text
// is UTF-8; the legacy-charset lists hold only characters their charset has.

#include <string_view>

namespace MailWords {

struct Name
{
    std::string_view display; // UTF-8, as shown
    std::string_view ascii; // for the address's local part
};

// Packed by hand: clang-format would put every word on a line of its own.
// clang-format off

inline constexpr std::string_view english[] = {
    "the", "to", "and", "of", "a", "in", "we", "is", "for", "that", "you", "it", "on", "with", "this", "be", "will",
    "have", "are", "as", "I", "at", "not", "can", "our", "from", "by", "please", "an", "if", "all", "would", "or",
    "your", "they", "was", "about", "so", "me", "there", "but", "next", "some", "more", "also", "know", "should",
    "meeting", "project", "team", "week", "time", "new", "report", "need", "update", "could", "one", "let", "us",
    "thanks", "just", "been", "which", "when", "what", "think", "still", "before", "after", "send", "review", "client",
    "version", "draft", "budget", "schedule", "changes", "question", "document", "attached", "today", "tomorrow",
    "Monday", "Friday", "quarter", "numbers", "proposal", "contract", "office", "customer", "order", "delivery",
    "invoice", "payment", "server", "migration", "release", "testing", "feedback", "discussion", "agenda", "minutes",
    "call", "deadline", "status", "issue", "plan", "figures", "summary", "details", "support", "colleagues",
    "department", "management", "approval", "estimate", "progress", "priority", "resources", "requirements",
    "workshop", "presentation", "training", "conference", "travel", "hotel", "booking", "lunch", "morning",
    "afternoon", "evening", "already", "probably", "unfortunately", "hopefully", "quickly", "carefully", "together",
    "however", "therefore", "meanwhile", "otherwise", "anyway", "confirm", "prepare", "discuss", "finish", "forward",
    "include", "mention", "suggest", "organise", "arrange", "check", "agree", "expect", "receive", "share", "remember",
    "important", "available", "possible", "necessary", "final", "current", "previous", "upcoming", "detailed",
    "quarterly", "annual", "internal", "external", "several", "different", "warehouse", "shipment", "supplier",
    "inventory", "spreadsheet", "database", "backup", "network", "printer", "laptop", "password", "account", "license",
    "renewal", "subscription", "newsletter", "campaign", "website", "launch", "milestone", "roadmap", "stakeholders",
    "compliance", "audit", "policy", "insurance", "tax",
};

inline constexpr std::string_view german[] = {
    "die", "der", "und", "in", "zu", "den", "das", "nicht", "von", "sie", "ist", "des", "sich", "mit", "dem", "dass",
    "er", "es", "ein", "ich", "auf", "so", "eine", "auch", "als", "an", "nach", "wie", "im", "für", "wir", "noch",
    "bei", "bis", "über", "aus", "wird", "werden", "können", "müssen", "würde", "möchte", "bitte", "gerne", "Ihnen",
    "uns", "unser", "Ihre", "schon", "heute", "morgen", "nächste", "Woche", "Termin", "Projekt", "Besprechung",
    "Unterlagen", "Angebot", "Rechnung", "Bestellung", "Lieferung", "Kunden", "Kollegen", "Abteilung", "Änderungen",
    "Übersicht", "Prüfung", "Rückfrage", "Grüße", "Größe", "Straße", "Büro", "Geschäftsführung", "Mitarbeiter",
    "Zusammenfassung", "Entwurf", "Vertrag", "Frist", "Zeitplan", "Haushalt", "Bericht", "Ergebnisse", "Zahlen",
    "Quartal", "Stand", "Rückmeldung", "Abstimmung", "Freigabe", "Einladung", "Tagesordnung", "Protokoll", "Schulung",
    "Reise", "Hotel", "Buchung", "Mittagessen", "Vormittag", "Nachmittag", "leider", "hoffentlich", "natürlich",
    "außerdem", "trotzdem", "deshalb", "zunächst", "eigentlich", "ungefähr", "gemäß", "bezüglich", "erhalten",
    "besprechen", "vorbereiten", "prüfen", "schicken", "weiterleiten", "bestätigen", "erledigen", "klären", "ergänzen",
    "überarbeiten", "zurückmelden", "wichtig", "dringend", "möglich", "nötig", "aktuell", "vorherige", "kommende",
    "ausführlich", "jährlich", "intern", "extern", "verschiedene", "zuständig", "Lager", "Lieferant", "Tabelle",
    "Datenbank", "Sicherung", "Netzwerk", "Drucker", "Zugang", "Kennwort", "Lizenz", "Verlängerung",
    "Veröffentlichung", "Meilenstein", "Prüfbericht", "Wartung", "Störung", "Gebäude", "Fahrzeug", "Müller", "Schäfer",
    "München", "Köln", "Düsseldorf", "Nürnberg", "Zürich", "Österreich", "Bürgersteig", "Gemüse", "Frühstück",
    "Getränke", "Schlüssel", "Mängel", "Gewährleistung", "Bestätigung", "Verfügbarkeit",
};

inline constexpr std::string_view french[] = {
    "le", "de", "la", "et", "les", "des", "un", "une", "pour", "que", "est", "dans", "nous", "vous", "sur", "pas", "en",
    "je", "il", "ce", "qui", "au", "du", "par", "plus", "mais", "avec", "on", "tout", "bien", "aussi", "leur", "sans",
    "merci", "projet", "client", "rapport", "demain", "lundi", "vendredi", "document", "contrat", "budget", "prix",
    "livraison", "facture", "bureau", "à", "très", "déjà", "après", "être", "réunion", "équipe", "société",
    "problème", "décision", "numéro", "journée", "prochaine", "semaine", "réponse", "résumé", "café", "été",
    "façon", "reçu", "français", "château", "fenêtre", "hôtel", "bientôt", "où", "là", "préparer", "vérifier",
    "envoyé", "modifié", "intéressé", "année", "entrée", "idée", "qualité", "sécurité", "activité", "prévu",
    "développement", "délai",
};

// Typographic quotes, the euro sign and the en dash are what windows-1252 has
// and iso-8859-1 lacks; mail labeled windows-1252 uses them.
inline constexpr std::string_view windows1252Extras[] = {
    "„Angebot“", "„Entwurf“", "– siehe Anhang –", "19,99 €", "250 €", "1.200 €", "„Stand“", "–",
};

inline constexpr std::string_view russian[] = {
    "Здравствуйте, коллеги.", "Отправляю вам отчёт за прошлый квартал.",
    "Встреча переносится на пятницу, в десять часов утра.",
    "Пожалуйста, проверьте цифры в таблице и сообщите мне о замечаниях.",
    "Счёт на оплату будет готов до конца недели.",
    "Мы обсудили новый проект с клиентом, и он согласился с нашим предложением.",
    "Прошу подтвердить получение документов.", "К сожалению, поставка задерживается на несколько дней.",
    "Все изменения внесены в договор, осталось только подписать его.", "Буду благодарен за быстрый ответ.",
    "Сервер будет недоступен в субботу из-за планового обслуживания.",
    "Напоминаю, что срок сдачи отчёта истекает в понедельник.", "Ёлка в офисе будет стоять до середины января.",
    "Если возникнут вопросы, звоните мне в любое время.", "С уважением и наилучшими пожеланиями.",
};

// Only characters of JIS X 0208, so iso-2022-jp and shift_jis both hold them.
inline constexpr std::string_view japanese[] = {
    "いつもお世話になっております。", "先日の会議の議事録をお送りします。", "来週の打ち合わせは木曜日の午後三時からに変更になりました。", "見積書を添付いたしましたので、ご確認をお願いいたします。",
    "納期について、もう一度ご相談させていただけますでしょうか。", "資料の修正版を本日中に送付いたします。", "サーバーの保守作業のため、土曜日はシステムを停止します。",
    "ご不明な点がございましたら、お気軽にお問い合わせください。", "新しいプロジェクトの担当者を紹介いたします。", "東京本社での研修は来月に予定しております。", "請求書の金額に誤りがありましたので、訂正いたします。",
    "引き続きよろしくお願い申し上げます。", "お忙しいところ恐縮ですが、ご返信をお待ちしております。", "出張の日程が決まりましたら、改めてご連絡いたします。",
};

inline constexpr std::string_view chinese[] = {
    "大家好。", "附件是上个季度的销售报告，请查收。", "下周二上午十点在三楼会议室开会。", "请在周五之前确认合同的修改内容。", "由于系统维护，服务器将在周六暂停使用。", "我们已经和客户讨论了新的项目计划。",
    "发票已经寄出，预计三天后到达。", "如果有任何问题，请随时与我联系。", "感谢各位的辛勤工作和支持。", "培训课程安排在下个月的第一周。", "请大家按时提交工作总结。", "关于预算的问题，我们需要再开一次会。",
    "祝工作顺利，身体健康。",
};

inline constexpr Name firstNames[] = {
    {"Anna", "anna"}, {"Thomas", "thomas"}, {"Jürgen", "juergen"}, {"Sarah", "sarah"}, {"Michael", "michael"},
    {"Jörg", "joerg"}, {"Emma", "emma"}, {"Björn", "bjoern"}, {"Laura", "laura"}, {"Sören", "soeren"},
    {"David", "david"}, {"Käthe", "kaethe"}, {"James", "james"}, {"Zoë", "zoe"}, {"Lukas", "lukas"}, {"René", "rene"},
    {"Olivia", "olivia"}, {"François", "francois"}, {"Peter", "peter"}, {"Günther", "guenther"}, {"Maria", "maria"},
    {"Hélène", "helene"}, {"Daniel", "daniel"}, {"Ülkü", "uelkue"}, {"Sophie", "sophie"}, {"Tobias", "tobias"},
    {"Chloé", "chloe"}, {"Markus", "markus"}, {"Julia", "julia"}, {"Åsa", "asa"}, {"Robert", "robert"},
    {"Dörte", "doerte"},
};

inline constexpr Name lastNames[] = {
    {"Müller", "mueller"}, {"Smith", "smith"}, {"Schäfer", "schaefer"}, {"Johnson", "johnson"}, {"Weiß", "weiss"},
    {"Brown", "brown"}, {"Böhm", "boehm"}, {"Meyer", "meyer"}, {"Groß", "gross"}, {"Wilson", "wilson"},
    {"Krüger", "krueger"}, {"Schmidt", "schmidt"}, {"Lefèvre", "lefevre"}, {"Taylor", "taylor"},
    {"Fischer", "fischer"}, {"Jäger", "jaeger"}, {"Wagner", "wagner"}, {"O'Brien", "obrien"}, {"Hoffmann", "hoffmann"},
    {"Köhler", "koehler"}, {"Becker", "becker"}, {"Dubois", "dubois"}, {"Schröder", "schroeder"}, {"Clarke", "clarke"},
    {"Neumann", "neumann"}, {"Lange", "lange"}, {"Sánchez", "sanchez"}, {"Wolf", "wolf"},
};

inline constexpr std::string_view domains[] = {
    "example.com", "example.org", "example.net", "beispiel.example", "firma.example", "mail.example.de",
    "lieferant.example", "kunde.example.com", "uni.example.edu", "verein.example.org",
};

inline constexpr std::string_view relayHosts[] = {
    "mail-out.example.com", "smtp.example.org", "mx01.example.net", "relay.firma.example", "mailgw.example.de",
    "out.mailer.example",
};

// Subjects for mail whose Subject stays plain ASCII.
inline constexpr std::string_view asciiSubjects[] = {
    "Meeting notes", "Quarterly report", "Invoice", "Project update", "Question about the contract",
    "Lunch on Friday?", "Budget review", "Travel plans", "Server maintenance this weekend", "Contract draft",
    "Weekly sync", "Feedback on the proposal", "Shipping confirmation", "Your order", "Reminder: deadline",
    "Agenda for Monday", "Status of the migration", "New version of the spreadsheet", "Holiday schedule",
    "Protokoll der Sitzung", "Rechnung", "Termin am Montag", "Angebot", "Einladung zum Workshop", "Neue Preisliste",
    "Urlaubsplanung", "Wartungsfenster am Samstag", "Kurze Frage", "Stand der Dinge",
};

// Subjects that need encoding: each has at least one non-ASCII character.
inline constexpr std::string_view nonAsciiSubjects[] = {
    "Grüße aus München", "Rückfrage zur Bestellung", "Übersicht der Änderungen", "Einladung zum Sommerfest 🎉",
    "Café am Donnerstag?", "Prüfbericht für das Quartal", "Straßenfest – Helfer gesucht",
    "Größenangaben für den Katalog", "Résumé and cover letter", "Ausschreibung: Gebäudereinigung",
    "Bestätigung Ihrer Bestellung", "Schlüsselübergabe", "Frühstück im Büro", "Präsentation für Zürich",
    "Verfügbarkeit im März", "Mängelliste Gebäude B", "Réunion de l'équipe", "Reisekostenabrechnung – Köln",
    "Naïve question about the façade", "Déjà vu: the budget again",
};

inline constexpr std::string_view subjectTopics[] = {
    "Atlas", "Q1", "Q2", "Q3", "Q4", "Website", "ERP", "Berlin office", "Phase 2", "Team Nord", "2024", "Kunde 4711",
};

inline constexpr std::string_view russianSubjects[] = {
    "Отчёт за квартал", "Встреча в пятницу", "Счёт на оплату", "Изменения в договоре", "Плановое обслуживание",
};

inline constexpr std::string_view japaneseSubjects[] = {
    "会議の議事録", "来週の打ち合わせについて", "見積書の送付", "請求書の訂正", "研修のご案内",
};

inline constexpr std::string_view chineseSubjects[] = {
    "会议通知", "季度报告", "关于下周的安排", "合同修改", "培训安排",
};

// The legal footers of business mail: long, repeated, and so part of why
// real mailboxes compress well.
inline constexpr std::string_view englishDisclaimer
    = "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be legally privileged. "
      "They are intended solely for the use of the individual or entity to whom they are addressed. If you have "
      "received this e-mail in error, please notify the sender immediately by reply and delete it from your system; "
      "you must not copy, forward, disclose or otherwise use its contents. Internet communications cannot be "
      "guaranteed to be secure or error-free, and the sender accepts no liability for any damage caused by viruses "
      "or by the interception, alteration or late delivery of this message. Please consider the environment before "
      "printing this e-mail.";

inline constexpr std::string_view germanDisclaimer
    = "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige "
      "Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und "
      "vernichten Sie diese E-Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser E-Mail sind nicht "
      "gestattet. Geschäftsführer: Dr. Jürgen Müller, Käthe Schäfer. Sitz der Gesellschaft: München, Amtsgericht "
      "München HRB 123456, USt-IdNr. DE 123456789. Bitte prüfen Sie, ob der Ausdruck dieser E-Mail wirklich "
      "nötig ist.";

inline constexpr std::string_view companies[] = {
    "Müller & Söhne GmbH", "Example Corp.", "Beispiel AG", "Acme Logistics Ltd", "Gärtnerei Grün KG",
    "Northwind Traders", "Büro für Gestaltung", "Contoso Europe",
};

// An attachment's name (UTF-8) and its type; names with non-ASCII characters
// go out encoded both ways (RFC 2231 and RFC 2047), as common mailers do.
struct AttachmentType
{
    std::string_view name;
    std::string_view mimeType;
};

inline constexpr AttachmentType attachmentNames[] = {
    {"report_2019.pdf", "application/pdf"},
    {"Grüße.pdf", "application/pdf"},
    {"IMG_4711.jpg", "image/jpeg"},
    {"Präsentation März.pdf", "application/pdf"},
    {"archive.zip", "application/zip"},
    {"Übersicht_Käufe.csv", "text/csv"},
    {"Rechnung-2023-117.pdf", "application/pdf"},
    {"Фото_отпуск.jpg", "image/jpeg"},
    {"data-export.csv", "text/csv"},
    {"報告書.pdf", "application/pdf"},
    {"Café São Paulo.zip", "application/zip"},
    {"scan0042.jpg", "image/jpeg"},
    {"naïve résumé.pdf", "application/pdf"},
    {"backup.zip", "application/zip"},
};

// clang-format on

} // namespace MailWords
