#pragma once

#include "GeneratedMessage.h"

#include <QList>

// HTML newsletters for the demo mailbox, as real ones come: a table layout,
// a logo sent inside the message (cid:), pictures and a tracking pixel on
// web servers, links. The viewer shows them without loading anything from
// the web: what the screenshots and a first look at the app should see.
QList<GeneratedMessage> demoNewsletters();
