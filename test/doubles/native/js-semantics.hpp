// JavaScript and node semantics for the compiled TEST DOUBLES (fake-worker.cpp, fake-xserver.cpp):
// they replaced node scripts and behave as those did, so numbers parse, round and print here
// exactly as in V8 (Number(), Math.round, Math.log, String(number), JSON.stringify), and a
// command line is read as node's util.parseArgs reads it, with its messages.

#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace js {

/** String(x) for a number: shortest round-trip digits, laid out by ECMAScript's Number::toString. */
inline std::string number(double x) {
  if (std::isnan(x)) return "NaN";
  if (x == 0) return "0";
  if (x < 0) return "-" + number(-x);
  if (std::isinf(x)) return "Infinity";
  char buf[64];
  char* end = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific).ptr;
  char* e = std::find(buf, end, 'e');
  std::string digits(buf, 1);
  if (e > buf + 1) digits.append(buf + 2, e);
  int n = std::atoi(std::string(e + 1, end).c_str()) + 1;  // x = 0.digits * 10^n
  int k = static_cast<int>(digits.size());
  if (k <= n && n <= 21) return digits + std::string(n - k, '0');
  if (0 < n && n <= 21) return digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return "0." + std::string(-n, '0') + digits;
  std::string exponent = (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
  return k == 1 ? digits + exponent : digits.substr(0, 1) + "." + digits.substr(1) + exponent;
}

/** A number as JSON.stringify writes it (no NaN or Infinity in JSON). */
inline std::string json_number(double x) { return std::isfinite(x) ? number(x) : "null"; }

/** JSON.stringify(string). */
inline std::string quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\u%04x", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

/** String.prototype.trim: JS white space and line terminators (UTF-8 encoded) at both ends. */
inline std::string_view trim(std::string_view s) {
  static const std::string_view spaces[] = {" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003",
    "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view space : spaces) {
      if (s.substr(0, space.size()) == space) s.remove_prefix(space.size()), stripped = true;
      if (s.size() >= space.size() && s.substr(s.size() - space.size()) == space) s.remove_suffix(space.size()), stripped = true;
    }
  }
  return s;
}

/** Number(string): decimal (strtod rounds correctly), 0x/0o/0b integers, Infinity; NaN otherwise. */
inline double to_number(std::string_view raw) {
  std::string s(trim(raw));
  if (s.empty()) return 0;
  if (s.size() > 2 && s[0] == '0' && std::strchr("xXoObB", s[1]) != nullptr) {
    int base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
    double value = 0;
    for (char c : s.substr(2)) {
      int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::isxdigit(static_cast<unsigned char>(c)) ? (c | 0x20) - 'a' + 10 : 99;
      if (digit >= base) return NAN;
      value = value * base + digit;
    }
    return base == 16 ? std::strtod(s.c_str(), nullptr) : value;
  }
  size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
  if (s.compare(i, std::string::npos, "Infinity") == 0) return s[0] == '-' ? -INFINITY : INFINITY;
  auto digits = [&] {
    size_t from = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - from;
  };
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') ++i, mantissa += digits();
  if (mantissa == 0) return NAN;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return NAN;
  }
  return i == s.size() ? std::strtod(s.c_str(), nullptr) : NAN;
}

/** Math.round: the nearest integer, halves rounded up (V8: ceil, then down if that went past x + 0.5). */
inline double round(double x) {
  double up = std::ceil(x);
  return up - 0.5 > x ? up - 1.0 : up;
}

/** Number.prototype.toFixed(0) of a non-negative number: halves round up, every digit exact below 1e21. */
inline std::string to_fixed0(double x) {
  if (!(x < 1e21)) return number(x);
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.0f", std::floor(x) + (x - std::floor(x) >= 0.5 ? 1 : 0));
  return digits;
}

/** ToUint32 (x >>> 0). */
inline uint32_t to_uint32(double x) {
  if (!std::isfinite(x)) return 0;
  double m = std::fmod(std::trunc(x), 4294967296.0);
  return static_cast<uint32_t>(m < 0 ? m + 4294967296.0 : m);
}

/** Math.log as V8 computes it (fdlibm's e_log.c), whose last bit glibc's log() may not share. */
inline double log(double x) {
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10, two54 = 1.80143985094819840000e+16;
  const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
               Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01,
               Lg7 = 1.479819860511658591e-01;
  auto bits = [](double d) { uint64_t u; std::memcpy(&u, &d, sizeof u); return u; };
  uint64_t u = bits(x);
  int32_t hx = static_cast<int32_t>(u >> 32);
  uint32_t lx = static_cast<uint32_t>(u);
  int32_t k = 0;
  if (hx < 0x00100000) {  // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) == 0) return -INFINITY;
    if (hx < 0) return NAN;
    k -= 54;
    x *= two54;  // subnormal: scale up
    hx = static_cast<int32_t>(bits(x) >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  int32_t i = (hx + 0x95f64) & 0x100000;
  uint64_t normalized = (static_cast<uint64_t>(static_cast<uint32_t>(hx | (i ^ 0x3ff00000))) << 32) | (bits(x) & 0xffffffffu);
  std::memcpy(&x, &normalized, sizeof x);  // x or x/2, in [sqrt(2)/2, sqrt(2))
  k += i >> 20;
  double f = x - 1.0, dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {  // |f| < 2^-20
    if (f == 0) return k == 0 ? 0 : dk * ln2_hi + dk * ln2_lo;
    double r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * ln2_hi - ((r - dk * ln2_lo) - f);
  }
  double s = f / (2.0 + f), z = s * s, w = z * z;
  int32_t j = 0x6b851 - hx;
  i = hx - 0x6147a;
  double t1 = w * (Lg2 + w * (Lg4 + w * Lg6)), t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7))), r = t2 + t1;
  if ((i | j) > 0) {
    double hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * ln2_hi - ((hfsq - (s * (hfsq + r) + dk * ln2_lo)) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * ln2_hi - ((s * (f - r) - dk * ln2_lo) - f);
}

/** Array.prototype.includes. */
inline bool includes(const std::vector<std::string>& items, const std::string& item) { return std::find(items.begin(), items.end(), item) != items.end(); }

/** Array.prototype.join. */
inline std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : separator) + item;
  return joined;
}

/** node's readline with crlfDelay: Infinity: lines end at \n, \r\n or \r; at the end of input
 * (size 0) an unterminated last line still counts. */
class LineReader {
 public:
  template <typename OnLine>
  void feed(const char* data, size_t size, OnLine on_line) {
    for (size_t i = 0; i < size; ++i) {
      bool lf_of_crlf = after_cr_ && data[i] == '\n';
      after_cr_ = data[i] == '\r';
      if (lf_of_crlf) continue;
      if (data[i] != '\n' && data[i] != '\r') line_ += data[i];
      else on_line(line_), line_.clear();
    }
    if (size == 0 && !line_.empty()) on_line(line_), line_.clear();
  }

 private:
  std::string line_;
  bool after_cr_ = false;
};

/** The first character of `s` as JS sees it: half of an astral character prints as U+FFFD. */
inline std::string first_character(const std::string& s) {
  unsigned char lead = s[0];
  size_t length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : 0;
  return length == 0 || length > s.size() ? "\xef\xbf\xbd" : s.substr(0, length);
}

/** What node 20's util.parseArgs({strict: true, options}) returns, or the message of its first error. */
struct ParsedArgs {
  std::map<std::string, std::string> values;  // string options (the last of a repeated one wins)
  std::set<std::string> flags;  // boolean options
  std::string error;  // empty: a valid command line
};

inline ParsedArgs parse_args(int argc, char** argv, const std::vector<std::string>& strings, const std::vector<std::string>& booleans) {
  auto positional = [](const std::string& arg) { return ParsedArgs{{}, {}, "Unexpected argument '" + arg + "'. This command does not take positional arguments"}; };
  auto refuse = [](const std::string& message) { return ParsedArgs{{}, {}, message}; };
  ParsedArgs parsed;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") return i + 1 < argc ? positional(argv[i + 1]) : parsed;
    if (arg.size() >= 2 && arg[0] == '-' && arg[1] != '-') return refuse("Unknown option '-" + first_character(arg.substr(1)) + "'");  // no short options
    if (arg.size() <= 2 || arg.compare(0, 2, "--") != 0) return positional(arg);
    bool inline_value = arg.find('=', 3) != std::string::npos;  // --name=value
    std::string name = inline_value ? arg.substr(2, arg.find('=') - 2) : arg.substr(2);
    std::optional<std::string> value;
    if (inline_value) value = arg.substr(arg.find('=') + 1);
    else if (includes(strings, name) && i + 1 < argc) value = argv[++i];
    if (!includes(strings, name) && !includes(booleans, name)) return refuse("Unknown option '--" + name + "'");
    if (includes(strings, name) && !value) return refuse("Option '--" + name + " <value>' argument missing");
    if (includes(booleans, name) && value) return refuse("Option '--" + name + "' does not take an argument");
    if (!inline_value && value && value->size() > 1 && (*value)[0] == '-') {
      return refuse("Option '--" + name + "' argument is ambiguous.\nDid you forget to specify the option argument for '--" + name +
                    "'?\nTo specify an option argument starting with a dash use '--" + name + "=-XYZ'.");
    }
    if (value) parsed.values[name] = *value;
    else parsed.flags.insert(name);
  }
  return parsed;
}

/** Why node's process.exit(code) throws (the first line of its RangeError); empty for a safe integer. */
inline std::string exit_code_error(double code) {
  const std::string prefix = "RangeError [ERR_OUT_OF_RANGE]: The value of \"code\" is out of range. It must be ";
  if (code != std::trunc(code)) return prefix + "an integer. Received " + number(code);
  if (std::fabs(code) <= 9007199254740991.0) return "";
  std::string received = number(code), grouped;  // node's addNumericalSeparator: 1_000_000 (codes here are >= 0)
  size_t i = received.size();
  for (; i >= 4; i -= 3) grouped = "_" + received.substr(i - 3, 3) + grouped;
  return prefix + ">= -9007199254740991 && <= 9007199254740991. Received " + received.substr(0, i) + grouped;
}

}  // namespace js
