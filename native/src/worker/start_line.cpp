#include "worker/start_line.hpp"

#include <charconv>

#include "worker/exit_codes.hpp"

namespace xsp {
namespace {

bool parseInstant(const std::string& text, size_t begin, size_t end, int64_t* out) {
  if (begin >= end || text.find_first_not_of("0123456789", begin) < end) return false;
  auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + end, *out);
  return ec == std::errc() && ptr == text.data() + end;
}

}  // namespace

StartInstants parseStartLine(const std::string& rawLine) {
  std::string line = rawLine;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  auto malformed = [&](const std::string& why) {
    return WorkerError(ExitCode::ProtocolError,
                       "malformed START line '" + line + "': " + why + " (expected START <startNs> <endNs>)");
  };
  const std::string word = "START ";
  if (line.compare(0, word.size(), word) != 0) throw malformed("it does not begin with START");
  size_t space = line.find(' ', word.size());
  if (space == std::string::npos) throw malformed("it has no end instant");
  StartInstants start{};
  if (!parseInstant(line, word.size(), space, &start.startNs)) throw malformed("the start instant is not a decimal integer");
  if (!parseInstant(line, space + 1, line.size(), &start.endNs)) throw malformed("the end instant is not a decimal integer");
  if (start.endNs <= start.startNs) throw malformed("the end instant is not after the start instant");
  return start;
}

void checkStartNotPassed(const StartInstants& start, int64_t nowNs) {
  if (nowNs <= start.startNs) return;
  double lateMs = static_cast<double>(nowNs - start.startNs) / 1e6;
  throw WorkerError(ExitCode::ProtocolError,
                    "late: the start instant " + std::to_string(start.startNs) + " had passed " +
                        std::to_string(lateMs) + " ms before START arrived; give workers more lead time");
}

}  // namespace xsp
