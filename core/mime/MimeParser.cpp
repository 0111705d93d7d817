#include "MimeParser.h"
