// A small streaming JSON writer: commas and nesting are tracked, strings are
// escaped (RFC 8259), invalid UTF-8 becomes U+FFFD, non-finite numbers null.
// Misuse (a value where a key is due, unbalanced ends) throws std::logic_error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xsp {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& integer(int64_t value);
  // Shortest text that reads back as the same double; NaN and infinities as null.
  JsonWriter& number(double value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // The document; throws std::logic_error if an object or array is still open.
  const std::string& text() const;

 private:
  enum class Scope { Object, Array };
  void beforeValue();
  void endScope(Scope scope, char close);

  std::string out_;
  std::vector<Scope> scopes_;
  std::vector<bool> scopeHasItems_;
  bool keyPending_ = false;
  bool done_ = false;
};

}  // namespace xsp
