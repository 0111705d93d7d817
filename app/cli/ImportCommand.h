#pragma once

struct CliContext;

// openarchiver-cli import PATH... [--into NAME]: mbox files, .eml files and
// folders of them, Maildir folders into a local source (MailFileImport).
int runImportCommand(CliContext& context);
