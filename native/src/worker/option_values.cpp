#include "worker/option_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "worker/exit_codes.hpp"

namespace xsp {
namespace {

[[noreturn]] void reject(const std::string& reason) { throw WorkerError(ExitCode::BadCommandLine, reason); }

std::string quoted(const std::string& text) { return "'" + text + "'"; }

}  // namespace

int64_t parseIntegerValue(const std::string& flag, const std::string& text, int64_t min, int64_t max) {
  std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  bool digitsOnly = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digitsOnly) reject(flag + " " + quoted(text) + " is not " + expected);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    reject(flag + " " + quoted(text) + " is out of range: expected " + expected);
  }
  return value;
}

double parseRateValue(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  double value = text.empty() || std::isspace(static_cast<unsigned char>(text[0])) ? NAN : std::strtod(begin, &end);
  if (end != begin + text.size() || !std::isfinite(value) || value <= 0 || value > 100000) {
    reject("--rate-hz " + quoted(text) + " is not a rate in Hz greater than 0 and at most 100000");
  }
  return value;
}

Role parseRoleValue(const std::string& text) {
  if (text == "hp") return Role::Hp;
  if (text == "lp") return Role::Lp;
  reject("--role " + quoted(text) + " is not hp or lp");
}

ModelKind parseModelValue(const std::string& text) {
  ModelKind kind;
  if (!parseModelKind(text, &kind)) reject("--model " + quoted(text) + " is not a known model: expected resnet18 or resnet50");
  return kind;
}

Arrival parseArrivalValue(const std::string& text) {
  if (text == "uniform") return Arrival::Uniform;
  if (text == "poisson") return Arrival::Poisson;
  reject("--arrival " + quoted(text) + " is not uniform or poisson");
}

StreamPriorityKind parseStreamPriorityValue(const std::string& text) {
  if (text == "default") return StreamPriorityKind::Default;
  if (text == "high") return StreamPriorityKind::High;
  if (text == "low") return StreamPriorityKind::Low;
  reject("--stream-priority " + quoted(text) + " is not default, high or low");
}

std::string parseResultPathValue(const std::string& text) {
  if (text.empty()) reject("--result '' is empty: give the path of the result JSON to write");
  if (text.back() == '/') reject("--result " + quoted(text) + " names a directory: give a file path");
  return text;
}

std::string formatShortest(double value) {
  char buffer[64];
  // Plain digits in the range people type ("100000", not "1e+05").
  double magnitude = std::fabs(value);
  bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15);
  auto [end, ec] = plain ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                         : std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

}  // namespace xsp
