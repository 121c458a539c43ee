// JSON string literals (RFC 8259): quotes, backslashes and control characters
// escaped; bytes that are not valid UTF-8 become U+FFFD, so the output always
// parses (paths in /proc/self/maps and GPU names are arbitrary bytes).
#pragma once

#include <string>
#include <string_view>

namespace xsp {

// The JSON string literal for text, quotes included.
std::string quoteJsonString(std::string_view text);

}  // namespace xsp
