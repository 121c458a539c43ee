// The xserver TEST DOUBLE's request-body JSON (fake-xserver.cpp): its values as JavaScript sees them, and its parser.

#pragma once

#include "js-semantics.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

namespace {

// A JSON value of the request body as JavaScript's Number() and String() see it.
struct Value {
  enum Kind { Missing, Null, Bool, Number, String } kind = Missing;
  double number = 0;
  std::string text;
  bool present() const { return kind != Missing && kind != Null; }  // what `??` keeps
};

double toNumber(const Value& v) {
  if (v.kind == Value::Number || v.kind == Value::Bool) return v.number;
  if (v.kind == Value::Null) return 0;
  return v.kind == Value::Missing ? NAN : js::to_number(v.text);
}

std::string toText(const Value& v, const std::string& fallback) {
  if (!v.present()) return fallback;
  if (v.kind == Value::Bool) return v.number != 0 ? "true" : "false";
  return v.kind == Value::Number ? js::number(v.number) : v.text;
}

bool truthy(const Value& v) {
  if (v.kind == Value::Number || v.kind == Value::Bool) return v.number != 0 && !std::isnan(v.number);
  return v.kind == Value::String && !v.text.empty();
}

// JSON's one-letter escapes: `\n` stands for a newline, and so on.
const char escapeLetters[] = "\"\\/bfnrt";
const char escapedChars[] = "\"\\/\b\f\n\r\t";

// Parses a flat JSON object of numbers, strings, booleans and nulls: all the side channel takes.
class BodyParser {
 public:
  explicit BodyParser(const std::string& text) : s(text) {}
  bool parse(std::map<std::string, Value>& out) {
    if (!take('{')) return false;
    if (take('}')) return end();
    do {
      Value key, value;
      if (!string(key) || !take(':') || !scalar(value)) return false;
      out[key.text] = value;
    } while (take(','));
    return take('}') && end();
  }

 private:
  const std::string& s;
  size_t i = 0;
  void space() { while (i < s.size() && std::strchr(" \t\r\n", s[i]) != nullptr) i++; }
  bool take(char c) { space(); return i < s.size() && s[i] == c ? (i++, true) : false; }
  bool end() { space(); return i == s.size(); }
  bool word(const char* w) { size_t n = std::strlen(w); return s.compare(i, n, w) == 0 ? (i += n, true) : false; }
  static void utf8(std::string& out, unsigned code) {
    int extra = code < 0x80 ? 0 : code < 0x800 ? 1 : code < 0x10000 ? 2 : 3;  // continuation bytes
    out += static_cast<char>((extra == 0 ? 0 : (0xf0 << (3 - extra)) & 0xff) | code >> (6 * extra));
    for (int k = extra - 1; k >= 0; k--) out += static_cast<char>(0x80 | (code >> (6 * k) & 0x3f));
  }
  bool hex4(unsigned& code) {
    auto isHex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (i + 4 > s.size() || !std::all_of(s.begin() + i, s.begin() + i + 4, isHex)) return false;
    code = static_cast<unsigned>(std::stoul(s.substr(i, 4), nullptr, 16));
    i += 4;
    return true;
  }
  bool string(Value& v) {
    if (!take('"')) return false;
    v.kind = Value::String;
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') { v.text += c; continue; }
      if (i >= s.size()) return false;
      char e = s[i++];
      if (const char* at = std::strchr(escapeLetters, e); at != nullptr && e != '\0') { v.text += escapedChars[at - escapeLetters]; continue; }
      unsigned code = 0, low = 0;
      if (e != 'u' || !hex4(code)) return false;
      bool pair = code >= 0xd800 && code < 0xdc00 && word("\\u") && hex4(low) && low >= 0xdc00 && low < 0xe000;
      if (pair) code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);  // a UTF-16 surrogate pair
      utf8(v.text, code);
    }
    return take('"');
  }
  bool scalar(Value& v) {
    space();
    if (i < s.size() && s[i] == '"') return string(v);
    if (word("true")) { v.kind = Value::Bool; v.number = 1; return true; }
    if (word("false")) { v.kind = Value::Bool; v.number = 0; return true; }
    if (word("null")) { v.kind = Value::Null; return true; }
    const char* start = s.c_str() + i;
    char* rest = nullptr;
    v.number = std::strtod(start, &rest);
    if (rest == start || !(std::isdigit(static_cast<unsigned char>(*start)) || *start == '-')) return false;
    v.kind = Value::Number;
    i += static_cast<size_t>(rest - start);
    return true;
  }
};

}  // namespace
